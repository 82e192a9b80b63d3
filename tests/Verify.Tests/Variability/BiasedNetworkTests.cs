using Degeneracy.TestSupport.Properties;
using Degeneracy.Verify.MonteCarlo;
using Degeneracy.Verify.Variability;
using FsCheck;
using FsCheck.Fluent;

namespace Degeneracy.Verify.Tests.Variability;

public class BiasedNetworkTests
{
    private static readonly NetworkActivation[] Activations =
        [NetworkActivation.Relu, NetworkActivation.Abs, NetworkActivation.Parse("leaky:1/10"), NetworkActivation.Parse("leaky:-3/2"), NetworkActivation.Sigmoid];

    private sealed record Case(BiasedNetworkSpec Spec, ulong Seed, double[] X, double[] XBar);

    private static readonly Gen<Case> Cases =
        from nIn in Gen.Choose(1, 4)
        from d in Gen.Choose(1, 8)
        from depth in Gen.Choose(1, 7)
        from nOut in Gen.Choose(0, 3)
        from act in Gen.Elements(Activations)
        from orth in Gen.Elements(false, true)
        from sw in Gen.Choose(1, 40)
        from sb in Gen.Choose(0, 20)
        from seed in Gen.Choose(0, int.MaxValue)
        from xs in Gen.ArrayOf(Gen.Choose(-1000, 1000), 2 * nIn)
        select new Case(new BiasedNetworkSpec(nIn, d, depth, nOut, act, orth ? WeightDistribution.Orthogonal : WeightDistribution.Gaussian, sw / 10.0, sb / 10.0),
            (ulong)seed, xs.Take(nIn).Select(v => v / 500.0).ToArray(), xs.Skip(nIn).Select(v => v / 500.0).ToArray());

