using System.Numerics;
using Degeneracy.Symbolic;

namespace Degeneracy.JFunctions;

/// <summary>Minimal binary fixed-point arithmetic (value = v / 2^Bits) used to build Taylor coefficients at irrational centres.</summary>
internal static class Fixed
{
    public const int Bits = 224;
    public static readonly BigInteger One = BigInteger.One << Bits;
    public static readonly BigInteger Pi = HighPrecisionPi.Scaled >> (HighPrecisionPi.Bits - Bits);

    public static BigInteger FromRational(Rational q) => (q.Numerator << Bits) / q.Denominator;
    public static BigInteger FromDouble(double x) => FromRational(Rational.FromDouble(x));
    public static BigInteger Mul(BigInteger a, BigInteger b) => (a * b) >> Bits;
    public static double ToDouble(BigInteger v) => Rational.RoundToDouble(v, One);

    /// <summary>cos x and sin x by their Taylor series (|x| ≤ 4).</summary>
    public static (BigInteger Cos, BigInteger Sin) CosSin(BigInteger x)
    {
        BigInteger c = 0, s = 0, term = One; // term = x^k / k!
        for (int k = 0; k < 400 && !term.IsZero; k++)
        {
            switch (k % 4)
            {
                case 0: c += term; break;
                case 1: s += term; break;
                case 2: c -= term; break;
                default: s -= term; break;
            }
            term = Mul(term, x) / (k + 1);
        }
        return (c, s);
    }

    /// <summary>Product of two truncated power series (length n).</summary>
    public static BigInteger[] MulSeries(BigInteger[] a, BigInteger[] b)
    {
        int n = a.Length;
        var r = new BigInteger[n];
        for (int i = 0; i < n; i++)
        {
            if (a[i].IsZero) continue;
            for (int j = 0; i + j < n; j++) r[i + j] += a[i] * b[j];
        }
        for (int i = 0; i < n; i++) r[i] >>= Bits;
        return r;
    }

    /// <summary>p(s(h)) for a rational polynomial p and a fixed-point series s (Horner).</summary>
    public static BigInteger[] Compose(RationalPolynomial p, BigInteger[] s)
    {
        var acc = new BigInteger[s.Length];
        for (int i = p.Degree; i >= 0; i--)
        {
            acc = MulSeries(acc, s);
            acc[0] += FromRational(p[i]);
        }
        return acc;
    }
}

/// <summary>
/// Taylor patches for the middle of [0, π], where both the closed form (π−θ)P(cos θ) + sin θ Q(cos θ) and the series
/// about π cancel for larger a + b. Each patch expands J about a centre θ_c (a double) with coefficients computed in
/// 224-bit fixed point and rounded once; the radius is halved until every patch sums with a condition number ≤ 3.
/// </summary>
internal sealed class MidRangePatches
{
    private readonly double _start, _step;
    private readonly double[] _centres;
    private readonly double[][] _coefficients;

    public double Start => _start;
    public double End => _start + _step * _centres.Length;

    private MidRangePatches(double start, double step, double[] centres, double[][] coefficients)
    {
        _start = start; _step = step; _centres = centres; _coefficients = coefficients;
    }

    /// <summary>Patches over [lo, hi], or null when the interval is empty.</summary>
    public static MidRangePatches? Build(JClosedForm cf, double kappa, double lo, double hi) =>
        Build(cf.P, null, cf.Q, cf.R, kappa, lo, hi, null);

    /// <summary>
    /// Patches over [lo, hi] of κ[(π − θ)P + θ·T + sin θ·Q + R](cos θ) (T may be null), or null when the interval is empty
    /// or no radius works. With <paramref name="scale"/> (a positive magnitude the result must be accurate relative to, for
    /// functions that may change sign) a patch is accepted when its tail is below 1e-18 of the scale at its centre and its
    /// terms sum to at most 3 times the scale at both ends; without it, relative to the value itself (which must be positive).
    /// </summary>
    public static MidRangePatches? Build(RationalPolynomial p, RationalPolynomial? t, RationalPolynomial q, RationalPolynomial r,
        double kappa, double lo, double hi, Func<double, double>? scale)
    {
        if (!(hi > lo)) return null;
        for (double radius = 0.05; radius >= 0.004; radius /= 2)
        {
            int count = (int)Math.Ceiling((hi - lo) / (2 * radius));
            double step = 2 * radius, start = lo;
            var centres = new double[count];
            var coefs = new double[count][];
            bool ok = true;
            for (int i = 0; i < count && ok; i++)
            {
                centres[i] = start + (i + 0.5) * step;
                coefs[i] = Patch(p, t, q, r, kappa, centres[i], radius, scale, out ok);
            }
            if (ok) return new MidRangePatches(start, step, centres, coefs);
        }
        return null; // no radius made the patches well conditioned: keep the closed form there
    }

