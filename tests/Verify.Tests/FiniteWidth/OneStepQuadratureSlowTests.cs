using Degeneracy.JFunctions;
using Degeneracy.Series.Evaluation;
using Degeneracy.Series.SmallAngle;
using Degeneracy.Verify.FiniteWidth;
using Xunit.Abstractions;

namespace Degeneracy.Verify.Tests.FiniteWidth;

/// <summary>
/// <see cref="OneStepQuadrature"/> at widths beyond the two-unit oracle: the exact small-angle law as θ → 0, a Monte
/// Carlo drawn from the Gaussian definition, and the derived 1/n series at n = 256. Opt-in (about a minute each).
/// </summary>
[Trait("Category", "Slow")]
public sealed class OneStepQuadratureSlowTests(ITestOutputHelper output)
{
    /// <summary>
    /// θ → 0: (E[ln R] − ln sin²θ, Var ln R) → (−ρ_exact(n), σ²_exact(0, n)), the exact small-angle law. The deviation is
    /// O(θ) with O(θ² ln θ) next, so the Richardson combination 2f(θ) − f(2θ) at θ = 1e-4 removes the O(θ) term and leaves
    /// ~θ² ln(1/θ) ≈ 1e-7 times an O(1) coefficient; the grid error enters three times (2·e(θ) + e(2θ)), bounded by 3× the
    /// larger of the fine–coarse differences that <see cref="OneStepQuadrature.Compute"/> reports. Tolerance: that bound
    /// + TolSmallAngle.
    /// </summary>
    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    public void SmallAngle_TendsToTheExactSmallAngleLaw(double slope)
    {
        int[] widths = [3, 10, 30];
        const double theta = 1e-4;
        var f1 = OneStepQuadrature.Compute(theta, widths, slope, 2);
        var f2 = OneStepQuadrature.Compute(2 * theta, widths, slope, 2);
        for (int k = 0; k < widths.Length; k++)
        {
            int n = widths[k];
            var (rho, variance) = slope == 0 ? (SmallAngleLaw.Evaluate(n).Rho, SmallAngleLaw.Evaluate(n).Variance)
                : ActivationSmallAngleLaw.Evaluate(n, Activation.Abs);
            double mean = 2 * (f1[k].MeanLogR - LayerLaws.LnSin2(theta)) - (f2[k].MeanLogR - LayerLaws.LnSin2(2 * theta));
            double var = 2 * f1[k].VarianceLogR - f2[k].VarianceLogR;
            double meanTol = 3 * Math.Max(f1[k].MeanError, f2[k].MeanError) + TolSmallAngle;
            double varTol = 3 * Math.Max(f1[k].VarianceError, f2[k].VarianceError) + TolSmallAngle;
            output.WriteLine($"α = {slope}, n = {n}: mean {mean:R} vs −ρ {-rho:R} (dev {mean + rho:E2}, tol {meanTol:E2}); "
                             + $"variance {var:R} vs {variance:R} (dev {var - variance:E2}, tol {varTol:E2}); "
                             + $"raw deviations at θ: {f1[k].MeanLogR - LayerLaws.LnSin2(theta) + rho:E2}, {f1[k].VarianceLogR - variance:E2}; "
                             + $"grid errors {f1[k].MeanError:E2}, {f1[k].VarianceError:E2}");
            Assert.True(Math.Abs(mean + rho) <= meanTol, $"α = {slope}, n = {n}: mean {mean:R} vs {-rho:R}");
            Assert.True(Math.Abs(var - variance) <= varTol, $"α = {slope}, n = {n}: variance {var:R} vs {variance:R}");
        }
    }

    private const double TolSmallAngle = 1e-6;

