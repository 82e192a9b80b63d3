namespace Degeneracy.Verify.MonteCarlo;

/// <summary>A 64-bit Philox4x32 key as two 32-bit words (K0 is the Random123 word 0).</summary>
public readonly record struct PhiloxKey(uint K0, uint K1)
{
    /// <summary>The key of a 64-bit seed: K0 = low word, K1 = high word.</summary>
    public static PhiloxKey FromSeed(ulong seed) => new((uint)seed, (uint)(seed >> 32));
}