    [Fact]
    public void Proposition1_DifferenceOfOutputs_EqualsCTransposeTimesInputDifference()
    {
        // F(x) − F(x̄) = C_Lᵀ(x − x̄) exactly; in floating point to a few ulps of the terms involved.
        PropertyCheck.Run(Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var net = BiasedNetwork.Sample(c.Spec, c.Seed, 0);
            var f = net.Evaluate(c.X);
            var fBar = net.Evaluate(c.XBar);
            var cm = net.CMatrix(c.X, c.XBar);
            double scale = 1;
            for (int o = 0; o < f.Length; o++) scale = Math.Max(scale, Math.Max(Math.Abs(f[o]), Math.Abs(fBar[o])));
            for (int o = 0; o < f.Length; o++)
            {
                double predicted = 0;
                for (int a = 0; a < c.X.Length; a++) predicted += cm[a, o] * (c.X[a] - c.XBar[a]);
                double error = Math.Abs(f[o] - fBar[o] - predicted);
                if (error > 1e-11 * scale)
                    throw new Xunit.Sdk.XunitException($"{c.Spec}: output {o} differs by {error:E3} (scale {scale:E3})");
            }
            return true;
        }), 300);
    }

    [Fact]
    public void GMatrix_IsLimitOfCMatrix_ForSigmoid()
    {
        // G_L(x) = lim_{x̄→x} C_L(x, x̄); for the smooth sigmoid the error is O(|x − x̄|).
        var spec = new BiasedNetworkSpec(3, 5, 4, 2, NetworkActivation.Sigmoid, WeightDistribution.Gaussian, 4, 1);
        var net = BiasedNetwork.Sample(spec, 7, 3);
        double[] x = [0.3, -0.2, 0.5], xBar = [0.3 + 1e-7, -0.2 - 2e-7, 0.5 + 1e-7];
        var c = net.CMatrix(x, xBar);
        var g = net.GMatrix(x);
        for (int a = 0; a < 3; a++)
            for (int o = 0; o < 2; o++)
                Assert.True(Math.Abs(c[a, o] - g[a, o]) < 1e-5 * (1 + Math.Abs(g[a, o])), $"C[{a},{o}] = {c[a, o]} vs G = {g[a, o]}");
    }

    [Fact]
    public void GaussianWeights_AreTheExplicitNetworkSamplersNormals_Scaled()
    {
        var spec = new BiasedNetworkSpec(3, 5, 2, 0, NetworkActivation.Relu, WeightDistribution.Gaussian, 2, 0);
        var w = new double[25];
        NetworkParameters.Weights(spec, 99, 12, 2, w);
        for (int i = 0; i < 5; i++)
            for (int j = 0; j < 5; j++)
                Assert.Equal(FullNetworkSampler.Weight(99, 12, 2, i, j) * Math.Sqrt(2.0 / 5), w[i * 5 + j], 15);
    }

    [Theory]
    [InlineData(6, 6)]
    [InlineData(7, 2)]
    [InlineData(2, 7)]
    public void OrthogonalWeights_HaveOrthonormalColumnsOrRows_TimesGain(int rows, int cols)
    {
        // rows × cols as layer 2 of a network with input cols… : use the output layer for rows < cols.
        var spec = rows >= cols
            ? new BiasedNetworkSpec(cols, rows, 1, 0, NetworkActivation.Abs, WeightDistribution.Orthogonal, 2.25, 1)
            : new BiasedNetworkSpec(3, cols, 1, rows, NetworkActivation.Abs, WeightDistribution.Orthogonal, 2.25, 1);
        int layer = rows >= cols ? 1 : 2;
        var w = new double[rows * cols];
        NetworkParameters.Weights(spec, 5, 0, layer, w);
        int count = Math.Min(rows, cols), length = Math.Max(rows, cols);
        double Entry(int vector, int t) => rows >= cols ? w[t * cols + vector] : w[vector * cols + t];
        for (int a = 0; a < count; a++)
            for (int b = 0; b < count; b++)
            {
                double dot = 0;
                for (int t = 0; t < length; t++) dot += Entry(a, t) * Entry(b, t);
                Assert.Equal(a == b ? 2.25 : 0, dot, 12);
            }
    }

    [Fact]
    public void OrthogonalWeights_AreHaar_FirstEntryHasVarianceOneOverD()
    {
        // For Haar Q (d × d), E[Q₁₁²] = 1/d and E[Q₁₁⁴] = 3/(d(d+2)); 4000 samples, 4 SE (false-alarm rate ≈ 6e-5).
        const int d = 5, samples = 4000;
        var spec = new BiasedNetworkSpec(d, d, 1, 0, NetworkActivation.Relu, WeightDistribution.Orthogonal, 1, 0);
        var w = new double[d * d];
        double sum = 0;
        for (int s = 0; s < samples; s++)
        {
            NetworkParameters.Weights(spec, 11, s, 1, w);
            sum += w[0] * w[0];
        }
        double mean = sum / samples, variance = 3.0 / (d * (d + 2)) - 1.0 / (d * d);
        Assert.True(Math.Abs(mean - 1.0 / d) < 4 * Math.Sqrt(variance / samples), $"E[Q11²] = {mean} vs {1.0 / d}");
    }

    [Theory]
    [InlineData(3, 39)]
    [InlineData(21, 12)]
    [InlineData(45, 8)]
    public void WidthForBudget_PicksNearestParameterCount(int depth, int expected)
    {
        // N(d) = 2d + d + (L−1)(d² + d) + 2d + 2; the nearest to 3300 by direct enumeration below.
        int best = Enumerable.Range(1, 200).MinBy(d => Math.Abs(3 * d + (depth - 1L) * (d * d + d) + 2 * d + 2 - 3300));
        Assert.Equal(expected, best);
        Assert.Equal(expected, BiasedNetworkSpec.WidthForBudget(3300, depth));
    }

    [Fact]
    public void BadInput_IsRejectedWithTheArgumentsName()
    {
        Assert.Equal("parameters", Assert.Throws<ArgumentOutOfRangeException>(() => BiasedNetworkSpec.WidthForBudget(50, 45)).ParamName);
        Assert.Equal("weightVariance", Assert.Throws<ArgumentOutOfRangeException>(() =>
            new BiasedNetworkSpec(2, 3, 3, 2, NetworkActivation.Relu, WeightDistribution.Gaussian, double.NaN, 1)).ParamName);
        Assert.Equal("biasVariance", Assert.Throws<ArgumentOutOfRangeException>(() =>
            new BiasedNetworkSpec(2, 3, 3, 2, NetworkActivation.Relu, WeightDistribution.Gaussian, 1, -1)).ParamName);
        Assert.Equal("depth", Assert.Throws<ArgumentOutOfRangeException>(() =>
            new BiasedNetworkSpec(2, 3, 0, 2, NetworkActivation.Relu, WeightDistribution.Gaussian, 1, 1)).ParamName);
        Assert.Throws<FormatException>(() => NetworkActivation.Parse("tanh"));
    }
}
