using Degeneracy.Series.Evaluation;
using Degeneracy.Verify.MonteCarlo;
using Degeneracy.Verify.Prediction;
using ScottPlot;
using SkiaSharp;

namespace Degeneracy.Cli.Plotting;

/// <summary>
/// The depth-degeneracy paper's Figure 3 (left) for any network, PNG or SVG by the file's extension. Top panel: each
/// method's mean of ln sin²θˡ per layer ℓ = 0 … L (distinct colour, line pattern and marker) and the Monte Carlo mean
/// with ±2 standard-error bars. Bottom panel (with Monte Carlo): each method minus Monte Carlo, in nats, against the
/// ±2 SE band, which is where agreement is judged. The legend sits outside the data area.
/// </summary>
internal static class PredictionPlot
{
    private static readonly Color[] Palette =
    [
        new(0x1f, 0x77, 0xb4), new(0xd6, 0x27, 0x28), new(0x2c, 0xa0, 0x2c), new(0xff, 0x7f, 0x0e),
        new(0x94, 0x67, 0xbd), new(0x8c, 0x56, 0x4b), new(0x17, 0xbe, 0xcf), new(0xe3, 0x77, 0xc2),
    ];

    private static readonly LinePattern[] Patterns = [LinePattern.Solid, LinePattern.Dashed, LinePattern.Dotted, LinePattern.DenselyDashed];

    private static readonly MarkerShape[] Markers =
    [
        MarkerShape.FilledCircle, MarkerShape.OpenSquare, MarkerShape.FilledTriangleUp, MarkerShape.OpenDiamond,
        MarkerShape.Cross, MarkerShape.OpenCircle, MarkerShape.FilledSquare, MarkerShape.Eks,
    ];

    /// <summary>Bad input unless <paramref name="path"/> ends in .png or .svg and can be written (checked before any work).</summary>
    public static void CheckWritable(string path)
    {
        string ext = Path.GetExtension(path ?? "").ToLowerInvariant();
        if (ext is not (".png" or ".svg")) throw new BadInputException($"--plot: '{path}' must end in .png or .svg.");
        AtomicFile.CheckWritable("--plot", path!);
    }

    /// <summary>Renders and writes atomically (temp file in the same folder, then rename).</summary>
    public static void Save(string path, string title, double theta0, IReadOnlyList<NetworkPrediction> predictions, MonteCarloResult? mc,
        int width = 1100, int height = 800)
    {
        var comparable = mc is not null && mc.Layers.Any(l => l.Count >= 2);
        var main = MainPanel(title, theta0, predictions, mc);
        var residual = comparable ? ResidualPanel(predictions, mc!) : null;
        int layers = predictions.Count > 0 ? predictions[0].Layers.Count : mc?.Layers.Count ?? 1;
        foreach (var plot in residual is null ? [main] : new[] { main, residual })
        {
            plot.Axes.SetLimitsX(-0.5, layers + 0.5);
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
            // Same margins for both panels so their x axes line up; the right margin holds the legend (drawn by Legend).
            bool top = plot == main, bottom = residual is null || plot == residual;
            plot.Layout.Fixed(new PixelPadding(90, LegendWidth, bottom ? 60 : 30, top ? 50 : 35));
            plot.Font.Set(FontFamily());
        }
        var legend = LegendItems(predictions, mc);
        Write(path, main, residual, legend, width, height);
    }

