using Degeneracy.Symbolic;

namespace Degeneracy.Series.Algebra;

/// <summary>
/// Elementary functions of truncated series by composition with exact power series: exp, ln(1 + u), (1 + u)^q for
/// rational q, sin, cos, arcsin. Arguments must be "small" (no constant term, no negative powers that do not shrink):
/// the truncation of the result follows from the argument's, as everywhere else.
/// </summary>
public static class SeriesFunctions
{
    /// <summary>Coefficient of u^m in e^u: 1/m!.</summary>
    public static Rational ExpCoefficient(int m) => Rational.One / Rational.Factorial(m);
    /// <summary>Coefficient of u^m in ln(1 + u): (−1)^{m+1}/m (0 for m = 0).</summary>
    public static Rational Log1pCoefficient(int m) => m == 0 ? Rational.Zero : new Rational(m % 2 == 1 ? 1 : -1, m);
    /// <summary>Coefficient of u^m in sin u.</summary>
    public static Rational SinCoefficient(int m) => m % 2 == 1 ? (m / 2 % 2 == 0 ? Rational.One : Rational.MinusOne) / Rational.Factorial(m) : Rational.Zero;
    /// <summary>Coefficient of u^m in cos u.</summary>
    public static Rational CosCoefficient(int m) => m % 2 == 0 ? (m / 2 % 2 == 0 ? Rational.One : Rational.MinusOne) / Rational.Factorial(m) : Rational.Zero;

    /// <summary>Coefficient of u^m in (1 + u)^q: the generalised binomial C(q, m).</summary>
    public static Func<int, Rational> BinomialCoefficients(Rational q) => m =>
    {
        Rational r = Rational.One;
        for (int i = 0; i < m; i++) r *= (q - i) / (i + 1);
        return r;
    };

    /// <summary>Coefficient of u^m in arcsin u: (2k)!/(4^k (k!)² (2k+1)) for m = 2k + 1.</summary>
    public static Rational ArcsinCoefficient(int m)
    {
        if (m % 2 == 0) return Rational.Zero;
        int k = (m - 1) / 2;
        return Rational.Factorial(2 * k) / (Rational.FromInteger(System.Numerics.BigInteger.Pow(4, k)) * Rational.Factorial(k).Pow(2) * (2 * k + 1));
    }

    /// <summary>e^u for u with valuation ≥ 1.</summary>
    public static ThetaSeries Exp(this ThetaSeries u) => u.ComposeInto(ExpCoefficient);
    /// <summary>
    /// ln(1 + u) for u with valuation ≥ 1, as ∫ u′/(1 + u) dθ (one inverse and one product instead of the N powers of
    /// the composition Σ (−1)^{m+1}u^m/m; same value and precision N).
    /// </summary>
    public static ThetaSeries Log1p(this ThetaSeries u)
    {
        if (u.IsZero || u.Precision >= ThetaSeries.Exact) return u.ComposeInto(Log1pCoefficient);
        if (u.Valuation < 1) throw new ArgumentException("composition needs a series without constant or negative-power terms.", "inner");
        var quotient = Derivative(u) * (ThetaSeries.One + u).Inverse();
        return Integral(quotient);
    }

    /// <summary>dx/dθ of a power series known modulo θ^N (known modulo θ^{N−1}).</summary>
    public static ThetaSeries Derivative(ThetaSeries x)
    {
        if (x.Precision >= ThetaSeries.Exact) throw new ArgumentException("the derivative is taken of truncated series only.", nameof(x));
        if (!x.IsZero && x.Valuation < 0) throw new ArgumentException("the derivative is taken of power series only.", nameof(x));
        int v = Math.Max(x.Valuation, 1);
        return ThetaSeries.FromCoefficients(v - 1, Enumerable.Range(v, Math.Max(0, x.Precision - v)).Select(j => x[j] * Rational.FromInteger(j)), x.Precision - 1);
    }

    /// <summary>∫₀^θ x for a power series x known modulo θ^N (known modulo θ^{N+1}, no constant term).</summary>
    public static ThetaSeries Integral(ThetaSeries x)
    {
        if (x.Precision >= ThetaSeries.Exact) throw new ArgumentException("the integral is taken of truncated series only.", nameof(x));
        if (!x.IsZero && x.Valuation < 0) throw new ArgumentException("the integral is taken of power series only.", nameof(x));
        int v = Math.Max(x.Valuation, 0);
        return ThetaSeries.FromCoefficients(v + 1, Enumerable.Range(v, Math.Max(0, x.Precision - v)).Select(j => x[j] * new Rational(1, j + 1)), x.Precision + 1);
    }
    /// <summary>(1 + u)^q for u with valuation ≥ 1, q rational.</summary>
    public static ThetaSeries OnePlusPower(this ThetaSeries u, Rational q) => u.ComposeInto(BinomialCoefficients(q));
    /// <summary>sin u for u with valuation ≥ 1.</summary>
    public static ThetaSeries Sin(this ThetaSeries u) => u.ComposeInto(SinCoefficient);
    /// <summary>cos u for u with valuation ≥ 1.</summary>
    public static ThetaSeries Cos(this ThetaSeries u) => u.ComposeInto(CosCoefficient);
    /// <summary>arcsin u for u with valuation ≥ 1.</summary>
    public static ThetaSeries Arcsin(this ThetaSeries u) => u.ComposeInto(ArcsinCoefficient);

