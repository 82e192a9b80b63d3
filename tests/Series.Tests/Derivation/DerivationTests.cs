using Degeneracy.TestSupport;
using Degeneracy.TestSupport.Properties;
using Degeneracy.JFunctions;
using Degeneracy.Series.Derivation;
using Degeneracy.Series.SmallAngle;
using Degeneracy.Symbolic;
using FsCheck;
using FsCheck.Fluent;

namespace Degeneracy.Series.Tests.Derivation;

public class DerivationTests
{
    private static readonly DerivationResult D3 = Degeneracy.Series.Derivation.Derivation.Derive(4, 3);

    private static PiLaurent P(string s) => ExpressionParser.ParsePiLaurent(s);

    [Theory]
    // Theorem 3 eq. 5: μ = ln sin²θ − 2θ/(3π) − ρ(n) − 8θ/(15πn) − (2/(9π²) − 68/(45π²n))θ², ρ = 2/n + O(n⁻²)
    [InlineData(1, 0, "-2/(3*pi)")]
    [InlineData(2, 0, "-2/(9*pi^2)")]
    [InlineData(0, 1, "-2")]
    [InlineData(1, 1, "-8/(15*pi)")]
    [InlineData(2, 1, "68/(45*pi^2)")]
    [InlineData(0, 0, "0")]
    public void Mu_PublishedCoefficientsThroughThetaSquared_AreReproducedExactly(int j, int k, string expected) =>
        Assert.Equal(P(expected), D3.Coefficient(Quantity.Drift, j, k));

    [Theory]
    // eq. 6: σ² = 8/n − 64θ/(15πn) − …; the θ² coefficient is checked separately (the paper's is wrong).
    [InlineData(0, 1, "8")]
    [InlineData(1, 1, "-64/(15*pi)")]
    [InlineData(0, 0, "0")]
    public void Sigma2_PublishedCoefficients_AreReproducedExactly(int j, int k, string expected) =>
        Assert.Equal(P(expected), D3.Coefficient(Quantity.Sigma2, j, k));

    [Fact]
    public void Sigma2_ThetaSquaredCoefficient_DisagreesWithPublishedEq6()
    {
        // eq. 6 prints −(8 + 296/(45π)); the derivation (and the expansion of the authors' own σ²_pub) gives π².
        Assert.Equal(P("-8 - 296/(45*pi^2)"), D3.Coefficient(Quantity.Sigma2, 2, 1));
        Assert.NotEqual(P("-8 - 296/(45*pi)"), D3.Coefficient(Quantity.Sigma2, 2, 1));
        var r = FormulaCheck.Check(Quantity.Sigma2, PublishedFormulas.Sigma2ClosedForm, 4, 1);
        Assert.True(r.AllMatch);
    }

    [Theory]
    [InlineData(Quantity.Drift)]
    [InlineData(Quantity.Sigma2)]
    public void PublishedClosedForms_ExpandedToFirstOrder_MatchDerivationSymbolically(Quantity q)
    {
        var r = q == Quantity.Drift ? FormulaCheck.CheckMu(PublishedFormulas.MuClosedForm, 6, 1) : FormulaCheck.Check(q, PublishedFormulas.Sigma2ClosedForm, 6, 1);
        Assert.True(r.AllMatch, string.Join("; ", r.Coefficients.Where(c => !c.Match)));
        Assert.Equal(7 * 2, r.Coefficients.Count);
    }

