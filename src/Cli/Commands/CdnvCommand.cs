using System.Buffers;
using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using static Degeneracy.Cli.Json.JsonValues;
using Degeneracy.Cli.Plotting;
using Degeneracy.Verify.Batches;

namespace Degeneracy.Cli.Commands;

/// <summary>
/// <c>degeneracy cdnv --features F1.csv [F2.csv …] --labels Y.csv [--format text|json|csv] [--plot FILE.png|svg] [--out FILE]</c>:
/// the class-distance normalised variance (Galanti et al.) of the user's own features, one file per layer: per class pair
/// and averaged, with a plot of the average against layer.
/// </summary>
internal static class CdnvCommand
{
    public static Command Create(CliContext ctx)
    {
        var features = new Option<string[]>("--features") { Description = "feature CSV files (one row per sample, one file per layer, in layer order)", Required = true, AllowMultipleArgumentsPerToken = true };
        var labels = new Option<string>("--labels") { Description = "class label of each sample, one per line, in the rows' order", Required = true };
        var format = CommonOptions.Format("text", "json", "csv");
        var plot = new Option<string?>("--plot") { Description = "also plot the average CDNV against layer (.png or .svg)" };
        var output = CommonOptions.Out();
        var cmd = new Command("cdnv", "CDNV (class-distance normalised variance) of feature files, per class pair and averaged, against layer.");
        foreach (var o in new Option[] { features, labels, format, plot, output }) cmd.Options.Add(o);
        cmd.SetAction(parse => Run(ctx, parse.GetValue(features) ?? [], parse.GetValue(labels)!, parse.GetValue(format)!, parse.GetValue(plot), parse.GetValue(output)));
        return cmd;
    }

    private static int Run(CliContext ctx, string[] featureFiles, string labelsFile, string format, string? plotPath, string? outputPath)
    {
        OptionCheck.That(featureFiles.Length > 0, "--features needs at least one file.");
        if (plotPath is not null) PredictionPlot.CheckWritable(plotPath);
        var labelText = CsvMatrixLabels(labelsFile);
        var results = new List<(string File, CdnvResult Result)>();
        BatchLabels? labels = null;
        foreach (var file in featureFiles)
        {
            var rows = BadInputException.Check("--features", () => CsvMatrix.Parse(McBatch.ReadText(file), file));
            if (rows.Length != labelText.Length)
                throw new BadInputException($"--labels: {labelsFile} has {labelText.Length} label(s) but {file} has {rows.Length} row(s); there must be one label per row.");
            labels ??= BadInputException.Check("--labels", () => BatchLabels.Of(labelText, labelsFile));
            results.Add((file, Cdnv.Compute(rows, labels, file)));
        }
        string text = format switch
        {
            "json" => Json(results),
            "csv" => Csv(results),
            _ => Text(results),
        };
        AtomicFile.WriteTextOrPrint(outputPath, text, ctx.Out);
        if (plotPath is not null) CdnvPlot.Save(plotPath, results.Select(r => r.Result.Average).ToArray());
        return CliRunner.Ok;
    }

    private static string[] CsvMatrixLabels(string file) => CsvMatrix.ParseLabels(McBatch.ReadText(file));

    private static string G(double x) => double.IsFinite(x) ? x.ToString("G6", CultureInfo.InvariantCulture) : "inf";

    private static string Text(List<(string File, CdnvResult Result)> results)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < results.Count; i++)
        {
            var (file, r) = results[i];
            sb.AppendLine($"layer {i + 1}: {file}: average CDNV {G(r.Average)} over {r.Pairs.Count} class pair(s)");
            foreach (var p in r.Pairs) sb.AppendLine($"  {p.First} vs {p.Second}: {G(p.Value)}");
        }
        return sb.ToString();
    }

    private static string Csv(List<(string File, CdnvResult Result)> results)
    {
        static string Q(string s) => s.Contains(',') || s.Contains('"') ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
        static string R(double x) => double.IsFinite(x) ? x.ToString("R", CultureInfo.InvariantCulture) : "inf";
        var sb = new StringBuilder("layer,file,first,second,cdnv\n");
        for (int i = 0; i < results.Count; i++)
        {
            var (file, r) = results[i];
            foreach (var p in r.Pairs) sb.Append($"{i + 1},{Q(file)},{Q(p.First)},{Q(p.Second)},{R(p.Value)}\n");
            sb.Append($"{i + 1},{Q(file)},,,{R(r.Average)}\n");
        }
        return sb.ToString();
    }

    /// <summary>{"files":[{"file":…,"average":x,"pairs":[{"classes":["a","b"],"cdnv":x}]}]}; an infinite CDNV (coinciding class means) is null.</summary>
    private static string Json(List<(string File, CdnvResult Result)> results)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteStartArray("files");
            foreach (var (file, r) in results)
            {
                w.WriteStartObject();
                w.WriteString("file", file);
                Number(w, "average", r.Average);
                w.WriteStartArray("pairs");
                foreach (var p in r.Pairs)
                {
                    w.WriteStartObject();
                    w.WriteStartArray("classes");
                    w.WriteStringValue(p.First);
                    w.WriteStringValue(p.Second);
                    w.WriteEndArray();
                    Number(w, "cdnv", p.Value);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }
}
