using Degeneracy.Verify.Variability;
using MathNet.Numerics.Distributions;

namespace Degeneracy.Verify.Tests.Variability;

public class DistancePreservationTests
{
    /// <summary>|x − p| &lt; 4·SE: two-sided false-alarm rate ≈ 6.3e-5 per comparison.</summary>
    private static void WithinFourSe(double observed, double expected, double se, string what) =>
        Assert.True(Math.Abs(observed - expected) < 4 * se, $"{what}: observed {observed:R}, expected {expected:R}, 4 SE = {4 * se:E3}");

    [Theory]
    [InlineData("relu", 0.5, 1)]
    [InlineData("relu", 0.25, 2)]
    [InlineData("relu", 0.7, 3)]
    [InlineData("abs", 0.5, 1)]
    [InlineData("abs", 0.25, 3)]
    [InlineData("abs", 0.7, 5)]
    public void Proposition2_IndependentComponents_MatchesSampling(string activation, double p, int d)
    {
        // u, v iid with iid N(μ, 1) components, μ = Φ⁻¹(p) so P(≥ 0) = p; 40 000 draws, binomial 4 SE (≈ 6e-5 false alarms).
        var act = NetworkActivation.Parse(activation);
        double mu = Normal.InvCDF(0, 1, p);
        var normal = new Normal(mu, 1, new Random(12345 + d));
        const int n = 40_000;
        int hits = 0;
        for (int t = 0; t < n; t++)
        {
            bool all = true;
            for (int i = 0; i < d; i++)
            {
                double u = normal.Sample(), v = normal.Sample();
                all &= Math.Abs(Math.Abs(act.Apply(u) - act.Apply(v)) - Math.Abs(u - v)) <= 1e-14 * (Math.Abs(u) + Math.Abs(v));
            }
            if (all) hits++;
        }
        double expected = DistancePreservation.IndependentLayerProbability(act, p, d);
        double closed = activation == "relu" ? Math.Pow(p, 2 * d) : Math.Pow(p * p + (1 - p) * (1 - p), d);
        Assert.Equal(closed, expected, 15);
        WithinFourSe(hits / (double)n, expected, Math.Sqrt(expected * (1 - expected) / n), $"{activation} p={p} d={d}");
    }

    [Theory]
    [InlineData(0.2)]
    [InlineData(1.0)]
    [InlineData(2.2)]
    [InlineData(3.0)]
    public void CorrelatedUnitProbability_MatchesBivariateSampling(double theta)
    {
        // (u, v) = (G, cos θ·G + sin θ·H): P(both ≥ 0) = (π − θ)/(2π); 100 000 draws, 4 SE.
        var g = new Normal(0, 1, new Random(7));
        const int n = 100_000;
        int both = 0, same = 0;
        for (int t = 0; t < n; t++)
        {
            double a = g.Sample(), b = g.Sample();
            double u = a, v = Math.Cos(theta) * a + Math.Sin(theta) * b;
            if (u >= 0 && v >= 0) both++;
            if ((u >= 0) == (v >= 0)) same++;
        }
        double relu = DistancePreservation.CorrelatedUnitProbability(NetworkActivation.Relu, theta);
        double abs = DistancePreservation.CorrelatedUnitProbability(NetworkActivation.Abs, theta);
        WithinFourSe(both / (double)n, relu, Math.Sqrt(relu * (1 - relu) / n), "relu");
        WithinFourSe(same / (double)n, abs, Math.Sqrt(abs * (1 - abs) / n), "abs");
        Assert.Equal(Math.Pow(2, 5), DistancePreservation.CorrelatedLayerProbability(NetworkActivation.Abs, theta, 5)
            / DistancePreservation.CorrelatedLayerProbability(NetworkActivation.Relu, theta, 5), 9);
    }

    [Fact]
    public void CorrelatedAtRightAngle_IsProposition2WithHalf()
    {
        Assert.Equal(DistancePreservation.IndependentLayerProbability(NetworkActivation.Relu, 0.5, 7),
            DistancePreservation.CorrelatedLayerProbability(NetworkActivation.Relu, Math.PI / 2, 7), 15);
        Assert.Equal(DistancePreservation.IndependentLayerProbability(NetworkActivation.Abs, 0.5, 7),
            DistancePreservation.CorrelatedLayerProbability(NetworkActivation.Abs, Math.PI / 2, 7), 15);
    }

    [Theory]
    [InlineData("relu", 0.3, 2, 1.0)]
    [InlineData("relu", 1.5, 4, 0.0)]
    [InlineData("relu", 2.8, 8, 1.0)]
    [InlineData("abs", 0.3, 3, 1.0)]
    [InlineData("abs", 1.5, 6, 0.5)]
    [InlineData("abs", 2.8, 2, 0.0)]
    public void InNetwork_EveryLayer_MatchesExactConditionalProbability(string activation, double theta0, int d, double biasVariance)
    {
        // Inputs at angle θ⁰; given layer k − 1 the event "all |D_ii| = 1" has probability p(θ_k)^d exactly, so
        // Σ(1{event} − p(θ_k)^d) has mean 0 and variance Σp(1 − p). 6 layers × 2 statistics, 4 SE: family rate ≈ 8e-4.
        var act = NetworkActivation.Parse(activation);
        var spec = new BiasedNetworkSpec(2, d, 6, 0, act, WeightDistribution.Gaussian, activation == "relu" ? 2 : 1, biasVariance);
        double[] x = [1, 0], xBar = [Math.Cos(theta0), Math.Sin(theta0)];
        var layers = InNetworkDistancePreservation.Run(spec, x, xBar, 8000, 5);
        foreach (var layer in layers)
        {
            Assert.True(Math.Abs(layer.ZAll) < 4, $"layer {layer.Layer}: all-units z = {layer.ZAll:F2} ({layer.ObservedAll} vs {layer.ExpectedAll})");
            Assert.True(Math.Abs(layer.ZUnit) < 4, $"layer {layer.Layer}: unit z = {layer.ZUnit:F2} ({layer.ObservedUnit} vs {layer.ExpectedUnit})");
        }
        // Layer 1's angle is deterministic: cos θ₁ = (σ_w²/2·cos θ⁰ + σ_b²)/(σ_w²/2 + σ_b²).
        double a = spec.WeightVariance / 2;
        Assert.Equal(Math.Acos((a * Math.Cos(theta0) + biasVariance) / (a + biasVariance)), layers[0].MeanTheta, 9);
        Assert.Equal(layers[0].MeanTheta, layers[0].KernelTheta, 9);
    }
}
