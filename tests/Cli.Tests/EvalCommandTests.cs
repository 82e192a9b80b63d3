using static Degeneracy.Cli.Tests.CliHarness;
using System.Text.Json;
using Degeneracy.Series.Evaluation;
using Degeneracy.Series.Evaluation.Generated;

namespace Degeneracy.Cli.Tests;

public class EvalCommandTests
{

    [Fact]
    public void Eval_Json_CartesianProductWithLibraryValues()
    {
        var (code, stdout, stderr) = Run("eval", "--quantity", "drift", "--theta", "0", "--theta", "0.5", "--theta", "2", "--n", "2", "--n", "1000", "--format", "json");
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        Assert.Equal(["quantity", "nOrder", "form", "evaluator", "values"], root.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("checked-in", root.GetProperty("evaluator").GetString()); // n-orders 0 … 5 ship compiled
        Assert.Equal("drift", root.GetProperty("quantity").GetString());
        Assert.Equal(1, root.GetProperty("nOrder").GetInt32());
        Assert.Equal("series", root.GetProperty("form").GetString());
        var values = root.GetProperty("values").EnumerateArray().ToArray();
        Assert.Equal(6, values.Length);
        foreach (var v in values)
        {
            Assert.Equal(["theta", "n", "value"], v.EnumerateObject().Select(p => p.Name).ToArray());
            double t = v.GetProperty("theta").GetDouble(), n = v.GetProperty("n").GetDouble();
            Assert.Equal(LayerLawOrder1.Drift(t, n), v.GetProperty("value").GetDouble());
        }
        Assert.Equal(-LayerLawOrder1.Rho(2), values[0].GetProperty("value").GetDouble());
    }

    [Fact]
    public void Eval_PublishedAndOrders_MatchLibrary()
    {
        var (_, s1, _) = Run("eval", "--quantity", "sigma2", "--theta", "1e-6", "--n", "10", "--form", "published", "--format", "json");
        using (var doc = JsonDocument.Parse(s1))
            Assert.Equal(PublishedLaw.Instance.Sigma2(1e-6, 10), doc.RootElement.GetProperty("values")[0].GetProperty("value").GetDouble());
        var (_, s2, _) = Run("eval", "--quantity", "mu", "--theta", "1.2", "--n", "7", "--n-order", "2", "--format", "json");
        using (var doc = JsonDocument.Parse(s2))
        {
            Assert.Equal(2, doc.RootElement.GetProperty("nOrder").GetInt32());
            Assert.Equal(LayerLawOrder2.Mu(1.2, 7), doc.RootElement.GetProperty("values")[0].GetProperty("value").GetDouble());
        }
        var (_, s3, _) = Run("eval", "--quantity", "rho", "--n", "9", "--form", "published", "--format", "json");
        using (var doc = JsonDocument.Parse(s3))
        {
            var v = doc.RootElement.GetProperty("values")[0];
            Assert.False(v.TryGetProperty("theta", out _));
            Assert.Equal(PublishedLaw.Rho(9), v.GetProperty("value").GetDouble());
        }
    }

    [Fact]
    public void Eval_Text_PrintsTable()
    {
        var (code, stdout, _) = Run("eval", "--quantity", "sigma2", "--theta", "0.3", "--n", "4");
        Assert.Equal(0, code);
        var lines = stdout.TrimEnd().Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Contains("sigma2", lines[1]);
        Assert.EndsWith(LayerLawOrder1.Sigma2(0.3, 4).ToString("R", System.Globalization.CultureInfo.InvariantCulture), lines[2].TrimEnd());
    }

    [Theory]
    [InlineData("--quantity", "drift", "--theta", "-0.1", "--n", "3")]
    [InlineData("--quantity", "drift", "--theta", "3.2", "--n", "3")]
    [InlineData("--quantity", "drift", "--theta", "NaN", "--n", "3")]
    [InlineData("--quantity", "drift", "--theta", "1", "--n", "1.5")]
    [InlineData("--quantity", "drift", "--theta", "1", "--n", "Infinity")]
    [InlineData("--quantity", "drift", "--theta", "1", "--n", "NaN")]
    [InlineData("--quantity", "nope", "--theta", "1", "--n", "3")]
    [InlineData("--quantity", "mu", "--theta", "1", "--n", "3", "--form", "other")]
    [InlineData("--quantity", "mu", "--theta", "1", "--n", "3", "--n-order", "9")]
    [InlineData("--quantity", "mu", "--theta", "1", "--n", "3", "--form", "published", "--n-order", "2")]
    [InlineData("--quantity", "rho", "--theta", "1", "--n", "3")]
    [InlineData("--quantity", "mu", "--n", "3")]
    [InlineData("--quantity", "mu", "--theta", "x", "--n", "3")]
    public void Eval_BadInput_ExitsTwoWithOneLine(params string[] args)
    {
        var (code, stdout, stderr) = Run(["eval", .. args]);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Single(stderr.TrimEnd('\n', '\r').Split('\n'));
    }
}
