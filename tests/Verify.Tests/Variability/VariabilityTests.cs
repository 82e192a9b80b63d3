using Degeneracy.Verify.Variability;

namespace Degeneracy.Verify.Tests.Variability;

public class VariabilityTests
{
    /// <summary>
    /// The V₃ term written out by hand on a 5 × 5 grid (h = 1/2): f at the 25 points from single-input forward passes,
    /// the two third differences of each of the 5 rows and 5 columns, Σ(Δ³f)²/h⁶ divided by Σf².
    /// </summary>
    private static double HandV3(BiasedNetwork net)
    {
        double[] grid = [-1, -0.5, 0, 0.5, 1];
        var f = new double[5, 5]; // [row r (x₂), column c (x₁)]
        for (int r = 0; r < 5; r++)
            for (int c = 0; c < 5; c++)
            {
                var y = net.Evaluate(new[] { grid[c], grid[r] });
                f[r, c] = y.Sum(v => v * v);
            }
        double sum = 0, norm = 0;
        for (int r = 0; r < 5; r++)
            for (int c = 0; c < 5; c++) norm += f[r, c] * f[r, c];
        for (int line = 0; line < 5; line++)
        {
            double row0 = f[line, 3] - 3 * f[line, 2] + 3 * f[line, 1] - f[line, 0];
            double row1 = f[line, 4] - 3 * f[line, 3] + 3 * f[line, 2] - f[line, 1];
            double col0 = f[3, line] - 3 * f[2, line] + 3 * f[1, line] - f[0, line];
            double col1 = f[4, line] - 3 * f[3, line] + 3 * f[2, line] - f[1, line];
            sum += row0 * row0 + row1 * row1 + col0 * col0 + col1 * col1;
        }
        double h6 = Math.Pow(0.5, 6);
        return sum / h6 / norm;
    }

    [Theory]
    [InlineData("relu", false)]
    [InlineData("abs", true)]
    [InlineData("sigmoid", false)]
    public void SampleValue_On5x5Grid_MatchesHandWrittenFiniteDifferences(string activation, bool orthogonal)
    {
        var spec = new BiasedNetworkSpec(2, 6, 4, 2, NetworkActivation.Parse(activation),
            orthogonal ? WeightDistribution.Orthogonal : WeightDistribution.Gaussian, activation == "relu" ? 2 : 1, 1);
        var result = VariabilitySampler.Run(spec, 5, 40, 17);
        int compared = 0;
        for (int s = 0; s < 40; s++)
        {
            double hand = HandV3(BiasedNetwork.Sample(spec, 17, s));
            double lib = result.Values[s];
            // Stencils inside one linear region are exactly 0 in the library and rounding noise (≲ 1e-25 relative) by hand.
            Assert.True(Math.Abs(lib - hand) <= 1e-9 * Math.Max(hand, 1e-12), $"sample {s}: library {lib:R} vs hand {hand:R}");
            if (hand > 1e-6) compared++;
        }
        Assert.True(compared > 10, $"only {compared} samples with a non-trivial V3");
    }

    [Fact]
    public void LinearNetwork_HasV3ExactlyZero_WhileNotConstant()
    {
        // φ = identity: F is affine, f = ‖F‖² quadratic, every third difference 0 (exactly, by the pattern rule).
        var spec = new BiasedNetworkSpec(2, 5, 3, 2, NetworkActivation.Parse("linear"), WeightDistribution.Gaussian, 1, 1);
        var result = VariabilitySampler.Run(spec, 9, 8, 3);
        Assert.All(result.Values, v => Assert.Equal(0.0, v));
        Assert.Equal(0, result.ConstantCount);
        Assert.Equal(0.0, result.GeometricMean);
    }

    [Fact]
    public void ZeroWeights_GiveConstantNetworks()
    {
        var spec = new BiasedNetworkSpec(2, 4, 2, 2, NetworkActivation.Relu, WeightDistribution.Gaussian, 0, 1);
        var result = VariabilitySampler.Run(spec, 9, 5, 3);
        Assert.Equal(5, result.ConstantCount);
        Assert.Equal(5, result.ZeroCount);
    }

    [Fact]
    public void Run_DoesNotDependOnThreadsOrShards()
    {
        var spec = new BiasedNetworkSpec(2, 7, 5, 2, NetworkActivation.Abs, WeightDistribution.Gaussian, 1, 1);
        var one = VariabilitySampler.Run(spec, 21, 150, 8, new VariabilityRunOptions { Threads = 1 });
        var two = VariabilitySampler.Run(spec, 21, 150, 8, new VariabilityRunOptions { Threads = 2 });
        Assert.Equal(one.Values, two.Values);
        var shards = Enumerable.Range(0, 3).Select(i =>
            VariabilitySampler.Run(spec, 21, 150, 8, new VariabilityRunOptions { Shard = new Degeneracy.Verify.MonteCarlo.ShardSpec(i, 3) })).ToList();
        Assert.Equal(one.Values, shards.SelectMany(s => s.Values));
        Assert.Equal(0, shards[0].FirstSample);
    }

    [Fact]
    public void GeometricMean_IsExpOfMeanLog()
    {
        var spec = new BiasedNetworkSpec(2, 8, 3, 2, NetworkActivation.Relu, WeightDistribution.Gaussian, 2, 1);
        var r = VariabilitySampler.Run(spec, 17, 30, 2);
        Assert.Equal(0, r.ZeroCount);
        double expected = Math.Exp(r.Values.Average(v => Math.Log(v)));
        Assert.Equal(expected, r.GeometricMean, expected * 1e-12);
    }

    [Fact]
    public void BadInput_GridAndSamples_AreRejected()
    {
        var spec = new BiasedNetworkSpec(2, 3, 2, 2, NetworkActivation.Relu, WeightDistribution.Gaussian, 2, 1);
        Assert.Equal("gridSize", Assert.Throws<ArgumentOutOfRangeException>(() => VariabilitySampler.Run(spec, 3, 5, 1)).ParamName);
        Assert.Equal("samples", Assert.Throws<ArgumentOutOfRangeException>(() => VariabilitySampler.Run(spec, 9, 0, 1)).ParamName);
        var wrongInput = new BiasedNetworkSpec(3, 3, 2, 2, NetworkActivation.Relu, WeightDistribution.Gaussian, 2, 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => VariabilitySampler.Run(wrongInput, 9, 5, 1));
    }
}
