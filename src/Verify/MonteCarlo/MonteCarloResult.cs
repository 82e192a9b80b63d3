using Degeneracy.Verify.Statistics;

namespace Degeneracy.Verify.MonteCarlo;

/// <summary>
/// Outcome of a Monte Carlo run or of merged partial runs: the configuration, per-layer statistics of ln sin²θ^ℓ,
/// the exact mergeable state, the compute time and (when requested) every sample value.
/// </summary>
public sealed class MonteCarloResult
{
    /// <summary>Assembles a result; <see cref="Layers"/> is derived from <paramref name="state"/>.</summary>
    /// <param name="configuration">What was sampled.</param>
    /// <param name="state">The mergeable state (one layer state per configured layer).</param>
    /// <param name="elapsed">Compute time (summed over parts after a merge).</param>
    /// <param name="layerSamples">Optional per-layer values for samples FirstSample, FirstSample+1, …; NaN where degenerate.</param>
    /// <param name="firstSample">Index of the first collected sample.</param>
    public MonteCarloResult(MonteCarloConfiguration configuration, MonteCarloState state, TimeSpan elapsed,
        IReadOnlyList<double[]>? layerSamples = null, long firstSample = 0)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(state);
        if (state.Layers.Count != configuration.Depth)
            throw new ArgumentException($"state has {state.Layers.Count} layers, configuration {configuration.Depth}", nameof(state));
        if (state.TotalBlocks != MonteCarloState.BlocksFor(configuration.Samples))
            throw new ArgumentException($"state has {state.TotalBlocks} blocks, configuration needs {MonteCarloState.BlocksFor(configuration.Samples)}", nameof(state));
        if (layerSamples is not null && layerSamples.Count != configuration.Depth)
            throw new ArgumentException("layerSamples must hold one array per layer", nameof(layerSamples));
        Configuration = configuration;
        State = state;
        Elapsed = elapsed;
        LayerSamples = layerSamples;
        FirstSample = firstSample;
        Layers = Enumerable.Range(0, configuration.Depth).Select(Summarise).ToList();
        CheckConsistent(configuration, state, Layers);
    }

    /// <summary>
    /// Every layer must account for every covered sample: Count_ℓ = Count_{ℓ−1} − Degenerate_ℓ with Count_0 the samples
    /// in the covered blocks, the histogram must hold Count_ℓ values, and the moments must be finite.
    /// </summary>
    private static void CheckConsistent(MonteCarloConfiguration configuration, MonteCarloState state, IReadOnlyList<LayerStatistics> layers)
    {
        long expected = 0;
        foreach (var range in state.Coverage)
            expected += Math.Max(0, Math.Min(range.End * MonteCarloState.BlockSize, configuration.Samples) - range.Start * MonteCarloState.BlockSize);
        long covered = expected;
        for (int l = 0; l < layers.Count; l++)
        {
            var layer = layers[l];
            expected -= layer.Degenerate;
            if (layer.Count != expected || state.Layers[l].Histogram.Count != expected)
                throw new ArgumentException(
                    $"state is inconsistent: layer {l + 1} holds {layer.Count} samples (histogram {state.Layers[l].Histogram.Count}) " +
                    $"and {layer.Degenerate} newly degenerate, but {covered} covered samples and the layers before it leave {expected}", nameof(state));
            if (layer.Count > 0 && !(double.IsFinite(layer.Mean) && (layer.Count < 2 || double.IsFinite(layer.Variance))))
                throw new ArgumentException($"state is inconsistent: layer {l + 1} has non-finite moments", nameof(state));
        }
    }

    /// <summary>What was sampled.</summary>
    public MonteCarloConfiguration Configuration { get; }

    /// <summary>Statistics of ln sin²θ^ℓ for ℓ = 1 … L (index ℓ − 1).</summary>
    public IReadOnlyList<LayerStatistics> Layers { get; }

    /// <summary>The exact mergeable state.</summary>
    public MonteCarloState State { get; }

    /// <summary>Wall-clock compute time (sum over parts for a merged result).</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>
    /// When collected: for each layer ℓ − 1, ln sin²θ^ℓ of samples <see cref="FirstSample"/> + i, NaN where the sample is
    /// degenerate at or before layer ℓ. Null otherwise (always null after a merge).
    /// </summary>
    public IReadOnlyList<double[]>? LayerSamples { get; }

    /// <summary>Index of the first collected sample.</summary>
    public long FirstSample { get; }

    /// <summary>True when the whole sample range [0, S) is covered.</summary>
    public bool IsComplete => State.IsComplete;

    /// <summary>The non-degenerate values ln sin²θ^ℓ of layer <paramref name="layer"/> ∈ [1, L], in sample order.</summary>
    /// <exception cref="InvalidOperationException">Samples were not collected.</exception>
    public double[] SurvivingSamples(int layer)
    {
        if (layer < 1 || layer > Configuration.Depth)
            throw new ArgumentOutOfRangeException(nameof(layer), layer, $"layer must lie in [1, {Configuration.Depth}]");
        if (LayerSamples is null) throw new InvalidOperationException("samples were not collected; run with CollectSamples = true");
        return LayerSamples[layer - 1].Where(double.IsFinite).ToArray();
    }

    /// <summary>
    /// Merges results of the same configuration covering disjoint block ranges; the merge of a partition of [0, S) is
    /// bit-identical to the single run (statistics and state; elapsed times add).
    /// </summary>
    /// <exception cref="ArgumentException">No parts, different configurations, or overlapping coverage.</exception>
    public static MonteCarloResult Merge(IReadOnlyList<MonteCarloResult> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count == 0) throw new ArgumentException("at least one result is needed to merge", nameof(parts));
        var configuration = parts[0].Configuration;
        foreach (var part in parts)
            if (!part.Configuration.Equals(configuration))
                throw new ArgumentException($"cannot merge results of different configurations: ({configuration}) vs ({part.Configuration})", nameof(parts));

        var ranges = parts.SelectMany(p => p.State.Coverage).OrderBy(r => r.Start).ToList();
        var coverage = new List<BlockRange>();
        foreach (var range in ranges)
        {
            if (coverage.Count > 0 && range.Start < coverage[^1].End)
                throw new ArgumentException($"results overlap: blocks [{range.Start}, {Math.Min(range.End, coverage[^1].End)}) are covered twice", nameof(parts));
            if (coverage.Count > 0 && range.Start == coverage[^1].End) coverage[^1] = coverage[^1] with { End = range.End };
            else coverage.Add(range);
        }

        long totalBlocks = parts[0].State.TotalBlocks;
        var layers = new List<LayerState>(configuration.Depth);
        for (int layer = 0; layer < configuration.Depth; layer++)
        {
            var known = new Dictionary<DyadicNode, MomentAccumulator>();
            var histogram = new FixedBinHistogram();
            long degenerate = 0;
            foreach (var part in parts)
            {
                var state = part.State.Layers[layer];
                foreach (var (node, acc) in state.Nodes) known[node] = acc;
                histogram.Merge(state.Histogram);
                degenerate += state.Degenerate;
            }
            var nodes = new Dictionary<DyadicNode, MomentAccumulator>();
            foreach (var range in coverage)
                foreach (var node in DyadicReduction.Decompose(range.Start, range.End, totalBlocks))
                    nodes[node] = DyadicReduction.Reduce(node, totalBlocks, known, (a, b) => MomentAccumulator.Combine(a, b), MomentAccumulator.Empty);
            layers.Add(new LayerState(nodes, histogram, degenerate));
        }
        var elapsed = TimeSpan.FromTicks(parts.Sum(p => p.Elapsed.Ticks));
        return new MonteCarloResult(configuration, new MonteCarloState(totalBlocks, coverage, layers), elapsed);
    }

    private LayerStatistics Summarise(int layerIndex)
    {
        var acc = State.Accumulator(layerIndex);
        var state = State.Layers[layerIndex];
        var quantiles = LayerStatistics.StandardProbabilities
            .Select(p => new QuantileEstimate(p, state.Histogram.Quantile(p, acc.Min, acc.Max))).ToList();
        return new LayerStatistics(layerIndex + 1, Configuration.Widths[layerIndex], acc.Count, state.Degenerate,
            acc.Count > 0 ? acc.Mean : double.NaN, acc.Variance, acc.MeanStdError, acc.VarianceStdError, acc.Min, acc.Max, quantiles);
    }
}
