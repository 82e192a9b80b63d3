using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Degeneracy.Verify.Batches;

/// <summary>Applies φ_s(z) = max(z, 0) + s·min(z, 0) in place and records the support of the result.</summary>
internal static class FeatureActivation
{
    /// <summary>φ_s on <paramref name="z"/>; returns the number of non-zero results and one index of a non-zero result (−1 if none).</summary>
    public static (int NonZero, int First) Apply(Span<double> z, double slope)
    {
        int n = z.Length, i = 0;
        ref double zr = ref MemoryMarshal.GetReference(z);
        var zero = Vector256<double>.Zero;
        var s = Vector256.Create(slope);
        for (; i + 4 <= n; i += 4)
        {
            var v = Vector256.LoadUnsafe(ref zr, (nuint)i);
            (Vector256.Max(v, zero) + s * Vector256.Min(v, zero)).StoreUnsafe(ref zr, (nuint)i);
        }
        for (; i < n; i++) z[i] = Math.Max(z[i], 0) + slope * Math.Min(z[i], 0);
        int count = 0, first = -1;
        for (int k = 0; k < n; k++)
            if (z[k] != 0) { count++; if (first < 0) first = k; }
        return (count, first);
    }
}
