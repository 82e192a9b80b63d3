using Degeneracy.Verify.Batches;
using Degeneracy.Verify.Claims;
using ScottPlot;

namespace Degeneracy.Cli.Plotting;

/// <summary>Figures of the oscillation study: measured effective dimensions against the note's claimed curve.</summary>
internal static class OscillationPlot
{
    private static readonly Color[] Palette = [Colors.RoyalBlue, Colors.DarkOrange, Colors.ForestGreen, Colors.Crimson, Colors.Purple, Colors.Teal, Colors.Brown];

    /// <summary>Writes the figures into <paramref name="folder"/>; returns their file names.</summary>
    public static IReadOnlyList<string> SaveAll(OscillationStudy study, string folder)
    {
        var names = new List<string>();
        foreach (var group in study.Grid.GroupBy(p => p.Width))
        {
            string name = $"oscillation-n{group.Key}.png";
            SaveWidth(group.ToList(), Path.Combine(folder, name));
            names.Add(name);
        }
        var variants = study.Points.Where(p => !study.Grid.Contains(p)).ToList();
        if (variants.Count > 0)
        {
            string name = "oscillation-variants.png";
            var reference = study.Grid.Where(p => variants.Any(v => v.Width == p.Width && v.BatchSize == p.BatchSize));
            SaveVariants(reference.Concat(variants).ToList(), Path.Combine(folder, name));
            names.Add(name);
        }
        return names;
    }

    private static void SaveWidth(List<OscillationPoint> points, string path)
    {
        var plot = new Plot();
        int depth = points[0].Depth, color = 0;
        var xs = Enumerable.Range(1, depth).Select(l => (double)l).ToArray();
        var claimed = plot.Add.Scatter(xs, xs.Select(l => 1 - Math.Pow(OscillationClaims.Rho, l)).ToArray());
        claimed.Color = Colors.Black;
        claimed.LineWidth = 2;
        claimed.LinePattern = LinePattern.Dashed;
        claimed.MarkerSize = 0;
        claimed.LegendText = "claimed m[1 − (1 − 2/π)^ℓ]/m";
        foreach (var p in points)
        {
            var c = Palette[color++ % Palette.Length];
            foreach (var curve in p.Curves)
            {
                var line = plot.Add.Scatter(xs, curve.Mean.Select(v => v / p.BatchSize).ToArray());
                line.Color = c;
                line.LineWidth = 1.5f;
                line.MarkerSize = curve.Reading == BatchObservable.Rank ? 0 : 3;
                line.LinePattern = curve.Reading switch
                {
                    BatchObservable.Rank => LinePattern.Dotted,
                    BatchObservable.NumericalRank => LinePattern.Dashed,
                    _ => LinePattern.Solid,
                };
                line.LegendText = $"m={p.BatchSize} {Reading(curve.Reading)}";
            }
        }
        plot.Title($"Effective dimension / m, width n = {points[0].Width}, ReLU, Gaussian weights ({points[0].Samples} samples)");
        plot.XLabel("layer ℓ");
        plot.YLabel("E[dim] / m");
        plot.ShowLegend(Alignment.UpperRight);
        PlotFiles.SetFont(plot);
        PlotFiles.Save(plot, path, 1000, 620);
    }

    private static void SaveVariants(List<OscillationPoint> points, string path)
    {
        var plot = new Plot();
        int color = 0;
        foreach (var p in points)
        {
            var curve = p.Curves.First(c => c.Reading == BatchObservable.ParticipationRatio);
            var xs = Enumerable.Range(1, p.Depth).Select(l => (double)l).ToArray();
            var line = plot.Add.Scatter(xs, curve.Mean.Select(v => v / p.BatchSize).ToArray());
            line.Color = Palette[color++ % Palette.Length];
            line.LineWidth = 1.5f;
            line.MarkerSize = 3;
            line.LegendText = p.Label;
        }
        plot.Title("Participation ratio / m: orthogonal weights and leaky ReLU against Gaussian ReLU");
        plot.XLabel("layer ℓ");
        plot.YLabel("E[PR] / m");
        plot.ShowLegend(Alignment.UpperRight);
        PlotFiles.SetFont(plot);
        PlotFiles.Save(plot, path, 1000, 620);
    }

    private static string Reading(BatchObservable r) => r switch
    {
        BatchObservable.Rank => "rank",
        BatchObservable.NumericalRank => "numerical rank",
        _ => "participation ratio",
    };
}