    /// <summary>
    /// Against <see cref="DirectOneStepSampler"/> (10⁶ pairs, fixed seeds): the mean and variance of ln R within 4 SE, and
    /// for ReLU the kept count within 4 binomial SE of 10⁶·P(cont). 22 comparisons at two-sided false-alarm rate 6.3e-5
    /// each: 1.4e-3 for the whole test.
    /// </summary>
    [Fact]
    public void Moments_MatchDirectMonteCarlo()
    {
        const int pairs = 1_000_000;
        (int N, double Theta, double Slope)[] cases =
            [(3, 0.5, 0), (6, 0.5, 0), (16, 0.5, 0), (3, 2.5, 0), (6, 2.5, 0), (16, 2.5, 0), (4, 1.0, -1), (5, 2.0, 0.2)];
        var failures = new List<string>();
        for (int c = 0; c < cases.Length; c++)
        {
            var (n, theta, slope) = cases[c];
            var q = OneStepQuadrature.Evaluate(theta, [n], slope, 1.0, 2)[0];
            var mc = DirectOneStepSampler.Run(n, theta, slope, pairs, 4100 + c);
            double seCount = Math.Sqrt(pairs * q.Continuous * (1 - q.Continuous));
            double zCount = seCount > 0 ? (mc.Kept - pairs * q.Continuous) / seCount : mc.Kept - pairs;
            double zMean = (mc.Mean - q.MeanLogR) / mc.MeanSe, zVar = (mc.Variance - q.VarianceLogR) / mc.VarianceSe;
            string line = $"n = {n}, θ = {theta}, α = {slope}: kept {mc.Kept} vs {pairs * q.Continuous:F1} ({zCount:F2} SE); mean MC {mc.Mean:F6} ± {mc.MeanSe:E2} "
                          + $"vs {q.MeanLogR:F8} ({zMean:F2} SE); variance MC {mc.Variance:F6} ± {mc.VarianceSe:E2} vs {q.VarianceLogR:F8} ({zVar:F2} SE)";
            output.WriteLine(line);
            if (Math.Abs(zCount) > 4 || Math.Abs(zMean) > 4 || Math.Abs(zVar) > 4) failures.Add(line);
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>
    /// n = 256: drift E[ln R] − ln sin²θ and Var ln R on the continuous part against the derived series to order ε⁵
    /// (ε = 1/n). The series' truncation is bounded by its last term's size, |S₅ − S₄| (the ε⁶ term is smaller by ~1/n);
    /// the quadrature's by 3× its fine–coarse difference. Tolerance: the sum of the two, plus 1e-9 for rounding.
    /// </summary>
    [Theory]
    [InlineData(0.5)]
    [InlineData(1.5)]
    public void LargeWidth_MatchesTheSeries(double theta)
    {
        const int n = 256;
        var m = OneStepQuadrature.Compute(theta, [n], 0, 2)[0];
        var s5 = LayerLaws.Series(5);
        var s4 = LayerLaws.Series(4);
        double drift = m.MeanLogR - LayerLaws.LnSin2(theta);
        double driftTol = Math.Abs(s5.Drift(theta, n) - s4.Drift(theta, n)) + 3 * m.MeanError + 1e-9;
        double varTol = Math.Abs(s5.Sigma2(theta, n) - s4.Sigma2(theta, n)) + 3 * m.VarianceError + 1e-9;
        output.WriteLine($"θ = {theta}: drift {drift:R} vs series {s5.Drift(theta, n):R} (dev {drift - s5.Drift(theta, n):E2}, |S5 − S4| "
                         + $"{Math.Abs(s5.Drift(theta, n) - s4.Drift(theta, n)):E2}, grid {m.MeanError:E2}, tol {driftTol:E2}); variance {m.VarianceLogR:R} "
                         + $"vs {s5.Sigma2(theta, n):R} (dev {m.VarianceLogR - s5.Sigma2(theta, n):E2}, |S5 − S4| {Math.Abs(s5.Sigma2(theta, n) - s4.Sigma2(theta, n)):E2}, "
                         + $"grid {m.VarianceError:E2}, tol {varTol:E2})");
        Assert.True(Math.Abs(drift - s5.Drift(theta, n)) <= driftTol, $"θ = {theta}: drift {drift:R} vs {s5.Drift(theta, n):R}");
        Assert.True(Math.Abs(m.VarianceLogR - s5.Sigma2(theta, n)) <= varTol, $"θ = {theta}: variance {m.VarianceLogR:R} vs {s5.Sigma2(theta, n):R}");
    }
}