    private static double[] Patch(RationalPolynomial pPoly, RationalPolynomial? tPoly, RationalPolynomial qPoly, RationalPolynomial rPoly,
        double kappa, double centre, double radius, Func<double, double>? scale, out bool ok)
    {
        const int n = 40;
        var (c0, s0) = Fixed.CosSin(Fixed.FromDouble(centre));
        var cosH = new BigInteger[n]; var sinH = new BigInteger[n];
        var cosR = JSeries.CosSeries(n - 1); var sinR = JSeries.SinSeries(n - 1);
        for (int k = 0; k < n; k++) { cosH[k] = Fixed.FromRational(cosR[k]); sinH[k] = Fixed.FromRational(sinR[k]); }
        var c = new BigInteger[n]; var s = new BigInteger[n];
        for (int k = 0; k < n; k++)
        {
            c[k] = Fixed.Mul(c0, cosH[k]) - Fixed.Mul(s0, sinH[k]);   // cos(θ_c + h)
            s[k] = Fixed.Mul(s0, cosH[k]) + Fixed.Mul(c0, sinH[k]);   // sin(θ_c + h)
        }
        var lin = new BigInteger[n];
        lin[0] = Fixed.Pi - Fixed.FromDouble(centre);
        lin[1] = -Fixed.One;                                            // π − θ_c − h
        var f = Fixed.MulSeries(lin, Fixed.Compose(pPoly, c));
        var g = Fixed.MulSeries(s, Fixed.Compose(qPoly, c));
        var r = Fixed.Compose(rPoly, c);
        if (tPoly is not null)
        {
            var theta = new BigInteger[n];
            theta[0] = Fixed.FromDouble(centre);
            theta[1] = Fixed.One;                                       // θ_c + h
            var tt = Fixed.MulSeries(theta, Fixed.Compose(tPoly, c));
            for (int k = 0; k < n; k++) r[k] += tt[k];
        }
        var coef = new double[n];
        for (int k = 0; k < n; k++) coef[k] = Fixed.ToDouble(f[k] + g[k] + r[k]) * kappa;
        // Terms needed at |h| ≤ radius, and the condition number Σ|c_k||h|^k / |J| at both ends.
        double j0 = scale is null ? Math.Abs(coef[0]) : scale(centre);
        int terms = n;
        for (int m = 1; m <= n; m++)
        {
            double tail = 0;
            for (int k = m; k < n; k++) tail += Math.Abs(coef[k]) * Math.Pow(radius, k);
            if (tail <= 1e-18 * j0) { terms = m; break; }
        }
        ok = terms < n;
        foreach (var h in new[] { -radius, radius })
        {
            double sum = 0, abs = 0;
            for (int k = 0; k < terms; k++) { double t = coef[k] * Math.Pow(h, k); sum += t; abs += Math.Abs(t); }
            if (scale is null ? !(sum > 0) || abs > 3 * sum : !(abs <= 3 * scale(centre + h))) ok = false;
        }
        return coef[..terms];
    }

    /// <summary>True and the value when θ lies in a patch.</summary>
    public bool TryEvaluate(double theta, out double value)
    {
        value = 0;
        double u = (theta - _start) / _step;
        if (!(u >= 0 && u < _centres.Length)) return false;
        int i = (int)u;
        double h = theta - _centres[i];
        var c = _coefficients[i];
        double r = 0;
        for (int k = c.Length - 1; k >= 0; k--) r = r * h + c[k];
        value = r;
        return true;
    }
}
