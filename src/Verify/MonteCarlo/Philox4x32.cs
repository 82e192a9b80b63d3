namespace Degeneracy.Verify.MonteCarlo;

/// <summary>
/// Philox4x32-10 (Salmon, Moraes, Dror, Shaw, SC'11; Random123): a keyed bijection of 128-bit counters whose
/// output is a statistically independent random block for every distinct counter — so a stream depends only on
/// (key, counter), never on threads or scheduling.
/// </summary>
public static class Philox4x32
{
    /// <summary>Round multipliers and Weyl key increments of Philox4x32.</summary>
    public const uint M0 = 0xD2511F53, M1 = 0xCD9E8D57, W0 = 0x9E3779B9, W1 = 0xBB67AE85;

    /// <summary>Number of rounds (10, the Random123 default with a safety margin).</summary>
    public const int Rounds = 10;

    /// <summary>The output block for <paramref name="counter"/> under <paramref name="key"/> (scalar reference).</summary>
    public static PhiloxBlock Generate(PhiloxBlock counter, PhiloxKey key)
    {
        uint c0 = counter.X0, c1 = counter.X1, c2 = counter.X2, c3 = counter.X3, k0 = key.K0, k1 = key.K1;
        for (int round = 0; round < Rounds; round++)
        {
            if (round > 0) { k0 += W0; k1 += W1; }
            ulong p0 = (ulong)M0 * c0, p1 = (ulong)M1 * c2;
            uint hi0 = (uint)(p0 >> 32), lo0 = (uint)p0, hi1 = (uint)(p1 >> 32), lo1 = (uint)p1;
            (c0, c1, c2, c3) = (hi1 ^ c1 ^ k0, lo1, hi0 ^ c3 ^ k1, lo0);
        }
        return new PhiloxBlock(c0, c1, c2, c3);
    }
}
