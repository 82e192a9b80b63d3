using System.CommandLine;
using Degeneracy.Cli.Json;
using Degeneracy.Verify.Batches;
using Degeneracy.Verify.MonteCarlo;

namespace Degeneracy.Cli.Commands;

/// <summary>
/// <c>degeneracy merge FILE.json... [--out FILE.json]</c>: combines `mc` results of the same configuration over
/// disjoint shards; merging all shards gives the JSON of the unsharded run (except elapsedSeconds, which add up).
/// </summary>
internal static class MergeCommand
{
    public static Command Create(CliContext ctx)
    {
        var files = new Argument<string[]>("files") { Description = "JSON files written by `degeneracy mc` (angle chain or --batch, all of one kind)", Arity = ArgumentArity.OneOrMore };
        var output = CommonOptions.Out("write the merged JSON here (atomically) instead of stdout");
        var cmd = new Command("merge", "Merge Monte Carlo shards (same configuration, disjoint sample ranges) exactly.");
        cmd.Arguments.Add(files);
        cmd.Options.Add(output);
        cmd.SetAction(parse => Run(ctx, parse.GetValue(files) ?? [], parse.GetValue(output)));
        return cmd;
    }

    private static int Run(CliContext ctx, string[] files, string? outputPath)
    {
        OptionCheck.That(files.Length > 0, "merge needs at least one file.");
        var texts = files.Select(f => (File: f, Text: ReadInput(f))).ToList();
        if (BatchJson.IsBatch(texts[0].Text))
        {
            var batches = texts.Select(t => BadInputException.Check(t.File, () => BatchJson.Read(t.Text, t.File))).ToList();
            var mergedBatch = BadInputException.Check("merge", () => BatchResult.Merge(batches.Select(b => b.Result).ToList()));
            AtomicFile.WriteTextOrPrint(outputPath, BatchJson.Write(mergedBatch, configuration: batches[0].Configuration), ctx.Out);
            return CliRunner.Ok;
        }
        var parts = new List<MonteCarloResult>();
        var accelerators = new List<string?>();
        foreach (var (f, text) in texts)
        {
            string? accelerator = null;
            parts.Add(BadInputException.Check(f, () => MonteCarloJson.Read(text, f, out accelerator)));
            accelerators.Add(accelerator);
        }
        // gpu shards merge among themselves (the label and the accelerators are kept); mixed with chain shards the
        // result could not say what produced it (on a GPU the values agree with the CPU only to rounding).
        bool anyGpu = accelerators.Any(a => a is not null), allGpu = accelerators.All(a => a is not null);
        OptionCheck.That(!anyGpu || allGpu, "merge: cannot mix gpu shards with chain shards (merge each kind separately).");
        var merged = BadInputException.Check("merge", () => MonteCarloResult.Merge(parts));
        string? label = allGpu ? string.Join(" + ", accelerators.Distinct()) : null;
        AtomicFile.WriteTextOrPrint(outputPath, MonteCarloJson.Write(merged, label), ctx.Out);
        return CliRunner.Ok;
    }

    /// <summary>An input file's text; a missing or unreadable file is bad input.</summary>
    private static string ReadInput(string file)
    {
        try { return File.ReadAllText(file); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new BadInputException($"{file}: cannot read ({BadInputException.Plain(e)}).", e);
        }
    }
}