    [Fact]
    public void FirstOrderClosedForms_MatchPublishedExpansion_At50RandomAngles()
    {
        // ε-expansion of μ_pub and σ²_pub by hand: m₁ = 4 − 4K/D², v₁ = 8K/D² + 8(J22 + 1) − 16K₂/D.
        var d = Degeneracy.Series.Derivation.Derivation.Derive(2, 1);
        var rng = new Random(20261123);
        for (int i = 0; i < 50; i++)
        {
            double theta = 0.05 + (Math.PI - 0.1) * rng.NextDouble();
            double j11 = JFunction.Evaluate(1, 1, theta), j22 = JFunction.Evaluate(2, 2, theta), j31 = JFunction.Evaluate(3, 1, theta);
            double dd = 1 - 4 * j11 * j11;
            double k = 8 * j11 * j11 * j22 - 8 * Math.Pow(j11, 4) + 4 * j11 * j11 - 8 * j11 * j31 + j22 + 1;
            double k2 = 2 * j11 * j11 - 4 * j11 * j31 + j22 + 1;
            double m1 = 4 - 4 * k / (dd * dd), v1 = 8 * k / (dd * dd) + 8 * (j22 + 1) - 16 * k2 / dd;
            double ours = d.DriftClosedForm[1].Evaluate(theta, (a, b) => JFunction.Evaluate(a, b, theta));
            double oursV = d.VarianceClosedForm[0].Evaluate(theta, (a, b) => JFunction.Evaluate(a, b, theta));
            // K/D² is a difference of O(1) terms divided by D² (D ~ θ²): the rounding error of either side scales with
            // the sum of the absolute terms over D², so that is the yardstick for "agree to 1e-12".
            double kAbs = 8 * j11 * j11 * j22 + 8 * Math.Pow(j11, 4) + 4 * j11 * j11 + 8 * j11 * j31 + j22 + 1;
            double k2Abs = 2 * j11 * j11 + 4 * j11 * j31 + j22 + 1;
            double scale = 1 + 8 * kAbs / (dd * dd) + 16 * k2Abs / dd;
            Assert.True(Math.Abs(ours - m1) <= 1e-12 * scale, $"m1 at {theta}: {ours} vs {m1}");
            Assert.True(Math.Abs(oursV - v1) <= 1e-12 * scale, $"v1 at {theta}: {oursV} vs {v1}");
        }
    }

    [Fact]
    public void ThetaZeroCoefficients_EqualExactSmallAngleLawExpansion_ThroughThirdOrder()
    {
        var rho = SmallAngleLaw.RhoSeries(3);
        var variance = SmallAngleLaw.VarianceSeries(3);
        for (int k = 1; k <= 3; k++)
        {
            Assert.Equal(PiLaurent.FromRational(rho[k]), D3.Coefficient(Quantity.Rho, 0, k));
            Assert.Equal(PiLaurent.FromRational(variance[k]), D3.Coefficient(Quantity.Sigma2, 0, k));
        }
    }

    [Fact]
    public void ClosedFormSeries_AgreesWithClosedFormValues_NearZero() =>
        // The exact series and the closed form are two routes from the same JPolynomial: at θ ∈ [0.25, 0.4] the series
        // through θ^20 (truncation ≲ 1e-8) must equal the closed form evaluated in double (which loses digits like
        // D^-2k ~ θ^-4k: ≲ 1e-9 at ε² there) to 1e-6.
        PropertyCheck.Run(Prop.ForAll((from k in Gen.Choose(1, 2) from u in Gen.Choose(0, 150) select (k, 0.25 + u / 1000.0)).ToArbitrary(), t =>
        {
            var (k, theta) = t;
            var d = Degeneracy.Series.Derivation.Derivation.Derive(20, 2);
            double s = 0, c = d.DriftClosedForm[k].Evaluate(theta, (a, b) => JFunction.Evaluate(a, b, theta));
            foreach (var term in d.Drift.Where(x => x.InvNPower == k)) s += term.Value * Math.Pow(theta, term.ThetaPower);
            return Math.Abs(s - c) <= 1e-6 * (1 + Math.Abs(c));
        }), 25);

    [Fact]
    public void ClosedForms_HaveDPowerAtMostTwiceTheOrder()
    {
        var d = Degeneracy.Series.Derivation.Derivation.Derive(0, 3);
        for (int k = 1; k <= 3; k++) Assert.True(d.DriftClosedForm[k].DPower <= 2 * k);
    }

    [Theory]
    [InlineData(-1, 1, "thetaOrder")]
    [InlineData(41, 1, "thetaOrder")]
    [InlineData(2, -1, "nOrder")]
    [InlineData(2, 60, "nOrder")] // beyond the time guard (DerivationCost), not a fixed cap
    public void Derive_BadOrders_ThrowNamingArgument(int j, int k, string name)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Degeneracy.Series.Derivation.Derivation.Derive(j, k));
        Assert.Equal(name, e.ParamName);
    }

    [Fact]
    public void DerivationDocument_IsUpToDate()
    {
        var onDisk = RepositoryFiles.ReadText("docs", "DERIVATION.md");
        Assert.True(onDisk == DerivationReport.Build(4, 2), "docs/DERIVATION.md is stale: run `degeneracy derivation-doc --out docs/DERIVATION.md`.");
    }
}
