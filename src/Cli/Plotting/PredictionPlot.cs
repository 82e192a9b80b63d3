using Degeneracy.Verify.MonteCarlo;
using Degeneracy.Verify.Prediction;
using ScottPlot;

namespace Degeneracy.Cli.Plotting;

/// <summary>
/// The depth-degeneracy paper's Figure 3 (left) for any network: Monte Carlo mean ± sd of ln sin²θ^ℓ per layer as error bars and
/// each method's mean as a line inside a translucent ±sd band; PNG or SVG by the file's extension.
/// </summary>
internal static class PredictionPlot
{
    /// <summary>Bad input unless <paramref name="path"/> ends in .png or .svg and can be written (checked before any work).</summary>
    public static void CheckWritable(string path)
    {
        string ext = Path.GetExtension(path ?? "").ToLowerInvariant();
        if (ext is not (".png" or ".svg")) throw new BadInputException($"--plot: '{path}' must end in .png or .svg.");
        AtomicFile.CheckWritable("--plot", path!);
    }

    private static bool SKFontExists(string family)
    {
        using var typeface = SkiaSharp.SKTypeface.FromFamilyName(family);
        return typeface is not null && typeface.FamilyName == family;
    }

    /// <summary>Renders and writes atomically (temp file in the same folder, then rename).</summary>
    public static void Save(string path, string title, IReadOnlyList<NetworkPrediction> predictions, MonteCarloResult? mc,
        int width = 1000, int height = 650)
    {
        var plot = new Plot();
        Color[] palette = [Colors.Gray, Colors.DarkOrange, Colors.Crimson, Colors.RoyalBlue, Colors.ForestGreen, Colors.Purple, Colors.Teal];
        int colorIndex = 0;
        foreach (var p in predictions)
        {
            var color = palette[colorIndex++ % palette.Length];
            double[] xs = p.Layers.Select(l => (double)l.Layer).ToArray();
            double[] mean = p.Layers.Select(l => l.Mean).ToArray();
            double[] sd = p.Layers.Select(l => l.Sd).ToArray();
            if (sd.Any(s => s > 0))
            {
                var band = plot.Add.FillY(xs, mean.Zip(sd, (m, s) => m - s).ToArray(), mean.Zip(sd, (m, s) => m + s).ToArray());
                band.FillStyle.Color = color.WithAlpha(0.07);
                band.LineStyle.Width = 0;
                foreach (int sign in new[] { -1, 1 })
                {
                    var edge = plot.Add.Scatter(xs, mean.Zip(sd, (m, s) => m + sign * s).ToArray());
                    edge.Color = color;
                    edge.LineWidth = 1;
                    edge.LinePattern = LinePattern.Dashed;
                    edge.MarkerSize = 0;
                }
            }
            var line = plot.Add.Scatter(xs, mean);
            line.Color = color;
            line.LineWidth = 2;
            line.MarkerSize = 0;
            line.LegendText = sd.Any(s => s > 0) ? $"{p.Method} (mean ± sd)" : $"{p.Method} (mean)";
        }
        if (mc is not null)
        {
            var layers = mc.Layers.Where(s => s.Count > 1).ToArray();
            double[] xs = layers.Select(s => (double)s.Layer).ToArray();
            double[] ys = layers.Select(s => s.Mean).ToArray();
            var bars = plot.Add.ErrorBar(xs, ys, layers.Select(s => Math.Sqrt(s.Variance)).ToArray());
            bars.Color = Colors.Black;
            var points = plot.Add.Scatter(xs, ys);
            points.Color = Colors.Black;
            points.LineWidth = 0;
            points.MarkerSize = 5;
            points.LegendText = $"Monte Carlo (mean ± sd, {mc.Configuration.Samples} samples)";
        }
        plot.Title(title);
        plot.XLabel("layer ℓ");
        plot.YLabel("ln sin²θ^ℓ");
        // DejaVu Sans (common on Linux) has ℓ, ² and θ; otherwise let ScottPlot pick installed fonts that have them.
        if (SKFontExists("DejaVu Sans")) plot.Font.Set("DejaVu Sans");
        else plot.Font.Automatic();
        plot.ShowLegend(Alignment.LowerLeft);

        bool svg = Path.GetExtension(path).Equals(".svg", StringComparison.OrdinalIgnoreCase);
        AtomicFile.Write(path, temp =>
        {
            if (svg) plot.SaveSvg(temp, width, height);
            else plot.SavePng(temp, width, height);
        });
    }
}
