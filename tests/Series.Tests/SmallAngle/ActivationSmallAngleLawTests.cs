using Degeneracy.JFunctions;
using Degeneracy.Series.Derivation;
using Degeneracy.Series.SmallAngle;
using Degeneracy.Symbolic;
using Xunit.Abstractions;

namespace Degeneracy.Series.Tests.SmallAngle;

/// <summary>
/// The small-angle law of φ_s: its delta-method 1/n expansion against the independent polygamma laws (s = 0: binomial
/// mixture of χ² ratios; s = ±1: χ²_{n−1}/χ²_n), and the θ⁰ coefficients of the derived series (θ-series of J^{(s)},
/// D⁻¹ cancellation, normalisation) against that expansion.
/// </summary>
public class ActivationSmallAngleLawTests(ITestOutputHelper output)
{
    [Fact]
    public void DeltaMethod_AtSlopeZero_IsTheBinomialPolygammaExpansion()
    {
        var (rho, variance) = ActivationSmallAngleLaw.DeltaMethod(4, Rational.Zero);
        Assert.Equal(SmallAngleLaw.RhoSeries(4), rho);
        Assert.Equal(SmallAngleLaw.VarianceSeries(4), variance);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    public void DeltaMethod_AtSlopeOne_IsTheChiSquareRatioExpansion(int s)
    {
        var (rho, variance) = ActivationSmallAngleLaw.DeltaMethod(4, (Rational)s);
        Assert.Equal(PolygammaSeries.DigammaDifference(4), rho);
        Assert.Equal(PolygammaSeries.TrigammaSum(4), variance);
    }

    [Theory]
    [InlineData("relu")]
    [InlineData("abs")]
    [InlineData("leaky:1/2")]
    [InlineData("leaky:1/10")]
    public void DerivedSeries_ThetaZeroCoefficients_EqualTheSmallAngleExpansion(string name)
    {
        var act = Activation.Parse(name);
        const int K = 3;
        var d = Degeneracy.Series.Derivation.Derivation.Derive(1, K, act); // θ-order 1: the combinatorial route, never the small-angle shortcut
        var (rho, variance) = ActivationSmallAngleLaw.Series(K, act);
        for (int k = 0; k <= K; k++)
        {
            output.WriteLine($"{name} n^-{k}: rho {rho[k]}, sigma2 {variance[k]}");
            Assert.Equal(PiLaurent.Monomial(-rho[k], 0), d.Coefficient(Quantity.Drift, 0, k));
            Assert.Equal(PiLaurent.Monomial(variance[k], 0), d.Coefficient(Quantity.Sigma2, 0, k));
        }
    }

    [Fact]
    public void Evaluate_Abs_IsTheChiSquareRatioLaw()
    {
        // n = 2: ρ = ψ(1) − ψ(1/2) = 2 ln 2; σ² = ψ₁(1/2) + ψ₁(1) = π²/2 + π²/6.
        var (rho, variance) = ActivationSmallAngleLaw.Evaluate(2, Activation.Abs);
        Assert.Equal(2 * Math.Log(2), rho, 1e-15);
        Assert.Equal(2 * Math.PI * Math.PI / 3, variance, 1e-14);
        Assert.Equal(SlopeSmallAngleLaw.Evaluate(8, new Rational(1, 2)), ActivationSmallAngleLaw.Evaluate(8, Activation.Parse("leaky:1/2")));
        Assert.Equal("n", Assert.Throws<ArgumentOutOfRangeException>(() => ActivationSmallAngleLaw.Evaluate(1, Activation.Abs)).ParamName);
    }
}
