using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Degeneracy.Verify.MonteCarlo;

/// <summary>
/// <see cref="AngleStep"/> for φ_s with slope s ≠ 0 (docs/THEORY.md §5): X = φ_s(g), Y = φ_s(g + δg) and δX = Y − X
/// formed without cancellation (slope·δg where g and g + δg have the same sign). No φ_s-vector vanishes, so a pair
/// collapses only when X and Y are exactly parallel: always for n = 1, and otherwise decided exactly (by comparing the
/// exact products X_i·Y_k and X_k·Y_i as double-double pairs) whenever the computed sin²θ′ is below 2⁻⁶⁰ — e.g. abs or
/// linear at θ = π, never a floating-point threshold alone.
/// </summary>
public static class LeakyAngleStep
{
    private const double ParallelCheckBelow = 8.673617379884035e-19; // 2^-60

    /// <summary>As <see cref="AngleStep.Compute"/> for slope <paramref name="slope"/> ≠ 0; the support counts are n
    /// (every unit is "active"), with ActiveUnion = 1 for n = 1 and SinSquared = 0 for an exactly parallel pair.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static AngleStepResult Compute(ReadOnlySpan<double> g, ReadOnlySpan<double> dg, Span<double> x, Span<double> dx, double slope)
    {
        int n = g.Length;
        if (dg.Length != n) throw new ArgumentException("g and dg must have the same length", nameof(dg));
        if (x.Length < n || dx.Length < n) throw new ArgumentException("x and dx must be at least as long as g", nameof(x));
        if (slope == 0 || !double.IsFinite(slope)) throw new ArgumentOutOfRangeException(nameof(slope), slope, "slope must be finite and nonzero (use AngleStep for ReLU).");
        ref double gr = ref MemoryMarshal.GetReference(g);
        ref double dgr = ref MemoryMarshal.GetReference(dg);
        ref double xr = ref MemoryMarshal.GetReference(x);
        ref double dxr = ref MemoryMarshal.GetReference(dx);

        var zero = Vector256<double>.Zero;
        var one = Vector256.Create(1.0);
        var vs = Vector256.Create(slope);
        Vector256<double> va = zero, vb = zero, vp = zero;
        int i = 0;
        for (; i + 4 <= n; i += 4)
        {
            var gv = Vector256.LoadUnsafe(ref gr, (nuint)i);
            var dgv = Vector256.LoadUnsafe(ref dgr, (nuint)i);
            var gh = gv + dgv;
            var posAlpha = Vector256.GreaterThanOrEqual(gv, zero);
            var posBeta = Vector256.GreaterThanOrEqual(gh, zero);
            var xv = Vector256.ConditionalSelect(posAlpha, gv, vs * gv);
            var yv = Vector256.ConditionalSelect(posBeta, gh, vs * gh);
            var same = ~(posAlpha ^ posBeta);
            var dxv = Vector256.ConditionalSelect(same, Vector256.ConditionalSelect(posAlpha, one, vs) * dgv, yv - xv);
            xv.StoreUnsafe(ref xr, (nuint)i);
            dxv.StoreUnsafe(ref dxr, (nuint)i);
            va += xv * xv;
            vb += yv * yv;
            vp += xv * dxv;
        }
        double a = AngleStep.HorizontalSum(va), b = AngleStep.HorizontalSum(vb), p = AngleStep.HorizontalSum(vp);
        for (; i < n; i++)
        {
            double gi = g[i], ghi = gi + dg[i];
            bool ai = gi >= 0, bi = ghi >= 0;
            double xi = ai ? gi : slope * gi, yi = bi ? ghi : slope * ghi;
            double dxi = ai == bi ? (ai ? 1.0 : slope) * dg[i] : yi - xi;
            x[i] = xi;
            dx[i] = dxi;
            a += xi * xi;
            b += yi * yi;
            p += xi * dxi;
        }
        if (n == 1) return new AngleStepResult(0, 1, 1, 1, 1);
        if (!(a > 0) || !(b > 0)) return new AngleStepResult(0, 1, 0, 0, n); // g or ĝ exactly zero

        double sin2 = Math.Min(1.0, AngleStep.Residual(x, dx, n, -p / a) / b);
        if (sin2 < ParallelCheckBelow && ExactlyParallel(g, dg, x, slope)) return new AngleStepResult(0, 1, n, n, n);
        // φ_s can change sign for s > 0, so cos θ′ ∈ [−1, 1].
        double cos = Math.Clamp((a + p) / Math.Sqrt(a * b), -1.0, 1.0);
        return new AngleStepResult(sin2, sin2 > 0 ? cos : 1.0, n, n, n);
    }

    /// <summary>True iff X_i·Y_k = X_k·Y_i exactly for every i (k the index of the largest |X_k|), with Y recomputed
    /// exactly as in the main loop; products compared as exact double-double pairs (FMA).</summary>
    private static bool ExactlyParallel(ReadOnlySpan<double> g, ReadOnlySpan<double> dg, ReadOnlySpan<double> x, double slope)
    {
        int n = g.Length, k = 0;
        for (int i = 1; i < n; i++) if (Math.Abs(x[i]) > Math.Abs(x[k])) k = i;
        double hk = g[k] + dg[k];
        double xk = x[k], yk = hk >= 0 ? hk : slope * hk;
        for (int i = 0; i < n; i++)
        {
            double h = g[i] + dg[i], yi = h >= 0 ? h : slope * h;
            double p1 = x[i] * yk, e1 = Math.FusedMultiplyAdd(x[i], yk, -p1);
            double p2 = xk * yi, e2 = Math.FusedMultiplyAdd(xk, yi, -p2);
            if (p1 != p2 || e1 != e2) return false;
        }
        return true;
    }
}
