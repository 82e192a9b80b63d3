using ScottPlot;

namespace Degeneracy.Cli.Plotting;

/// <summary>The average CDNV of each feature file against layer (log₁₀ scale).</summary>
internal static class CdnvPlot
{
    /// <summary>Plots log₁₀ of the averages (layers 1, 2, …) to a .png or .svg, atomically.</summary>
    public static void Save(string path, IReadOnlyList<double> averages, int width = 900, int height = 550)
    {
        var plot = new Plot();
        var points = averages.Select((a, i) => (X: i + 1.0, Y: a)).Where(p => p.Y > 0 && double.IsFinite(p.Y)).ToArray();
        var line = plot.Add.Scatter(points.Select(p => p.X).ToArray(), points.Select(p => Math.Log10(p.Y)).ToArray());
        line.Color = Colors.RoyalBlue;
        line.LineWidth = 2;
        line.MarkerSize = 7;
        plot.Title("Class-distance normalised variance against layer");
        plot.XLabel("layer (feature file)");
        plot.YLabel("log10 average CDNV");
        PlotFiles.SetFont(plot);
        PlotFiles.Save(plot, path, width, height);
    }
}
