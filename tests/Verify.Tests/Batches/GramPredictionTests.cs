using Degeneracy.JFunctions;
using Degeneracy.Verify.Batches;

namespace Degeneracy.Verify.Tests.Batches;

public class GramPredictionTests
{
    [Theory]
    [InlineData(0.0, 0.3)]
    [InlineData(0.0, 2.5)]
    [InlineData(0.2, 1.1)]
    [InlineData(-1.0, 0.7)]
    [InlineData(1.0, 2.0)]
    [InlineData(-0.5, 3.0)]
    public void ActivationKernel_MatchesTwoDimensionalQuadrature(double slope, double theta)
    {
        // Independent: E[φ_s(G)φ_s(Ĝ)] by a polar Gauss–Legendre integral, G = R cos α, Ĝ = R cos(α − θ), E R² = 2.
        // Integrated piecewise between the kinks α = π/2, 3π/2, θ ± π/2 (mod 2π), where the integrand is smooth.
        var cuts = new[] { 0, Math.PI / 2, 1.5 * Math.PI, Wrap(theta + Math.PI / 2), Wrap(theta - Math.PI / 2), 2 * Math.PI }.Order().ToArray();
        double expected = 0;
        for (int c = 0; c + 1 < cuts.Length; c++)
            if (cuts[c + 1] > cuts[c])
                expected += MathNet.Numerics.Integration.GaussLegendreRule.Integrate(alpha =>
                {
                    double a = Math.Cos(alpha), b = Math.Cos(alpha - theta);
                    double fa = a >= 0 ? a : slope * a, fb = b >= 0 ? b : slope * b;
                    return fa * fb;
                }, cuts[c], cuts[c + 1], 64);
        expected *= 2 / (2 * Math.PI);
        Assert.Equal(expected, GramPrediction.ActivationKernel(theta, slope), 12);
    }

    private static double Wrap(double a) => ((a % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI);

    [Fact]
    public void ActivationKernel_Linear_IsCosine() =>
        Assert.Equal(Math.Cos(0.83), GramPrediction.ActivationKernel(0.83, 1.0), 14);

    [Fact]
    public void InfiniteWidth_AtWidth4096_MatchesMonteCarloGramWithinFourSE()
    {
        // Seeded; 4 layers × 6 entries × 2 settings = 48 comparisons at 4 SE: family-wise false alarm ≈ 0.3 %.
        // The prediction is the exact conditional mean, so the only bias is the O(1/n) Jensen term (≈ 10⁻⁴ here).
        foreach (var (activation, bias) in new[] { (Activation.Relu, 0.0), (Activation.Parse("leaky:0.1"), 0.2) })
        {
            var configuration = new BatchConfiguration([4096, 4096, 4096, 4096], BatchInputs.Random(3, 4, 8), 384, 21,
                activation, biasVariance: bias);
            var mc = BatchSampler.Run(configuration);
            var predicted = GramPrediction.InfiniteWidth(configuration);
            for (int l = 1; l <= 4; l++)
                for (int i = 0; i < 3; i++)
                    for (int j = i; j < 3; j++)
                    {
                        var s = mc.GramStatistic(l, i, j);
                        double p = predicted[l - 1].Gram[i, j];
                        Assert.True(Math.Abs(s.Mean - p) <= 4 * s.StdError,
                            $"{activation} σ_b²={bias} layer {l} K[{i},{j}]: MC {s.Mean} ± {s.StdError}, predicted {p} ({(s.Mean - p) / s.StdError:F2} SE)");
                    }
        }
    }

    [Fact]
    public void InfiniteWidth_Relu_DiagonalScalesBySigmaW2Over2_AndPairsFollowTheAngleMap()
    {
        var configuration = new BatchConfiguration([10, 10], BatchInputs.Random(3, 5, 1), 1, 1, weightVariance: 3);
        var k0 = configuration.Inputs.Gram;
        var k1 = GramPrediction.InfiniteWidth(configuration)[0].Gram;
        for (int i = 0; i < 3; i++) Assert.Equal(1.5 * k0[i, i], k1[i, i], 12);
        double theta = Math.Acos(k0[0, 1] / Math.Sqrt(k0[0, 0] * k0[1, 1]));
        double cos1 = k1[0, 1] / Math.Sqrt(k1[0, 0] * k1[1, 1]);
        Assert.Equal(2 * JFunction.Evaluate(1, 1, theta), cos1, 12); // Approximation 2: cos θ' = 2J₁₁(θ)
    }

    [Fact]
    public void FiniteWidth_LnSin2Mean_IsWithinItsModelErrorOfMonteCarlo()
    {
        // The pair-averaged ln sin² is a mean prediction (each pair's moment-closure law at order 1/n); the law's own
        // error at n = 32 is a few 0.01 (docs/ACCURACY.md), far above the SE of 2000 samples: we check 0.1 absolute.
        var configuration = new BatchConfiguration(Enumerable.Repeat(32, 8).ToArray(), BatchInputs.Random(4, 8, 3), 2000, 4);
        var mc = BatchSampler.Run(configuration);
        var finite = GramPrediction.FiniteWidth(configuration);
        var infinite = GramPrediction.InfiniteWidth(configuration);
        for (int l = 1; l <= 8; l++)
        {
            double measured = mc.Statistic(l, BatchObservable.LnSin2Mean).Mean;
            Assert.True(Math.Abs(finite[l - 1][BatchObservable.LnSin2Mean] - measured) < 0.1,
                $"layer {l}: finite-width {finite[l - 1][BatchObservable.LnSin2Mean]} vs MC {measured}");
        }
        // and it beats infinite width at the last layer, where 1/n drift has accumulated
        double last = mc.Statistic(8, BatchObservable.LnSin2Mean).Mean;
        Assert.True(Math.Abs(finite[7][BatchObservable.LnSin2Mean] - last) < Math.Abs(infinite[7][BatchObservable.LnSin2Mean] - last));
    }
}
