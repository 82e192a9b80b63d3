using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Degeneracy.Verify.MonteCarlo;

/// <summary>
/// The Box–Muller map from two 64-bit random words to a Gaussian pair, built only from correctly rounded
/// +, −, ×, ÷, √ and bit operations so the scalar and 4-lane vector forms agree bit for bit on every machine:
/// r = √(−2 ln u₁) with fdlibm's ln kernel (error &lt; 1 ulp), and the direction (cos φ, sin φ) of a uniform angle
/// φ = α ∈ (0, π/4) mapped by a uniformly chosen symmetry of the square (swap, two sign flips), with fdlibm's
/// sin/cos kernels on [0, π/4] (error &lt; 1 ulp). Polynomial coefficients: fdlibm e_log.c, k_sin.c, k_cos.c
/// (Sun Microsystems, freely redistributable).
/// </summary>
internal static class BoxMuller
{
    private const ulong ExponentOfOne = 0x3FF0000000000000UL, MantissaMask = 0x000FFFFFFFFFFFFFUL;
    private const double OneMinusHalfUlp = 1.0 - 1.0 / (1L << 53);   // 1 − 2⁻⁵³
    private const double OneMinusAngleHalfStep = 1.0 - 1.0 / (1L << 50); // 1 − 2⁻⁵⁰
    private const double Sqrt2 = 1.41421356237309504880, QuarterPi = Math.PI / 4;
    private const double ExponentBias = 4503599627370496.0 + 1023.0; // 2⁵² + 1023
    private const double Ln2Hi = 6.93147180369123816490e-01, Ln2Lo = 1.90821492927058770002e-10;
    private const double Lg1 = 6.666666666666735130e-01, Lg2 = 3.999999999940941908e-01, Lg3 = 2.857142874366239149e-01,
        Lg4 = 2.222219843214978396e-01, Lg5 = 1.818357216161805012e-01, Lg6 = 1.531383769920937332e-01, Lg7 = 1.479819860511658591e-01;
    private const double S1 = -1.66666666666666324348e-01, S2 = 8.33333333332248946124e-03, S3 = -1.98412698298579493134e-04,
        S4 = 2.75573137070700676789e-06, S5 = -2.50507602534068634195e-08, S6 = 1.58969099521155010221e-10;
    private const double C1 = 4.16666666666666019037e-02, C2 = -1.38888888888741095749e-03, C3 = 2.48015872894767294178e-05,
        C4 = -2.75573143513906633035e-07, C5 = 2.08757232129817482790e-09, C6 = -1.13596475577881948265e-11;
    private const ulong SignBit = 0x8000000000000000UL;

