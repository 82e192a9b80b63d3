using System.Numerics;
using Degeneracy.Series.SmallAngle;
using MathNet.Numerics;

namespace Degeneracy.Series.Tests.SmallAngle;

/// <summary>
/// ρ_exact(n), σ²_exact(0, n) (docs/THEORY.md §3) against an independent brute-force evaluation (exact binomial weights,
/// MathNet digamma, a plain trigamma) and against closed forms at n = 2, 3. Deterministic; no randomness.
/// </summary>
public class SmallAngleLawTests
{
    /// <summary>ψ₁(x) = Σ_{j&lt;N} 1/(x+j)² + ψ₁(x+N), tail by Euler–Maclaurin to 1/y⁷ (error &lt; 1e-20 at N = 200).</summary>
    internal static double PlainTrigamma(double x)
    {
        const int shift = 200;
        double s = 0;
        for (int j = shift - 1; j >= 0; j--) s += 1.0 / ((x + j) * (x + j));
        double y = x + shift;
        return s + 1 / y + 1 / (2 * y * y) + 1 / (6 * y * y * y) - 1 / (30 * Math.Pow(y, 5)) + 1 / (42 * Math.Pow(y, 7));
    }

    /// <summary>Direct sum over k = 2..n with exact binomial weights and MathNet's ψ, two-pass variance.</summary>
    private static (double Rho, double Variance) BruteForce(int n)
    {
        BigInteger total = BigInteger.Pow(2, n) - 1 - n; // Σ_{k≥2} C(n, k)
        var w = new double[n + 1];
        var g = new double[n + 1];
        var t = new double[n + 1];
        for (int k = 2; k <= n; k++)
        {
            w[k] = Symbolic.Rational.RoundToDouble(Symbolic.Rational.Binomial(n, k), total);
            g[k] = SpecialFunctions.DiGamma(k / 2.0) - SpecialFunctions.DiGamma((k - 1) / 2.0);
            t[k] = PlainTrigamma((k - 1) / 2.0) + PlainTrigamma(k / 2.0);
        }
        double rho = 0, meanT = 0;
        for (int k = 2; k <= n; k++) { rho += w[k] * g[k]; meanT += w[k] * t[k]; }
        double varG = 0;
        for (int k = 2; k <= n; k++) varG += w[k] * (g[k] - rho) * (g[k] - rho);
        return (rho, meanT + varG);
    }

    [Fact]
    public void Evaluate_SmallWidths_MatchesBruteForceWithMathNetDigamma()
    {
        double worstRho = 0, worstVar = 0;
        for (int n = 2; n <= 60; n++)
        {
            var exact = SmallAngleLaw.Evaluate(n);
            var brute = BruteForce(n);
            worstRho = Math.Max(worstRho, Math.Abs(exact.Rho - brute.Rho) / brute.Rho);
            worstVar = Math.Max(worstVar, Math.Abs(exact.Variance - brute.Variance) / brute.Variance);
        }
        // MathNet's ψ is good to ~1e-15 absolute; ψ(k/2) − ψ((k−1)/2) ~ 2/k costs up to ~1.5 digits at k = 60.
        Assert.True(worstRho < 1e-13, $"worst relative ρ error {worstRho:E3}");
        Assert.True(worstVar < 1e-14, $"worst relative σ² error {worstVar:E3}");
    }

    [Fact]
    public void Evaluate_WidthTwo_IsTwoLnTwoAndTwoPiSquaredOverThree()
    {
        // k = 2 surely: ρ = ψ(1) − ψ(1/2) = 2 ln 2, σ² = ψ₁(1/2) + ψ₁(1) = π²/2 + π²/6.
        var e = SmallAngleLaw.Evaluate(2);
        Assert.Equal(2 * Math.Log(2), e.Rho, 1e-15);
        Assert.Equal(2 * Math.PI * Math.PI / 3, e.Variance, 1e-14);
        Assert.Equal(-e.Rho, e.MeanDrift);
        Assert.Equal(1, e.TermsSummed);
        Assert.Equal(0, e.TermsSkipped);
    }

    [Fact]
    public void Evaluate_WidthThree_MatchesClosedForm()
    {
        // k ∈ {2, 3} with conditional weights 3/4, 1/4; g(2) = 2 ln 2, g(3) = 2 − 2 ln 2, t(2) = 2π²/3, t(3) = 2π²/3 − 4.
        double ln2 = Math.Log(2);
        double rho = Math.Log(2) + 0.5;
        double variance = 2 * Math.PI * Math.PI / 3 - 1 + 0.75 * (2 * ln2 - 1) * (2 * ln2 - 1);
        var e = SmallAngleLaw.Evaluate(3);
        Assert.Equal(rho, e.Rho, 2e-16);
        Assert.Equal(variance, e.Variance, 4e-15);
        Assert.Equal(rho, SmallAngleLaw.Rho(3));
        Assert.Equal(variance, SmallAngleLaw.Variance(3), 4e-15);
        Assert.Equal(-rho, SmallAngleLaw.MeanDrift(3));
    }

    [Theory]
    [InlineData(100)]
    [InlineData(10_000)]
    [InlineData(10_000_000)]
    public void Evaluate_LargeWidth_CountsEveryTermAsSummedOrSkipped(int n)
    {
        var e = SmallAngleLaw.Evaluate(n);
        Assert.Equal(n - 1, e.TermsSummed + e.TermsSkipped);
        Assert.True(e.TermsSkipped > 0);
        // the summed window is a few dozen standard deviations (√n / 2) wide, not O(n)
        Assert.True(e.TermsSummed < 20 * Math.Sqrt(n) + 50, $"summed {e.TermsSummed}");
    }

    [Fact]
    public void Evaluate_TenMillion_AgreesWithExactSeriesToRoundingLevel()
    {
        // At n = 10⁷ the order-4 series is exact to c₅ n⁻⁵ ≈ 2e-32 relative: the difference is the evaluator's own error.
        const int n = 10_000_000;
        var e = SmallAngleLaw.Evaluate(n);
        double rho = SmallAngleLaw.SumSeries(SmallAngleLaw.RhoSeries(4), n);
        double variance = SmallAngleLaw.SumSeries(SmallAngleLaw.VarianceSeries(4), n);
        Assert.True(Math.Abs(e.Rho - rho) <= 1e-14 * rho, $"ρ {e.Rho:R} vs {rho:R}");
        Assert.True(Math.Abs(e.Variance - variance) <= 1e-14 * variance, $"σ² {e.Variance:R} vs {variance:R}");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(0)]
    [InlineData(-5)]
    public void Evaluate_WidthBelowTwo_ThrowsNamingN(int n)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => SmallAngleLaw.Evaluate(n));
        Assert.Equal("n", ex.ParamName);
        Assert.Contains("2 ≤ n", ex.Message);
        Assert.Equal("n", Assert.Throws<ArgumentOutOfRangeException>(() => SmallAngleLaw.Rho(n)).ParamName);
        Assert.Equal("n", Assert.Throws<ArgumentOutOfRangeException>(() => SmallAngleLaw.Variance(n)).ParamName);
        Assert.Equal("n", Assert.Throws<ArgumentOutOfRangeException>(() => SmallAngleLaw.MeanDrift(n)).ParamName);
    }
}
