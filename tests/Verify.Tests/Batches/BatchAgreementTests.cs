using Degeneracy.JFunctions;
using Degeneracy.Verify.Batches;
using Degeneracy.Verify.MonteCarlo;

namespace Degeneracy.Verify.Tests.Batches;

/// <summary>The Gram chain against the angle chain, the explicit network and itself (determinism, shards).</summary>
public class BatchAgreementTests
{
    private static BatchInputs Pair(double theta) =>
        BatchInputs.FromVectors([[1, 0], [Math.Cos(theta), Math.Sin(theta)]], "pair");

    [Fact]
    public void GramChain_TwoInputs_ReproducesTheAngleChainSampleBySample()
    {
        // Same seed and, by construction, the same Philox counters as the angle chain: the two chains see the same
        // Gaussians, so their per-layer means differ only by rounding (far below the standard error).
        int[] widths = [6, 3, 9, 4, 12];
        var angle = ReducedChainSampler.Run(widths, 0.9, 4000, 17);
        var batch = BatchSampler.Run(new BatchConfiguration(widths, Pair(0.9), 4000, 17));
        for (int l = 1; l <= widths.Length; l++)
        {
            var a = angle.Layers[l - 1];
            var b = batch.Statistic(l, BatchObservable.LnSin2Mean);
            Assert.Equal(a.Count, b.Count);
            Assert.True(Math.Abs(a.Mean - b.Mean) <= 1e-6 * a.MeanStdError, $"layer {l}: angle chain {a.Mean} vs Gram chain {b.Mean} (SE {a.MeanStdError})");
            Assert.Equal(angle.Configuration.Samples - a.Count, (long)Math.Round(batch.Statistic(l, BatchObservable.CollapsedPairs).Mean * 4000));
        }
    }

    [Fact]
    public void Network_TwoInputs_UsesTheWeightsOfTheExplicitAngleReference()
    {
        // Inputs e₁ and cos θ e₁ + sin θ e₂ in dimension n₁, Gaussian weights from the same counters: same networks.
        int[] widths = [8, 5, 8];
        var vectors = new double[2][];
        vectors[0] = new double[8];
        vectors[1] = new double[8];
        vectors[0][0] = 1;
        vectors[1][0] = Math.Cos(1.2);
        vectors[1][1] = Math.Sin(1.2);
        var reference = FullNetworkSampler.Run(widths, 1.2, 1000, 5);
        var batch = BatchSampler.Run(new BatchConfiguration(widths, BatchInputs.FromVectors(vectors), 1000, 5, backend: BatchBackend.Network));
        for (int l = 1; l <= widths.Length; l++)
        {
            var a = reference.Layers[l - 1];
            var b = batch.Statistic(l, BatchObservable.LnSin2Mean);
            Assert.Equal(a.Count, b.Count);
            Assert.True(Math.Abs(a.Mean - b.Mean) <= 1e-6 * a.MeanStdError, $"layer {l}: {a.Mean} vs {b.Mean}");
        }
    }

    public static TheoryData<string> Settings => new() { "relu-m4", "leaky-bias-m5", "abs-clusters-m6", "relu-bias-m2" };

    private static BatchConfiguration Setting(string name, BatchBackend backend, ulong seed, long samples) => name switch
    {
        "relu-m4" => new BatchConfiguration([8, 8, 8, 8], BatchInputs.Random(4, 6, 3), samples, seed, backend: backend),
        "leaky-bias-m5" => new BatchConfiguration([16, 7, 12], BatchInputs.Random(5, 9, 4), samples, seed,
            Activation.Parse("leaky:0.2"), weightVariance: 1.5, biasVariance: 0.5, backend: backend),
        "abs-clusters-m6" => new BatchConfiguration([10, 10, 10], BatchInputs.Clusters(6, 3, 0.6, 8, 5), samples, seed,
            Activation.Abs, weightVariance: 1, biasVariance: 0.1, backend: backend),
        "relu-bias-m2" => new BatchConfiguration([5, 5, 5, 5, 5], Pair(0.4), samples, seed, biasVariance: 0.3, backend: backend),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(Settings))]
    public void GramChain_AgreesWithExplicitWeights_OnEveryObservableWithinFourSE(string setting)
    {
        // Independent streams (different seeds and counters). Each comparison is a two-sided 4-SE test (false alarm
        // 6.3e-5 under the null); over the ≈ 400 comparisons of the four settings the family-wise rate is ≈ 2.5 %.
        // Fixed seeds make the outcome deterministic.
        const long samples = 6000;
        var chain = BatchSampler.Run(Setting(setting, BatchBackend.GramChain, 101, samples));
        var network = BatchSampler.Run(Setting(setting, BatchBackend.Network, 202, samples));
        var layout = chain.Layout;
        int m = layout.BatchSize;
        for (int l = 1; l <= layout.Depth; l++)
        {
            foreach (var o in BatchObservables.All)
                Compare($"{setting} layer {l} {BatchObservables.Name(o)}", chain.Statistic(l, o), network.Statistic(l, o));
            for (int i = 0; i < m; i++)
                for (int j = i; j < m; j++)
                    Compare($"{setting} layer {l} K[{i},{j}]", chain.GramStatistic(l, i, j), network.GramStatistic(l, i, j));
        }
    }

    private static void Compare(string what, BatchStatistic a, BatchStatistic b)
    {
        Assert.Equal(a.Count == 0, b.Count == 0);
        if (a.Count == 0) return;
        double se = Math.Sqrt(Sq(a.StdError) + Sq(b.StdError));
        if (double.IsNaN(se) || se == 0)
        {
            Assert.True(a.Mean == b.Mean, $"{what}: constant values differ, {a.Mean} vs {b.Mean}");
            return;
        }
        Assert.True(Math.Abs(a.Mean - b.Mean) <= 4 * se, $"{what}: chain {a.Mean} vs network {b.Mean}, {(a.Mean - b.Mean) / se:F2} SE");
    }

    private static double Sq(double x) => double.IsNaN(x) ? 0 : x * x;

    [Fact]
    public void Run_ThreadsAndShards_GiveBitIdenticalResults()
    {
        var configuration = new BatchConfiguration([6, 9, 6], BatchInputs.Random(3, 5, 2), 3000, 9, biasVariance: 0.2);
        var one = BatchSampler.Run(configuration, new MonteCarloRunOptions { Threads = 1 });
        var three = BatchSampler.Run(configuration, new MonteCarloRunOptions { Threads = 3 });
        var shards = Enumerable.Range(0, 4)
            .Select(i => BatchSampler.Run(configuration, new MonteCarloRunOptions { Shard = new ShardSpec(i, 4), Threads = 2 })).ToList();
        Assert.All(shards, s => Assert.False(s.IsComplete));
        var merged = BatchResult.Merge([shards[2], shards[0], shards[3], shards[1]]);
        Assert.True(merged.IsComplete);
        for (int l = 1; l <= 3; l++)
            foreach (var o in BatchObservables.All)
            {
                Assert.Equal(one.Statistic(l, o), three.Statistic(l, o));
                Assert.Equal(one.Statistic(l, o), merged.Statistic(l, o));
            }
    }

    [Fact]
    public void Merge_DifferentConfigurations_Throws()
    {
        var a = BatchSampler.Run(new BatchConfiguration([4], BatchInputs.Orthogonal(2, 2), 100, 1));
        var b = BatchSampler.Run(new BatchConfiguration([4], BatchInputs.Orthogonal(2, 2), 100, 2));
        var e = Assert.Throws<ArgumentException>(() => BatchResult.Merge([a, b]));
        Assert.Contains("different configurations", e.Message);
    }
}
