using System.Globalization;
using System.Text;
using System.Text.Json;
using static Degeneracy.Cli.Json.JsonValues;
using Degeneracy.JFunctions;
using Degeneracy.Verify;
using Degeneracy.Verify.MonteCarlo;
using Degeneracy.Verify.Prediction;
using Degeneracy.Verify.Statistics;

namespace Degeneracy.Cli.Commands;

/// <summary>Every method's prediction for one network, the optional Monte Carlo run and the comparisons; formats itself.</summary>
internal sealed class PredictionReport
{
    private PredictionReport(IReadOnlyList<int> widths, double theta0, IReadOnlyList<NetworkPrediction> predictions, MonteCarloResult? mc,
        Activation activation, IReadOnlyList<string> omitted)
    {
        Widths = widths;
        Theta0 = theta0;
        Predictions = predictions;
        MonteCarlo = mc;
        Activation = activation;
        var warnings = PredictionValidity.Warnings(widths, theta0, predictions.Select(p => p.Method).ToList()).ToList();
        if (omitted.Count > 0)
            warnings.Add($"methods omitted for the activation {activation.Name}: " +
                         string.Join(", ", omitted.Select(m => m + (m == "exact" ? " (ReLU and abs only)" : " (ReLU only)"))));
        if (!activation.IsRelu && activation.Slope.Sign > 0 && !activation.Slope.IsOne)
            warnings.Add($"the predictors follow x = ln sin²θ and take θ^ℓ ≤ π/2 after the first layer; for {activation.Name} outputs can have " +
                         "negative entries and θ^ℓ > π/2 is possible (rare unless θ⁰ is near π or the width is small)");
        Warnings = warnings;
        if (mc is not null && mc.Layers[^1].Count < 2)
            Collapse = $"{mc.Layers[^1].Count} of {mc.Configuration.Samples} Monte Carlo samples survive to layer {mc.Layers.Count} " +
                       "(the others collapsed to sin²θ = 0), too few to estimate a mean: no method can be compared there";
        else if (mc is not null)
        {
            Errors = predictions.Select(p => MethodError.Against(p, mc)).ToList();
            var density = predictions.FirstOrDefault(p => p.Method == "density") ?? predictions.FirstOrDefault(p => p.Densities is not null);
            if (density is not null)
            {
                KsMethod = density.Method;
                Ks = MethodError.KolmogorovSmirnovAt(density, mc, widths.Count);
            }
            if (predictions.OfType<ExactPrediction>().FirstOrDefault() is ExactPrediction exact)
                ExactKs = MethodError.KolmogorovSmirnovContinuous(exact, mc, widths.Count);
        }
    }

    public IReadOnlyList<int> Widths { get; }
    /// <summary>The activation φ_s of the network (printed only when it is not ReLU).</summary>
    public Activation Activation { get; }
    public double Theta0 { get; }
    public IReadOnlyList<NetworkPrediction> Predictions { get; }
    public MonteCarloResult? MonteCarlo { get; }
    public IReadOnlyList<MethodError> Errors { get; } = [];
    /// <summary>Where the chosen methods are known to be unreliable for this network.</summary>
    public IReadOnlyList<string> Warnings { get; }
    /// <summary>Set when (almost) every Monte Carlo sample collapsed, so the last layer cannot be compared.</summary>
    public string? Collapse { get; }
    public string? KsMethod { get; }
    public KolmogorovSmirnovResult? Ks { get; }

    /// <summary>KS of <c>exact</c>'s continuous part (θ^L ≠ π/2) at the last layer, when both are present.</summary>
    public KolmogorovSmirnovResult? ExactKs { get; }

