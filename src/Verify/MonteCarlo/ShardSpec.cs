using System.Globalization;

namespace Degeneracy.Verify.MonteCarlo;

/// <summary>
/// Shard i of N: blocks [⌊i·N_b/N⌋, ⌊(i+1)·N_b/N⌋) of the N_b = ⌈S/64⌉ fixed sample blocks, a deterministic split of [0, S).
/// </summary>
public readonly record struct ShardSpec
{
    /// <summary>Shard <paramref name="index"/> of <paramref name="count"/>: 1 ≤ count, 0 ≤ index &lt; count.</summary>
    public ShardSpec(int index, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (index < 0 || index >= count)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"shard index must lie in [0, {count - 1}] for {count} shards");
        Index = index;
        Count = count;
    }

    /// <summary>The whole run, shard 0 of 1.</summary>
    public static ShardSpec Whole => new(0, 1);

    /// <summary>0-based shard index.</summary>
    public int Index { get; }

    /// <summary>Number of shards N ≥ 1 (0 only for <c>default</c>, treated as the whole run).</summary>
    public int Count { get; }

    /// <summary>Parses "i/N" with 0 ≤ i &lt; N.</summary>
    /// <exception cref="FormatException">Not of the form i/N.</exception>
    /// <exception cref="ArgumentOutOfRangeException">N &lt; 1 or i outside [0, N).</exception>
    public static ShardSpec Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int index)
            || !int.TryParse(parts[1].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int count))
            throw new FormatException($"shard '{text}' must have the form i/N with integers 0 ≤ i < N");
        if (count < 1) throw new ArgumentOutOfRangeException("shard", count, "shard count N must be at least 1");
        return new ShardSpec(index, count);
    }

    /// <summary>The block range [start, end) of this shard among <paramref name="totalBlocks"/> blocks.</summary>
    public (long Start, long End) BlockRange(long totalBlocks)
    {
        int count = Count == 0 ? 1 : Count;
        return ((long)((Int128)Index * totalBlocks / count), (long)((Int128)(Index + 1) * totalBlocks / count));
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Index}/{(Count == 0 ? 1 : Count)}";
}
