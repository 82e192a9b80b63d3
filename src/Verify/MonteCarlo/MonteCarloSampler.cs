using System.Diagnostics;
using Degeneracy.Verify.Statistics;

namespace Degeneracy.Verify.MonteCarlo;

/// <summary>
/// Runs a Monte Carlo configuration on all cores. Samples are grouped in blocks of 64 in index order; each block is
/// accumulated sequentially and blocks are combined by the canonical <see cref="DyadicReduction"/>, so the output
/// depends only on the configuration — not on thread count, scheduling or sharding.
/// </summary>
public static class MonteCarloSampler
{
    /// <summary>
    /// The result of a run from the per-layer accumulators of its work units (<paramref name="knownOfLayer"/>): each
    /// maximal node of the shard is reduced in the canonical dyadic order, whatever executor produced the units.
    /// </summary>
    internal static MonteCarloResult Assemble(MonteCarloConfiguration configuration, IReadOnlyList<DyadicNode> maximal, long totalBlocks,
        (long First, long End) blocks, Func<int, IReadOnlyDictionary<DyadicNode, MomentAccumulator>> knownOfLayer,
        FixedBinHistogram[] histograms, long[] degenerate, TimeSpan elapsed, double[][]? collected, long firstSample)
    {
        int depth = configuration.Depth;
        var coverage = blocks.End > blocks.First ? new List<BlockRange> { new(blocks.First, blocks.End) } : new List<BlockRange>();
        var layers = new LayerState[depth];
        for (int l = 0; l < depth; l++)
        {
            var known = knownOfLayer(l);
            var nodes = new Dictionary<DyadicNode, MomentAccumulator>();
            foreach (var node in maximal)
                nodes[node] = DyadicReduction.Reduce(node, totalBlocks, known, (a, b) => MomentAccumulator.Combine(a, b), MomentAccumulator.Empty);
            layers[l] = new LayerState(nodes, histograms[l], degenerate[l]);
        }
        return new MonteCarloResult(configuration, new MonteCarloState(totalBlocks, coverage, layers), elapsed, collected, firstSample);
    }

    /// <summary>Per-layer arrays for the samples of a run when <see cref="MonteCarloRunOptions.CollectSamples"/> is set.</summary>
    internal static double[][]? AllocateCollected(MonteCarloRunOptions options, int depth, long length)
    {
        if (!options.CollectSamples) return null;
        if (length > Array.MaxLength)
            throw new ArgumentOutOfRangeException(nameof(options), length, $"cannot collect more than {Array.MaxLength} samples per layer");
        var collected = new double[depth][];
        for (int l = 0; l < depth; l++) collected[l] = new double[length];
        return collected;
    }

    /// <summary>Samples <paramref name="configuration"/> (the shard of it named in <paramref name="options"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Threads outside [1, 1024].</exception>
    public static MonteCarloResult Run(MonteCarloConfiguration configuration, MonteCarloRunOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        options ??= new MonteCarloRunOptions();
        int threads = options.Threads ?? Environment.ProcessorCount;
        if (threads is < 1 or > 1024)
            throw new ArgumentOutOfRangeException(nameof(options), threads, "threads must lie in [1, 1024]");

        var clock = Stopwatch.StartNew();
        long samples = configuration.Samples;
        long totalBlocks = MonteCarloState.BlocksFor(samples);
        var (firstBlock, endBlock) = options.Shard.BlockRange(totalBlocks);
        long firstSample = firstBlock * MonteCarloState.BlockSize;
        long endSample = Math.Min(endBlock * MonteCarloState.BlockSize, samples);
        int depth = configuration.Depth;

        var collected = AllocateCollected(options, depth, endSample - firstSample);
        options.Progress?.Start(endSample - firstSample);

        var maximal = DyadicReduction.Decompose(firstBlock, endBlock, totalBlocks);
        var units = WorkUnits(maximal, endBlock - firstBlock, totalBlocks, threads);
        var unitValues = new MomentAccumulator[units.Count][];
        var histograms = Enumerable.Range(0, depth).Select(_ => new FixedBinHistogram()).ToArray();
        var degenerate = new long[depth];
        var gate = new object();

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = options.CancellationToken };
        Parallel.For(0, units.Count, parallel,
            () => new BlockWorker(configuration, collected, firstSample, options.Progress, options.CancellationToken),
            (u, _, worker) =>
            {
                unitValues[u] = worker.Reduce(units[u], totalBlocks);
                return worker;
            },
            worker =>
            {
                lock (gate)
                    for (int l = 0; l < depth; l++)
                    {
                        histograms[l].Merge(worker.Histograms[l]);
                        degenerate[l] += worker.Degenerate[l];
                    }
            });