    /// <summary>
    /// A family of networks side by side (e.g. depths at a fixed parameter count): x is the family parameter, the top panel
    /// each method's final-layer mean and the Monte Carlo mean with ±2 SE bars, the bottom panel method − Monte Carlo in nats
    /// against the ±2 SE band. Written atomically, PNG or SVG by the extension.
    /// </summary>
    public static void SaveFamily(string path, string title, string xLabel, string yLabel, double[] xs,
        IReadOnlyList<(string Method, double[] Means)> methods, double[] mcMeans, double[] mcStdErrors, long samples,
        int width = 1100, int height = 800)
    {
        var main = new Plot();
        for (int i = 0; i < methods.Count; i++) Style(main.Add.Scatter(xs, methods[i].Means), i);
        AddMonteCarloPoints(main, xs, mcMeans, mcStdErrors.Select(e => 2 * e).ToArray());
        main.Title(title);
        main.YLabel(yLabel);
        main.XLabel("");
        var residual = new Plot();
        AddResidualBackground(residual, xs, mcStdErrors.Select(e => 2 * e).ToArray());
        for (int i = 0; i < methods.Count; i++)
            Style(residual.Add.Scatter(xs, methods[i].Means.Select((m, k) => m - mcMeans[k]).ToArray()), i);
        residual.YLabel("method − MC (nats)");
        residual.Title($"difference from Monte Carlo ({samples} samples each); grey band: ±2 SE", size: 13);
        residual.XLabel(xLabel);
        double pad = 0.03 * (xs.Max() - xs.Min() + 1);
        foreach (var plot in new[] { main, residual })
        {
            plot.Axes.SetLimitsX(xs.Min() - pad, xs.Max() + pad);
            plot.Layout.Fixed(new PixelPadding(90, LegendWidth, plot == residual ? 60 : 30, plot == main ? 50 : 35));
            plot.Font.Set(FontFamily());
        }
        var legend = methods.Select((m, i) => new LegendItem(m.Method, Palette[i % Palette.Length], Patterns[i % Patterns.Length], Markers[i % Markers.Length])).ToList();
        legend.Add(new LegendItem("Monte Carlo ± 2 SE", Colors.Black, null, MarkerShape.FilledCircle));
        Write(path, main, residual, legend, width, height);
    }

    private static void Write(string path, Plot main, Plot? residual, List<LegendItem> legend, int width, int height)
    {
        float split = residual is null ? height : height * 0.64f;
        bool svg = Path.GetExtension(path).Equals(".svg", StringComparison.OrdinalIgnoreCase);
        AtomicFile.Write(path, temp =>
        {
            using var stream = File.Create(temp);
            if (svg)
            {
                using var canvas = SKSvgCanvas.Create(new SKRect(0, 0, width, height), stream);
                Draw(canvas, main, residual, legend, width, height, split);
            }
            else
            {
                using var surface = SKSurface.Create(new SKImageInfo(width, height));
                Draw(surface.Canvas, main, residual, legend, width, height, split);
                using var image = surface.Snapshot();
                using var data = image.Encode(SKEncodedImageFormat.Png, 100);
                data.SaveTo(stream);
            }
        });
    }

    /// <summary>Width of the right margin that holds the legend.</summary>
    private const int LegendWidth = 260;

    private sealed record LegendItem(string Text, Color Color, LinePattern? Pattern, MarkerShape Marker);

    private static List<LegendItem> LegendItems(IReadOnlyList<NetworkPrediction> predictions, MonteCarloResult? mc)
    {
        var items = predictions.Select((p, i) => new LegendItem(p.Method, Palette[i % Palette.Length], Patterns[i % Patterns.Length], Markers[i % Markers.Length])).ToList();
        if (mc is not null) items.Add(new LegendItem("Monte Carlo ± 2 SE", Colors.Black, null, MarkerShape.FilledCircle));
        return items;
    }

    private static void Draw(SKCanvas canvas, Plot main, Plot? residual, List<LegendItem> legend, int width, int height, float split)
    {
        canvas.Clear(SKColors.White);
        Panel(canvas, main, new SKRect(0, 0, width, split));
        if (residual is not null) Panel(canvas, residual, new SKRect(0, split, width, height));
        Legend(canvas, legend, width - LegendWidth + 20, 60);
        canvas.Flush();
    }

