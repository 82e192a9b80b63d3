using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Degeneracy.Verify.Variability;

/// <summary>
/// The affine map of one layer applied to many points at once: Z = W·S + b·1ᵀ with S (cols × P) and Z (rows × P) stored
/// unit-major (row r of S is the r-th coordinate of every point), P a multiple of 8. A 4-row × 8-point register-blocked
/// kernel with fused multiply-adds where the CPU has them; each output is Σ_j in increasing j, so the result does not
/// depend on blocking.
/// </summary>
internal static class BlockedAffine
{
    /// <summary>Points per block (two 4-lane vectors).</summary>
    public const int PointBlock = 8;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Apply(ReadOnlySpan<double> w, ReadOnlySpan<double> b, int rows, int cols, ReadOnlySpan<double> s, Span<double> z, int points)
    {
        if (points % PointBlock != 0) throw new ArgumentException("points must be a multiple of 8", nameof(points));
        if (w.Length < rows * cols || b.Length < rows || s.Length < cols * points || z.Length < rows * points)
            throw new ArgumentException("buffer shorter than the layer's shape");
        ref double wr = ref MemoryMarshal.GetReference(w);
        ref double sr = ref MemoryMarshal.GetReference(s);
        ref double zr = ref MemoryMarshal.GetReference(z);
        int fullRows = rows & ~3;
        for (int p = 0; p < points; p += PointBlock)
        {
            int i = 0;
            for (; i < fullRows; i += 4)
                Kernel4x8(ref wr, b, i, cols, ref sr, ref zr, p, points);
            for (; i < rows; i++)
                Kernel1x8(ref wr, b[i], i, cols, ref sr, ref zr, p, points);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> MulAdd(Vector256<double> a, Vector256<double> x, Vector256<double> acc) =>
        Fma.IsSupported ? Fma.MultiplyAdd(a, x, acc) : a * x + acc;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Kernel4x8(ref double w, ReadOnlySpan<double> b, int i, int cols, ref double s, ref double z, int p, int points)
    {
        var a00 = Vector256.Create(b[i]); var a01 = a00;
        var a10 = Vector256.Create(b[i + 1]); var a11 = a10;
        var a20 = Vector256.Create(b[i + 2]); var a21 = a20;
        var a30 = Vector256.Create(b[i + 3]); var a31 = a30;
        nuint w0 = (nuint)(i * cols), w1 = w0 + (nuint)cols, w2 = w1 + (nuint)cols, w3 = w2 + (nuint)cols;
        nuint sp = (nuint)p;
        for (int j = 0; j < cols; j++, sp += (nuint)points)
        {
            var s0 = Vector256.LoadUnsafe(ref s, sp);
            var s1 = Vector256.LoadUnsafe(ref s, sp + 4);
            var c0 = Vector256.Create(Unsafe.Add(ref w, w0 + (nuint)j));
            var c1 = Vector256.Create(Unsafe.Add(ref w, w1 + (nuint)j));
            var c2 = Vector256.Create(Unsafe.Add(ref w, w2 + (nuint)j));
            var c3 = Vector256.Create(Unsafe.Add(ref w, w3 + (nuint)j));
            a00 = MulAdd(c0, s0, a00); a01 = MulAdd(c0, s1, a01);
            a10 = MulAdd(c1, s0, a10); a11 = MulAdd(c1, s1, a11);
            a20 = MulAdd(c2, s0, a20); a21 = MulAdd(c2, s1, a21);
            a30 = MulAdd(c3, s0, a30); a31 = MulAdd(c3, s1, a31);
        }
        nuint z0 = (nuint)(i * points + p), step = (nuint)points;
        a00.StoreUnsafe(ref z, z0); a01.StoreUnsafe(ref z, z0 + 4);
        a10.StoreUnsafe(ref z, z0 + step); a11.StoreUnsafe(ref z, z0 + step + 4);
        a20.StoreUnsafe(ref z, z0 + 2 * step); a21.StoreUnsafe(ref z, z0 + 2 * step + 4);
        a30.StoreUnsafe(ref z, z0 + 3 * step); a31.StoreUnsafe(ref z, z0 + 3 * step + 4);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Kernel1x8(ref double w, double bias, int i, int cols, ref double s, ref double z, int p, int points)
    {
        var a0 = Vector256.Create(bias); var a1 = a0;
        nuint w0 = (nuint)(i * cols), sp = (nuint)p;
        for (int j = 0; j < cols; j++, sp += (nuint)points)
        {
            var c = Vector256.Create(Unsafe.Add(ref w, w0 + (nuint)j));
            a0 = MulAdd(c, Vector256.LoadUnsafe(ref s, sp), a0);
            a1 = MulAdd(c, Vector256.LoadUnsafe(ref s, sp + 4), a1);
        }
        nuint z0 = (nuint)(i * points + p);
        a0.StoreUnsafe(ref z, z0); a1.StoreUnsafe(ref z, z0 + 4);
    }
}
