using System.Diagnostics;
using System.Globalization;
using Degeneracy.Cli.Plotting;
using Degeneracy.Series.Derivation;
using Degeneracy.Symbolic;
using Degeneracy.Verify.Prediction;

namespace Degeneracy.Cli.Commands;

/// <summary>
/// The embedded default main job (no arguments): derives μ and σ² (θ², 1/n), holds them against the published
/// Theorem 3, then predicts the depth-degeneracy paper's Figure 3 setting (width 256, θ⁰ = 0.1, 32 layers) with every method
/// against a Monte Carlo run and writes the plot. Finishes in seconds.
/// </summary>
internal static class DemoCommand
{
    /// <summary>Monte Carlo samples of the demo (fixed seed <see cref="Seed"/>).</summary>
    public const long Samples = 2000;
    public const ulong Seed = 1; // the CLI's default seed

    public static int RunDemo(CliContext ctx) => RunDemo(ctx, null);

    /// <summary>Runs the demo, writing the plot to <paramref name="plotPath"/> or the default location.</summary>
    public static int RunDemo(CliContext ctx, string? plotPath)
    {
        var clock = Stopwatch.StartNew();
        var o = ctx.Out;
        o.WriteLine("Degeneracy — finite-width angle collapse in random ReLU networks (demo; `degeneracy --help` lists the commands)");
        o.WriteLine();

        var d = Derivation.Derive(2, 1);
        o.WriteLine("1. Derived per-layer law of L = ln sin²θ' − ln sin²θ (ε = 1/n), exact coefficients:");
        o.WriteLine("   μ − ln sin²θ = " + SeriesText(d.Drift));
        o.WriteLine("   σ²           = " + SeriesText(d.Variance));
        o.WriteLine("   Published Theorem 3 (depth-degeneracy paper, eqs. 5–6), coefficient by coefficient:");
        foreach (var (isMu, formula) in new[] { (true, PublishedFormulas.Theorem3Mu), (false, PublishedFormulas.Theorem3Sigma2) })
        {
            var check = isMu ? FormulaCheck.CheckMu(formula, 2, 1) : FormulaCheck.Check(Quantity.Sigma2, formula, 2, 1);
            var bad = check.Coefficients.Where(c => !c.Match).ToList();
            o.WriteLine($"     {(isMu ? "μ " : "σ²")}: {check.Coefficients.Count - bad.Count}/{check.Coefficients.Count} coefficients match" +
                        (bad.Count == 0 ? "" : "; differ: " + string.Join("; ", bad.Select(c => $"θ^{c.ThetaPower}ε^{c.InvNPower} published {c.Formula}, derived {c.Derived}"))) +
                        (check.Notes.Count == 0 ? "" : " (" + string.Join("; ", check.Notes) + ")"));
        }
        o.WriteLine();

        var widths = Enumerable.Repeat(256, 32).ToArray();
        o.WriteLine($"2. The depth-degeneracy paper's Figure 3: width 256, θ⁰ = 0.1, 32 layers; every method against {Samples} Monte Carlo samples (seed {Seed}).");
        var report = PredictionReport.Compute(widths, 0.1, PredictionMethods.Names, 1, Samples, Seed);
        var shown = new HashSet<int> { 1, 2, 4, 8, 16, 24, 32 };
        var mc = report.MonteCarlo!;
        o.WriteLine($"   {"layer",5}  {"MC mean ± sd",17}  " + string.Join("  ", report.Predictions.Select(p => $"{p.Method,17}")));
        foreach (int l in shown.Order())
        {
            var s = mc.Layers[l - 1];
            o.WriteLine($"   {l,5}  {F(s.Mean) + " ± " + F(Math.Sqrt(s.Variance)),17}  " +
                        string.Join("  ", report.Predictions.Select(p => $"{F(p.Layers[l - 1].Mean),17}")));
        }
        report.WriteSummary(o);
        o.WriteLine();

        string path = plotPath ?? DefaultPlotPath();
        PredictionPlot.Save(path, "Figure 3 setting: " + report.Title, report.Theta0, report.Predictions, mc);
        o.WriteLine($"3. Plot (each method's mean per layer and Monte Carlo ± 2 SE; below, method − Monte Carlo against the ±2 SE band) written to {path}");
        o.WriteLine($"Done in {clock.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)} s. Try: degeneracy predict --widths 10x10 --theta0 1.5708 --samples 20000");
        return CliRunner.Ok;
    }

    /// <summary>degeneracy-demo.png in the temporary folder: the demo never writes into the current folder (often a repository).</summary>
    internal static string DefaultPlotPath() => Path.Combine(Path.GetTempPath(), "degeneracy-demo.png");

    private static string F(double x) => x.ToString("F4", CultureInfo.InvariantCulture);

    private static string SeriesText(IReadOnlyList<SeriesTerm> terms)
    {
        var parts = terms.Where(t => !t.Coefficient.IsZero).OrderBy(t => t.InvNPower).ThenBy(t => t.ThetaPower)
            .Select(t => $"({t.Coefficient.Print(PrintFormat.Text)})" + (t.ThetaPower == 0 ? "" : t.ThetaPower == 1 ? "·θ" : $"·θ^{t.ThetaPower}")
                         + (t.InvNPower == 0 ? "" : t.InvNPower == 1 ? "·ε" : $"·ε^{t.InvNPower}"));
        return string.Join(" + ", parts) + " + O(θ³, ε²)";
    }
}
