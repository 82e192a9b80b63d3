using Degeneracy.JFunctions;
using Degeneracy.Series.Evaluation;
using Degeneracy.Series.SmallAngle;
using Degeneracy.Verify.FiniteWidth;
using Xunit.Abstractions;

namespace Degeneracy.Verify.Tests.FiniteWidth;

/// <summary>
/// <see cref="OneStepQuadrature"/> at widths beyond the two-unit oracle: the exact small-angle law as θ → 0, a Monte
/// Carlo drawn from the Gaussian definition, and the derived 1/n series at n = 256. Opt-in: about 7 minutes in all on a
/// shared 2-core machine (Monte Carlo ~2 min, n = 256 ~2 × 1.8 min, small angle ~1.3 min).
/// </summary>
[Trait("Category", "Slow")]
public sealed class OneStepQuadratureSlowTests(ITestOutputHelper output)
{
    /// <summary>
    /// θ → 0: (E[ln R] − ln sin²θ, Var ln R) → (−ρ_exact(n), σ²_exact(0, n)), the exact small-angle law. The deviation is
    /// O(θ) with O(θ² ln θ) next, so the Richardson combination 2f(θ) − f(2θ) removes the O(θ) term and leaves
    /// ~c θ² ln(1/θ). Measured for ReLU n = 3 (the worst case): at θ = 1e-4 the variance's residual is 1.6e-6, i.e.
    /// c ≈ 17, so at θ = 1e-5 it is ≈ 2e-8 (measured 2.8e-8). The default grid's error, measured against a grid 0.75×
    /// as coarse at θ ∈ {1e-5, 1e-4}, n = 3, is ≤ 1.1e-9 (variance) and ≤ 7e-12 (mean), and enters Richardson three
    /// times. Tolerance 1e-7 on both: ~3× the worst expected residual; a wrong limit or an O(θ) error that does not
    /// cancel is ≥ 1e-5.
    /// </summary>
    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    public void SmallAngle_TendsToTheExactSmallAngleLaw(double slope)
    {
        int[] widths = [3, 10, 30];
        const double theta = 1e-5, tolerance = 1e-7;
        var f1 = OneStepQuadrature.Evaluate(theta, widths, slope, 1.0, 2);
        var f2 = OneStepQuadrature.Evaluate(2 * theta, widths, slope, 1.0, 2);
        for (int k = 0; k < widths.Length; k++)
        {
            int n = widths[k];
            var (rho, variance) = slope == 0 ? (SmallAngleLaw.Evaluate(n).Rho, SmallAngleLaw.Evaluate(n).Variance)
                : ActivationSmallAngleLaw.Evaluate(n, Activation.Abs);
            double mean = 2 * (f1[k].MeanLogR - LayerLaws.LnSin2(theta)) - (f2[k].MeanLogR - LayerLaws.LnSin2(2 * theta));
            double var = 2 * f1[k].VarianceLogR - f2[k].VarianceLogR;
            output.WriteLine($"α = {slope}, n = {n}: mean {mean:R} vs −ρ {-rho:R} (dev {mean + rho:E2}); "
                             + $"variance {var:R} vs {variance:R} (dev {var - variance:E2}); "
                             + $"raw deviations at θ: {f1[k].MeanLogR - LayerLaws.LnSin2(theta) + rho:E2}, {f1[k].VarianceLogR - variance:E2}");
            Assert.True(Math.Abs(mean + rho) <= tolerance, $"α = {slope}, n = {n}: mean {mean:R} vs {-rho:R}");
            Assert.True(Math.Abs(var - variance) <= tolerance, $"α = {slope}, n = {n}: variance {var:R} vs {variance:R}");
        }
    }

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
    /// (ε = 1/n). The series' truncation is taken as its last term's size, |S₅ − S₄| (the ε⁶ term is smaller by ~1/n);
    /// the quadrature is evaluated on a grid 0.75× as coarse as the default and its error bounded by 3× its difference
    /// from the default grid. Tolerance: the sum of the two plus 1e-9 for rounding and the exponentially small collapse
    /// terms (2⁻ⁿ) the series does not see.
    /// </summary>
    [Theory]
    [InlineData(0.5)]
    [InlineData(1.5)]
    public void LargeWidth_MatchesTheSeries(double theta)
    {
        const int n = 256;
        var m = OneStepQuadrature.Evaluate(theta, [n], 0, 0.75, 2)[0];
        var d = OneStepQuadrature.Evaluate(theta, [n], 0, 1.0, 2)[0];
        double meanGrid = Math.Abs(m.MeanLogR - d.MeanLogR), varGrid = Math.Abs(m.VarianceLogR - d.VarianceLogR);
        var s5 = LayerLaws.Series(5);
        var s4 = LayerLaws.Series(4);
        double drift = m.MeanLogR - LayerLaws.LnSin2(theta);
        double driftTruncation = Math.Abs(s5.Drift(theta, n) - s4.Drift(theta, n)), varTruncation = Math.Abs(s5.Sigma2(theta, n) - s4.Sigma2(theta, n));
        double driftTol = driftTruncation + 3 * meanGrid + 1e-9, varTol = varTruncation + 3 * varGrid + 1e-9;
        output.WriteLine($"θ = {theta}: drift {drift:R} vs series {s5.Drift(theta, n):R} (dev {drift - s5.Drift(theta, n):E2}, |S5 − S4| "
                         + $"{driftTruncation:E2}, grid {meanGrid:E2}, tol {driftTol:E2}); variance {m.VarianceLogR:R} "
                         + $"vs {s5.Sigma2(theta, n):R} (dev {m.VarianceLogR - s5.Sigma2(theta, n):E2}, |S5 − S4| {varTruncation:E2}, "
                         + $"grid {varGrid:E2}, tol {varTol:E2})");
        Assert.True(Math.Abs(drift - s5.Drift(theta, n)) <= driftTol, $"θ = {theta}: drift {drift:R} vs {s5.Drift(theta, n):R}");
        Assert.True(Math.Abs(m.VarianceLogR - s5.Sigma2(theta, n)) <= varTol, $"θ = {theta}: variance {m.VarianceLogR:R} vs {s5.Sigma2(theta, n):R}");
    }
}
