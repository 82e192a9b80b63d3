using System.Numerics;
using Degeneracy.Series.SmallAngle;
using Degeneracy.Symbolic;
using Xunit.Abstractions;

namespace Degeneracy.Series.Tests.SmallAngle;

/// <summary>
/// The exact 1/n expansions of ρ_exact(n) and σ²_exact(0, n) against the numerical law, their building blocks against
/// brute force, and the published ρ(n) of Jakub &amp; Nica eq. 2 expanded exactly. Deterministic.
/// </summary>
public class SmallAngleSeriesTests(ITestOutputHelper output)
{
    [Fact]
    public void RhoSeries_LeadingCoefficients_AreZeroAndTwo()
    {
        var c = SmallAngleLaw.RhoSeries(6);
        Assert.Equal(7, c.Length);
        Assert.Equal(Rational.Zero, c[0]);
        Assert.Equal((Rational)2, c[1]); // ρ(n) = 2/n + O(n⁻²), as the paper says
    }

    [Fact]
    public void VarianceSeries_LeadingCoefficients_AreZeroAndEight()
    {
        var d = SmallAngleLaw.VarianceSeries(6);
        Assert.Equal(Rational.Zero, d[0]);
        Assert.Equal((Rational)8, d[1]); // σ²(0, n) = 8/n + O(n⁻²), the leading term of the paper's eq. 6
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(10_000)]
    [InlineData(100_000)]
    public void Series_TruncatedAtOrderK_ErrsByTheNextTerm(int n)
    {
        const int maxOrder = 6;
        var c = SmallAngleLaw.RhoSeries(maxOrder + 2);
        var d = SmallAngleLaw.VarianceSeries(maxOrder + 2);
        var exact = SmallAngleLaw.Evaluate(n);
        for (int order = 1; order <= maxOrder; order++)
        {
            Check("ρ", exact.Rho, c, order);
            Check("σ²", exact.Variance, d, order);
        }

        void Check(string name, double value, Rational[] coefficients, int order)
        {
            double truncated = SmallAngleLaw.SumSeries(coefficients[..(order + 1)], n);
            double next = Math.Abs(coefficients[order + 1].ToDouble()) + Math.Abs(coefficients[order + 2].ToDouble()) / n;
            double bound = 2 * next * Math.Pow(n, -(order + 1)) + 4e-15 * Math.Abs(value);
            double error = Math.Abs(value - truncated);
            output.WriteLine($"n={n} {name} K={order}: |exact − series| = {error:E3}, bound {bound:E3}");
            Assert.True(error <= bound, $"n={n} {name} K={order}: error {error:E3} > bound {bound:E3}");
        }
    }

    [Fact]
    public void DigammaDifferenceSeries_TwoIndependentRoutes_Agree()
    {
        // ψ-expansion with ln(k/(k−1)) versus 2β(k−1) with Euler-type coefficients (4^m − 1) B_{2m}/m.
        Assert.Equal(PolygammaSeries.DigammaDifference(24), PolygammaSeries.DigammaDifferenceViaAlternatingSeries(24));
    }

    [Fact]
    public void RademacherSumMoment_MatchesBinomialSumExactly()
    {
        for (int m = 0; m <= 12; m++)
        {
            var p = InverseBinomialMoments.RademacherSumMoment(m);
            for (int n = 0; n <= 14; n++)
            {
                BigInteger sum = BigInteger.Zero;
                for (int k = 0; k <= n; k++) sum += Rational.Binomial(n, k) * BigInteger.Pow(2 * k - n, m);
                var brute = new Rational(sum, BigInteger.Pow(2, n));
                Rational poly = Rational.Zero;
                for (int deg = p.Length - 1; deg >= 0; deg--) poly = poly * n + p[deg];
                Assert.Equal(brute, poly);
            }
        }
    }

    [Fact]
    public void InverseMomentSeries_MatchesConditionedBinomialExpectationExactly()
    {
        // E[k^{−j} | k ≥ 1] at n = 1000 summed exactly in rationals versus the exact series to order j + 10
        // (coefficients grow ~factorially: truncation ~ e_{j,j+11} n^{−11} ≲ 1e-20 relative; conditioning changes ~2^{−1000}).
        const int n = 1000;
        BigInteger mass = BigInteger.Pow(2, n) - 1;
        for (int j = 1; j <= 4; j++)
        {
            Rational sum = Rational.Zero;
            for (int k = 1; k <= n; k++) sum += new Rational(Rational.Binomial(n, k), BigInteger.Pow(k, j));
            double direct = (sum / mass).ToDouble();
            double series = SmallAngleLaw.SumSeries(InverseBinomialMoments.Series(j, j + 10), n);
            Assert.True(Math.Abs(direct - series) <= 1e-15 * direct, $"j={j}: {direct:R} vs {series:R}");
        }
    }

    /// <summary>Exact ε-coefficients of the published ρ = ln((1+5ε)/(1−ε)) − 10ε/(1+5ε)² + 6ε/(1−ε)² (Jakub &amp; Nica, eq. 2).</summary>
    internal static Rational[] PublishedRhoSeries(int order)
    {
        var c = new Rational[order + 1];
        c[0] = Rational.Zero;
        for (int m = 1; m <= order; m++)
        {
            // ln(1+5ε) − ln(1−ε): ((−1)^{m+1} 5^m + 1)/m; −10ε(1+5ε)^{−2}: −10 m (−5)^{m−1}; 6ε(1−ε)^{−2}: 6m
            BigInteger fivePow = BigInteger.Pow(5, m);
            BigInteger logPart = (m % 2 == 1 ? fivePow : -fivePow) + 1;
            BigInteger minusFivePow = BigInteger.Pow(-5, m - 1);
            c[m] = new Rational(logPart, m) - 10 * m * (Rational)minusFivePow + 6 * m;
        }
        return c;
    }

    [Fact]
    public void PublishedRho_FirstOrder_AgreesAndHigherOrdersAreReported()
    {
        const int order = 6;
        var published = PublishedRhoSeries(order);
        var derived = SmallAngleLaw.RhoSeries(order);
        for (int m = 0; m <= order; m++)
            output.WriteLine($"ε^{m}: published {published[m]}, exact small-angle law {derived[m]}, {(published[m] == derived[m] ? "match" : "MISMATCH")}");
        Assert.Equal(derived[0], published[0]);
        Assert.Equal(derived[1], published[1]); // the only order the paper's O(1/n) derivation controls
        // sanity of the hand expansion: it must reproduce the closed form at a large width
        const int n = 1000;
        double closed = Math.Log((n + 5.0) / (n - 1.0)) - 10.0 * n / ((n + 5.0) * (n + 5.0)) + 6.0 * n / ((n - 1.0) * (n - 1.0));
        Assert.Equal(closed, SmallAngleLaw.SumSeries(PublishedRhoSeries(12), n), 1e-15);
    }

    [Fact]
    public void Series_NegativeOrder_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SmallAngleLaw.RhoSeries(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => SmallAngleLaw.VarianceSeries(-1));
    }
}