    /// <summary>Monte Carlo's fraction of pairs collapsed at or before layer ℓ (index ℓ − 1) and its binomial SE.</summary>
    public (double Fraction, double StdError) McCollapsed(int layerIndex)
    {
        long total = MonteCarlo!.Configuration.Samples, down = 0;
        for (int i = 0; i <= layerIndex; i++) down += MonteCarlo.Layers[i].Degenerate;
        double f = (double)down / total;
        return (f, Math.Sqrt(f * (1 - f) / total));
    }

    public string Title => $"widths {WidthSpecText}, θ⁰ = {F(Theta0, 4)}" + (Activation.IsRelu ? "" : $", activation {Activation.Name}");
    private string WidthSpecText => WidthSpec.Parse(string.Join(',', Widths)).ToString();

    public static PredictionReport Compute(IReadOnlyList<int> widths, double theta0, IReadOnlyList<string> methods, int nOrder,
        long? samples, ulong seed, Activation? activation = null, IReadOnlyList<string>? omitted = null)
    {
        var act = activation ?? Activation.Relu;
        var predictions = methods.Select(m => PredictionMethods.Create(m, nOrder, 2000, act).Predict(widths, theta0)).ToList();
        var mc = samples is long s ? ReducedChainSampler.Run(widths, theta0, s, seed, collectSamples: true, activation: act) : null;
        bool usesSeries = methods.Any(m => m is "series" or "moment" or "density" or "exact-small-angle");
        return new PredictionReport(widths, theta0, predictions, mc, act, omitted ?? [])
        {
            NOrder = nOrder, Evaluator = usesSeries ? EvalCommand.EvaluatorSource(nOrder, act) : null,
        };
    }

    /// <summary>The 1/n order of the series law the methods used.</summary>
    public int NOrder { get; init; } = 1;
    /// <summary>Where that law's evaluator came from (checked-in, cache hit, generated); null when no method used it.</summary>
    public string? Evaluator { get; init; }

    private static string F(double x, int digits = 4) => x.ToString("F" + digits, CultureInfo.InvariantCulture);
    /// <summary>A CSV number; an undefined statistic (e.g. the variance of fewer than two samples) is an empty field.</summary>
    private static string R(double x) => double.IsFinite(x) ? x.ToString("R", CultureInfo.InvariantCulture) : "";

    public long TotalDegenerate => MonteCarlo?.Layers.Sum(l => l.Degenerate) ?? 0;

    /// <summary>Header and rows as strings (shared by the Spectre and the plain table).</summary>
    private (string[] Header, List<string[]> Rows) Cells()
    {
        var header = new List<string> { "layer", "width" };
        if (MonteCarlo is not null) header.Add("MC mean ± sd (se)");
        header.AddRange(Predictions.Select(p => p.Method));
        var rows = new List<string[]>();
        for (int i = 0; i < Widths.Count; i++)
        {
            var row = new List<string> { (i + 1).ToString(CultureInfo.InvariantCulture), Widths[i].ToString(CultureInfo.InvariantCulture) };
            if (MonteCarlo is not null)
            {
                var l = MonteCarlo.Layers[i];
                row.Add(l.Count < 2 ? $"({l.Count} sample{(l.Count == 1 ? "" : "s")} left)" : $"{F(l.Mean)} ± {F(Math.Sqrt(l.Variance))} ({F(l.MeanStdError)})");
            }
            row.AddRange(Predictions.Select(p => p.Layers[i].Sd > 0 ? $"{F(p.Layers[i].Mean)} ± {F(p.Layers[i].Sd)}" : F(p.Layers[i].Mean)));
            rows.Add([.. row]);
        }
        return ([.. header], rows);
    }

    public void WriteTable(TextWriter output)
    {
        var (header, rows) = Cells();
        output.WriteLine($"ln sin²θ^ℓ per layer: {Title} (each step into layer ℓ uses n_ℓ)");
        // Plain aligned columns on terminals too: a boxed table wraps its cells at 80 or 120 columns.
        var all = new List<string[]> { header };
        all.AddRange(rows);
        var widths = Enumerable.Range(0, header.Length).Select(c => all.Max(r => r[c].Length)).ToArray();
        foreach (var r in all)
            output.WriteLine(string.Join("  ", r.Select((cell, c) => cell.PadLeft(widths[c]))).TrimEnd());
        WriteSummary(output);
    }

