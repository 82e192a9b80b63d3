using Degeneracy.Verify.Variability;
using ScottPlot;

namespace Degeneracy.Cli.Plotting;

/// <summary>Zhang &amp; Yu's Figures 1 and 3: log₁₀ V₃ against depth, one bar series per activation; depths where a sample is 0 are marked.</summary>
internal static class VariabilityPlot
{
    public static void Save(string path, IReadOnlyList<VariabilityResult> results, long budget)
    {
        var plot = new Plot();
        Color[] palette = [Colors.RoyalBlue, Colors.DarkOrange, Colors.ForestGreen, Colors.Purple];
        var groups = results.GroupBy(r => r.Spec.Activation.Name).ToList();
        double barWidth = 0.8 / groups.Count;
        for (int g = 0; g < groups.Count; g++)
        {
            var rows = groups[g].ToList();
            var bars = rows.Select((r, i) => new Bar
            {
                Position = i + (g - (groups.Count - 1) / 2.0) * barWidth,
                Value = double.IsFinite(r.MeanLog) ? r.MeanLog / Math.Log(10) : 0,
                FillColor = r.ZeroCount > 0 ? palette[g % palette.Length].WithAlpha(0.3) : palette[g % palette.Length],
                Size = barWidth * 0.95,
            }).ToList();
            var series = plot.Add.Bars(bars);
            series.LegendText = $"{groups[g].Key} ({rows[0].Spec.Weights.ToString().ToLowerInvariant()}, σ_w² = {rows[0].Spec.WeightVariance:0.###}); pale: some sample 0, V₃ = 0 (bar: mean over v > 0)";
        }
        var depths = groups[0].Select(r => r.Spec.Depth).ToList();
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, depths.Count).Select(i => (double)i).ToArray(), depths.Select(l => l.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray());
        plot.Title($"V₃ at ≈{budget} parameters ({results[0].Count} samples, {results[0].GridSize}×{results[0].GridSize} grid)");
        plot.XLabel("depth L");
        plot.YLabel("log₁₀ V₃ (geometric mean)");
        PlotFiles.SetFont(plot);
        plot.ShowLegend(Alignment.UpperRight);
        PlotFiles.Save(plot, path, 1000, 600);
    }
}
