using Degeneracy.Verify.Statistics;

namespace Degeneracy.Verify.MonteCarlo;

/// <summary>
/// Everything needed to merge one layer of partial runs exactly: moment accumulators of ln sin²θ^ℓ on the maximal
/// aligned nodes of the covered blocks (see <see cref="DyadicReduction"/>), the fixed-bin histogram and the number of
/// samples that became degenerate at this layer.
/// </summary>
public sealed class LayerState
{
    /// <summary>Wraps the parts; the caller hands over ownership of <paramref name="histogram"/>.</summary>
    public LayerState(IReadOnlyDictionary<DyadicNode, MomentAccumulator> nodes, FixedBinHistogram histogram, long degenerate)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(histogram);
        ArgumentOutOfRangeException.ThrowIfNegative(degenerate);
        Nodes = nodes;
        Histogram = histogram;
        Degenerate = degenerate;
    }

    /// <summary>Accumulators of the non-degenerate values on each maximal node of the coverage.</summary>
    public IReadOnlyDictionary<DyadicNode, MomentAccumulator> Nodes { get; }

    /// <summary>Histogram of the non-degenerate values (bin width 2⁻⁸).</summary>
    public FixedBinHistogram Histogram { get; }

    /// <summary>Samples whose step into this layer was degenerate (they contribute to no later layer).</summary>
    public long Degenerate { get; }
}
