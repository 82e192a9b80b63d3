namespace Degeneracy.Verify.MonteCarlo;

/// <summary>
/// Which Philox counter each random number uses, so a sample's randomness depends only on (seed, sample index).
/// Key = seed. Counter words: X0 = pair index j, X2 = low 32 bits of the sample index, X3 = (tag &lt;&lt; 20) | high bits of
/// the sample index (&lt; 2²⁰). Reduced chain: X1 = layer ℓ − 1, tag 0. Network: X1 = row i of W^ℓ, tag ℓ ∈ [1, 4095].
/// </summary>
internal static class CounterLayout
{
    public static uint SampleLow(long sample) => (uint)sample;

    public static uint ChainHigh(long sample) => (uint)(sample >> 32);

    public static uint NetworkHigh(long sample, int layer) => ((uint)layer << 20) | (uint)(sample >> 32);
}
