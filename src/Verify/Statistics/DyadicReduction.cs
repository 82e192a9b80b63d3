namespace Degeneracy.Verify.Statistics;

/// <summary>
/// Canonical pairwise reduction over blocks 0 … N−1: the value of node (h, k) is
/// combine(value(h−1, 2k), value(h−1, 2k+1)), empty beyond block N−1, and the result is the root (H, 0) with 2^H ≥ N.
/// </summary>
/// <remarks>
/// The tree's shape depends only on N, so any partition of the blocks into contiguous ranges
/// (shards, work units) whose maximal aligned nodes are reduced separately and then combined up to the root
/// gives the same bits as one pass — floating-point non-associativity cannot leak in.
/// </remarks>
public static class DyadicReduction
{
    /// <summary>The smallest H ≥ 0 with 2^H ≥ <paramref name="totalBlocks"/> (≥ 1).</summary>
    public static int Height(long totalBlocks)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(totalBlocks, 1);
        int h = 0;
        while ((1L << h) < totalBlocks) h++;
        return h;
    }

    /// <summary>The root node (H, 0) covering all <paramref name="totalBlocks"/> blocks.</summary>
    public static DyadicNode Root(long totalBlocks) => new(Height(totalBlocks), 0);

    /// <summary>
    /// The maximal aligned nodes covering blocks [start, end), in increasing order, with 0 ≤ start ≤ end ≤ totalBlocks.
    /// A range ending at the last block also owns the empty tail up to 2^H, so the root is one node.
    /// </summary>
    public static IReadOnlyList<DyadicNode> Decompose(long start, long end, long totalBlocks)
    {
        int height = Height(totalBlocks);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(end, totalBlocks);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start, end);
        long limit = end == totalBlocks ? 1L << height : end;
        var nodes = new List<DyadicNode>();
        long pos = start;
        while (pos < limit && pos < totalBlocks)
        {
            int h = 0;
            while (h < height && (pos & ((1L << (h + 1)) - 1)) == 0 && pos + (1L << (h + 1)) <= limit) h++;
            nodes.Add(new DyadicNode(h, pos >> h));
            pos += 1L << h;
        }
        return nodes;
    }

    /// <summary>
    /// Value of <paramref name="node"/>: taken from <paramref name="known"/> when present, <paramref name="empty"/> when it
    /// lies wholly beyond the last block, otherwise combined from its two children.
    /// </summary>
    /// <exception cref="ArgumentException">A block below <paramref name="node"/> is neither known nor beyond the end.</exception>
    public static T Reduce<T>(DyadicNode node, long totalBlocks, IReadOnlyDictionary<DyadicNode, T> known, Func<T, T, T> combine, T empty)
    {
        ArgumentNullException.ThrowIfNull(known);
        ArgumentNullException.ThrowIfNull(combine);
        if (known.TryGetValue(node, out var value)) return value;
        if (node.FirstBlock >= totalBlocks) return empty;
        if (node.Level == 0)
            throw new ArgumentException($"block {node.Index} of {totalBlocks} is not covered by the parts being combined", nameof(known));
        var left = Reduce(node.Left, totalBlocks, known, combine, empty);
        var right = Reduce(node.Right, totalBlocks, known, combine, empty);
        return combine(left, right);
    }

    /// <summary>
    /// Per-layer accumulators of <paramref name="node"/> from per-block leaves (<paramref name="block"/>), combined
    /// left to right in the canonical tree order, so that every executor (CPU threads, shards, GPU) reduces alike.
    /// </summary>
    public static MomentAccumulator[] ReduceLayers(DyadicNode node, long totalBlocks, int depth, Func<long, MomentAccumulator[]> block)
    {
        if (node.FirstBlock >= totalBlocks) return EmptyLayers(depth);
        if (node.Level == 0) return block(node.Index);
        var left = ReduceLayers(node.Left, totalBlocks, depth, block);
        var right = ReduceLayers(node.Right, totalBlocks, depth, block);
        for (int l = 0; l < depth; l++) left[l] = MomentAccumulator.Combine(left[l], right[l]);
        return left;
    }

    /// <summary>One empty accumulator per layer.</summary>
    public static MomentAccumulator[] EmptyLayers(int depth)
    {
        var accs = new MomentAccumulator[depth];
        Array.Fill(accs, MomentAccumulator.Empty);
        return accs;
    }

    /// <summary>The nodes of <paramref name="maximal"/> split into aligned nodes of at most 2^level blocks (inside the run).</summary>
    public static List<DyadicNode> SplitToLevel(IReadOnlyList<DyadicNode> maximal, int level, long totalBlocks)
    {
        var units = new List<DyadicNode>();
        foreach (var node in maximal)
        {
            if (node.Level <= level) { units.Add(node); continue; }
            int shift = node.Level - level;
            for (long k = node.Index << shift; k < (node.Index + 1) << shift; k++)
            {
                var unit = new DyadicNode(level, k);
                if (unit.FirstBlock < totalBlocks) units.Add(unit);
            }
        }
        return units;
    }
}
