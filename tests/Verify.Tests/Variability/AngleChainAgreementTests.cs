using Degeneracy.Verify.MonteCarlo;
using Degeneracy.Verify.Prediction;
using Degeneracy.Verify.Variability;

namespace Degeneracy.Verify.Tests.Variability;

public class AngleChainAgreementTests
{
    [Theory]
    [InlineData(10, 0.6)]
    [InlineData(6, 1.2)]
    public void BiasFreeReluNetwork_AnglesAgreeWithReducedChain(int width, double theta0)
    {
        // σ_b = 0, ReLU, Gaussian weights: the angle between s_k and s̄_k of the explicit network (forward passes of the
        // variability code path) must follow the library's reduced angle chain. Means of ln sin²θ^k and the collapse rate
        // within 4 SE; 4 layers × 2 statistics, family false-alarm rate ≈ 5e-4.
        const int depth = 4, networkSamples = 4000;
        var spec = new BiasedNetworkSpec(2, width, depth, 0, NetworkActivation.Relu, WeightDistribution.Gaussian, 2, 0);
        double[] x = [1, 0], xBar = [Math.Cos(theta0), Math.Sin(theta0)];
        var sums = new double[depth];
        var squares = new double[depth];
        var alive = new int[depth];
        var degenerate = new int[depth];
        var bufX = new double[width];
        var bufDx = new double[width];
        for (int s = 0; s < networkSamples; s++)
        {
            var net = BiasedNetwork.Sample(spec, 77, s);
            var z = net.PreActivations(x);
            var zBar = net.PreActivations(xBar);
            for (int k = 0; k < depth; k++)
            {
                var dz = zBar[k].Select((v, i) => v - z[k][i]).ToArray();
                var step = AngleStep.Compute(z[k], dz, bufX, bufDx);
                if (step.IsDegenerate) { degenerate[k]++; break; }
                double v = Math.Log(step.SinSquared);
                sums[k] += v;
                squares[k] += v * v;
                alive[k]++;
            }
        }
        var chain = ReducedChainSampler.Run(Enumerable.Repeat(width, depth).ToArray(), theta0, 60_000, 3);
        for (int k = 0; k < depth; k++)
        {
            double mean = sums[k] / alive[k], variance = squares[k] / alive[k] - mean * mean;
            double se = Math.Sqrt(variance / alive[k] + chain.Layers[k].MeanStdError * chain.Layers[k].MeanStdError);
            Assert.True(Math.Abs(mean - chain.Layers[k].Mean) < 4 * se,
                $"layer {k + 1}: network {mean:R} vs chain {chain.Layers[k].Mean:R}, 4 SE = {4 * se:E3}");
            double aliveBefore = alive[k] + degenerate[k];
            double rateNet = degenerate[k] / aliveBefore;
            double rateChain = chain.Layers[k].Degenerate / (double)(chain.Layers[k].Count + chain.Layers[k].Degenerate);
            double seRate = Math.Sqrt(rateChain * (1 - rateChain) / aliveBefore) + 1e-9;
            Assert.True(Math.Abs(rateNet - rateChain) < 4 * seRate + 1e-9, $"layer {k + 1}: collapse rate {rateNet} vs {rateChain}");
        }
    }

    [Fact]
    public void KernelMap_WithoutBias_IsTheInfiniteWidthAngleMap()
    {
        // σ_b = 0: the pre-activation angle θ_{k+1} is the post-activation angle of layer k, so it follows cos θ′ = 2J₁₁(θ)·… —
        // InfiniteWidthMap's ln sin²θ′ applied to θ_k.
        double[] x = [1, 0], xBar = [Math.Cos(1.1), Math.Sin(1.1)];
        var angles = BiasedKernelMap.Angles(NetworkActivation.Relu, 2, 0, x, xBar, 6);
        Assert.Equal(1.1, angles[0], 12);
        for (int k = 0; k + 1 < angles.Length; k++)
            Assert.Equal(InfiniteWidthMap.NextX(angles[k]), Math.Log(Math.Pow(Math.Sin(angles[k + 1]), 2)), 9);
    }
}
