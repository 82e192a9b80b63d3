using System.Numerics;
using Degeneracy.Symbolic;

namespace Degeneracy.JFunctions;

/// <summary>
/// Exact Taylor coefficients of F(±cos t) and sin t·F(±cos t) for a rational polynomial F, through its cosine (Fourier)
/// expansion instead of composing power series. With cos^i t = 2^{−i} Σ_m C(i, m) cos((i − 2m)t),
/// F(σ cos t) = Σ_ω A_ω cos(ωt), so the coefficient of t^{2k} is (−1)^k/(2k)! · Σ_ω A_ω ω^{2k}; and
/// sin t cos ωt = ½[sin((ω+1)t) − sin((ω−1)t)] gives t^{2k+1} coefficients (−1)^k/(2k+1)! · ½Σ_ω A_ω[(ω+1)^{2k+1} − (ω−1)^{2k+1}].
/// All sums are over integers with one common denominator: O(deg F · order) big-integer products, where composing
/// series costs O(deg F · order²) rational products.
/// </summary>
internal static class CosineExpansion
{
    /// <summary>A_ω·D for ω = 0 … deg F, with the common denominator D (F(σ cos t) = Σ_ω A_ω cos ωt).</summary>
    private static (BigInteger[] Numerators, BigInteger Denominator) Amplitudes(RationalPolynomial f, int sign)
    {
        int d = f.Degree;
        var den = BigInteger.One;
        foreach (var x in f.Coefficients) if (!x.IsZero) den = Lcm(den, x.Denominator);
        den <<= Math.Max(d, 0); // 2^{−i} for i ≤ d
        var a = new BigInteger[Math.Max(d + 1, 0)];
        for (int i = 0; i <= d; i++)
        {
            var fi = f[i];
            if (fi.IsZero) continue;
            // f_i σ^i 2^{−i} as an integer over den.
            var scaled = fi.Numerator * (den / fi.Denominator >> i);
            if (sign < 0 && i % 2 == 1) scaled = -scaled;
            var binomial = BigInteger.One; // C(i, m), m = 0 … i
            for (int m = 0; m <= i; m++)
            {
                int omega = Math.Abs(i - 2 * m);
                a[omega] += scaled * binomial; // cos(−x) = cos x: ω and −ω fold onto |ω|
                binomial = binomial * (i - m) / (m + 1);
            }
        }
        return (a, den);
    }

    private static BigInteger Lcm(BigInteger x, BigInteger y) => x / BigInteger.GreatestCommonDivisor(x, y) * y;

    /// <summary>Coefficients of t^0 … t^order of F(σ cos t), σ = ±1.</summary>
    public static Rational[] Compose(RationalPolynomial f, int sign, int order)
    {
        var r = new Rational[order + 1];
        if (f.IsZero) return r;
        var (a, den) = Amplitudes(f, sign);
        var power = new BigInteger[a.Length]; // ω^n, advanced by ω² per even order
        for (int w = 0; w < a.Length; w++) power[w] = BigInteger.One;
        var factorial = BigInteger.One; // n!
        for (int n = 0; n <= order; n++)
        {
            if (n > 0) factorial *= n;
            if (n % 2 == 1) continue;
            var sum = BigInteger.Zero;
            for (int w = 0; w < a.Length; w++)
            {
                if (!a[w].IsZero) sum += a[w] * power[w];
                power[w] *= w * w;
            }
            if (n % 4 == 2) sum = -sum;
            r[n] = new Rational(sum, den * factorial);
        }
        return r;
    }

    /// <summary>Coefficients of t^0 … t^order of sin t·F(σ cos t), σ = ±1.</summary>
    public static Rational[] SinTimesCompose(RationalPolynomial f, int sign, int order)
    {
        var r = new Rational[order + 1];
        if (f.IsZero) return r;
        var (a, den) = Amplitudes(f, sign);
        // ½[(ω+1)^n − (ω−1)^n] for odd n; powers of ω + 1 and ω − 1 advanced by their squares.
        var up = new BigInteger[a.Length]; var down = new BigInteger[a.Length];
        for (int w = 0; w < a.Length; w++) { up[w] = w + 1; down[w] = w - 1; }
        var factorial = BigInteger.One;
        for (int n = 0; n <= order; n++)
        {
            if (n > 0) factorial *= n;
            if (n % 2 == 0) continue;
            var sum = BigInteger.Zero;
            for (int w = 0; w < a.Length; w++)
            {
                if (!a[w].IsZero) sum += a[w] * (up[w] - down[w]);
                up[w] *= (w + 1) * (w + 1);
                down[w] *= (w - 1) * (w - 1);
            }
            if (n % 4 == 3) sum = -sum;
            r[n] = new Rational(sum, 2 * den * factorial);
        }
        return r;
    }
}
