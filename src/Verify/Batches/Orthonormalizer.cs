using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Degeneracy.Verify.Batches;

/// <summary>
/// Classical Gram–Schmidt with one re-orthogonalisation pass (CGS2) on k vectors of length n stored one after another:
/// V = Q·R with Q's vectors orthonormal and R upper triangular with R_jj ≥ 0. A vector whose residual falls below
/// 8·k·2⁻⁵² of its norm is taken to lie in the span of the earlier ones (R_jj = 0, q_j = 0). Applied to Gaussian vectors it
/// gives Haar-distributed orthonormal frames (R_jj &gt; 0 is the Mezzadri sign fix). Fixed summation order: deterministic.
/// </summary>
public static class Orthonormalizer
{
    /// <summary>
    /// Orthonormalises <paramref name="vectors"/> in place (k = <paramref name="count"/> vectors of length
    /// <paramref name="length"/>) and writes R (k×k, column-major: R[i + j·k]) to <paramref name="r"/>.
    /// </summary>
    public static void Orthonormalize(Span<double> vectors, int count, int length, Span<double> r)
    {
        if (count < 0 || length < 1 || vectors.Length < (long)count * length)
            throw new ArgumentException($"vectors must hold {count} vectors of length {length}", nameof(vectors));
        if (r.Length < count * count) throw new ArgumentException($"r must hold {count}×{count} entries", nameof(r));
        r[..(count * count)].Clear();
        Span<double> coefficients = count <= 512 ? stackalloc double[count] : new double[count];
        double tolerance = 8.0 * Math.Max(count, 1) * Math.Pow(2, -52);
        for (int j = 0; j < count; j++)
        {
            var v = vectors.Slice(j * length, length);
            double original = Math.Sqrt(Dot(v, v));
            for (int pass = 0; pass < 2 && j > 0; pass++)
            {
                for (int i = 0; i < j; i++) coefficients[i] = Dot(vectors.Slice(i * length, length), v);
                for (int i = 0; i < j; i++)
                {
                    if (coefficients[i] == 0) continue;
                    AddScaled(v, -coefficients[i], vectors.Slice(i * length, length));
                    r[i + j * count] += coefficients[i];
                }
            }
            double norm = Math.Sqrt(Dot(v, v));
            if (norm <= tolerance * original || norm == 0)
            {
                v.Clear();
                continue;
            }
            r[j + j * count] = norm;
            Scale(v, 1.0 / norm);
        }
    }

    /// <summary>Σ aᵢbᵢ in a fixed order (four lanes, then (l₀ + l₁) + (l₂ + l₃), then the tail).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        int n = a.Length, i = 0;
        ref double ar = ref MemoryMarshal.GetReference(a);
        ref double br = ref MemoryMarshal.GetReference(b);
        var acc0 = Vector256<double>.Zero;
        var acc1 = Vector256<double>.Zero;
        for (; i + 8 <= n; i += 8)
        {
            acc0 += Vector256.LoadUnsafe(ref ar, (nuint)i) * Vector256.LoadUnsafe(ref br, (nuint)i);
            acc1 += Vector256.LoadUnsafe(ref ar, (nuint)(i + 4)) * Vector256.LoadUnsafe(ref br, (nuint)(i + 4));
        }
        var acc = acc0 + acc1;
        double sum = (acc.GetElement(0) + acc.GetElement(1)) + (acc.GetElement(2) + acc.GetElement(3));
        for (; i < n; i++) sum += a[i] * b[i];
        return sum;
    }

    /// <summary>y ← y + a·x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddScaled(Span<double> y, double a, ReadOnlySpan<double> x)
    {
        int n = y.Length, i = 0;
        ref double yr = ref MemoryMarshal.GetReference(y);
        ref double xr = ref MemoryMarshal.GetReference(x);
        var va = Vector256.Create(a);
        for (; i + 4 <= n; i += 4)
            (Vector256.LoadUnsafe(ref yr, (nuint)i) + va * Vector256.LoadUnsafe(ref xr, (nuint)i)).StoreUnsafe(ref yr, (nuint)i);
        for (; i < n; i++) y[i] += a * x[i];
    }

    /// <summary>y ← a·y.</summary>
    public static void Scale(Span<double> y, double a)
    {
        for (int i = 0; i < y.Length; i++) y[i] *= a;
    }
}
