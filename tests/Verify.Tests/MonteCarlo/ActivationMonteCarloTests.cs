using Degeneracy.JFunctions;
using Degeneracy.Series.Derivation;
using Degeneracy.Series.SmallAngle;
using Degeneracy.Verify.MonteCarlo;
using MathNet.Numerics.Distributions;
using Xunit.Abstractions;

namespace Degeneracy.Verify.Tests.MonteCarlo;

/// <summary>
/// Monte Carlo of the angle chain and of explicit networks for φ_s (s ≠ 0) against the theory: the small-angle law and
/// the derived law at θ = 1. Every comparison is a z-test at 4 standard errors with fixed seeds: false-alarm rate
/// 6.3e-5 per comparison, about 1e-3 for the 16 comparisons in this class.
/// </summary>
public class ActivationMonteCarloTests(ITestOutputHelper output)
{
    private static LayerStatistics FirstLayer(int n, double theta, string activation, long samples, MonteCarloBackend backend = MonteCarloBackend.Chain) =>
        MonteCarloSampler.Run(new MonteCarloConfiguration([n], theta, samples, 20261130, backend, activation: Activation.Parse(activation))).Layers[0];

    /// <summary>
    /// The small-angle limit law sampled directly, independently of the chain: R = ‖P⊥_u v‖²/‖u‖² with u, v independent
    /// N(0, Λ), λ_i ∈ {1, s²} with probability ½ each (docs/THEORY.md §5); mean and variance of ln R and their standard errors.
    /// </summary>
    private static (double Mean, double MeanSe, double Variance, double VarianceSe) LimitLaw(int n, double s, int samples, int seed)
    {
        var rng = new Random(seed);
        var values = new double[samples];
        for (int t = 0; t < samples; t++)
        {
            double uu = 0, vv = 0, uv = 0;
            for (int i = 0; i < n; i++)
            {
                double lambda = rng.Next(2) == 0 ? 1.0 : s * s;
                double u = Normal.Sample(rng, 0, 1), v = Normal.Sample(rng, 0, 1);
                uu += lambda * u * u; vv += lambda * v * v; uv += lambda * u * v;
            }
            values[t] = Math.Log((uu * vv - uv * uv) / (uu * uu));
        }
        double mean = values.Average(), m2 = values.Average(x => (x - mean) * (x - mean)), m4 = values.Average(x => Math.Pow(x - mean, 4));
        return (mean, Math.Sqrt(m2 / samples), m2, Math.Sqrt((m4 - m2 * m2) / samples));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(16)]
    [InlineData(64)]
    public void Chain_Abs_AtSmallAngle_MatchesTheExactChiSquareLaw(int n)
    {
        const double theta = 1e-4;
        var layer = FirstLayer(n, theta, "abs", 40000);
        var (rho, variance) = ActivationSmallAngleLaw.Evaluate(n, Activation.Abs);
        double lnSin2 = 2 * Math.Log(Math.Sin(theta));
        double zMean = (layer.Mean - lnSin2 + rho) / layer.MeanStdError, zVar = (layer.Variance - variance) / layer.VarianceStdError;
        output.WriteLine($"abs n={n}: E[L] {layer.Mean - lnSin2:R} vs {-rho:R} (z {zMean:F2}); Var {layer.Variance:R} vs {variance:R} (z {zVar:F2}); collapsed {layer.Degenerate}");
        Assert.Equal(0, layer.Degenerate);
        Assert.InRange(zMean, -4, 4);
        Assert.InRange(zVar, -4, 4);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(16)]
    [InlineData(64)]
    public void Chain_LeakyOneTenth_AtSmallAngle_MatchesTheLimitLaw(int n)
    {
        const double theta = 1e-4;
        var layer = FirstLayer(n, theta, "leaky:1/10", 40000);
        var limit = LimitLaw(n, 0.1, 16000, 7 + n);
        double lnSin2 = 2 * Math.Log(Math.Sin(theta));
        double zMean = (layer.Mean - lnSin2 - limit.Mean) / Math.Sqrt(layer.MeanStdError * layer.MeanStdError + limit.MeanSe * limit.MeanSe);
        double zVar = (layer.Variance - limit.Variance) / Math.Sqrt(layer.VarianceStdError * layer.VarianceStdError + limit.VarianceSe * limit.VarianceSe);
        output.WriteLine($"leaky:1/10 n={n}: E[L] {layer.Mean - lnSin2:R} vs limit law {limit.Mean:R} (z {zMean:F2}); Var {layer.Variance:R} vs {limit.Variance:R} (z {zVar:F2})");
        Assert.InRange(zMean, -4, 4);
        Assert.InRange(zVar, -4, 4);
        if (n == 64)
        {
            // and the exact 1/n expansion (order 4; next term O(n^-5) ≈ 1e-7) agrees with the sampled limit law
            var (rhoSeries, _) = ActivationSmallAngleLaw.Series(4, Activation.Parse("leaky:1/10"));
            double rho = SmallAngleLaw.SumSeries(rhoSeries, n);
            Assert.InRange((limit.Mean + rho) / limit.MeanSe, -4, 4);
        }
    }

