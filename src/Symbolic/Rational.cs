using System.Globalization;
using System.Numerics;

namespace Degeneracy.Symbolic;

/// <summary>
/// An exact rational number p/q on <see cref="BigInteger"/>, always in canonical form (q &gt; 0, gcd(p, q) = 1).
/// A small immutable struct of our own rather than the <c>Fractions</c> package: the series engine spends most of its
/// time in +, × and canonicalisation of small fractions, which here use Knuth's cross-gcd forms (the results of
/// + and × need no final gcd of the full products). bench/RationalBenchmarks measures both side by side
/// (docs/BENCHMARKS.md); we keep our own type for its exact correctly-rounded <see cref="ToDouble"/>, the
/// canonical text form the parser reads back, and no dependency in the algebra core.
/// </summary>
public readonly struct Rational : IEquatable<Rational>, IComparable<Rational>
{
    private readonly BigInteger _num;
    private readonly BigInteger _den; // 0 only in default(Rational), which means 0/1

    /// <summary>The numerator (sign carrier).</summary>
    public BigInteger Numerator => _num;
    /// <summary>The denominator (≥ 1, coprime to the numerator).</summary>
    public BigInteger Denominator => _den.IsZero ? BigInteger.One : _den;

    /// <summary>0.</summary>
    public static readonly Rational Zero = new(BigInteger.Zero, BigInteger.One, canonical: true);
    /// <summary>1.</summary>
    public static readonly Rational One = new(BigInteger.One, BigInteger.One, canonical: true);
    /// <summary>−1.</summary>
    public static readonly Rational MinusOne = new(BigInteger.MinusOne, BigInteger.One, canonical: true);
    /// <summary>1/2.</summary>
    public static readonly Rational Half = new(BigInteger.One, 2, canonical: true);

    private Rational(BigInteger num, BigInteger den, bool canonical)
    {
        _num = num;
        _den = den;
    }

    /// <summary>Creates num/den in canonical form; den must be non-zero.</summary>
    public Rational(BigInteger num, BigInteger den)
    {
        if (den.IsZero) throw new DivideByZeroException("Rational denominator is zero.");
        if (den.Sign < 0) { num = -num; den = -den; }
        var g = BigInteger.GreatestCommonDivisor(num, den);
        if (!g.IsOne && !g.IsZero) { num /= g; den /= g; }
        if (num.IsZero) den = BigInteger.One;
        _num = num;
        _den = den;
    }

    /// <summary>The integer n.</summary>
    public static Rational FromInteger(BigInteger n) => new(n, BigInteger.One, canonical: true);
    /// <summary>Exact conversion.</summary>
    public static implicit operator Rational(int n) => FromInteger(n);
    /// <summary>Exact conversion.</summary>
    public static implicit operator Rational(long n) => FromInteger(n);
    /// <summary>Exact conversion.</summary>
    public static implicit operator Rational(BigInteger n) => FromInteger(n);

    /// <summary>True for 0.</summary>
    public bool IsZero => _num.IsZero;
    /// <summary>True for 1.</summary>
    public bool IsOne => _num.IsOne && (_den.IsOne || _den.IsZero);
    /// <summary>True when the denominator is 1.</summary>
    public bool IsInteger => _den.IsOne || _den.IsZero;
    /// <summary>−1, 0 or 1.</summary>
    public int Sign => _num.Sign;

    /// <summary>The sum.</summary>
    public static Rational operator +(Rational a, Rational b)
    {
        if (a.IsZero) return b;
        if (b.IsZero) return a;
        BigInteger ad = a.Denominator, bd = b.Denominator;
        if (ad.IsOne && bd.IsOne) return new Rational(a._num + b._num, BigInteger.One, canonical: true);
        // Knuth 4.5.1: with g = gcd(ad, bd), t = an·(bd/g) + bn·(ad/g), g2 = gcd(t, g): (t/g2)/((ad/g)·(bd/g2)).
        var g = BigInteger.GreatestCommonDivisor(ad, bd);
        if (g.IsOne) return new Rational(a._num * bd + b._num * ad, ad * bd, canonical: true);
        var adg = ad / g;
        var t = a._num * (bd / g) + b._num * adg;
        if (t.IsZero) return Zero;
        var g2 = BigInteger.GreatestCommonDivisor(t, g);
        return g2.IsOne ? new Rational(t, adg * bd, canonical: true) : new Rational(t / g2, adg * (bd / g2), canonical: true);
    }

    /// <summary>The negation.</summary>
    public static Rational operator -(Rational a) => new(-a._num, a.Denominator, canonical: true);
    /// <summary>The difference.</summary>
    public static Rational operator -(Rational a, Rational b) => a + (-b);

    /// <summary>The product.</summary>
    public static Rational operator *(Rational a, Rational b)
    {
        if (a.IsZero || b.IsZero) return Zero;
        BigInteger ad = a.Denominator, bd = b.Denominator;
        if (ad.IsOne && bd.IsOne) return new Rational(a._num * b._num, BigInteger.One, canonical: true);
        // Cross-reduce first: the product of reduced factors is then canonical without a final gcd.
        var g1 = bd.IsOne ? BigInteger.One : BigInteger.GreatestCommonDivisor(a._num, bd);
        var g2 = ad.IsOne ? BigInteger.One : BigInteger.GreatestCommonDivisor(b._num, ad);
        var num = (g1.IsOne ? a._num : a._num / g1) * (g2.IsOne ? b._num : b._num / g2);
        var den = (g2.IsOne ? ad : ad / g2) * (g1.IsOne ? bd : bd / g1);
        if (den.Sign < 0) { num = -num; den = -den; }
        return new Rational(num, den, canonical: true);
    }

    /// <summary>The quotient.</summary>
    public static Rational operator /(Rational a, Rational b)
    {
        if (b.IsZero) throw new DivideByZeroException("Division of a rational by zero.");
        return new Rational(a._num * b.Denominator, a.Denominator * b._num);
    }

    /// <summary>1/x; throws <see cref="DivideByZeroException"/> for 0.</summary>
    public Rational Reciprocal() => One / this;

    /// <summary>|q|.</summary>
    public Rational Abs() => Sign < 0 ? -this : this;

    /// <summary>x^k for any integer k (negative k requires x ≠ 0).</summary>
    public Rational Pow(int k)
    {
        if (k < 0) return Reciprocal().Pow(-k);
        return new Rational(BigInteger.Pow(_num, k), BigInteger.Pow(Denominator, k), canonical: true);
    }

    /// <summary>Value equality.</summary>
    public static bool operator ==(Rational a, Rational b) => a.Equals(b);
    /// <summary>Value inequality.</summary>
    public static bool operator !=(Rational a, Rational b) => !a.Equals(b);
    /// <summary>Order comparison.</summary>
    public static bool operator <(Rational a, Rational b) => a.CompareTo(b) < 0;
    /// <summary>Order comparison.</summary>
    public static bool operator >(Rational a, Rational b) => a.CompareTo(b) > 0;
    /// <summary>Order comparison.</summary>
    public static bool operator <=(Rational a, Rational b) => a.CompareTo(b) <= 0;
    /// <summary>Order comparison.</summary>
    public static bool operator >=(Rational a, Rational b) => a.CompareTo(b) >= 0;

    /// <inheritdoc/>
    public bool Equals(Rational other) => _num == other._num && Denominator == other.Denominator;
    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Rational r && Equals(r);
    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_num, Denominator);
    /// <inheritdoc/>
    public int CompareTo(Rational other) => (_num * other.Denominator).CompareTo(other._num * Denominator);


    /// <summary>The double nearest to p/q (round-half-to-even), exact to the last bit for normal results.</summary>
    public double ToDouble() => RoundToDouble(_num, Denominator);

    /// <summary>Correctly rounded p/q for arbitrary big integers (q &gt; 0).</summary>
    public static double RoundToDouble(BigInteger num, BigInteger den)
    {
        if (num.IsZero) return 0.0;
        int sign = num.Sign;
        var n = BigInteger.Abs(num);
        long e = (long)n.GetBitLength() - (long)den.GetBitLength();
        int k = (int)(55 - e);
        BigInteger q, r;
        if (k >= 0) q = BigInteger.DivRem(n << k, den, out r);
        else q = BigInteger.DivRem(n, den << -k, out r);
        int extra = (int)q.GetBitLength() - 53;
        var mask = (BigInteger.One << extra) - 1;
        var low = q & mask;
        var mant = q >> extra;
        var half = BigInteger.One << (extra - 1);
        int cmp = low.CompareTo(half);
        if (cmp > 0 || (cmp == 0 && !r.IsZero) || (cmp == 0 && r.IsZero && !mant.IsEven)) mant += 1;
        double m = (double)mant; // ≤ 2^53: exact
        return sign * Math.ScaleB(m, extra - k);
    }

    /// <summary>Text form: "p" or "p/q".</summary>
    public override string ToString() =>
        IsInteger ? _num.ToString(CultureInfo.InvariantCulture)
                  : _num.ToString(CultureInfo.InvariantCulture) + "/" + Denominator.ToString(CultureInfo.InvariantCulture);

    /// <summary>Parses "p", "-p", "p/q".</summary>
    public static Rational Parse(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var parts = s.Trim().Split('/');
        if (parts.Length is < 1 or > 2) throw new FormatException($"'{s}' is not a rational number (expected p or p/q).");
        var p = BigInteger.Parse(parts[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var q = parts.Length == 2 ? BigInteger.Parse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture) : BigInteger.One;
        if (q.IsZero) throw new FormatException($"'{s}' has a zero denominator.");
        return new Rational(p, q);
    }

    /// <summary>Exact conversion of a finite double.</summary>
    public static Rational FromDouble(double x)
    {
        if (!double.IsFinite(x)) throw new ArgumentOutOfRangeException(nameof(x), x, "x must be finite.");
        if (x == 0) return Zero;
        long bits = BitConverter.DoubleToInt64Bits(x);
        bool neg = bits < 0;
        int exp = (int)((bits >> 52) & 0x7FF);
        long mant = bits & 0xFFFFFFFFFFFFFL;
        if (exp == 0) exp++; else mant |= 1L << 52;
        exp -= 1075;
        BigInteger m = neg ? -mant : mant;
        return exp >= 0 ? new Rational(m << exp, BigInteger.One) : new Rational(m, BigInteger.One << -exp);
    }

    /// <summary>n! for n ≥ 0.</summary>
    public static Rational Factorial(int n)
    {
        BigInteger f = BigInteger.One;
        for (int i = 2; i <= n; i++) f *= i;
        return f;
    }

    /// <summary>The binomial coefficient C(n, k) (0 outside 0 ≤ k ≤ n).</summary>
    public static BigInteger Binomial(int n, int k)
    {
        if (k < 0 || k > n) return BigInteger.Zero;
        BigInteger r = BigInteger.One;
        for (int i = 1; i <= k; i++) r = r * (n - k + i) / i;
        return r;
    }
}
