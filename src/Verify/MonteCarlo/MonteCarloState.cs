using Degeneracy.Verify.Statistics;

namespace Degeneracy.Verify.MonteCarlo;

/// <summary>
/// The mergeable state of a (possibly partial) run: the covered blocks of <see cref="BlockSize"/> samples and one
/// <see cref="LayerState"/> per layer. Merging the states of a partition of [0, S) gives the bits of a single run.
/// </summary>
public sealed class MonteCarloState
{
    /// <summary>Samples per block, the unit of sharding and of the canonical reduction: 64.</summary>
    public const int BlockSize = 64;

    /// <summary>Wraps the parts after checking that the coverage is sorted, disjoint and within [0, totalBlocks].</summary>
    public MonteCarloState(long totalBlocks, IReadOnlyList<BlockRange> coverage, IReadOnlyList<LayerState> layers)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(totalBlocks, 1);
        ArgumentNullException.ThrowIfNull(coverage);
        ArgumentNullException.ThrowIfNull(layers);
        long previousEnd = 0;
        foreach (var range in coverage)
        {
            if (range.Start < previousEnd || range.End <= range.Start || range.End > totalBlocks)
                throw new ArgumentException($"coverage must be sorted, disjoint, non-empty ranges inside [0, {totalBlocks}]", nameof(coverage));
            previousEnd = range.End;
        }
        TotalBlocks = totalBlocks;
        Coverage = coverage;
        Layers = layers;
    }

    /// <summary>N_b = ⌈S/64⌉.</summary>
    public long TotalBlocks { get; }

    /// <summary>The covered block ranges, sorted and disjoint.</summary>
    public IReadOnlyList<BlockRange> Coverage { get; }

    /// <summary>One state per layer.</summary>
    public IReadOnlyList<LayerState> Layers { get; }

    /// <summary>True when the coverage is all of [0, N_b).</summary>
    public bool IsComplete => Coverage.Count == 1 && Coverage[0].Start == 0 && Coverage[0].End == TotalBlocks;

    /// <summary>N_b for <paramref name="samples"/> samples.</summary>
    public static long BlocksFor(long samples) => (samples + BlockSize - 1) / BlockSize;

    /// <summary>The maximal aligned nodes of the coverage, in block order.</summary>
    public IReadOnlyList<DyadicNode> CoverageNodes() =>
        Coverage.SelectMany(r => DyadicReduction.Decompose(r.Start, r.End, TotalBlocks)).ToList();

    /// <summary>
    /// The accumulator of layer <paramref name="layerIndex"/> (0-based) over the whole coverage: the canonical root when
    /// complete, otherwise the coverage nodes combined in block order.
    /// </summary>
    public MomentAccumulator Accumulator(int layerIndex)
    {
        var nodes = Layers[layerIndex].Nodes;
        var total = MomentAccumulator.Empty;
        foreach (var node in CoverageNodes())
            total = MomentAccumulator.Combine(total,
                DyadicReduction.Reduce(node, TotalBlocks, nodes, (a, b) => MomentAccumulator.Combine(a, b), MomentAccumulator.Empty));
        return total;
    }
}
