using Degeneracy.Series.Evaluation;
using Degeneracy.Series.SmallAngle;
using Degeneracy.Verify.FiniteWidth;
using Degeneracy.Verify.MonteCarlo;

namespace Degeneracy.Verify.Tests.FiniteWidth;

/// <summary>
/// The control-variate sampler behind the one-step table: its exact ingredients (per-class unit moments, the conditional
/// pattern law) against independent computations, and its estimates against the exact small-angle law, the 1/n series
/// at large n and the independent reduced-chain Monte Carlo.
/// </summary>
public sealed class OneStepNodeEstimatorTests
{
    /// <summary>
    /// Σ over classes of P(class)·E[w | class] equals the unconditional E[w] by a 2²⁰-point trapezoid rule over the phase ψ
    /// (X = R cos ψ⁺, Y = R cos(ψ − θ)⁺, R² ~ Exp(1)), an independent algorithm; likewise the second moments. 1e-9.
    /// </summary>
    [Theory]
    [InlineData(1e-3)]
    [InlineData(0.5)]
    [InlineData(1.5)]
    [InlineData(3.0)]
    public void UnitMoments_SumOverClasses_MatchTheUnconditionalMoments(double theta)
    {
        var u = new PatternUnitMoments(theta);
        double pb = (Math.PI - theta) / (2 * Math.PI), pq = theta / (2 * Math.PI);
        const int points = 1 << 20;
        var first = new double[3];
        var second = new double[9];
        for (int i = 0; i < points; i++)
        {
            double psi = 2 * Math.PI * (i + 0.5) / points;
            double x = Math.Max(0, Math.Cos(psi)), y = Math.Max(0, Math.Cos(psi - theta));
            double[] w = [(x + y) * (x + y), (x - y) * (x - y), (x + y) * (x - y)];
            for (int r = 0; r < 3; r++)
            {
                first[r] += w[r] / points;
                for (int t = 0; t < 3; t++) second[3 * r + t] += 2 * w[r] * w[t] / points;   // E R⁴ = 2
            }
        }
        for (int r = 0; r < 3; r++)
        {
            double m = pb * u.BothMean[r] + pq * (u.XMean[r] + u.YMean[r]);
            Assert.True(Math.Abs(m - first[r]) <= 1e-9, $"θ = {theta}, mean {r}: {m:R} vs {first[r]:R}");
            for (int t = 0; t < 3; t++)
            {
                double Raw(double[] mean, double[] cov) => cov[3 * r + t] + mean[r] * mean[t];
                double s = pb * Raw(u.BothMean, u.BothCov) + pq * (Raw(u.XMean, u.XCov) + Raw(u.YMean, u.YCov));
                Assert.True(Math.Abs(s - second[3 * r + t]) <= 1e-9, $"θ = {theta}, second moment ({r},{t}): {s:R} vs {second[3 * r + t]:R}");
            }
        }
    }

    /// <summary>The enumerated pattern law sums to 1, has the closed-form probability, and the sampler's k-frequencies
    /// match it within 4 binomial SE (200 000 draws; false-alarm rate below 1e-3 over all k).</summary>
    [Theory]
    [InlineData(2, 1.0)]
    [InlineData(5, 0.2)]
    [InlineData(10, 2.5)]
    public void PatternLaw_MatchesTheMultinomial(int n, double theta)
    {
        var law = new ContinuousPatternLaw(theta, n);
        double p = (Math.PI - theta) / (2 * Math.PI);
        Assert.Equal(1 - Math.Pow(1 - p, n) - n * Math.Pow(p, n), law.Probability, 12);
        var byK = new double[n + 1];
        double total = 0;
        law.Enumerate((k, j, l, q) =>
        {
            Assert.True(k >= 2 || (k == 1 && j + l >= 1));
            byK[k] += q;
            total += q;
        });
        Assert.Equal(1, total, 12);
        var rng = new Random(5);
        const int draws = 200_000;
        var counts = new long[n + 1];
        for (int i = 0; i < draws; i++) counts[law.Draw(rng.NextDouble(), rng.NextDouble()).K]++;
        for (int k = 0; k <= n; k++)
        {
            double se = Math.Sqrt(draws * byK[k] * (1 - byK[k]));
            Assert.True(Math.Abs(counts[k] - draws * byK[k]) <= 4 * se + 1, $"k = {k}: {counts[k]} vs {draws * byK[k]:F1} ± {se:F1}");
        }
    }

