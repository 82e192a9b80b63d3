using System.Numerics;
using Degeneracy.Symbolic;

namespace Degeneracy.TestSupport.HighPrecision;

/// <summary>
/// A binary fixed-point number x = <see cref="Scaled"/>·2^−<see cref="Bits"/> on <see cref="BigInteger"/>: the working
/// type of high-precision references that must not share a code path with the double evaluators. Every operation
/// rounds to the nearest multiple of 2^−Bits (error ≤ ½ unit), so the absolute error of a computation is a few units
/// per operation; operands must carry the same <see cref="Bits"/>. π comes from <see cref="HighPrecisionPi"/> and is
/// therefore exact only to 2^−380 whatever the precision; callers that need more must account for it.
/// </summary>
public readonly record struct FixedPoint(BigInteger Scaled, int Bits)
{
    /// <summary>0 at the given precision.</summary>
    public static FixedPoint Zero(int bits) => new(BigInteger.Zero, bits);

    /// <summary>1 at the given precision.</summary>
    public static FixedPoint One(int bits) => new(BigInteger.One << bits, bits);

    /// <summary>q rounded to the nearest multiple of 2^−bits.</summary>
    public static FixedPoint FromRational(Rational q, int bits)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bits);
        return new(RoundDiv(q.Numerator << bits, q.Denominator), bits);
    }

    /// <summary>The double x (exactly, when its last bit is at or above 2^−bits; rounded otherwise).</summary>
    public static FixedPoint FromDouble(double x, int bits) => FromRational(Rational.FromDouble(x), bits);

    /// <summary>π from <see cref="HighPrecisionPi"/>, rounded (bits &lt; 384) or zero-extended (bits ≥ 384): within 2^−380 of π.</summary>
    public static FixedPoint Pi(int bits)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bits);
        int shift = bits - HighPrecisionPi.Bits;
        return new(shift >= 0 ? HighPrecisionPi.Scaled << shift : RoundShiftRight(HighPrecisionPi.Scaled, -shift), bits);
    }

    /// <summary>Σ q_k π^k at the given precision (π as in <see cref="Pi"/>).</summary>
    public static FixedPoint FromPiLaurent(PiLaurent x, int bits)
    {
        var sum = Zero(bits);
        var pi = Pi(bits);
        foreach (var (k, q) in x.Terms)
        {
            var piK = One(bits);
            for (int i = 0; i < Math.Abs(k); i++) piK = k > 0 ? piK * pi : piK / pi;
            sum += FromRational(q, bits) * piK;
        }
        return sum;
    }

    public static FixedPoint operator +(FixedPoint x, FixedPoint y) => new(x.Scaled + y.Scaled, Same(x, y));
    public static FixedPoint operator -(FixedPoint x, FixedPoint y) => new(x.Scaled - y.Scaled, Same(x, y));
    public static FixedPoint operator -(FixedPoint x) => new(-x.Scaled, x.Bits);
    public static FixedPoint operator *(FixedPoint x, FixedPoint y) => new(RoundShiftRight(x.Scaled * y.Scaled, Same(x, y)), x.Bits);

    /// <summary>x/y rounded; y ≠ 0.</summary>
    public static FixedPoint operator /(FixedPoint x, FixedPoint y)
    {
        if (y.Scaled.IsZero) throw new DivideByZeroException("Fixed-point division by zero.");
        return new(RoundDiv(x.Scaled << Same(x, y), y.Scaled), x.Bits);
    }

    /// <summary>x·q for an exact rational q (one rounding).</summary>
    public FixedPoint Times(Rational q) => new(RoundDiv(Scaled * q.Numerator, q.Denominator), Bits);

    /// <summary>√x for x ≥ 0, rounded down (integer Newton iteration on Scaled·2^Bits).</summary>
    public FixedPoint Sqrt()
    {
        if (Scaled.Sign < 0) throw new ArgumentOutOfRangeException(nameof(Scaled), "Square root of a negative number.");
        return new(ISqrt(Scaled << Bits), Bits);
    }

    /// <summary>cos x by its Taylor series, for |x| ≤ 4 (terms are summed until they vanish at this precision).</summary>
    public FixedPoint Cos() => Taylor(this, start: 0);

    /// <summary>sin x by its Taylor series, for |x| ≤ 4.</summary>
    public FixedPoint Sin() => Taylor(this, start: 1);

    private static FixedPoint Taylor(FixedPoint x, int start)
    {
        if (BigInteger.Abs(x.Scaled) > (BigInteger)4 << x.Bits)
            throw new ArgumentOutOfRangeException(nameof(x), "Reduce the argument to |x| ≤ 4 first.");
        var x2 = x * x;
        var term = start == 0 ? One(x.Bits) : x;
        var sum = term;
        for (int k = start + 2; !term.Scaled.IsZero; k += 2)
        {
            term = -(term * x2).Times(new Rational(1, (long)k * (k - 1)));
            sum += term;
        }
        return sum;
    }

    /// <summary>The exact rational value Scaled/2^Bits.</summary>
    public Rational ToRational() => new(Scaled, BigInteger.One << Bits);

    /// <summary>The double nearest to the value.</summary>
    public double ToDouble() => Rational.RoundToDouble(Scaled, BigInteger.One << Bits);

    public override string ToString() => ToDouble().ToString("R", System.Globalization.CultureInfo.InvariantCulture) + $" ({Bits} bits)";

    private static int Same(FixedPoint x, FixedPoint y) =>
        x.Bits == y.Bits ? x.Bits : throw new ArgumentException($"Fixed-point precisions differ: {x.Bits} vs {y.Bits} bits.", nameof(y));

    /// <summary>n/d rounded to nearest (ties away from zero), d &gt; 0.</summary>
    private static BigInteger RoundDiv(BigInteger n, BigInteger d)
    {
        if (d.Sign < 0) { n = -n; d = -d; }
        var q = BigInteger.DivRem(n, d, out var r);
        if (2 * BigInteger.Abs(r) >= d) q += n.Sign;
        return q;
    }

    private static BigInteger RoundShiftRight(BigInteger n, int shift) =>
        shift <= 0 ? n << -shift : RoundDiv(n, BigInteger.One << shift);

    private static BigInteger ISqrt(BigInteger n)
    {
        if (n.IsZero) return n;
        var x = BigInteger.One << (int)((n.GetBitLength() + 1) / 2);
        while (true)
        {
            var y = (x + n / x) >> 1;
            if (y >= x) return x;
            x = y;
        }
    }
}
