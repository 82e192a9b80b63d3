using static Degeneracy.Cli.Tests.CliHarness;
using System.Text.Json;

namespace Degeneracy.Cli.Tests;

public sealed class PredictCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("degeneracy-predict-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);


    [Fact]
    public void Predict_Json_HasDocumentedShape()
    {
        var (code, stdout, stderr) = Run("predict", "--widths", "64x4", "--theta0", "0.3", "--method", "paper,density", "--samples", "1000", "--seed", "3", "--format", "json");
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        Assert.Equal([64, 64, 64, 64], root.GetProperty("widths").EnumerateArray().Select(e => e.GetInt32()).ToArray());
        Assert.Equal(0.3, root.GetProperty("theta0").GetDouble());
        var methods = root.GetProperty("methods");
        Assert.Equal(["paper", "density"], methods.EnumerateObject().Select(p => p.Name).ToArray());
        var layer = methods.GetProperty("paper").GetProperty("layers")[0];
        Assert.Equal(1, layer.GetProperty("layer").GetInt32());
        Assert.Equal(64, layer.GetProperty("width").GetInt32());
        Assert.True(layer.GetProperty("mean").GetDouble() < 2 * Math.Log(Math.Sin(0.3)));
        Assert.True(layer.GetProperty("sd").GetDouble() > 0);
        var mc = root.GetProperty("mc");
        var mcLayer = mc.GetProperty("layers")[3];
        Assert.Equal(1000, mcLayer.GetProperty("count").GetInt64() + mc.GetProperty("degenerate").GetInt64());
        Assert.True(mcLayer.GetProperty("meanStdError").GetDouble() > 0);
        Assert.True(root.GetProperty("ks").GetProperty("pValue").GetDouble() is >= 0 and <= 1);
        Assert.True(root.GetProperty("errors").TryGetProperty("density", out _));
    }

    [Fact]
    public void Predict_PlainTable_HasRowsSummaryAndKs()
    {
        var (code, stdout, _) = Run("predict", "--widths", "32x5", "--theta0", "1", "--samples", "500");
        Assert.Equal(0, code);
        var lines = stdout.Split('\n');
        Assert.Contains(lines, l => l.TrimStart().StartsWith("5 ", StringComparison.Ordinal) && l.Contains("32"));
        Assert.Contains("Error against Monte Carlo at layer 5", stdout);
        Assert.Contains("KS test of density", stdout);
        Assert.Contains("degenerate", stdout);
        foreach (var m in new[] { "infinite", "linear", "paper", "series", "density", "exact-small-angle" }) Assert.Contains(m, stdout);
    }

    [Fact]
    public void Predict_Csv_OneLinePerLayer()
    {
        var (code, stdout, _) = Run("predict", "--widths", "10,20,30", "--theta0", "0.5", "--method", "infinite,linear", "--format", "csv");
        Assert.Equal(0, code);
        var lines = stdout.TrimEnd('\n').Split('\n');
        Assert.Equal("layer,width,infinite_mean,infinite_sd,linear_mean,linear_sd", lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("3,30,", lines[3]);
    }

    [Theory]
    [InlineData("png")]
    [InlineData("svg")]
    public void Predict_Plot_WritesFileByExtension(string ext)
    {
        string path = Path.Combine(_folder, "fig." + ext);
        var (code, _, stderr) = Run("predict", "--widths", "64x6", "--theta0", "0.2", "--samples", "300", "--plot", path);
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        var bytes = File.ReadAllBytes(path);
        if (ext == "png") Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, bytes[..4]);
        else Assert.Contains("<svg", System.Text.Encoding.UTF8.GetString(bytes));
        Assert.Single(Directory.GetFiles(_folder)); // no temp files left behind
    }

    [Fact]
    public void Predict_Plot_HasLayerZeroIntegerTicksResidualPanelAndRealSuperscripts()
    {
        string path = Path.Combine(_folder, "fig.svg");
        Assert.Equal(0, Run("predict", "--widths", "40x5", "--theta0", "1", "--samples", "400", "--method", "series,moment", "--plot", path).Code);
        string svg = File.ReadAllText(path);
        var texts = System.Text.RegularExpressions.Regex.Matches(svg, "<text[^>]*>(.*?)</text>", System.Text.RegularExpressions.RegexOptions.Singleline)
            .Select(m => m.Groups[1].Value.Trim()).ToList();
        foreach (var tick in new[] { "0", "1", "2", "3", "4", "5" }) Assert.Contains(tick, texts); // layers 0 … 5
        foreach (var half in new[] { "0.5", "1.5", "2.5", "3.5", "4.5" }) Assert.DoesNotContain(half, texts); // no half layers
        Assert.Contains(texts, t => t.Contains("sin²θˡ"));
        Assert.DoesNotContain(texts, t => t.Contains('^'));
        Assert.Contains(texts, t => t.StartsWith("difference from Monte Carlo", StringComparison.Ordinal)); // the residual panel
        Assert.Contains("Monte Carlo ± 2 SE", texts);
        Assert.Contains("series", texts);
        Assert.Contains("moment", texts);
    }

    [Theory]
    [InlineData("--widths", "abc", "--theta0", "0.5")]
    [InlineData("--widths", "1,5", "--theta0", "0.5")]
    [InlineData("--widths", "5x3", "--theta0", "0")]
    [InlineData("--widths", "5x3", "--theta0", "3.5")]
    [InlineData("--widths", "5x3", "--theta0", "0.5", "--method", "bogus")]
    [InlineData("--widths", "5x3", "--theta0", "0.5", "--n-order", "9")]
    [InlineData("--widths", "5x3", "--theta0", "0.5", "--plot", "/nonexistent-folder-xyz/a.png")]
    [InlineData("--widths", "5x3", "--theta0", "0.5", "--plot", "a.txt")]
    [InlineData("--widths", "5x3", "--theta0", "0.5", "--json", "--csv")]
    [InlineData("--widths", "5x3", "--theta0", "0.5", "--activation", "leaky:0.5", "--method", "exact")]
    [InlineData("--widths", "2000x2", "--theta0", "0.5", "--activation", "abs", "--method", "exact")]
    public void Predict_BadInput_OneLineExitTwo(params string[] args)
    {
        var (code, stdout, stderr) = Run(["predict", .. args]);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.StartsWith("error: ", stderr);
        Assert.Single(stderr.TrimEnd('\n', '\r').Split('\n'));
    }

    /// <summary>abs: `exact` runs on its own table, reports no collapse, and Monte Carlo of the abs chain runs beside it.</summary>
    [Fact]
    public void Predict_Abs_ExactAgainstMonteCarlo()
    {
        var (code, stdout, stderr) = Run("predict", "--widths", "10x3", "--theta0", "1.2", "--activation", "abs", "--method", "exact", "--samples", "2000", "--seed", "3", "--format", "json");
        Assert.True(code == 0, stderr);
        using var doc = System.Text.Json.JsonDocument.Parse(stdout);
        var methods = doc.RootElement.GetProperty("methods").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["exact"], methods);
        Assert.Equal("abs", doc.RootElement.GetProperty("activation").GetString());
        var layer = doc.RootElement.GetProperty("methods").GetProperty("exact").GetProperty("layers")[2];
        Assert.Equal(0, layer.GetProperty("collapsed").GetDouble());
    }
}