    /// <summary>e^u for a small bivariate u.</summary>
    public static BivariateSeries Exp(this BivariateSeries u) => u.ComposeInto(ExpCoefficient);
    /// <summary>
    /// ln(1 + u) for a small bivariate u (EpsValuation ≥ 0, ε⁰ part of θ-valuation ≥ 1), as
    /// ln(1 + u(θ, 0)) + ∫₀^ε ∂_ε u/(1 + u) dε: one bivariate inverse and one product instead of the many powers of the
    /// composition Σ (−1)^{m+1}u^m/m (same values; arguments known beyond ε^256 still go through the composition).
    /// </summary>
    public static BivariateSeries Log1p(this BivariateSeries u)
    {
        int n = u.EpsPrecision;
        // (A u that is zero to its precision goes this way too: the composition would stop at u¹ and miss that u²
        // can know fewer θ-orders than u when the 1/n terms carry negative powers of θ.)
        if (n > 256) return u.ComposeInto(Log1pCoefficient);
        if (u.EpsValuation < 0) throw new ArgumentException("composition needs a series without negative powers of 1/n.", "inner");
        var u0 = u[0];
        if (!u0.IsZero && u0.Valuation < 1) throw new ArgumentException("composition needs a series without a constant term.", "inner");
        var inverse = (BivariateSeries.Constant(ThetaSeries.One, ThetaSeries.Exact) + u).Inverse();
        var du = BivariateSeries.FromComponents(0, Enumerable.Range(1, n - 1).Select(k => u[k] * (PiLaurent)k).ToArray(), n - 1);
        var quotient = du * inverse;
        var c = new ThetaSeries[n];
        c[0] = u0.Log1p();
        for (int k = 1; k < n; k++) c[k] = quotient[k - 1] * (PiLaurent)new Rational(1, k);
        return BivariateSeries.FromComponents(0, c, n);
    }
    /// <summary>(1 + u)^q for a small bivariate u.</summary>
    public static BivariateSeries OnePlusPower(this BivariateSeries u, Rational q) => u.ComposeInto(BinomialCoefficients(q));
    /// <summary>sin u for a small bivariate u.</summary>
    public static BivariateSeries Sin(this BivariateSeries u) => u.ComposeInto(SinCoefficient);
    /// <summary>cos u for a small bivariate u.</summary>
    public static BivariateSeries Cos(this BivariateSeries u) => u.ComposeInto(CosCoefficient);
    /// <summary>arcsin u for a small bivariate u.</summary>
    public static BivariateSeries Arcsin(this BivariateSeries u) => u.ComposeInto(ArcsinCoefficient);

    /// <summary>f(g(θ)) for g with valuation ≥ 1: composition of two truncated series.</summary>
    public static ThetaSeries Compose(this ThetaSeries f, ThetaSeries g)
    {
        if (f.Valuation < 0) throw new ArgumentException("the outer series must be a power series (no negative powers).", nameof(f));
        if (!g.IsZero && g.Valuation < 1) throw new ArgumentException("the inner series must vanish at 0.", nameof(g));
        // Horner: f(g) = c0 + g(c1 + g(c2 + …)), with f's truncation turned into O(g^N) = O(θ^{N·v_g}).
        int n = f.Precision;
        var result = ThetaSeries.Zero.Truncate(g.IsZero ? ThetaSeries.Exact : (int)Math.Min(ThetaSeries.Exact, (long)n * g.Valuation));
        int top = Math.Min(n - 1, f.TopExponent);
        if (top > 400) throw new SeriesOrderException("composition with an outer series of more than 400 terms.");
        for (int j = top; j >= 0; j--)
        {
            result = result * g + ThetaSeries.Constant(f[j]);
        }
        // f's truncation costs O(g^N) = O(θ^{N·v_g}) however precisely g is known: the products above track only g's own
        // precision (the starting O(θ^{N·v_g}) gains v_g per step), so cap the claim here. Before, composing a 20-term
        // sine series with a 27-term g claimed θ^26 and got the coefficients of θ^20 … θ^25 wrong.
        if (!g.IsZero && f.Precision < ThetaSeries.Exact)
            result = result.Truncate((int)Math.Min(ThetaSeries.Exact, (long)n * g.Valuation));
        return result;
    }
}
