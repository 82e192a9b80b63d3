using Degeneracy.Verify.MonteCarlo;

namespace Degeneracy.Verify.Tests.MonteCarlo;

public class ReducedChainSamplerTests
{
    private static readonly int[] MixedWidths = [7, 3, 16, 2, 5];

    [Fact]
    public void Run_DifferentThreadCounts_GiveBitIdenticalResults()
    {
        var one = ReducedChainSampler.Run(MixedWidths, 0.7, 3000, 11, threads: 1);
        var two = ReducedChainSampler.Run(MixedWidths, 0.7, 3000, 11, threads: 2);
        var five = ReducedChainSampler.Run(MixedWidths, 0.7, 3000, 11, threads: 5);
        ResultAssert.BitIdentical(one, two);
        ResultAssert.BitIdentical(one, five);
    }

    [Fact]
    public void Run_CollectedSamples_DoNotDependOnThreads()
    {
        var one = ReducedChainSampler.Run(MixedWidths, 0.2, 700, 3, threads: 1, collectSamples: true);
        var three = ReducedChainSampler.Run(MixedWidths, 0.2, 700, 3, threads: 3, collectSamples: true);
        for (int l = 0; l < MixedWidths.Length; l++)
            Assert.Equal(one.LayerSamples![l], three.LayerSamples![l]);
    }

    [Fact]
    public void Merge_OfShards_IsBitIdenticalToSingleRun()
    {
        var configuration = new MonteCarloConfiguration(MixedWidths, 1.1, 5000, 99);
        var whole = MonteCarloSampler.Run(configuration, new MonteCarloRunOptions { Threads = 2 });
        var shards = Enumerable.Range(0, 3)
            .Select(i => MonteCarloSampler.Run(configuration, new MonteCarloRunOptions { Shard = new ShardSpec(i, 3), Threads = 1 }))
            .ToList();
        Assert.All(shards, s => Assert.False(s.IsComplete));
        var merged = MonteCarloResult.Merge(shards);
        Assert.True(merged.IsComplete);
        ResultAssert.BitIdentical(whole, merged);
    }

    [Fact]
    public void Merge_InStagesAndAnyOrder_IsBitIdenticalToSingleRun()
    {
        var configuration = new MonteCarloConfiguration([12, 12], 0.3, 1000, 5);
        var whole = MonteCarloSampler.Run(configuration);
        var parts = Enumerable.Range(0, 5)
            .Select(i => MonteCarloSampler.Run(configuration, new MonteCarloRunOptions { Shard = new ShardSpec(i, 5) }))
            .ToList();
        var firstTwo = MonteCarloResult.Merge([parts[3], parts[1]]);
        var merged = MonteCarloResult.Merge([parts[4], firstTwo, parts[0], parts[2]]);
        ResultAssert.BitIdentical(whole, merged);
    }

    [Fact]
    public void Merge_DifferentConfigurations_Throws()
    {
        var a = ReducedChainSampler.Run([4, 4], 0.5, 100, 1);
        var b = ReducedChainSampler.Run([4, 4], 0.5, 100, 2);
        var e = Assert.Throws<ArgumentException>(() => MonteCarloResult.Merge([a, b]));
        Assert.Contains("different configurations", e.Message);
    }

    [Fact]
    public void Merge_OverlappingParts_Throws()
    {
        var a = ReducedChainSampler.Run([4, 4], 0.5, 100, 1);
        Assert.Throws<ArgumentException>(() => MonteCarloResult.Merge([a, a]));
    }

    [Fact]
    public void Run_WidthOne_EverySampleDegenerateAtFirstLayer()
    {
        // A single neuron: the union of supports has at most one index, so sin²θ¹ = 0 (or θ¹ undefined) always.
        var result = ReducedChainSampler.Run([1, 5], 1.0, 500, 1);
        Assert.Equal(500, result.Layers[0].Degenerate);
        Assert.Equal(0, result.Layers[0].Count);
        Assert.Equal(0, result.Layers[1].Count);
        Assert.Equal(0, result.Layers[1].Degenerate);
        Assert.True(double.IsNaN(result.Layers[0].Mean));
    }

    [Fact]
    public void Run_ThetaZero_IsAbsorbingAndReportedDegenerate()
    {
        var result = ReducedChainSampler.Run([8, 8], 0.0, 200, 1);
        Assert.Equal(200, result.Layers[0].Degenerate);
        Assert.Equal(0, result.Layers[1].Count);
    }

