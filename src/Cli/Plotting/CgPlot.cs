using Degeneracy.Verify.Variability;
using ScottPlot;

namespace Degeneracy.Cli.Plotting;

/// <summary>Zhang &amp; Yu's Figure 2: mean log₁₀ of ‖C_L‖, ‖G_L(x)‖, ‖G_L(x̄)‖ against L, per activation.</summary>
internal static class CgPlot
{
    public static void Save(string path, IReadOnlyList<(BiasedNetworkSpec Spec, IReadOnlyList<CgDepthStatistics> Rows)> runs, int samples)
    {
        var plot = new Plot();
        Color[] palette = [Colors.Crimson, Colors.RoyalBlue, Colors.ForestGreen, Colors.Purple];
        for (int i = 0; i < runs.Count; i++)
        {
            var (spec, rows) = runs[i];
            double[] xs = rows.Select(r => (double)r.Depth).ToArray();
            var color = palette[i % palette.Length];
            void Line(Func<CgDepthStatistics, double> y, string label, LinePattern pattern, float width)
            {
                var line = plot.Add.Scatter(xs, rows.Select(y).ToArray());
                line.Color = color;
                line.MarkerSize = 0;
                line.LineWidth = width;
                line.LinePattern = pattern;
                line.LegendText = label;
            }
            Line(r => r.MeanLog10C, $"{spec.Activation.Name}: C_L(x, x̄)", LinePattern.Solid, 2.5f);
            Line(r => r.MeanLog10G, $"{spec.Activation.Name}: G_L(x)", LinePattern.Dashed, 1.2f);
            Line(r => r.MeanLog10GBar, $"{spec.Activation.Name}: G_L(x̄)", LinePattern.Dotted, 1.2f);
        }
        var first = runs[0].Spec;
        plot.Title($"C- and G-matrices: d = {first.Width}, σ_b² = {first.BiasVariance:0.###}, {first.Weights.ToString().ToLowerInvariant()} weights, mean of log₁₀ over {samples} networks");
        plot.XLabel("depth L");
        plot.YLabel("log₁₀ spectral norm");
        PlotFiles.SetFont(plot);
        plot.ShowLegend(Alignment.LowerLeft);
        PlotFiles.Save(plot, path, 1000, 650);
    }
}
