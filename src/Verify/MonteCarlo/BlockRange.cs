namespace Degeneracy.Verify.MonteCarlo;

/// <summary>The sample blocks [Start, End) a result covers; block b holds samples [64·b, min(64·(b+1), S)).</summary>
public readonly record struct BlockRange(long Start, long End)
{
    /// <summary>Number of blocks End − Start.</summary>
    public long Length => End - Start;
}
