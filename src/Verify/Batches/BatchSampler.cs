using System.Diagnostics;
using Degeneracy.Verify.MonteCarlo;
using Degeneracy.Verify.Statistics;

namespace Degeneracy.Verify.Batches;

/// <summary>
/// Runs a batch configuration on all cores with the guarantees of <see cref="MonteCarloSampler"/>: samples in blocks of 64,
/// each block accumulated in index order, blocks combined by the canonical <see cref="DyadicReduction"/> — so the result
/// depends only on the configuration, never on threads, scheduling or sharding.
/// </summary>
public static class BatchSampler
{
    /// <summary>Samples <paramref name="configuration"/> (the shard named in <paramref name="options"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Threads outside [1, 1024], or more than 2³¹ collected values.</exception>
    public static BatchResult Run(BatchConfiguration configuration, MonteCarloRunOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        options ??= new MonteCarloRunOptions();
        int threads = options.Threads ?? Environment.ProcessorCount;
        if (threads is < 1 or > 1024)
            throw new ArgumentOutOfRangeException(nameof(options), threads, "threads must lie in [1, 1024]");
        var clock = Stopwatch.StartNew();
        var layout = configuration.Layout;
        long samples = configuration.Samples;
        long totalBlocks = MonteCarloState.BlocksFor(samples);
        var (firstBlock, endBlock) = options.Shard.BlockRange(totalBlocks);
        long firstSample = firstBlock * MonteCarloState.BlockSize;
        long endSample = Math.Min(endBlock * MonteCarloState.BlockSize, samples);
        int perSample = layout.Depth * BatchObservables.Count;
        double[]? collected = null;
        if (options.CollectSamples)
        {
            long length = (endSample - firstSample) * perSample;
            if (length > Array.MaxLength)
                throw new ArgumentOutOfRangeException(nameof(options), length, $"cannot collect more than {Array.MaxLength} values");
            collected = new double[length];
        }
        options.Progress?.Start(endSample - firstSample);

        var maximal = DyadicReduction.Decompose(firstBlock, endBlock, totalBlocks);
        int level = 0;
        while (level < 40 && ((endBlock - firstBlock) >> (level + 1)) >= 8L * threads) level++;
        var units = DyadicReduction.SplitToLevel(maximal, level, totalBlocks);
        var unitValues = new MomentAccumulator[units.Count][];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = options.CancellationToken };
        Parallel.For(0, units.Count, parallel,
            () => new Worker(configuration, collected, firstSample, perSample, options),
            (u, _, worker) =>
            {
                unitValues[u] = DyadicReduction.ReduceLayers(units[u], totalBlocks, layout.Slots, worker.Block);
                return worker;
            },
            _ => { });

        var known = new Dictionary<DyadicNode, MomentAccumulator[]>();
        for (int u = 0; u < units.Count; u++) known[units[u]] = unitValues[u];
        var nodes = new Dictionary<DyadicNode, MomentAccumulator[]>();
        foreach (var node in maximal)
            nodes[node] = DyadicReduction.Reduce(node, totalBlocks, known, BatchResult.CombineSlots, DyadicReduction.EmptyLayers(layout.Slots));
        var coverage = endBlock > firstBlock ? new List<BlockRange> { new(firstBlock, endBlock) } : new List<BlockRange>();
        return new BatchResult(layout, configuration.Fingerprint(), samples, coverage, nodes, clock.Elapsed, configuration, collected, firstSample);
    }

    /// <summary>The kernel of a configuration's backend.</summary>
    internal static IBatchKernel Kernel(BatchConfiguration configuration) =>
        configuration.Backend == BatchBackend.Network ? new BatchNetworkKernel(configuration) : new GramChainKernel(configuration);

    private sealed class Worker(BatchConfiguration configuration, double[]? collected, long firstSample, int perSample, MonteCarloRunOptions options)
    {
        private readonly IBatchKernel _kernel = Kernel(configuration);
        private readonly double[] _values = new double[configuration.Layout.Slots];

        public MomentAccumulator[] Block(long block)
        {
            options.CancellationToken.ThrowIfCancellationRequested();
            var layout = configuration.Layout;
            var accs = DyadicReduction.EmptyLayers(layout.Slots);
            long start = block * MonteCarloState.BlockSize, end = Math.Min(start + MonteCarloState.BlockSize, configuration.Samples);
            int perLayer = layout.ValuesPerLayer, observables = BatchObservables.Count;
            for (long s = start; s < end; s++)
            {
                _kernel.Run(s, _values);
                for (int slot = 0; slot < _values.Length; slot++)
                    if (double.IsFinite(_values[slot])) accs[slot] = accs[slot].Add(_values[slot]);
                if (collected is not null)
                    for (int l = 0; l < layout.Depth; l++)
                        for (int o = 0; o < observables; o++)
                            collected[(s - firstSample) * perSample + l * observables + o] = _values[l * perLayer + o];
            }
            options.Progress?.Advance(end - start);
            return accs;
        }
    }
}
