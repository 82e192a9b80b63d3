using System.Diagnostics;
using Degeneracy.Series.SmallAngle;
using Degeneracy.Symbolic;
using Xunit.Abstractions;

namespace Degeneracy.Series.Tests.SmallAngle;

/// <summary>
/// The cumulant-route delta method for every slope: against the independent polygamma expansions at s = 0 (binomial
/// mixture of χ² ratios) and s = ±1 (χ²_{n−1}/χ²_n), against the set-partition delta method at low order, and against
/// the quadrature of the exact finite-n law at large n.
/// </summary>
public class SlopeDeltaSeriesTests(ITestOutputHelper output)
{
    private const int HighOrder = 12;

    [Fact]
    public void AtSlopeZero_IsTheBinomialPolygammaExpansion_ToOrder12()
    {
        var sw = Stopwatch.StartNew();
        var (rho, variance) = SlopeDeltaSeries.Compute(HighOrder, Rational.Zero);
        output.WriteLine($"s = 0, order {HighOrder}: {sw.Elapsed.TotalSeconds:F2} s");
        Assert.Equal(SmallAngleLaw.RhoSeries(HighOrder), rho);
        Assert.Equal(SmallAngleLaw.VarianceSeries(HighOrder), variance);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    public void AtSlopeOne_IsTheChiSquareRatioExpansion_ToOrder12(int s)
    {
        var (rho, variance) = SlopeDeltaSeries.Compute(HighOrder, s);
        Assert.Equal(PolygammaSeries.DigammaDifference(HighOrder), rho);
        Assert.Equal(PolygammaSeries.TrigammaSum(HighOrder), variance);
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(1, 10)]
    [InlineData(-3, 7)]
    public void EqualsThePartitionSumDeltaMethod_ToOrder4(int p, int q)
    {
        var slope = new Rational(p, q);
        var (rho, variance) = SlopeDeltaSeries.Compute(4, slope);
        var (oldRho, oldVariance) = Degeneracy.TestSupport.SmallAngle.PartitionDeltaOracle.Series(4, slope);
        Assert.Equal(oldRho, rho);
        Assert.Equal(oldVariance, variance);
    }

    [Fact]
    public void SlopeAndItsReciprocal_HaveTheSameSeries()
    {
        // The scale of λ drops out of R and k ↔ n − k is a symmetry of Binomial(n, ½): s and 1/s share the law.
        var (rho, variance) = SlopeDeltaSeries.Compute(8, new Rational(1, 3));
        var (rhoR, varianceR) = SlopeDeltaSeries.Compute(8, (Rational)3);
        Assert.Equal(rho, rhoR);
        Assert.Equal(variance, varianceR);
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(1, 10)]
    [InlineData(1, 100)]
    [InlineData(-3, 7)]
    public void TruncatedAtOrder12_MatchesTheQuadratureWithinTheNextTerm(int p, int q)
    {
        // The quadrature is good to ~1e-13 absolute; the series truncated at K misses by about c_{K+1} n^{−K−1}.
        // At n = 512 and 2000 the order-12 truncation error of the series is below 1e-22, so the two must agree to the
        // quadrature's accuracy; truncated at K = 1 … 4 the gap must be the next term (within 10 % plus the quadrature error).
        var slope = new Rational(p, q);
        var sw = Stopwatch.StartNew();
        var (c, d) = SlopeDeltaSeries.Compute(HighOrder + 1, slope);
        output.WriteLine($"s = {slope}: order {HighOrder + 1} in {sw.Elapsed.TotalSeconds:F2} s; c13 = {c[13].ToDouble():E4}, d13 = {d[13].ToDouble():E4}");
        foreach (int n in new[] { 512, 2000 })
        {
            var (rho, variance) = SlopeSmallAngleLaw.EvaluateByQuadrature(n, (slope * slope).ToDouble());
            Check("ρ", n, rho, c);
            Check("σ²", n, variance, d);
        }

        void Check(string name, int n, double exact, Rational[] coefficients)
        {
            double full = SmallAngleLaw.SumSeries(coefficients[..(HighOrder + 1)], n);
            output.WriteLine($"  {name} n = {n}: quadrature {exact:R}, series to n^-12 {full:R}, diff {exact - full:E2}");
            Assert.Equal(exact, full, 2e-13);
            for (int k = 1; k <= 4; k++)
            {
                double partial = SmallAngleLaw.SumSeries(coefficients[..(k + 1)], n);
                double next = coefficients[k + 1].ToDouble() * Math.Pow(n, -k - 1);
                Assert.InRange(exact - partial, next - 0.1 * Math.Abs(next) - 2e-13, next + 0.1 * Math.Abs(next) + 2e-13);
            }
        }
    }
}
