using static Degeneracy.Cli.Tests.CliHarness;
using System.Text.Json;
using Degeneracy.Series.Derivation;
using Degeneracy.Symbolic;

namespace Degeneracy.Cli.Tests;

public class DeriveCheckCommandTests
{

    [Fact]
    public void Derive_Json_HasShapeAndExactCoefficients()
    {
        var (code, o, e) = Run("derive", "--quantity", "sigma2", "--theta-order", "2", "--n-order", "1", "--closed-form", "--format", "json");
        Assert.Equal(0, code);
        Assert.Equal("", e);
        using var doc = JsonDocument.Parse(o);
        var r = doc.RootElement;
        Assert.Equal(["quantity", "thetaOrder", "nOrder", "terms", "closedForm"], r.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("sigma2", r.GetProperty("quantity").GetString());
        var t = r.GetProperty("terms").EnumerateArray().Single(x => x.GetProperty("theta").GetInt32() == 2 && x.GetProperty("invN").GetInt32() == 1);
        // Independent: the paper's eq. 6 coefficient with π² (its printed π is a misprint, see DERIVATION.md), −8 − 296/(45π²).
        Assert.Equal(ExpressionParser.ParsePiLaurent("-8 - 296/(45*pi^2)"), ExpressionParser.ParsePiLaurent(t.GetProperty("coefficient").GetString()!));
        Assert.Equal(-8 - 296 / (45 * Math.PI * Math.PI), t.GetProperty("value").GetDouble(), 14);
        Assert.Single(r.GetProperty("closedForm").EnumerateArray());
    }

    [Fact]
    public void Check_TheoremThreeMu_MatchesThroughFirstOrder_ExitZero()
    {
        var (code, o, _) = Run("check", "--quantity", "mu", "--formula", PublishedFormulas.Theorem3Mu, "--theta-order", "2", "--n-order", "1");
        Assert.Equal(0, code);
        Assert.Contains("all coefficients match", o);
    }

    [Fact]
    public void Check_TheoremThreeSigma2_ReportsTheMismatch_ExitOne()
    {
        var (code, o, _) = Run("check", "--quantity", "sigma2", "--formula", PublishedFormulas.Theorem3Sigma2, "--theta-order", "2", "--n-order", "1");
        Assert.Equal(1, code);
        Assert.Contains("theta^2 n^-1: MISMATCH", o);
        Assert.Contains("-8 - 296/(45*pi^2)", o);
    }

    [Fact]
    public void Check_ClosedFormPrintedByDerive_RoundTripsToAllMatch()
    {
        // The derived closed form, printed as text and fed back as a formula, must match itself exactly.
        var d = Degeneracy.Series.Derivation.Derivation.Derive(3, 1);
        string formula = $"{d.VarianceClosedForm[0].Print()}/n";
        var (code, o, e) = Run("check", "--quantity", "sigma2", "--formula", formula, "--theta-order", "3", "--n-order", "1");
        Assert.True(code == 0, o + e);
    }

    [Theory]
    [InlineData("1 + ", 4)]
    [InlineData("ln(theta", 8)]
    [InlineData("2*foo", 2)]
    public void Check_ParseError_ExitTwoWithPosition(string formula, int position)
    {
        var (code, o, e) = Run("check", "--quantity", "mu", "--formula", formula);
        Assert.Equal(2, code);
        Assert.Equal("", o);
        Assert.Single(e.TrimEnd('\n').Split('\n'));
        Assert.Contains($"position {position}", e);
    }

    [Theory]
    [InlineData("derive", "--quantity", "nu")]
    [InlineData("derive", "--theta-order", "-1")]
    [InlineData("derive", "--n-order", "99")]
    [InlineData("check", "--quantity", "all", "--formula", "1")]
    [InlineData("rho", "--n", "1")]
    [InlineData("rho", "--n", "8", "--n-order", "201")]
    [InlineData("rho", "--n", "8", "--n-order", "60", "--activation", "leaky:1/2")]
    [InlineData("derive", "--theta-order", "0", "--n-order", "60", "--activation", "leaky:1/2")]
    public void BadInput_ExitTwoOneLine(params string[] args)
    {
        var (code, o, e) = Run(args);
        Assert.Equal(2, code);
        Assert.Equal("", o);
        Assert.Single(e.TrimEnd('\n').Split('\n'));
        Assert.DoesNotContain("   at ", e);
    }

    [Fact]
    public void Rho_Order12_ForAnotherSlope_MatchesTheExactLawAtLargeWidth()
    {
        // The order-12 series (cumulant delta method) against the quadrature of the exact finite-n law at n = 2000:
        // the truncation error there is below 1e-30, the quadrature's about 1e-13.
        var (code, o, _) = Run("rho", "--n", "2000", "--exact", "--variance", "--n-order", "12", "--activation", "leaky:1/2");
        Assert.Equal(0, code);
        double Value(string prefix) => double.Parse(o.Split('\n').Single(l => l.StartsWith(prefix)).Split(':')[1].Trim().Split(' ')[0],
            System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(Value("exact small-angle law"), Value("series (order 12)"), 12);
        Assert.Equal(Value("sigma2 exact small-angle law"), Value("sigma2 series (order 12)"), 12);
    }

    [Fact]
    public void Rho_Exact_PrintsExactLawAndPublished()
    {
        var (code, o, _) = Run("rho", "--n", "2", "--exact");
        Assert.Equal(0, code);
        // ρ_exact(2) = 2 ln 2 (k ~ Bin(2, 1/2) conditioned on k ≥ 2 is k = 2: ψ(1) − ψ(1/2) = 2 ln 2).
        var line = o.Split('\n').Single(l => l.StartsWith("exact"));
        Assert.Equal(2 * Math.Log(2), double.Parse(line.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture), 13);
    }

    [Fact]
    public void DerivationDoc_WritesFileAtomically()
    {
        var path = Path.Combine(Path.GetTempPath(), $"deriv-{Guid.NewGuid():N}.md");
        try
        {
            var (code, _, _) = Run("derivation-doc", "--out", path, "--theta-order", "2", "--n-order", "1");
            Assert.Equal(0, code);
            Assert.Contains("Theorem 3, eq. 6", File.ReadAllText(path));
        }
        finally { File.Delete(path); }
    }
}