    /// <summary>The legend, drawn directly in the right margin: a line sample with its pattern and marker, then the name.</summary>
    private static void Legend(SKCanvas canvas, List<LegendItem> items, float x, float y)
    {
        using var typeface = SKTypeface.FromFamilyName(FontFamily());
        using var font = new SKFont(typeface, 14);
        using var text = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        const float rowHeight = 24, sample = 36;
        for (int i = 0; i < items.Count; i++)
        {
            var item = items[i];
            float cy = y + i * rowHeight;
            var color = new SKColor(item.Color.R, item.Color.G, item.Color.B);
            if (item.Pattern is LinePattern pattern)
            {
                using var line = new SKPaint { Color = color, StrokeWidth = 2, IsAntialias = true, Style = SKPaintStyle.Stroke };
                if (pattern.Equals(LinePattern.Dashed)) line.PathEffect = SKPathEffect.CreateDash([8, 4], 0);
                else if (pattern.Equals(LinePattern.Dotted)) line.PathEffect = SKPathEffect.CreateDash([2, 3], 0);
                else if (pattern.Equals(LinePattern.DenselyDashed)) line.PathEffect = SKPathEffect.CreateDash([4, 2], 0);
                canvas.DrawLine(x, cy, x + sample, cy, line);
            }
            else
            {
                using var bar = new SKPaint { Color = color, StrokeWidth = 1.5f, IsAntialias = true };
                canvas.DrawLine(x + sample / 2, cy - 8, x + sample / 2, cy + 8, bar);
            }
            Marker(canvas, item.Marker, color, x + sample / 2, cy);
            canvas.DrawText(item.Text, x + sample + 8, cy + 5, SKTextAlign.Left, font, text);
        }
    }

    private static void Marker(SKCanvas canvas, MarkerShape shape, SKColor color, float cx, float cy)
    {
        const float r = 4;
        bool filled = shape is MarkerShape.FilledCircle or MarkerShape.FilledSquare or MarkerShape.FilledTriangleUp;
        using var paint = new SKPaint { Color = color, IsAntialias = true, StrokeWidth = 1.5f, Style = filled ? SKPaintStyle.Fill : SKPaintStyle.Stroke };
        switch (shape)
        {
            case MarkerShape.FilledSquare or MarkerShape.OpenSquare:
                canvas.DrawRect(cx - r, cy - r, 2 * r, 2 * r, paint);
                break;
            case MarkerShape.FilledTriangleUp:
                using (var path = new SKPath())
                {
                    path.MoveTo(cx, cy - r - 1); path.LineTo(cx + r + 1, cy + r); path.LineTo(cx - r - 1, cy + r); path.Close();
                    canvas.DrawPath(path, paint);
                }
                break;
            case MarkerShape.OpenDiamond:
                using (var path = new SKPath())
                {
                    path.MoveTo(cx, cy - r - 1); path.LineTo(cx + r + 1, cy); path.LineTo(cx, cy + r + 1); path.LineTo(cx - r - 1, cy); path.Close();
                    canvas.DrawPath(path, paint);
                }
                break;
            case MarkerShape.Cross:
                canvas.DrawLine(cx - r, cy, cx + r, cy, paint);
                canvas.DrawLine(cx, cy - r, cx, cy + r, paint);
                break;
            case MarkerShape.Eks:
                canvas.DrawLine(cx - r, cy - r, cx + r, cy + r, paint);
                canvas.DrawLine(cx - r, cy + r, cx + r, cy - r, paint);
                break;
            default:
                canvas.DrawCircle(cx, cy, r, paint);
                break;
        }
    }

    /// <summary>Renders one panel clipped to its rectangle (a plot clears its whole clip region first).</summary>
    private static void Panel(SKCanvas canvas, Plot plot, SKRect rect)
    {
        canvas.Save();
        canvas.ClipRect(rect);
        plot.Render(canvas, new PixelRect(rect.Left, rect.Right, rect.Bottom, rect.Top));
        canvas.Restore();
    }