    public void WriteSummary(TextWriter output)
    {
        if (MonteCarlo is null) return;
        var last = MonteCarlo.Layers[^1];
        if (Collapse is not null)
        {
            output.WriteLine($"Monte Carlo: {MonteCarlo.Configuration.Samples} samples (seed {MonteCarlo.Configuration.Seed}); " + Collapse + ".");
            return;
        }
        output.WriteLine($"Monte Carlo: {MonteCarlo.Configuration.Samples} samples (seed {MonteCarlo.Configuration.Seed}), " +
                         $"{TotalDegenerate} degenerate (sin²θ = 0, excluded); at layer {last.Layer}: mean {F(last.Mean)} ± se {F(last.MeanStdError)}, {last.Count} samples");
        output.WriteLine($"Error against Monte Carlo at layer {last.Layer}:");
        int pad = Errors.Count == 0 ? 0 : Errors.Max(e => e.Method.Length);
        foreach (var e in Errors)
            output.WriteLine($"  {e.Method.PadRight(pad)}  {(e.ErrorNats >= 0 ? "+" : "")}{F(e.ErrorNats)} nats  {(e.ErrorStdErrors >= 0 ? "+" : "")}{e.ErrorStdErrors.ToString("F1", CultureInfo.InvariantCulture)} SE");
        var (fraction, se) = McCollapsed(Widths.Count - 1);
        foreach (var p in Predictions.Where(p => p.Final.Collapsed is not null))
            output.WriteLine($"Collapsed by layer {last.Layer}: {p.Method} {F(p.Final.Collapsed!.Value)}, Monte Carlo {F(fraction)} ± {F(se)}");
        if (Ks is KolmogorovSmirnovResult ks)
            output.WriteLine($"KS test of {KsMethod} against Monte Carlo at layer {last.Layer}: D = {ks.Statistic.ToString("F4", CultureInfo.InvariantCulture)}, p = {ks.PValue.ToString("G3", CultureInfo.InvariantCulture)} (n = {ks.SampleSize})");
        if (ExactKs is KolmogorovSmirnovResult eks)
            output.WriteLine($"KS test of exact (θ ≠ π/2 part) against Monte Carlo at layer {last.Layer}: D = {eks.Statistic.ToString("F4", CultureInfo.InvariantCulture)}, p = {eks.PValue.ToString("G3", CultureInfo.InvariantCulture)} (n = {eks.SampleSize})");
    }

