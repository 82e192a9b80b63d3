using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Degeneracy.Verify.MonteCarlo;

/// <summary>
/// Independent standard Gaussian pairs (Z₁, Z₂) from Philox4x32-10 blocks by Box–Muller, one block per pair:
/// the radius from words (X1:X0) as u₁ = (k + ½)·2⁻⁵² (tail exact out to r ≈ 8.57), the direction from (X3:X2).
/// </summary>
/// <remarks>
/// The vectorised path evaluates four counters at once (AVX2 32×32→64 multiplies where available, portable
/// <see cref="Vector256"/> arithmetic otherwise) and is bit-identical to the scalar <see cref="Pair"/>: both use only
/// correctly rounded arithmetic (see <see cref="BoxMuller"/>), so a value depends only on (key, counter).
/// </remarks>
public static class PhiloxGaussian
{
    /// <summary>The Gaussian pair of one counter (scalar reference implementation).</summary>
    public static (double Z1, double Z2) Pair(PhiloxBlock counter, PhiloxKey key)
    {
        var block = Philox4x32.Generate(counter, key);
        return BoxMuller.Pair(((ulong)block.X1 << 32) | block.X0, ((ulong)block.X3 << 32) | block.X2);
    }

    /// <summary>
    /// Fills z₁[j], z₂[j] with the pair of counter (j, <paramref name="c1"/>, <paramref name="c2"/>, <paramref name="c3"/>),
    /// j = 0 … n−1, n = z₁.Length = z₂.Length, vectorised.
    /// </summary>
    public static void FillPairs(PhiloxKey key, uint c1, uint c2, uint c3, Span<double> z1, Span<double> z2) =>
        Fill(PhiloxRoundKeys.Of(key), c1, c2, c3, 0.0, 1.0, z1, z2, correlated: false);

    /// <summary><see cref="FillPairs(PhiloxKey, uint, uint, uint, Span{double}, Span{double})"/> with precomputed round keys.</summary>
    internal static void FillPairs(in PhiloxRoundKeys keys, uint c1, uint c2, uint c3, Span<double> z1, Span<double> z2) =>
        Fill(keys, c1, c2, c3, 0.0, 1.0, z1, z2, correlated: false);

    /// <summary>
    /// Fills the pre-activation pairs of one reduced-chain layer: g_j = Z₁ and δg_j = Ĝ_j − g_j = (cos θ − 1)·Z₁ + sin θ·Z₂
    /// for counters (j, c1, c2, c3), j = 0 … n−1, so (g, g + δg) has correlation cos θ. Passing cos θ − 1 (not cos θ)
    /// keeps δg accurate when θ is tiny.
    /// </summary>
    public static void FillCorrelated(PhiloxKey key, uint c1, uint c2, uint c3, double cosMinusOne, double sin, Span<double> g, Span<double> dg) =>
        Fill(PhiloxRoundKeys.Of(key), c1, c2, c3, cosMinusOne, sin, g, dg, correlated: true);

    /// <summary><see cref="FillCorrelated(PhiloxKey, uint, uint, uint, double, double, Span{double}, Span{double})"/> with precomputed round keys.</summary>
    internal static void FillCorrelated(in PhiloxRoundKeys keys, uint c1, uint c2, uint c3, double cosMinusOne, double sin, Span<double> g, Span<double> dg) =>
        Fill(keys, c1, c2, c3, cosMinusOne, sin, g, dg, correlated: true);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Fill(in PhiloxRoundKeys keys, uint c1, uint c2, uint c3, double cosMinusOne, double sin, Span<double> first, Span<double> second, bool correlated)
    {
        if (first.Length != second.Length) throw new ArgumentException("the two output spans must have the same length", nameof(second));
        var v1 = Vector256.Create((ulong)c1);
        var v2 = Vector256.Create((ulong)c2);
        var v3 = Vector256.Create((ulong)c3);
        var vc = Vector256.Create(cosMinusOne);
        var vs = Vector256.Create(sin);
        int n = first.Length, j = 0;
        ref double r1 = ref MemoryMarshal.GetReference(first);
        ref double r2 = ref MemoryMarshal.GetReference(second);
        for (; j + 4 <= n; j += 4)
        {
            Pairs4(keys, Lanes((uint)j), v1, v2, v3, out var a, out var b);
            a.StoreUnsafe(ref r1, (nuint)j);
            (correlated ? vc * a + vs * b : b).StoreUnsafe(ref r2, (nuint)j);
        }
        if (j < n)
        {
            Pairs4(keys, Lanes((uint)j), v1, v2, v3, out var a, out var b);
            var d = correlated ? vc * a + vs * b : b;
            for (int lane = 0; j + lane < n; lane++)
            {
                first[j + lane] = a.GetElement(lane);
                second[j + lane] = d.GetElement(lane);
            }
        }
    }

    /// <summary>Counter words (j0, j0+1, j0+2, j0+3) in 64-bit lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<ulong> Lanes(uint j0) => Vector256.Create((ulong)j0) + Vector256.Create(0UL, 1UL, 2UL, 3UL);

    /// <summary>Four Gaussian pairs for counters (j, c1, c2, c3), each word held in the low half of a 64-bit lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Pairs4(in PhiloxRoundKeys keys, Vector256<ulong> j, Vector256<ulong> c1, Vector256<ulong> c2, Vector256<ulong> c3,
        out Vector256<double> z1, out Vector256<double> z2)
    {
        Blocks4(keys, ref j, ref c1, ref c2, ref c3);
        BoxMuller.Pairs(Vector256.ShiftLeft(c1, 32) | j, Vector256.ShiftLeft(c3, 32) | c2, out z1, out z2);
    }

    /// <summary>Philox4x32-10 on four counters at once; words in the low halves of 64-bit lanes, in place.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Blocks4(in PhiloxRoundKeys keys, ref Vector256<ulong> c0, ref Vector256<ulong> c1, ref Vector256<ulong> c2, ref Vector256<ulong> c3)
    {
        var low = Vector256.Create(0xFFFFFFFFUL);
        var m0 = Vector256.Create((ulong)Philox4x32.M0);
        var m1 = Vector256.Create((ulong)Philox4x32.M1);
        for (int round = 0; round < Philox4x32.Rounds; round++)
        {
            var p0 = MultiplyWide(c0, m0);
            var p1 = MultiplyWide(c2, m1);
            var n0 = Vector256.ShiftRightLogical(p1, 32) ^ c1 ^ keys[2 * round];
            var n2 = Vector256.ShiftRightLogical(p0, 32) ^ c3 ^ keys[2 * round + 1];
            c1 = p1 & low;
            c3 = p0 & low;
            c0 = n0;
            c2 = n2;
        }
    }

    /// <summary>Lane-wise 32×32→64-bit product of values below 2³².</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> MultiplyWide(Vector256<ulong> a, Vector256<ulong> b) =>
        Avx2.IsSupported ? Avx2.Multiply(a.AsUInt32(), b.AsUInt32()) : a * b;
}
