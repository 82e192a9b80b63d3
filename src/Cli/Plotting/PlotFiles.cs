using ScottPlot;

namespace Degeneracy.Cli.Plotting;

/// <summary>Font choice and atomic saving shared by the plots.</summary>
internal static class PlotFiles
{
    /// <summary>Sets a font that has ℓ, ², θ (DejaVu Sans when installed) and saves as .svg or .png atomically.</summary>
    public static void Save(Plot plot, string path, int width, int height)
    {
        using (var typeface = SkiaSharp.SKTypeface.FromFamilyName("DejaVu Sans"))
            if (typeface is not null && typeface.FamilyName == "DejaVu Sans") plot.Font.Set("DejaVu Sans");
            else plot.Font.Automatic();
        bool svg = Path.GetExtension(path).Equals(".svg", StringComparison.OrdinalIgnoreCase);
        AtomicFile.Write(path, temp =>
        {
            if (svg) plot.SaveSvg(temp, width, height);
            else plot.SavePng(temp, width, height);
        });
    }
}