    [Fact]
    public void Run_ThetaPi_GivesRightAngleExceptWhenASideVanishes()
    {
        // Ĝ = −G: supports are disjoint, so θ¹ = π/2 exactly unless X = 0 or Y = 0 (probability 2·2⁻ⁿ).
        var result = ReducedChainSampler.Run([3], Math.PI, 4000, 8);
        var layer = result.Layers[0];
        Assert.Equal(0.0, layer.Mean);
        Assert.Equal(0.0, layer.Variance);
        // Degenerate ~ Binomial(4000, 1/4): mean 1000, sd 27.4; 4 sd two-sided ≈ 6e-5 false alarms.
        Assert.InRange(layer.Degenerate, 1000 - 4 * 27.4, 1000 + 4 * 27.4);
    }

    [Fact]
    public void Run_SmallAngleNarrowLayer_DegenerateRateMatchesSupportLaw()
    {
        // θ → 0, n = 3: degenerate iff k ≤ 1 active neurons, P = (1 + 3)/8 = 1/2 (up to O(θ)).
        // Binomial(20000, 1/2): sd 70.7; 4 sd two-sided ≈ 6e-5 false alarms.
        var result = ReducedChainSampler.Run([3], 1e-6, 20000, 21);
        Assert.InRange(result.Layers[0].Degenerate, 10000 - 4 * 70.7, 10000 + 4 * 70.7);
    }

    [Fact]
    public void Run_CountsChainAcrossLayers()
    {
        var result = ReducedChainSampler.Run([2, 2, 2, 2], 0.3, 5000, 4);
        long alive = 5000;
        foreach (var layer in result.Layers)
        {
            alive -= layer.Degenerate;
            Assert.Equal(alive, layer.Count);
        }
        Assert.True(result.Layers.Sum(l => l.Degenerate) > 0);
    }

    [Fact]
    public void Run_CollectedSamples_AgreeWithReportedStatistics()
    {
        var result = ReducedChainSampler.Run([6, 9], 0.4, 1000, 17, collectSamples: true);
        for (int layer = 1; layer <= 2; layer++)
        {
            var values = result.SurvivingSamples(layer);
            Assert.Equal(result.Layers[layer - 1].Count, values.Length);
            Assert.Equal(values.Average(), result.Layers[layer - 1].Mean, 10);
            Assert.Equal(values.Min(), result.Layers[layer - 1].Min);
            var sorted = values.Order().ToArray();
            double median = sorted[sorted.Length / 2];
            Assert.InRange(result.Layers[layer - 1].Quantiles.Single(q => q.Probability == 0.5).Value - median, -0.01, 0.01);
        }
    }

    [Fact]
    public void Run_WideLayerModerateAngle_MeanNearInfiniteWidthMap()
    {
        // n = 4096: E[ln sin²θ¹] = m₀ + O(1/n) with cos θ¹ = 2J₁₁(θ⁰) = (sin θ + (π − θ) cos θ)/π.
        // 1/n corrections ≈ 2/4096 ≈ 5e-4; SE of the mean ≈ 0.002; tolerance 0.01 covers both (> 4 SE).
        double theta = 1.2;
        double cos1 = (Math.Sin(theta) + (Math.PI - theta) * Math.Cos(theta)) / Math.PI;
        var result = ReducedChainSampler.Run([4096], theta, 2000, 77);
        Assert.InRange(result.Layers[0].Mean - Math.Log(1 - cos1 * cos1), -0.01, 0.01);
    }
    [Fact]
    public void Merge_MoreShardsThanBlocks_EmptyShardsAreHarmless()
    {
        // 100 samples = 2 blocks of 64; shards 0, 1, 3 of 5 are empty.
        var configuration = new MonteCarloConfiguration([5, 5], 0.9, 100, 12);
        var whole = MonteCarloSampler.Run(configuration);
        var shards = Enumerable.Range(0, 5)
            .Select(i => MonteCarloSampler.Run(configuration, new MonteCarloRunOptions { Shard = new ShardSpec(i, 5) }))
            .ToList();
        Assert.Equal(3, shards.Count(s => s.State.Coverage.Count == 0));
        ResultAssert.BitIdentical(whole, MonteCarloResult.Merge(shards));
    }

    [Fact]
    public void NetworkRun_DifferentThreadCounts_GiveBitIdenticalResults()
    {
        var one = FullNetworkSampler.Run([9, 4, 7], 0.5, 400, 6, inputDimension: 3, threads: 1);
        var three = FullNetworkSampler.Run([9, 4, 7], 0.5, 400, 6, inputDimension: 3, threads: 3);
        ResultAssert.BitIdentical(one, three);
    }
}
