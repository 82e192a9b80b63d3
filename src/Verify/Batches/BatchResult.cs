using Degeneracy.Verify.MonteCarlo;
using Degeneracy.Verify.Statistics;

namespace Degeneracy.Verify.Batches;

/// <summary>
/// Outcome of a batch Monte Carlo run or of merged shards: per slot (layer × observable or Gram entry) moment accumulators
/// on the maximal dyadic nodes of the covered blocks — the exact mergeable state, as for <see cref="MonteCarloResult"/> —
/// and the statistics derived from it. Merging the shards of a partition of [0, S) gives the bits of one run.
/// </summary>
public sealed class BatchResult
{
    private readonly MomentAccumulator[] _totals;

    /// <summary>Assembles a result and reduces its totals in canonical order.</summary>
    public BatchResult(BatchLayout layout, string fingerprint, long samples, IReadOnlyList<BlockRange> coverage,
        IReadOnlyDictionary<DyadicNode, MomentAccumulator[]> nodes, TimeSpan elapsed, BatchConfiguration? configuration = null,
        double[]? collected = null, long firstSample = 0)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(fingerprint);
        ArgumentNullException.ThrowIfNull(coverage);
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 1);
        Layout = layout;
        Fingerprint = fingerprint;
        Samples = samples;
        TotalBlocks = MonteCarloState.BlocksFor(samples);
        Coverage = coverage;
        Nodes = nodes;
        Elapsed = elapsed;
        Configuration = configuration;
        Collected = collected;
        FirstSample = firstSample;
        foreach (var (node, values) in nodes)
            if (values.Length != layout.Slots)
                throw new ArgumentException($"node ({node.Level}, {node.Index}) holds {values.Length} values, the layout {layout.Slots}", nameof(nodes));
        _totals = DyadicReduction.EmptyLayers(layout.Slots);
        foreach (var node in CoverageNodes())
        {
            var values = DyadicReduction.Reduce(node, TotalBlocks, nodes, CombineSlots, DyadicReduction.EmptyLayers(layout.Slots));
            for (int s = 0; s < _totals.Length; s++) _totals[s] = MomentAccumulator.Combine(_totals[s], values[s]);
        }
    }

    /// <summary>Where each value lives.</summary>
    public BatchLayout Layout { get; }

    /// <summary>The configuration's fingerprint (<see cref="BatchConfiguration.Fingerprint"/>).</summary>
    public string Fingerprint { get; }

    /// <summary>S.</summary>
    public long Samples { get; }

    /// <summary>⌈S/64⌉.</summary>
    public long TotalBlocks { get; }

    /// <summary>Covered block ranges, sorted and disjoint.</summary>
    public IReadOnlyList<BlockRange> Coverage { get; }

    /// <summary>Per-slot accumulators of each maximal node of the coverage.</summary>
    public IReadOnlyDictionary<DyadicNode, MomentAccumulator[]> Nodes { get; }

    /// <summary>Compute time (summed over parts after a merge).</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>The configuration when the run was made in this process; null after reading or merging files.</summary>
    public BatchConfiguration? Configuration { get; }

    /// <summary>When collected: sample-major values of every observable (not the Gram entries), NaN where undefined.</summary>
    public double[]? Collected { get; }

    /// <summary>Index of the first collected sample.</summary>
    public long FirstSample { get; }

    /// <summary>True when every block of [0, S) is covered.</summary>
    public bool IsComplete => Coverage.Count == 1 && Coverage[0].Start == 0 && Coverage[0].End == TotalBlocks;

    /// <summary>The summary of an observable at layer ℓ ∈ [1, L].</summary>
    public BatchStatistic Statistic(int layer, BatchObservable observable)
    {
        CheckLayer(layer);
        return BatchStatistic.Of(_totals[Layout.Slot(layer, observable)]);
    }

    /// <summary>The summary of Kᵢⱼ at layer ℓ (only when the Gram entries were tracked).</summary>
    public BatchStatistic GramStatistic(int layer, int i, int j)
    {
        CheckLayer(layer);
        return BatchStatistic.Of(_totals[Layout.GramSlot(layer, i, j)]);
    }

    /// <summary>The collected values of an observable at layer ℓ, in sample order (NaN where undefined).</summary>
    /// <exception cref="InvalidOperationException">Samples were not collected.</exception>
    public double[] CollectedValues(int layer, BatchObservable observable)
    {
        CheckLayer(layer);
        if (Collected is null) throw new InvalidOperationException("samples were not collected; run with CollectSamples = true");
        int per = Layout.Depth * BatchObservables.Count, count = Collected.Length / per;
        var values = new double[count];
        for (int s = 0; s < count; s++) values[s] = Collected[s * per + (layer - 1) * BatchObservables.Count + (int)observable];
        return values;
    }

    /// <summary>Merges results with equal fingerprints over disjoint block ranges, bit-identically to one run.</summary>
    /// <exception cref="ArgumentException">No parts, different fingerprints, or overlapping coverage.</exception>
    public static BatchResult Merge(IReadOnlyList<BatchResult> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count == 0) throw new ArgumentException("at least one result is needed to merge", nameof(parts));
        var first = parts[0];
        foreach (var part in parts)
            if (part.Fingerprint != first.Fingerprint || part.Samples != first.Samples || !part.Layout.Widths.SequenceEqual(first.Layout.Widths)
                || part.Layout.BatchSize != first.Layout.BatchSize || part.Layout.TrackGram != first.Layout.TrackGram)
                throw new ArgumentException($"cannot merge results of different configurations: ({first.Fingerprint}) vs ({part.Fingerprint})", nameof(parts));
        var ranges = parts.SelectMany(p => p.Coverage).OrderBy(r => r.Start).ToList();
        var coverage = new List<BlockRange>();
        foreach (var range in ranges)
        {
            if (coverage.Count > 0 && range.Start < coverage[^1].End)
                throw new ArgumentException($"results overlap: blocks [{range.Start}, {Math.Min(range.End, coverage[^1].End)}) are covered twice", nameof(parts));
            if (coverage.Count > 0 && range.Start == coverage[^1].End) coverage[^1] = coverage[^1] with { End = range.End };
            else coverage.Add(range);
        }
        var known = new Dictionary<DyadicNode, MomentAccumulator[]>();
        foreach (var part in parts)
            foreach (var (node, values) in part.Nodes) known[node] = values;
        var nodes = new Dictionary<DyadicNode, MomentAccumulator[]>();
        foreach (var range in coverage)
            foreach (var node in DyadicReduction.Decompose(range.Start, range.End, first.TotalBlocks))
                nodes[node] = DyadicReduction.Reduce(node, first.TotalBlocks, known, CombineSlots, DyadicReduction.EmptyLayers(first.Layout.Slots));
        var elapsed = TimeSpan.FromTicks(parts.Sum(p => p.Elapsed.Ticks));
        return new BatchResult(first.Layout, first.Fingerprint, first.Samples, coverage, nodes, elapsed, first.Configuration);
    }

    /// <summary>Slot-wise <see cref="MomentAccumulator.Combine"/> into a new array.</summary>
    internal static MomentAccumulator[] CombineSlots(MomentAccumulator[] a, MomentAccumulator[] b)
    {
        var c = new MomentAccumulator[a.Length];
        for (int s = 0; s < a.Length; s++) c[s] = MomentAccumulator.Combine(a[s], b[s]);
        return c;
    }

    private IEnumerable<DyadicNode> CoverageNodes() =>
        Coverage.SelectMany(r => DyadicReduction.Decompose(r.Start, r.End, TotalBlocks));

    private void CheckLayer(int layer)
    {
        if (layer < 1 || layer > Layout.Depth)
            throw new ArgumentOutOfRangeException(nameof(layer), layer, $"layer must lie in [1, {Layout.Depth}]");
    }
}
