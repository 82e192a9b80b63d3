using Degeneracy.Verify.Variability;
using MathNet.Numerics.LinearAlgebra;

namespace Degeneracy.Verify.Tests.Variability;

public class CgMatrixTests
{
    [Theory]
    [InlineData("relu", 2.0)]
    [InlineData("abs", 1.0)]
    public void Sampler_Norms_MatchExplicitProductsAndSvd(string activation, double weightVariance)
    {
        // Independent route: BiasedNetwork's plain products of eq. 7–8 and MathNet's SVD; depth 25 keeps the plain
        // difference of two forward passes accurate (it is not at L ≈ 600, which is why the sampler propagates δs).
        const int d = 6, depth = 25;
        var spec = new BiasedNetworkSpec(d, d, depth, 0, NetworkActivation.Parse(activation), WeightDistribution.Gaussian, weightVariance, 1);
        var samples = CgMatrixSampler.RunSamples(spec, 3, 4);
        for (int s = 0; s < 3; s++)
        {
            var x = new double[d];
            var xBar = new double[d];
            NetworkParameters.InputPair(4, s, x, xBar);
            foreach (int l in new[] { 1, 5, 25 })
            {
                var sub = new BiasedNetworkSpec(d, d, l, 0, spec.Activation, spec.Weights, weightVariance, 1);
                var net = BiasedNetwork.Sample(sub, 4, s);
                double c = Math.Log10(Matrix<double>.Build.DenseOfArray(net.CMatrix(x, xBar)).Svd(false).S[0]);
                double g = Math.Log10(Matrix<double>.Build.DenseOfArray(net.GMatrix(x)).Svd(false).S[0]);
                double gBar = Math.Log10(Matrix<double>.Build.DenseOfArray(net.GMatrix(xBar)).Svd(false).S[0]);
                Assert.Equal(c, samples[s].C[l - 1], 6);
                Assert.Equal(g, samples[s].G[l - 1], 6);
                Assert.Equal(gBar, samples[s].GBar[l - 1], 6);
            }
        }
    }

    [Fact]
    public void Statistics_AreMeansOfTheSampleLogs()
    {
        var spec = new BiasedNetworkSpec(4, 4, 6, 0, NetworkActivation.Relu, WeightDistribution.Orthogonal, 1, 1);
        var samples = CgMatrixSampler.RunSamples(spec, 20, 9);
        var stats = CgMatrixSampler.Run(spec, 20, 9);
        // Means over the samples whose matrix is not exactly 0 (log₁₀ 0 = −∞); narrow ReLU layers die now and then.
        var finite = samples.Where(s => double.IsFinite(s.C[5])).ToList();
        Assert.Equal(20 - finite.Count, stats[5].ZeroC);
        Assert.True(finite.Count > 10);
        Assert.Equal(finite.Average(s => s.C[5]), stats[5].MeanLog10C, 12);
        var paired = samples.Select(s => s.C[5] - 0.5 * (s.G[5] + s.GBar[5])).Where(double.IsFinite).ToList();
        Assert.Equal(paired.Average(), stats[5].MeanLog10COverG, 12);
    }

    [Fact]
    public void BadInput_OutputLayerOrTooFewSamples_IsRejected()
    {
        var withOutput = new BiasedNetworkSpec(4, 4, 3, 2, NetworkActivation.Relu, WeightDistribution.Gaussian, 2, 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => CgMatrixSampler.Run(withOutput, 10, 1));
        var spec = new BiasedNetworkSpec(4, 4, 3, 0, NetworkActivation.Relu, WeightDistribution.Gaussian, 2, 1);
        Assert.Equal("samples", Assert.Throws<ArgumentOutOfRangeException>(() => CgMatrixSampler.Run(spec, 1, 1)).ParamName);
    }
}
