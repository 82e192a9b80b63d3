using System.Numerics;
using Degeneracy.Symbolic;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Degeneracy.Symbolic.Tests;

public class RationalTests
{
    private static Rational R(long p, long q) => new(p, q == 0 ? 1 : q);

    [Property(MaxTest = 300)]
    public bool Addition_IsAssociative(long a, long b, long c, long d, long e, long f) =>
        (R(a, b) + R(c, d)) + R(e, f) == R(a, b) + (R(c, d) + R(e, f));

    [Property(MaxTest = 300)]
    public bool Multiplication_DistributesOverAddition(long a, long b, long c, long d, long e, long f) =>
        R(a, b) * (R(c, d) + R(e, f)) == R(a, b) * R(c, d) + R(a, b) * R(e, f);

    [Property(MaxTest = 300)]
    public bool Reciprocal_TimesSelf_IsOne(long a, long b) =>
        a == 0 || R(a, b) * R(a, b).Reciprocal() == Rational.One;

    [Property(MaxTest = 300)]
    public bool Canonical_EqualFractionsAreIdentical(long a, long b, int k)
    {
        long m = 1 + Math.Abs((long)k % 1000);
        var x = new Rational(new BigInteger(a) * m, new BigInteger(b == 0 ? 1 : b) * m);
        return x.Equals(R(a, b)) && x.GetHashCode() == R(a, b).GetHashCode() && BigInteger.GreatestCommonDivisor(x.Numerator, x.Denominator) <= 1 && x.Denominator.Sign > 0;
    }

    [Property(MaxTest = 300)]
    public bool TextForm_RoundTrips(long a, long b) => Rational.Parse(R(a, b).ToString()) == R(a, b);

    [Property(MaxTest = 500)]
    public bool ToDouble_OfExactDouble_IsIdentity(double x) =>
        !double.IsFinite(x) || Rational.FromDouble(x).ToDouble() == x;

    [Property(MaxTest = 500)]
    public bool ToDouble_MatchesIeeeDivision_ForSmallIntegers(int p, int q) =>
        q == 0 || new Rational(p, q).ToDouble() == (double)p / q;   // both are correctly rounded

    [Property(MaxTest = 500)]
    public bool AddAndMultiply_AgreeWithNaiveCrossProductForm(long a, long b, long c, long d, int scale)
    {
        // Reference: the textbook (ad + bc)/bd and ac/bd, canonicalised by the public constructor (a different path
        // from the cross-gcd fast paths of + and ×). Denominators share factors via `scale` to exercise gcd > 1.
        long s = 1 + Math.Abs((long)scale % 97);
        BigInteger bb = new BigInteger(b == 0 ? 1 : b) * s, dd = new BigInteger(d == 0 ? 1 : d) * s;
        var x = new Rational(a, bb); var y = new Rational(c, dd);
        var sum = new Rational(x.Numerator * y.Denominator + y.Numerator * x.Denominator, x.Denominator * y.Denominator);
        var prod = new Rational(x.Numerator * y.Numerator, x.Denominator * y.Denominator);
        return x + y == sum && x * y == prod && (x + y).Denominator.Sign > 0 && BigInteger.GreatestCommonDivisor((x * y).Numerator, (x * y).Denominator) <= 1;
    }

    [Fact]
    public void ToDouble_HalfwayCase_RoundsToEven()
    {
        // 2^53 + 1 is a tie between 2^53 and 2^53 + 2: round-half-even gives 2^53.
        var x = new Rational((BigInteger.One << 53) + 1, 1);
        Assert.Equal(9007199254740992.0, x.ToDouble());
        var y = new Rational((BigInteger.One << 53) + 3, 1);
        Assert.Equal(9007199254740996.0, y.ToDouble());
    }

    [Fact]
    public void Constructor_ZeroDenominator_Throws() =>
        Assert.Throws<DivideByZeroException>(() => new Rational(1, 0));
}