    /// <summary>
    /// Near θ = 0 (θ = 10⁻⁶) the estimates match the exact small-angle law −ρ_exact(n), σ²_exact(0, n) within 4 SE
    /// (the law moves by O(θ)); 4 comparisons per case, two-sided false-alarm rate ~6e-5 each.
    /// </summary>
    [Theory]
    [InlineData(3)]
    [InlineData(10)]
    [InlineData(30)]
    public void NearZero_MatchesTheExactSmallAngleLaw(int n)
    {
        var r = OneStepNodeEstimator.Run(1e-6, n, 100_000, 17);
        var exact = SmallAngleLaw.Evaluate(n);
        Assert.True(Math.Abs(r.Mean.Value + exact.Rho) <= 4 * r.Mean.StdError, $"mean {r.Mean.Value:R} ± {r.Mean.StdError:R} vs {-exact.Rho:R}");
        Assert.True(Math.Abs(r.Variance.Value - exact.Variance) <= 4 * r.Variance.StdError, $"var {r.Variance.Value:R} ± {r.Variance.StdError:R} vs {exact.Variance:R}");
    }

    /// <summary>
    /// At n = 256 the control variates leave standard errors of ~1e-6, so the estimate is compared with the derived 1/n
    /// series to order ε⁵ (truncation ≲ 1e-10 here): within 4 SE + 1e-8 on the drift and the variance.
    /// </summary>
    [Theory]
    [InlineData(0.5)]
    [InlineData(1.5)]
    public void LargeWidth_MatchesTheSeries(double theta)
    {
        const int n = 256;
        var r = OneStepNodeEstimator.Run(theta, n, 20_000, 19);
        double shift = Math.Cos(0.5 * theta) * Math.Cos(0.5 * theta) * LayerLaws.LnSin2(theta);
        var series = LayerLaws.Series(5);
        double drift = r.Mean.Value + shift - LayerLaws.LnSin2(theta);
        Assert.True(r.Mean.StdError < 5e-5, $"se {r.Mean.StdError:R}");
        Assert.True(Math.Abs(drift - series.Drift(theta, n)) <= 4 * r.Mean.StdError + 1e-8, $"drift {drift:R} ± {r.Mean.StdError:R} vs series {series.Drift(theta, n):R}");
        Assert.True(Math.Abs(r.Variance.Value - series.Sigma2(theta, n)) <= 4 * r.Variance.StdError + 1e-8,
            $"variance {r.Variance.Value:R} ± {r.Variance.StdError:R} vs series {series.Sigma2(theta, n):R}");
    }

    /// <summary>Against the independent reduced-chain Monte Carlo (other generator, other sampler): 4 combined SE.</summary>
    [Theory]
    [InlineData(2, 1.5)]
    [InlineData(10, 0.5)]
    [InlineData(16, 2.5)]
    public void Estimates_MatchTheReducedChain(int n, double theta)
    {
        var r = OneStepNodeEstimator.Run(theta, n, 200_000, 23);
        var mc = ReducedChainSampler.Run([n], theta, 400_000, 29, collectSamples: true);
        var values = mc.SurvivingSamples(1).Where(x => x != 0).Select(x => x - Math.Cos(0.5 * theta) * Math.Cos(0.5 * theta) * LayerLaws.LnSin2(theta)).ToArray();
        AssertMatchesSamples(r, values);
    }

    /// <summary>The estimate does not depend on the thread count.</summary>
    [Fact]
    public void Output_IsIndependentOfThreads()
    {
        var a = OneStepNodeEstimator.Run(1.0, 7, 30_000, 3, threads: 1);
        var b = OneStepNodeEstimator.Run(1.0, 7, 30_000, 3, threads: 2);
        Assert.Equal(a.Mean, b.Mean);
        Assert.Equal(a.Variance, b.Variance);
    }

