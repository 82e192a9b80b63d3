namespace Degeneracy.Verify.Statistics;

/// <summary>
/// The aligned block range [Index·2^Level, (Index + 1)·2^Level) of a canonical pairwise reduction tree;
/// Level 0 nodes are single blocks.
/// </summary>
public readonly record struct DyadicNode(int Level, long Index)
{
    /// <summary>First block covered.</summary>
    public long FirstBlock => Index << Level;

    /// <summary>One past the last block covered (before clipping to the number of blocks).</summary>
    public long EndBlock => (Index + 1) << Level;

    /// <summary>The left child (Level − 1, 2·Index); only for Level ≥ 1.</summary>
    public DyadicNode Left => new(Level - 1, 2 * Index);

    /// <summary>The right child (Level − 1, 2·Index + 1); only for Level ≥ 1.</summary>
    public DyadicNode Right => new(Level - 1, 2 * Index + 1);
}
