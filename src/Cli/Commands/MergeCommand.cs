using System.CommandLine;
using Degeneracy.Cli.Json;
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
        var files = new Argument<string[]>("files") { Description = "JSON files written by `degeneracy mc`", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string?>("--out") { Description = "write the merged JSON here (atomically) instead of stdout" };
        var cmd = new Command("merge", "Merge Monte Carlo shards (same configuration, disjoint sample ranges) exactly.");
        cmd.Arguments.Add(files);
        cmd.Options.Add(output);
        cmd.SetAction(parse => Run(ctx, parse.GetValue(files) ?? [], parse.GetValue(output)));
        return cmd;
    }

    private static int Run(CliContext ctx, string[] files, string? outputPath)
    {
        if (files.Length == 0) throw new ArgumentException("merge needs at least one file", nameof(files));
        JsonOutput.CheckWritable(outputPath);
        var parts = files.Select(f => MonteCarloJson.Read(File.ReadAllText(f), f)).ToList();
        var merged = MonteCarloResult.Merge(parts);
        JsonOutput.Write(MonteCarloJson.Write(merged), outputPath, ctx.Out);
        return CliRunner.Ok;
    }
}
