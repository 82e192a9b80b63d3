using Degeneracy.Symbolic;

namespace Degeneracy.JFunctions;

/// <summary>A polynomial in (c, s) = (cos θ, sin θ) reduced modulo s² = 1 − c² to the canonical form P(c) + s·Q(c).</summary>
internal sealed record TrigPolynomial(RationalPolynomial P, RationalPolynomial Q)
{
    public static readonly TrigPolynomial Zero = new(RationalPolynomial.Zero, RationalPolynomial.Zero);
    public static readonly TrigPolynomial One = new(RationalPolynomial.One, RationalPolynomial.Zero);
    public static readonly TrigPolynomial C = new(RationalPolynomial.X, RationalPolynomial.Zero);
    public static readonly TrigPolynomial S = new(RationalPolynomial.Zero, RationalPolynomial.One);
    private static readonly RationalPolynomial OneMinusC2 = RationalPolynomial.One - RationalPolynomial.X * RationalPolynomial.X;

    public static TrigPolynomial operator +(TrigPolynomial a, TrigPolynomial b) => new(a.P + b.P, a.Q + b.Q);
    public static TrigPolynomial operator -(TrigPolynomial a, TrigPolynomial b) => new(a.P - b.P, a.Q - b.Q);
    public static TrigPolynomial operator *(Rational k, TrigPolynomial a) => new(k * a.P, k * a.Q);
    public static TrigPolynomial operator *(TrigPolynomial a, TrigPolynomial b) =>
        new(a.P * b.P + OneMinusC2 * a.Q * b.Q, a.P * b.Q + a.Q * b.P);

    /// <summary>s·(P + sQ) = (1 − c²)Q + s·P: one multiplication by sin θ, O(degree).</summary>
    public TrigPolynomial TimesS() => new(OneMinusC2 * Q, P);

    /// <summary>c^j·(P + sQ).</summary>
    public TrigPolynomial TimesCPower(int j)
    {
        if (j == 0) return this;
        var monomial = RationalPolynomial.Monomial(Rational.One, j);
        return new(monomial * P, monomial * Q);
    }

    /// <summary>s^u·c^v in canonical form, from (1 − c²)^⌊u/2⌋ expanded by the binomial theorem (no products).</summary>
    public static TrigPolynomial SinCosPower(int u, int v)
    {
        int m = u / 2;
        var c = new Rational[2 * m + v + 1];
        var binomial = System.Numerics.BigInteger.One;
        for (int k = 0; k <= m; k++)
        {
            c[2 * k + v] = new Rational(k % 2 == 0 ? binomial : -binomial, 1);
            binomial = binomial * (m - k) / (k + 1);
        }
        var poly = new RationalPolynomial(c);
        return u % 2 == 0 ? new(poly, RationalPolynomial.Zero) : new(RationalPolynomial.Zero, poly);
    }

    public TrigPolynomial Pow(int k)
    {
        var r = One;
        for (int i = 0; i < k; i++) r *= this;
        return r;
    }
}