        return Assemble(configuration, maximal, totalBlocks, (firstBlock, endBlock), l =>
        {
            var known = new Dictionary<DyadicNode, MomentAccumulator>();
            for (int u = 0; u < units.Count; u++) known[units[u]] = unitValues[u][l];
            return known;
        }, histograms, degenerate, clock.Elapsed, collected, firstSample);
    }

    /// <summary>
    /// Splits the maximal nodes into units of at most 2^c blocks, c the largest level leaving ≥ 8 units per thread
    /// (the split changes only who computes a node, never its value).
    /// </summary>
    private static List<DyadicNode> WorkUnits(IReadOnlyList<DyadicNode> maximal, long blocks, long totalBlocks, int threads)
    {
        int level = 0;
        while (level < 40 && (blocks >> (level + 1)) >= 8L * threads) level++;
        return DyadicReduction.SplitToLevel(maximal, level, totalBlocks);
    }

    /// <summary>A worker thread's kernel, buffers, histograms and degenerate counts.</summary>
    private sealed class BlockWorker
    {
        private readonly ISampleKernel _kernel;
        private readonly long _samples;
        private readonly int _depth;
        private readonly double[] _values;
        private readonly double[][]? _collected;
        private readonly long _firstSample;
        private readonly SamplingProgress? _progress;
        private readonly CancellationToken _cancellation;

        public BlockWorker(MonteCarloConfiguration configuration, double[][]? collected, long firstSample,
            SamplingProgress? progress, CancellationToken cancellation)
        {
            _kernel = configuration.Backend == MonteCarloBackend.Network
                ? new FullNetworkKernel(configuration)
                : new ReducedChainKernel(configuration);
            _samples = configuration.Samples;
            _depth = configuration.Depth;
            _values = new double[_depth];
            _collected = collected;
            _firstSample = firstSample;
            _progress = progress;
            _cancellation = cancellation;
            Histograms = Enumerable.Range(0, _depth).Select(_ => new FixedBinHistogram()).ToArray();
            Degenerate = new long[_depth];
        }

        public FixedBinHistogram[] Histograms { get; }

        public long[] Degenerate { get; }

        /// <summary>The per-layer accumulators of <paramref name="node"/>, reduced in canonical order.</summary>
        public MomentAccumulator[] Reduce(DyadicNode node, long totalBlocks) =>
            DyadicReduction.ReduceLayers(node, totalBlocks, _depth, Block);

        private MomentAccumulator[] Empty() => DyadicReduction.EmptyLayers(_depth);

        private MomentAccumulator[] Block(long block)
        {
            _cancellation.ThrowIfCancellationRequested();
            var accs = Empty();
            long start = block * MonteCarloState.BlockSize, end = Math.Min(start + MonteCarloState.BlockSize, _samples);
            for (long s = start; s < end; s++)
            {
                int degenerateAt = _kernel.Run(s, _values);
                int alive = degenerateAt < 0 ? _depth : degenerateAt;
                for (int l = 0; l < alive; l++)
                {
                    accs[l] = accs[l].Add(_values[l]);
                    Histograms[l].Add(_values[l]);
                }
                if (degenerateAt >= 0) Degenerate[degenerateAt]++;
                if (_collected is not null)
                    for (int l = 0; l < _depth; l++) _collected[l][s - _firstSample] = l < alive ? _values[l] : double.NaN;
            }
            _progress?.Advance(end - start);
            return accs;
        }
    }
}
