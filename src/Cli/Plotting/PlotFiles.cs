namespace Degeneracy.Cli.Plotting;

/// <summary>Shared checks and saving for plot files: PNG or SVG by extension, written atomically.</summary>
internal static class PlotFiles
{
    /// <summary>Bad input unless <paramref name="path"/> ends in .png or .svg and can be written (checked before any work).</summary>
    public static void CheckWritable(string path)
    {
        string ext = Path.GetExtension(path ?? "").ToLowerInvariant();
        if (ext is not (".png" or ".svg")) throw new BadInputException($"--plot: '{path}' must end in .png or .svg.");
        AtomicFile.CheckWritable("--plot", path!);
    }

    /// <summary>Sets a font that has θ, ², ₁₀ (DejaVu Sans when installed).</summary>
    public static void SetFont(ScottPlot.Plot plot)
    {
        using var typeface = SkiaSharp.SKTypeface.FromFamilyName("DejaVu Sans");
        if (typeface is not null && typeface.FamilyName == "DejaVu Sans") plot.Font.Set("DejaVu Sans");
        else plot.Font.Automatic();
    }

    /// <summary>Saves one plot atomically.</summary>
    public static void Save(ScottPlot.Plot plot, string path, int width, int height)
    {
        bool svg = Path.GetExtension(path).Equals(".svg", StringComparison.OrdinalIgnoreCase);
        AtomicFile.Write(path, temp =>
        {
            if (svg) plot.SaveSvg(temp, width, height);
            else plot.SavePng(temp, width, height);
        });
    }
}
