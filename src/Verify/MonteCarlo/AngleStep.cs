using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Degeneracy.Verify.MonteCarlo;

/// <summary>
/// The angle between φ(g) and φ(g + δg) computed stably: with X = φ(g), δX = φ(g + δg) − φ(g) (formed without
/// cancellation: δg where both are active), A = ΣX², B = ΣY², P = ΣX·δX, C = A + P,
/// sin²θ′ = ‖Y − (C/A)X‖²/B = ‖δX − (P/A)X‖²/B and cos θ′ = C/√(AB). Degeneracy is decided by counting supports,
/// never by testing AB − C² in floating point.
/// </summary>
public static class AngleStep
{
    /// <summary>
    /// Computes the step for pre-activations g (first input) and δg = ĝ − g (second minus first), writing X to
    /// <paramref name="x"/> and δX to <paramref name="dx"/> (each at least as long as g).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static AngleStepResult Compute(ReadOnlySpan<double> g, ReadOnlySpan<double> dg, Span<double> x, Span<double> dx)
    {
        int n = g.Length;
        if (dg.Length != n) throw new ArgumentException("g and dg must have the same length", nameof(dg));
        if (x.Length < n || dx.Length < n) throw new ArgumentException("x and dx must be at least as long as g", nameof(x));
        ref double gr = ref MemoryMarshal.GetReference(g);
        ref double dgr = ref MemoryMarshal.GetReference(dg);
        ref double xr = ref MemoryMarshal.GetReference(x);
        ref double dxr = ref MemoryMarshal.GetReference(dx);

        var zero = Vector256<double>.Zero;
        Vector256<double> va = zero, vb = zero, vp = zero;
        Vector256<long> countAlpha = Vector256<long>.Zero, countBeta = Vector256<long>.Zero, countUnion = Vector256<long>.Zero;
        int i = 0;
        for (; i + 4 <= n; i += 4)
        {
            var gv = Vector256.LoadUnsafe(ref gr, (nuint)i);
            var dgv = Vector256.LoadUnsafe(ref dgr, (nuint)i);
            var gh = gv + dgv;
            var activeAlpha = Vector256.GreaterThan(gv, zero);
            var activeBeta = Vector256.GreaterThan(gh, zero);
            var xv = gv & activeAlpha;
            var yv = gh & activeBeta;
            var dxv = Vector256.ConditionalSelect(activeAlpha & activeBeta, dgv, yv - xv);
            xv.StoreUnsafe(ref xr, (nuint)i);
            dxv.StoreUnsafe(ref dxr, (nuint)i);
            va += xv * xv;
            vb += yv * yv;
            vp += xv * dxv;
            countAlpha -= activeAlpha.AsInt64();
            countBeta -= activeBeta.AsInt64();
            countUnion -= (activeAlpha | activeBeta).AsInt64();
        }
        double a = HorizontalSum(va), b = HorizontalSum(vb), p = HorizontalSum(vp);
        long na = Vector256.Sum(countAlpha), nb = Vector256.Sum(countBeta), nu = Vector256.Sum(countUnion);
        for (; i < n; i++)
        {
            double gi = g[i], ghi = gi + dg[i];
            bool ai = gi > 0, bi = ghi > 0;
            double xi = ai ? gi : 0, yi = bi ? ghi : 0;
            double dxi = ai && bi ? dg[i] : yi - xi;
            x[i] = xi;
            dx[i] = dxi;
            a += xi * xi;
            b += yi * yi;
            p += xi * dxi;
            if (ai) na++;
            if (bi) nb++;
            if (ai || bi) nu++;
        }
        if (na == 0 || nb == 0 || nu == 1) return new AngleStepResult(0, 1, (int)na, (int)nb, (int)nu);

        double sin2 = Math.Min(1.0, Residual(x, dx, n, -p / a) / b);
        double cos = Math.Clamp((a + p) / Math.Sqrt(a * b), 0.0, 1.0);
        return new AngleStepResult(sin2, sin2 > 0 ? cos : 1.0, (int)na, (int)nb, (int)nu);
    }

    /// <summary>‖δX + r·X‖² over the first n entries (SIMD blocks of four, then the tail; a fixed summation order shared
    /// by <see cref="AngleStep"/> and <see cref="LeakyAngleStep"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double Residual(ReadOnlySpan<double> x, ReadOnlySpan<double> dx, int n, double r)
    {
        ref double xr = ref MemoryMarshal.GetReference(x);
        ref double dxr = ref MemoryMarshal.GetReference(dx);
        var vr = Vector256.Create(r);
        var vres = Vector256<double>.Zero;
        int i = 0;
        for (; i + 4 <= n; i += 4)
        {
            var e = Vector256.LoadUnsafe(ref dxr, (nuint)i) + vr * Vector256.LoadUnsafe(ref xr, (nuint)i);
            vres += e * e;
        }
        double residual = HorizontalSum(vres);
        for (; i < n; i++)
        {
            double e = dx[i] + r * x[i];
            residual += e * e;
        }
        return residual;
    }

    /// <summary>(v₀ + v₁) + (v₂ + v₃), a fixed summation order.</summary>
    internal static double HorizontalSum(Vector256<double> v) => (v.GetElement(0) + v.GetElement(1)) + (v.GetElement(2) + v.GetElement(3));
}