    /// <summary>Gaussian pair of the words w₁ (radius: u₁ = (⌊w₁/2¹²⌋ + ½)·2⁻⁵²) and w₂ (direction).</summary>
    public static (double Z1, double Z2) Pair(ulong radiusWord, ulong directionWord)
    {
        double u = BitConverter.Int64BitsToDouble((long)((radiusWord >> 12) | ExponentOfOne)) - OneMinusHalfUlp;
        double r = Math.Sqrt(-2.0 * Log(u));
        // α = (m + ½)·2⁻⁴⁹·π/4 from the 49 bits w₂[12..60]; bits 63, 62, 61 pick swap and the two signs.
        double t = BitConverter.Int64BitsToDouble((long)((((directionWord >> 12) << 3) & MantissaMask) | ExponentOfOne)) - OneMinusAngleHalfStep;
        double alpha = t * QuarterPi;
        double sin = SinKernel(alpha), cos = CosKernel(alpha);
        bool swap = (directionWord & SignBit) != 0;
        double first = swap ? sin : cos, second = swap ? cos : sin;
        first = BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(first) ^ (long)((directionWord << 1) & SignBit));
        second = BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(second) ^ (long)((directionWord << 2) & SignBit));
        return (r * first, r * second);
    }

    /// <summary>Four Gaussian pairs at once; lane-for-lane identical to <see cref="Pair"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Pairs(Vector256<ulong> radiusWord, Vector256<ulong> directionWord, out Vector256<double> z1, out Vector256<double> z2)
    {
        var u = (Vector256.ShiftRightLogical(radiusWord, 12) | Vector256.Create(ExponentOfOne)).AsDouble() - Vector256.Create(OneMinusHalfUlp);
        var r = Vector256.Sqrt(Vector256.Create(-2.0) * Log(u));
        var t = ((Vector256.ShiftLeft(Vector256.ShiftRightLogical(directionWord, 12), 3) & Vector256.Create(MantissaMask))
                 | Vector256.Create(ExponentOfOne)).AsDouble() - Vector256.Create(OneMinusAngleHalfStep);
        var alpha = t * Vector256.Create(QuarterPi);
        var sin = SinKernel(alpha);
        var cos = CosKernel(alpha);
        var swap = Vector256.ShiftRightArithmetic(directionWord.AsInt64(), 63).AsDouble();
        var first = Vector256.ConditionalSelect(swap, sin, cos);
        var second = Vector256.ConditionalSelect(swap, cos, sin);
        var signBit = Vector256.Create(SignBit);
        first ^= (Vector256.ShiftLeft(directionWord, 1) & signBit).AsDouble();
        second ^= (Vector256.ShiftLeft(directionWord, 2) & signBit).AsDouble();
        z1 = r * first;
        z2 = r * second;
    }

    /// <summary>ln u for normal positive u (fdlibm reduction to m ∈ [√½, √2) and its Lg polynomial).</summary>
    public static double Log(double u)
    {
        ulong bits = (ulong)BitConverter.DoubleToInt64Bits(u);
        double k = BitConverter.Int64BitsToDouble((long)((bits >> 52) | 0x4330000000000000UL)) - ExponentBias;
        double m = BitConverter.Int64BitsToDouble((long)((bits & MantissaMask) | ExponentOfOne));
        if (m > Sqrt2) { m *= 0.5; k += 1.0; }
        double f = m - 1.0;
        double hfsq = 0.5 * f * f;
        double s = f / (2.0 + f), z = s * s, w = z * z;
        double t1 = w * (Lg2 + w * (Lg4 + w * Lg6));
        double t2 = z * (Lg1 + w * (Lg3 + w * (Lg5 + w * Lg7)));
        double r = t2 + t1;
        return k * Ln2Hi - ((hfsq - (s * (hfsq + r) + k * Ln2Lo)) - f);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Log(Vector256<double> u)
    {
        var bits = u.AsUInt64();
        var k = (Vector256.ShiftRightLogical(bits, 52) | Vector256.Create(0x4330000000000000UL)).AsDouble() - Vector256.Create(ExponentBias);
        var m = ((bits & Vector256.Create(MantissaMask)) | Vector256.Create(ExponentOfOne)).AsDouble();
        var big = Vector256.GreaterThan(m, Vector256.Create(Sqrt2));
        m = Vector256.ConditionalSelect(big, m * Vector256.Create(0.5), m);
        k += big & Vector256.Create(1.0);
        var f = m - Vector256.Create(1.0);
        var hfsq = Vector256.Create(0.5) * f * f;
        var s = f / (Vector256.Create(2.0) + f);
        var z = s * s;
        var w = z * z;
        var t1 = w * (Vector256.Create(Lg2) + w * (Vector256.Create(Lg4) + w * Vector256.Create(Lg6)));
        var t2 = z * (Vector256.Create(Lg1) + w * (Vector256.Create(Lg3) + w * (Vector256.Create(Lg5) + w * Vector256.Create(Lg7))));
        var r = t2 + t1;
        return k * Vector256.Create(Ln2Hi) - ((hfsq - (s * (hfsq + r) + k * Vector256.Create(Ln2Lo))) - f);
    }

    /// <summary>sin x for |x| ≤ π/4 (fdlibm __kernel_sin with tail 0).</summary>
    public static double SinKernel(double x)
    {
        double z = x * x, v = z * x;
        double r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
        return x + v * (S1 + z * r);
    }

    /// <summary>cos x for |x| ≤ π/4 (fdlibm __kernel_cos with tail 0).</summary>
    public static double CosKernel(double x)
    {
        double z = x * x, w = z * z;
        double r = z * (C1 + z * (C2 + z * C3)) + w * w * (C4 + z * (C5 + z * C6));
        double hz = 0.5 * z;
        w = 1.0 - hz;
        return w + (((1.0 - w) - hz) + z * r);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> SinKernel(Vector256<double> x)
    {
        var z = x * x;
        var v = z * x;
        var r = Vector256.Create(S2) + z * (Vector256.Create(S3) + z * (Vector256.Create(S4) + z * (Vector256.Create(S5) + z * Vector256.Create(S6))));
        return x + v * (Vector256.Create(S1) + z * r);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> CosKernel(Vector256<double> x)
    {
        var z = x * x;
        var w = z * z;
        var r = z * (Vector256.Create(C1) + z * (Vector256.Create(C2) + z * Vector256.Create(C3)))
                + w * w * (Vector256.Create(C4) + z * (Vector256.Create(C5) + z * Vector256.Create(C6)));
        var hz = Vector256.Create(0.5) * z;
        var one = Vector256.Create(1.0);
        w = one - hz;
        return w + (((one - w) - hz) + z * r);
    }
}
