using Degeneracy.Verify.MonteCarlo;

namespace Degeneracy.Verify.Tests.MonteCarlo;

public class FullNetworkSamplerTests
{
    /// <summary>
    /// |a − b| &lt; 4·√(se_a² + se_b²): for independent estimates, a two-sided false-alarm rate ≈ 6.3e-5 per comparison.
    /// </summary>
    private static void AgreeWithin4StandardErrors(double a, double seA, double b, double seB, string what)
    {
        double se = Math.Sqrt(seA * seA + seB * seB);
        Assert.True(Math.Abs(a - b) < 4 * se, $"{what}: {a:R} vs {b:R}, |diff| = {Math.Abs(a - b):E3}, 4 SE = {4 * se:E3}");
    }

    private static void AssertChainMatchesNetwork(int[] widths, double theta0, long chainSamples, long networkSamples, int inputDimension)
    {
        var chain = ReducedChainSampler.Run(widths, theta0, chainSamples, 1001);
        var network = FullNetworkSampler.Run(widths, theta0, networkSamples, 2002, inputDimension);
        for (int l = 0; l < widths.Length; l++)
        {
            var c = chain.Layers[l];
            var n = network.Layers[l];
            AgreeWithin4StandardErrors(c.Mean, c.MeanStdError, n.Mean, n.MeanStdError, $"layer {l + 1} mean");
            AgreeWithin4StandardErrors(c.Variance, c.VarianceStdError, n.Variance, n.VarianceStdError, $"layer {l + 1} variance");
            // Degenerate fraction among samples alive before layer ℓ: binomial standard errors.
            double aliveC = c.Count + c.Degenerate, aliveN = n.Count + n.Degenerate;
            double pc = c.Degenerate / aliveC, pn = n.Degenerate / aliveN;
            double pooled = (c.Degenerate + n.Degenerate) / (aliveC + aliveN);
            double se = Math.Sqrt(pooled * (1 - pooled) * (1 / aliveC + 1 / aliveN)) + 1e-12;
            Assert.True(Math.Abs(pc - pn) < 4 * se + 1e-12, $"layer {l + 1} degenerate rate {pc:R} vs {pn:R}");
        }
    }

    [Fact]
    public void Network_NonUniformWidths_AgreesWithReducedChain()
    {
        // Widths 10, 200, 10, 200 (the step into layer ℓ must use n_ℓ); 8 comparisons + 4 rates, ≈ 8e-4 family false-alarm rate.
        AssertChainMatchesNetwork([10, 200, 10, 200], 0.6, 100_000, 10_000, inputDimension: 5);
    }

    [Fact]
    public void Network_SmallAngleNarrowLayers_AgreesWithReducedChain()
    {
        // Narrow layers at a small angle exercise degeneracy and the stable tiny-angle arithmetic of both backends.
        AssertChainMatchesNetwork([6, 6, 6], 0.01, 200_000, 40_000, inputDimension: 3);
    }

    [Fact]
    public void Network_Sample_EqualsExplicitMatrixProductWithDocumentedWeights()
    {
        int[] widths = [5, 3, 4];
        const int inputDimension = 4;
        const double theta0 = 0.9;
        const ulong seed = 31;
        var result = FullNetworkSampler.Run(widths, theta0, 20, seed, inputDimension, collectSamples: true);
        for (long sample = 0; sample < 20; sample++)
        {
            double[] xa = new double[inputDimension], xb = new double[inputDimension];
            xa[0] = 1;
            xb[0] = Math.Cos(theta0);
            xb[1] = Math.Sin(theta0);
            bool alive = true;
            for (int layer = 1; layer <= widths.Length; layer++)
            {
                int nOut = widths[layer - 1], nIn = xa.Length;
                double scale = layer == 1 ? 1 : Math.Sqrt(2.0 / nIn);
                var za = new double[nOut];
                var zb = new double[nOut];
                for (int i = 0; i < nOut; i++)
                    for (int j = 0; j < nIn; j++)
                    {
                        double w = FullNetworkSampler.Weight(seed, sample, layer, i, j);
                        za[i] += scale * w * xa[j];
                        zb[i] += scale * w * xb[j];
                    }
                xa = za.Select(v => Math.Max(v, 0)).ToArray();
                xb = zb.Select(v => Math.Max(v, 0)).ToArray();
                double a = xa.Sum(v => v * v), b = xb.Sum(v => v * v), c = xa.Zip(xb, (p, q) => p * q).Sum();
                int union = xa.Zip(xb, (p, q) => p > 0 || q > 0 ? 1 : 0).Sum();
                double recorded = result.LayerSamples![layer - 1][sample];
                if (!alive || a == 0 || b == 0 || union == 1)
                {
                    Assert.True(double.IsNaN(recorded));
                    alive = false;
                    continue;
                }
                Assert.Equal(Math.Log(1 - c * c / (a * b)), recorded, 9);
            }
        }
    }
}