    [Theory]
    [InlineData("abs", MonteCarloBackend.Chain)]
    [InlineData("leaky:1/100", MonteCarloBackend.Chain)]
    [InlineData("abs", MonteCarloBackend.Network)]
    [InlineData("leaky:1/100", MonteCarloBackend.Network)]
    public void FirstLayer_AtThetaOne_MatchesTheDerivedLaw(string name, MonteCarloBackend backend)
    {
        const int n = 64;
        const double theta = 1.0;
        var act = Activation.Parse(name);
        var layer = FirstLayer(n, theta, name, backend == MonteCarloBackend.Chain ? 40000 : 6000, backend);
        var exp = LogRatioExpansion.Derive(3, act);
        double J(int a, int b) => ActivationJFunction.EvaluateNormalised(a, b, act, theta);
        double eps = 1.0 / n, drift = Math.Log((1 - 4 * J(1, 1) * J(1, 1)) / Math.Pow(Math.Sin(theta), 2)), variance = 0;
        for (int k = 1; k <= 3; k++) { drift += exp.Mean[k].Evaluate(J) * Math.Pow(eps, k); variance += exp.Variance[k].Evaluate(J) * Math.Pow(eps, k); }
        double lnSin2 = 2 * Math.Log(Math.Sin(theta));
        double zMean = (layer.Mean - lnSin2 - drift) / layer.MeanStdError, zVar = (layer.Variance - variance) / layer.VarianceStdError;
        output.WriteLine($"{name} {backend} n={n} θ=1: E[L] {layer.Mean - lnSin2:R} vs derived {drift:R} (z {zMean:F2}); Var {layer.Variance:R} vs {variance:R} (z {zVar:F2})");
        Assert.InRange(zMean, -4, 4);
        Assert.InRange(zVar, -4, 4);
    }

    [Fact]
    public void ExactlyOppositeInputs_CollapseForAbsAndLinear_NotForLeaky()
    {
        // ĝ = −g exactly (θ = π; δg = −2g is exact): |−g| = |g| gives X = Y, linear gives Y = −X, both exactly parallel.
        // Leaky s = 1/2 maps g and −g to non-parallel vectors when g has both signs.
        var rng = new Random(3);
        double[] g = Enumerable.Range(0, 9).Select(_ => Normal.Sample(rng, 0, 1)).ToArray();
        g[0] = Math.Abs(g[0]); g[1] = -Math.Abs(g[1]);
        double[] dg = g.Select(x => -2 * x).ToArray();
        var x = new double[9]; var dx = new double[9];
        Assert.True(LeakyAngleStep.Compute(g, dg, x, dx, -1.0).IsDegenerate);
        Assert.True(LeakyAngleStep.Compute(g, dg, x, dx, 1.0).IsDegenerate);
        var leaky = LeakyAngleStep.Compute(g, dg, x, dx, 0.5);
        Assert.False(leaky.IsDegenerate);
        Assert.True(leaky.Cos < 0, "φ_s with s > 0 maps opposite inputs to an obtuse pair");
        // A genuinely tiny angle is not a collapse: ĝ = g + 1e-12·h.
        double[] tiny = Enumerable.Range(0, 9).Select(_ => 1e-12 * Normal.Sample(rng, 0, 1)).ToArray();
        var small = LeakyAngleStep.Compute(g, tiny, x, dx, -1.0);
        Assert.False(small.IsDegenerate);
        Assert.InRange(small.SinSquared, 1e-28, 1e-20);
        // n = 1: X ∥ Y always; through the chain every sample collapses in layer 1.
        Assert.Equal(2000, FirstLayer(1, 1.0, "leaky:1/2", 2000).Degenerate);
    }

    [Fact]
    public void Leaky_ShardsMerge_IntoTheWholeRun_AndConfigurationRoundTrips()
    {
        var configuration = new MonteCarloConfiguration([16, 8, 16], 0.7, 3000, 5, activation: Activation.Parse("leaky:-3/7"));
        var whole = MonteCarloSampler.Run(configuration, new MonteCarloRunOptions { Threads = 2 });
        var parts = Enumerable.Range(0, 3).Select(i => MonteCarloSampler.Run(configuration, new MonteCarloRunOptions { Shard = new ShardSpec(i, 3), Threads = 1 })).ToArray();
        ResultAssert.BitIdentical(whole, MonteCarloResult.Merge([parts[2], parts[0], parts[1]]));
        Assert.NotEqual(configuration, new MonteCarloConfiguration([16, 8, 16], 0.7, 3000, 5));
        Assert.Contains("activation leaky:-3/7", configuration.ToString());
    }
}