    /// <summary>
    /// φ_s unit moments (s = −1 and s = 1/100) against a 2²⁰-point trapezoid rule over the phase of
    /// (X, Y) = (φ_s(cos ψ), φ_s(cos(ψ − θ))), E R⁴ = 2; 1e-9.
    /// </summary>
    [Theory]
    [InlineData(-1.0, 0.3)]
    [InlineData(-1.0, 2.9)]
    [InlineData(0.01, 1.5)]
    public void ActivationUnitMoments_MatchTrapezoid(double slope, double theta)
    {
        var (mean, cov) = ActivationNodeEstimator.UnitMoments(theta, slope);
        const int points = 1 << 20;
        var first = new double[3];
        var second = new double[9];
        double Phi(double v) => v >= 0 ? v : slope * v;
        for (int i = 0; i < points; i++)
        {
            double psi = 2 * Math.PI * (i + 0.5) / points;
            double x = Phi(Math.Cos(psi)), y = Phi(Math.Cos(psi - theta));
            double[] w = [(x + y) * (x + y), (x - y) * (x - y), (x + y) * (x - y)];
            for (int r = 0; r < 3; r++)
            {
                first[r] += w[r] / points;
                for (int t = 0; t < 3; t++) second[3 * r + t] += 2 * w[r] * w[t] / points;
            }
        }
        for (int r = 0; r < 3; r++)
        {
            Assert.True(Math.Abs(mean[r] - first[r]) <= 1e-9, $"mean {r}: {mean[r]:R} vs {first[r]:R}");
            for (int t = 0; t < 3; t++)
            {
                double raw = cov[3 * r + t] + mean[r] * mean[t];
                Assert.True(Math.Abs(raw - second[3 * r + t]) <= 1e-9, $"second ({r},{t}): {raw:R} vs {second[3 * r + t]:R}");
            }
        }
    }

    /// <summary>
    /// abs (s = −1): the estimate against the φ_s Monte Carlo of the full network code (other generator and sampler), 4
    /// combined SE; near θ = 0 against the exact small-angle law R = χ²_{n−1}/χ²_n (4 SE).
    /// </summary>
    [Theory]
    [InlineData(3, 1.0)]
    [InlineData(10, 2.8)]
    public void Abs_MatchesMonteCarlo(int n, double theta)
    {
        double shift = LayerLaws.LnSin2(theta);
        var r = ActivationNodeEstimator.Run(theta, n, -1, 100_000, shift, 31);
        var mc = MonteCarloSampler.Run(new MonteCarloConfiguration([n], theta, 200_000, 37, activation: Degeneracy.JFunctions.Activation.Abs),
            new MonteCarloRunOptions { CollectSamples = true });
        var values = mc.SurvivingSamples(1).Select(x => x - shift).ToArray();
        AssertMatchesSamples(r, values);
        var small = ActivationNodeEstimator.Run(1e-6, n, -1, 100_000, LayerLaws.LnSin2(1e-6), 41);
        var (rho, exactVariance) = Degeneracy.Series.SmallAngle.ActivationSmallAngleLaw.Evaluate(n, Degeneracy.JFunctions.Activation.Abs);
        Assert.True(Math.Abs(small.Mean.Value + rho) <= 4 * small.Mean.StdError, $"small angle: {small.Mean.Value:R} ± {small.Mean.StdError:R} vs {-rho:R}");
        Assert.True(Math.Abs(small.Variance.Value - exactVariance) <= 4 * small.Variance.StdError, $"small angle var: {small.Variance.Value:R} vs {exactVariance:R}");
    }

    [Fact]
    public void BadInput_IsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>("theta", () => new ContinuousPatternLaw(0, 4));
        Assert.Throws<ArgumentOutOfRangeException>("n", () => new ContinuousPatternLaw(1, 1));
        Assert.Throws<ArgumentOutOfRangeException>("samples", () => OneStepNodeEstimator.Run(1, 4, 10, 1));
        Assert.Throws<ArgumentOutOfRangeException>("theta", () => new PatternUnitMoments(Math.PI));
    }

    /// <summary>
    /// The estimator's mean and variance against the sample mean and variance of independent Monte Carlo values, each
    /// within 4 combined standard errors (false-alarm rate ≈ 6e-5 per comparison for Gaussian errors).
    /// </summary>
    private static void AssertMatchesSamples(OneStepNodeEstimate r, double[] values)
    {
        double mean = values.Average(), variance = values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1);
        double meanSe = Math.Sqrt(variance / values.Length);
        double varSe = Math.Sqrt(values.Sum(v => Math.Pow((v - mean) * (v - mean) - variance, 2)) / values.Length / values.Length);
        Assert.True(Math.Abs(r.Mean.Value - mean) <= 4 * Math.Sqrt(meanSe * meanSe + r.Mean.StdError * r.Mean.StdError),
            $"mean {r.Mean.Value:R} ± {r.Mean.StdError:R} vs MC {mean:R} ± {meanSe:R}");
        Assert.True(Math.Abs(r.Variance.Value - variance) <= 4 * Math.Sqrt(varSe * varSe + r.Variance.StdError * r.Variance.StdError),
            $"variance {r.Variance.Value:R} ± {r.Variance.StdError:R} vs MC {variance:R} ± {varSe:R}");
    }
}
