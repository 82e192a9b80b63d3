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

    public TrigPolynomial Pow(int k)
    {
        var r = One;
        for (int i = 0; i < k; i++) r *= this;
        return r;
    }
}
