using System.Buffers;
using System.CommandLine;
using System.Text;
using System.Text.Json;
using Degeneracy.Cli.Plotting;
using Degeneracy.Verify.Claims;

namespace Degeneracy.Cli.Commands;

/// <summary>
/// <c>degeneracy claims [--source NAME] [--quick] [--seed K] [--format text|json] [--out FILE] [--markdown FILE]</c>: holds each
/// checkable claim of the source documents against derivation and Monte Carlo and gives a verdict. <c>--markdown</c> writes
/// the report (docs/CLAIMS.md) and its figures into a <c>claims/</c> folder beside it.
/// </summary>
internal static class ClaimsCommand
{
    public static Command Create(CliContext ctx)
    {
        var source = new Option<string?>("--source") { Description = "only this source: " + string.Join(", ", ClaimSources.All.Select(s => s.Name)) };
        var quick = new Option<bool>("--quick") { Description = "small grids and samples (≤ 60 s); the default is the full report" };
        var seed = CommonOptions.Seed();
        var format = CommonOptions.Format("text", "json");
        var json = CommonOptions.JsonAlias();
        var output = CommonOptions.Out();
        var markdown = new Option<string?>("--markdown") { Description = "also write the Markdown report here (e.g. docs/CLAIMS.md), figures in claims/ beside it" };
        var cmd = new Command("claims", "Check the claims of the source documents against derivation and Monte Carlo; a verdict per claim.");
        foreach (var o in new Option[] { source, quick, seed, format, json, output, markdown }) cmd.Options.Add(o);
        cmd.SetAction(parse => Run(ctx, parse.GetValue(source), parse.GetValue(quick), parse.GetValue(seed),
            CommonOptions.ResolveFormat(parse.GetValue(format)!, parse.GetValue(json)), parse.GetValue(output), parse.GetValue(markdown)));
        return cmd;
    }

    private static int Run(CliContext ctx, string? sourceName, bool quick, ulong seed, string format, string? outputPath, string? markdownPath)
    {
        var sources = sourceName is null ? ClaimSources.All : [BadInputException.Check("--source", () => ClaimSources.Get(sourceName))];
        string? figures = null;
        if (markdownPath is not null)
        {
            AtomicFile.CheckWritable("--markdown", markdownPath);
            figures = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(markdownPath)) ?? ".", "claims");
        }
        bool interactive = ReferenceEquals(ctx.Err, Console.Error) && !Console.IsErrorRedirected;
        var options = new ClaimOptions(quick, seed, interactive ? message => ctx.Err.WriteLine("… " + message) : null);
        var claims = new List<Claim>();
        var figureFiles = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var source in sources)
        {
            if (source is OscillationClaims oscillation && figures is not null)
            {
                var study = OscillationStudy.Run(options);
                claims.AddRange(oscillation.Claims(study));
                Directory.CreateDirectory(figures);
                figureFiles[source.Name] = OscillationPlot.SaveAll(study, figures).Select(f => "claims/" + f).ToList();
            }
            else claims.AddRange(source.Evaluate(options));
        }
        string text = format == "json" ? Json(claims, options) : Text(claims);
        AtomicFile.WriteTextOrPrint(outputPath, text, ctx.Out);
        if (markdownPath is not null) AtomicFile.WriteText(markdownPath, ClaimsReport.Markdown(claims, options, figureFiles));
        return CliRunner.Ok;
    }

    private static string Text(IReadOnlyList<Claim> claims)
    {
        var sb = new StringBuilder();
        foreach (var c in claims)
        {
            sb.AppendLine($"[{ClaimsReport.VerdictName(c.Verdict)}] {c.Id}: {c.Statement}");
            sb.AppendLine($"    {c.Evidence}");
        }
        sb.AppendLine($"{claims.Count} claims: " + string.Join(", ", Enum.GetValues<ClaimVerdict>()
            .Select(v => $"{claims.Count(c => c.Verdict == v)} {ClaimsReport.VerdictName(v)}")));
        return sb.ToString();
    }

    /// <summary>{"quick":…,"seed":…,"claims":[{"id","source","statement","verdict","evidence"}]}.</summary>
    private static string Json(IReadOnlyList<Claim> claims, ClaimOptions options)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteBoolean("quick", options.Quick);
            w.WriteNumber("seed", options.Seed);
            w.WriteStartArray("claims");
            foreach (var c in claims)
            {
                w.WriteStartObject();
                w.WriteString("id", c.Id);
                w.WriteString("source", c.Source);
                w.WriteString("statement", c.Statement);
                w.WriteString("verdict", ClaimsReport.VerdictName(c.Verdict));
                w.WriteString("evidence", c.Evidence);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }
}
