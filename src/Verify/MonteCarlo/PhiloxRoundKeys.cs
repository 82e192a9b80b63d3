using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Degeneracy.Verify.MonteCarlo;

/// <summary>The ten Philox4x32 round keys (k₀ + r·W₀, k₁ + r·W₁ mod 2³²) broadcast into 64-bit lanes, computed once per key.</summary>
[InlineArray(2 * Philox4x32.Rounds)]
internal struct PhiloxRoundKeys
{
    private Vector256<ulong> _first;

    public static PhiloxRoundKeys Of(PhiloxKey key)
    {
        var keys = new PhiloxRoundKeys();
        uint k0 = key.K0, k1 = key.K1;
        for (int round = 0; round < Philox4x32.Rounds; round++)
        {
            keys[2 * round] = Vector256.Create((ulong)k0);
            keys[2 * round + 1] = Vector256.Create((ulong)k1);
            k0 += Philox4x32.W0;
            k1 += Philox4x32.W1;
        }
        return keys;
    }
}
