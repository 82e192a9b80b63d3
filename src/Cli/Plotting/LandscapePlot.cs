using Degeneracy.Verify.Variability;
using ScottPlot;
using SkiaSharp;

namespace Degeneracy.Cli.Plotting;

/// <summary>Zhang &amp; Yu's Appendix A figures: nine heat maps of ‖F_L(x)‖² on [−1, 1]², composed into one 3 × 3 PNG.</summary>
internal static class LandscapePlot
{
    private const int Panel = 400;

    public static void Save(string path, BiasedNetworkSpec spec, IReadOnlyList<double[,]> maps, VariabilityResult v3)
    {
        using var surface = SKSurface.Create(new SKImageInfo(3 * Panel, 3 * Panel + 40));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        for (int i = 0; i < maps.Count; i++)
        {
            var plot = new Plot();
            int m = maps[i].GetLength(0);
            // Heatmap rows run top to bottom; flip so x₂ increases upwards.
            var flipped = new double[m, m];
            for (int r = 0; r < m; r++)
                for (int c = 0; c < m; c++) flipped[m - 1 - r, c] = maps[i][r, c];
            var heat = plot.Add.Heatmap(flipped);
            heat.Colormap = new ScottPlot.Colormaps.Viridis();
            heat.Extent = new CoordinateRect(-1, 1, -1, 1);
            plot.Add.ColorBar(heat);
            plot.Title($"sample {i}{(v3.Constant[i] ? " (constant)" : "")}");
            PlotFiles.SetFont(plot);
            using var image = SKImage.FromEncodedData(plot.GetImageBytes(Panel, Panel, ImageFormat.Png));
            canvas.DrawImage(image, (i % 3) * Panel, 40 + (i / 3) * Panel);
        }
        using (var font = new SKFont(SKTypeface.FromFamilyName("DejaVu Sans"), 18))
        using (var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true })
            canvas.DrawText($"‖F_L(x)‖², {spec}", 10, 28, font, paint);
        using var snapshot = surface.Snapshot();
        using var data = snapshot.Encode(SKEncodedImageFormat.Png, 100);
        AtomicFile.Write(path, temp =>
        {
            using var file = File.Create(temp);
            data.SaveTo(file);
        });
    }
}