    public string ToCsv()
    {
        var sb = new StringBuilder(Activation.IsRelu ? "layer,width" : "activation,layer,width");
        if (MonteCarlo is not null) sb.Append(",mc_mean,mc_sd,mc_mean_se,mc_count,mc_degenerate,mc_collapsed");
        foreach (var p in Predictions) sb.Append($",{p.Method}_mean,{p.Method}_sd").Append(p.Final.Collapsed is null ? "" : $",{p.Method}_collapsed");
        sb.Append('\n');
        for (int i = 0; i < Widths.Count; i++)
        {
            if (!Activation.IsRelu) sb.Append(Activation.Name).Append(',');
            sb.Append(CultureInfo.InvariantCulture, $"{i + 1},{Widths[i]}");
            if (MonteCarlo is not null)
            {
                var l = MonteCarlo.Layers[i];
                sb.Append(CultureInfo.InvariantCulture, $",{R(l.Mean)},{R(Math.Sqrt(l.Variance))},{R(l.MeanStdError)},{l.Count},{l.Degenerate},{R(McCollapsed(i).Fraction)}");
            }
            foreach (var p in Predictions)
            {
                sb.Append($",{R(p.Layers[i].Mean)},{R(p.Layers[i].Sd)}");
                if (p.Layers[i].Collapsed is double c) sb.Append(',').Append(R(c));
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
            w.WriteStartArray("widths");
            foreach (int n in Widths) w.WriteNumberValue(n);
            w.WriteEndArray();
            w.WriteNumber("theta0", Theta0);
            w.WriteNumber("nOrder", NOrder);
            if (Evaluator is not null) w.WriteString("evaluator", Evaluator);
            if (!Activation.IsRelu) w.WriteString("activation", Activation.Name);
            w.WriteStartArray("warnings");
            foreach (var warning in Warnings) w.WriteStringValue(warning);
            w.WriteEndArray();
            w.WriteStartObject("methods");
            foreach (var p in Predictions)
            {
                w.WriteStartObject(p.Method);
                w.WriteStartArray("layers");
                foreach (var l in p.Layers)
                {
                    w.WriteStartObject();
                    w.WriteNumber("layer", l.Layer);
                    w.WriteNumber("width", l.Width);
                    Number(w, "mean", l.Mean);
                    Number(w, "sd", l.Sd);
                    if (p.Densities is not null) Number(w, "reflectedMass", p.Densities[l.Layer - 1].ReflectedMass);
                    if (l.Collapsed is double collapsed) Number(w, "collapsed", collapsed);
                    if (l.Quantiles is not null)
                    {
                        w.WriteStartArray("quantiles");
                        foreach (var q in l.Quantiles)
                        {
                            w.WriteStartObject();
                            Number(w, "p", q.Probability);
                            Number(w, "value", q.Value);
                            w.WriteEndObject();
                        }
                        w.WriteEndArray();
                    }
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndObject();
            if (MonteCarlo is not null)
            {
                w.WriteStartObject("mc");
                w.WriteNumber("samples", MonteCarlo.Configuration.Samples);
                w.WriteNumber("seed", MonteCarlo.Configuration.Seed);
                w.WriteNumber("degenerate", TotalDegenerate);
                w.WriteStartArray("layers");
                foreach (var l in MonteCarlo.Layers)
                {
                    w.WriteStartObject();
                    w.WriteNumber("layer", l.Layer);
                    w.WriteNumber("width", l.Width);
                    Number(w, "mean", l.Mean);
                    Number(w, "sd", Math.Sqrt(l.Variance));
                    Number(w, "meanStdError", l.MeanStdError);
                    w.WriteNumber("count", l.Count);
                    w.WriteNumber("degenerate", l.Degenerate);
                    Number(w, "collapsed", McCollapsed(l.Layer - 1).Fraction);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                if (Collapse is not null) w.WriteString("collapse", Collapse);
                w.WriteEndObject();
                w.WriteStartObject("errors");
                foreach (var e in Errors)
                {
                    w.WriteStartObject(e.Method);
                    w.WriteNumber("layer", e.Layer);
                    Number(w, "nats", e.ErrorNats);
                    Number(w, "stdErrors", e.ErrorStdErrors);
                    w.WriteEndObject();
                }
                w.WriteEndObject();
                if (ExactKs is KolmogorovSmirnovResult eks)
                {
                    w.WriteStartObject("ksExact");
                    w.WriteNumber("layer", Widths.Count);
                    Number(w, "statistic", eks.Statistic);
                    Number(w, "pValue", eks.PValue);
                    w.WriteNumber("n", eks.SampleSize);
                    w.WriteEndObject();
                }
                if (Ks is KolmogorovSmirnovResult ks)
                {
                    w.WriteStartObject("ks");
                    w.WriteString("method", KsMethod);
                    w.WriteNumber("layer", Widths.Count);
                    Number(w, "statistic", ks.Statistic);
                    Number(w, "pValue", ks.PValue);
                    w.WriteNumber("n", ks.SampleSize);
                    w.WriteEndObject();
                }
            }
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