    private static Plot MainPanel(string title, double theta0, IReadOnlyList<NetworkPrediction> predictions, MonteCarloResult? mc)
    {
        var plot = new Plot();
        double x0 = LayerLaws.LnSin2(theta0);
        for (int i = 0; i < predictions.Count; i++)
        {
            var p = predictions[i];
            double[] xs = [0, .. p.Layers.Select(l => (double)l.Layer)];
            double[] ys = [x0, .. p.Layers.Select(l => l.Mean)];
            var line = plot.Add.Scatter(xs, ys);
            Style(line, i);
        }
        if (mc is not null)
        {
            var layers = mc.Layers.Where(s => s.Count > 1).ToArray();
            double[] xs = [0, .. layers.Select(s => (double)s.Layer)];
            double[] ys = [x0, .. layers.Select(s => s.Mean)];
            AddMonteCarloPoints(plot, xs, ys, [0, .. layers.Select(s => 2 * s.MeanStdError)]);
        }
        plot.Title(title);
        plot.YLabel("mean of ln sin²θˡ");
        plot.XLabel(mc is null ? "layer ℓ" : "");
        return plot;
    }

    private static Plot ResidualPanel(IReadOnlyList<NetworkPrediction> predictions, MonteCarloResult mc)
    {
        var plot = new Plot();
        var layers = mc.Layers.Where(s => s.Count > 1).ToArray();
        double[] xs = layers.Select(s => (double)s.Layer).ToArray();
        AddResidualBackground(plot, xs, layers.Select(s => 2 * s.MeanStdError).ToArray());
        for (int i = 0; i < predictions.Count; i++)
        {
            var p = predictions[i];
            var line = plot.Add.Scatter(xs, layers.Select(s => p.Layers[s.Layer - 1].Mean - s.Mean).ToArray());
            Style(line, i);
        }
        plot.YLabel("method − MC (nats)");
        plot.Title($"difference from Monte Carlo ({mc.Configuration.Samples} samples); grey band: ±2 SE", size: 13);
        plot.XLabel("layer ℓ");
        return plot;
    }

    private static void Style(ScottPlot.Plottables.Scatter line, int i)
    {
        line.Color = Palette[i % Palette.Length];
        line.LineWidth = 2;
        line.LinePattern = Patterns[i % Patterns.Length];
        line.MarkerShape = Markers[i % Markers.Length];
        line.MarkerSize = 6;
    }

    /// <summary>DejaVu Sans (common on Linux) has ℓ, ² and ˡ; otherwise a font ScottPlot finds for them.</summary>
    private static string FontFamily()
    {
        using var typeface = SKTypeface.FromFamilyName("DejaVu Sans");
        return typeface is not null && typeface.FamilyName == "DejaVu Sans" ? "DejaVu Sans" : Fonts.Detect("ln sin²θˡ ℓ −");
    }

    /// <summary>Monte Carlo means as black dots with ±<paramref name="halfWidths"/> error bars (2 SE).</summary>
    private static void AddMonteCarloPoints(Plot plot, double[] xs, double[] means, double[] halfWidths)
    {
        var bars = plot.Add.ErrorBar(xs, means, halfWidths);
        bars.Color = Colors.Black;
        var points = plot.Add.Scatter(xs, means);
        points.Color = Colors.Black;
        points.LineWidth = 0;
        points.MarkerSize = 6;
        points.MarkerShape = MarkerShape.FilledCircle;
    }

    /// <summary>The residual panel's background: a grey ±<paramref name="halfWidths"/> band (2 SE) about a black zero line.</summary>
    private static void AddResidualBackground(Plot plot, double[] xs, double[] halfWidths)
    {
        var band = plot.Add.FillY(xs, halfWidths.Select(h => -h).ToArray(), halfWidths);
        band.FillStyle.Color = Colors.Gray.WithAlpha(0.25);
        band.LineStyle.Width = 0;
        var zero = plot.Add.HorizontalLine(0);
        zero.Color = Colors.Black;
        zero.LineWidth = 1;
    }
}
