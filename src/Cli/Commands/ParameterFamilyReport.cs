using System.Globalization;
using System.Text;
using System.Text.Json;
using static Degeneracy.Cli.Json.JsonValues;
using Degeneracy.JFunctions;

namespace Degeneracy.Cli.Commands;

/// <summary>
/// `predict --parameters P --depths L,…`: the family of networks with about P weights, depth L and width
/// n = round(√(P/L)) (as in Zhang &amp; Yu, Variability of artificial neural networks, 2021), each predicted and simulated
/// like a single `predict` run; reports the final layer of each.
/// </summary>
internal sealed class ParameterFamilyReport
{
    private ParameterFamilyReport(int parameters, double theta0, Activation activation, IReadOnlyList<(int Depth, int Width, PredictionReport Report)> rows)
    {
        Parameters = parameters; Theta0 = theta0; Activation = activation; Rows = rows;
    }

    public int Parameters { get; }
    public double Theta0 { get; }
    public Activation Activation { get; }
    public IReadOnlyList<(int Depth, int Width, PredictionReport Report)> Rows { get; }
    public IReadOnlyList<string> Methods => Rows[0].Report.Predictions.Select(p => p.Method).ToList();

    /// <summary>n = round(√(P/L)), at least 2.</summary>
    public static int WidthFor(int parameters, int depth) => Math.Max(2, (int)Math.Round(Math.Sqrt((double)parameters / depth)));

    public static ParameterFamilyReport Compute(int parameters, IReadOnlyList<int> depths, double theta0, IReadOnlyList<string> methods,
        int nOrder, long samples, ulong seed, Activation activation, IReadOnlyList<string> omitted)
    {
        var rows = depths.Select(L =>
        {
            int n = WidthFor(parameters, L);
            return (L, n, PredictionReport.Compute(Enumerable.Repeat(n, L).ToArray(), theta0, methods, nOrder, samples, seed, activation, omitted));
        }).ToList();
        return new ParameterFamilyReport(parameters, theta0, activation, rows);
    }

    public string Title => $"≈{Parameters} weights, width round(√({Parameters}/L)), θ⁰ = {F(Theta0)}" + (Activation.IsRelu ? "" : $", activation {Activation.Name}");

    /// <summary>Per-depth warnings, de-duplicated.</summary>
    public IEnumerable<string> Warnings => Rows.SelectMany(r => r.Report.Warnings).Distinct();

    public void WriteTable(TextWriter output)
    {
        output.WriteLine($"final-layer mean of ln sin²θ^L: {Title}; each method: mean (error in Monte Carlo SE)");
        var header = new List<string> { "L", "n", "MC mean ± se (surviving)" };
        header.AddRange(Methods);
        var all = new List<string[]> { header.ToArray() };
        foreach (var (L, n, r) in Rows)
        {
            var mc = r.MonteCarlo!.Layers[^1];
            var row = new List<string> { I(L), I(n), $"{F(mc.Mean)} ± {F(mc.MeanStdError)} ({I(mc.Count)})" };
            foreach (var p in r.Predictions)
            {
                var e = r.Errors.FirstOrDefault(x => x.Method == p.Method);
                row.Add(e is null ? F(p.Final.Mean) : $"{F(p.Final.Mean)} ({(e.ErrorStdErrors >= 0 ? "+" : "")}{e.ErrorStdErrors.ToString("F1", CultureInfo.InvariantCulture)})");
            }
            all.Add(row.ToArray());
        }
        var widths = Enumerable.Range(0, header.Count).Select(c => all.Max(r => r[c].Length)).ToArray();
        foreach (var r in all) output.WriteLine(string.Join("  ", r.Select((cell, c) => cell.PadLeft(widths[c]))).TrimEnd());
        var cfg = Rows[0].Report.MonteCarlo!.Configuration;
        output.WriteLine($"Monte Carlo: {cfg.Samples} samples per depth (seed {cfg.Seed}), reduced chain; means over the samples that did not collapse.");
    }

    public string ToCsv()
    {
        var sb = new StringBuilder(Activation.IsRelu ? "" : "activation,");
        sb.Append("parameters,depth,width,mc_mean,mc_mean_se,mc_count");
        foreach (var m in Methods) sb.Append($",{m}_mean,{m}_se_error");
        sb.Append('\n');
        foreach (var (L, n, r) in Rows)
        {
            var mc = r.MonteCarlo!.Layers[^1];
            if (!Activation.IsRelu) sb.Append(Activation.Name).Append(',');
            sb.Append(CultureInfo.InvariantCulture, $"{Parameters},{L},{n},{R(mc.Mean)},{R(mc.MeanStdError)},{mc.Count}");
            foreach (var p in r.Predictions)
            {
                var e = r.Errors.FirstOrDefault(x => x.Method == p.Method);
                sb.Append(CultureInfo.InvariantCulture, $",{R(p.Final.Mean)},{(e is null ? "" : R(e.ErrorStdErrors))}");
            }
            sb.Append('\n');
        }
        return sb.ToString();
    }

    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteNumber("parameters", Parameters);
            w.WriteNumber("theta0", Theta0);
            if (!Activation.IsRelu) w.WriteString("activation", Activation.Name);
            w.WriteStartArray("networks");
            foreach (var (L, n, r) in Rows)
            {
                var mc = r.MonteCarlo!.Layers[^1];
                w.WriteStartObject();
                w.WriteNumber("depth", L);
                w.WriteNumber("width", n);
                w.WriteStartObject("mc");
                Number(w, "mean", mc.Mean);
                Number(w, "meanStdError", mc.MeanStdError);
                w.WriteNumber("count", mc.Count);
                w.WriteEndObject();
                w.WriteStartObject("methods");
                foreach (var p in r.Predictions)
                {
                    var e = r.Errors.FirstOrDefault(x => x.Method == p.Method);
                    w.WriteStartObject(p.Method);
                    Number(w, "mean", p.Final.Mean);
                    if (e is not null) Number(w, "stdErrors", e.ErrorStdErrors);
                    w.WriteEndObject();
                }
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    public void SavePlot(string path)
    {
        double[] xs = Rows.Select(r => (double)r.Depth).ToArray();
        var methods = Methods.Select(m => (m, Rows.Select(r => r.Report.Predictions.First(p => p.Method == m).Final.Mean).ToArray())).ToList();
        var mc = Rows.Select(r => r.Report.MonteCarlo!.Layers[^1]).ToArray();
        Plotting.PredictionPlot.SaveFamily(path, Title, "depth L (width n = round(√(P/L)))", "final-layer mean of ln sin²θᴸ", xs, methods,
            mc.Select(l => l.Mean).ToArray(), mc.Select(l => l.MeanStdError).ToArray(), Rows[0].Report.MonteCarlo!.Configuration.Samples);
    }

    private static string F(double x) => x.ToString("F4", CultureInfo.InvariantCulture);
    private static string I(long x) => x.ToString(CultureInfo.InvariantCulture);
    private static string R(double x) => double.IsFinite(x) ? x.ToString("R", CultureInfo.InvariantCulture) : "";
}
