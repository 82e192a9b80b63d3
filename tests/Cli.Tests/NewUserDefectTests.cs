using System.Text.Json;
using Degeneracy.Cli.Commands;
using static Degeneracy.Cli.Tests.CliHarness;

namespace Degeneracy.Cli.Tests;

/// <summary>Defects found by trying the tool as a new user would; each test failed before its fix.</summary>
public sealed class NewUserDefectTests
{
    [Fact]
    public void Predict_EveryMonteCarloSampleCollapsed_SaysSoInsteadOfNaN()
    {
        // Width 2 collapses a pair (sin²θ = 0) with probability ≥ 1/4 per layer, so no sample of 50 survives 60 layers.
        var (code, stdout, _) = Run("predict", "--widths", "2x60", "--theta0", "0.5", "--samples", "50", "--method", "infinite");
        Assert.Equal(0, code);
        Assert.DoesNotContain("NaN", stdout);
        Assert.Contains("too few to estimate a mean", stdout);
        var json = Run("predict", "--widths", "2x60", "--theta0", "0.5", "--samples", "50", "--method", "infinite", "--format", "json").Out;
        Assert.Contains("collapsed", JsonDocument.Parse(json).RootElement.GetProperty("mc").GetProperty("collapse").GetString());
    }

    [Fact]
    public void Predict_NarrowWidths_WarnsOnStderr()
    {
        var (code, stdout, stderr) = Run("predict", "--widths", "64,8,64", "--theta0", "0.5", "--method", "series,moment");
        Assert.Equal(0, code);
        Assert.StartsWith("warning: the network has widths ≤ 16 (narrowest n = 8 at layer 2)", stderr);
        Assert.DoesNotContain("warning", stdout);
        var json = JsonDocument.Parse(Run("predict", "--widths", "64,8,64", "--theta0", "0.5", "--format", "json").Out);
        Assert.NotEqual(0, json.RootElement.GetProperty("warnings").GetArrayLength());
    }

    [Fact]
    public void Predict_LinearNearPi_Warns_WideNetworkSmallAngle_DoesNot()
    {
        Assert.Contains("linear expands in small θ", Run("predict", "--widths", "64x4", "--theta0", "3.1", "--method", "linear").Err);
        Assert.Equal("", Run("predict", "--widths", "64x4", "--theta0", "0.5", "--method", "linear,series").Err);
    }

    [Theory]
    [InlineData("mc", "--widths", "4", "--theta0", "1", "--samples", "10", "--backend", "network", "--input-dim", "1")]
    [InlineData("codegen", "--out", "x", "--theta-order", "1")]
    [InlineData("predict", "--widths", "4,1", "--theta0", "1")]
    [InlineData("j", "201", "1")]
    public void ErrorMessages_NameOptionsNotInternalIdentifiers(params string[] args)
    {
        var (code, _, stderr) = Run(args);
        Assert.Equal(2, code);
        foreach (var leak in new[] { "inputDimension", "ThetaOrder", "NOrder", "(Parameter", "Actual value" })
            Assert.DoesNotContain(leak, stderr);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void Demo_DefaultPlot_GoesToTheTemporaryFolderNotTheCurrentOne()
    {
        string path = DemoCommand.DefaultPlotPath();
        Assert.Equal(Path.GetFullPath(Path.GetTempPath()), Path.GetFullPath(Path.GetDirectoryName(path)! + Path.DirectorySeparatorChar));
        Assert.NotEqual(Path.GetFullPath(Environment.CurrentDirectory), Path.GetDirectoryName(Path.GetFullPath(path)));
    }

    [Fact]
    public void Predict_Table_OneLinePerLayerWithoutBoxDrawing()
    {
        var (code, stdout, _) = Run("predict", "--widths", "256x12", "--theta0", "0.1");
        Assert.Equal(0, code);
        var lines = stdout.TrimEnd('\n').Split('\n');
        Assert.Equal(1 + 1 + 12, lines.Length); // title, header, one row per layer
        Assert.DoesNotContain(lines, l => l.IndexOfAny(['│', '─', '╭', '╰', '┃']) >= 0);
    }
}
