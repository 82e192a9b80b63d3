using System.Globalization;
using System.Numerics;
using Degeneracy.Symbolic;
using Degeneracy.TestSupport.Properties;
using FsCheck;
using FsCheck.Fluent;

namespace Degeneracy.Symbolic.Tests;

/// <summary>Field laws and conversions of <see cref="Rational"/>, on operands that occasionally span several limbs.</summary>
public class RationalTests
{
    private static readonly Gen<Rational> Q = Generators.Rationals;

    private static Arbitrary<(Rational A, Rational B, Rational C)> Triples() =>
        (from a in Q from b in Q from c in Q select (a, b, c)).ToArbitrary();

    [Fact]
    public void Addition_IsAssociative() =>
        PropertyCheck.Run(Prop.ForAll(Triples(), t => (t.A + t.B) + t.C == t.A + (t.B + t.C)), 300);

    [Fact]
    public void Multiplication_DistributesOverAddition() =>
        PropertyCheck.Run(Prop.ForAll(Triples(), t => t.A * (t.B + t.C) == t.A * t.B + t.A * t.C), 300);

    [Fact]
    public void Reciprocal_TimesSelf_IsOne() =>
        PropertyCheck.Run(Prop.ForAll(Generators.NonZeroRationals.ToArbitrary(), x => x * x.Reciprocal() == Rational.One), 300);

    [Fact]
    public void Canonical_EqualFractionsAreIdentical() =>
        PropertyCheck.Run(Prop.ForAll((from p in Generators.BigIntegers from q in Generators.NonZeroBigIntegers
                                       from m in Generators.NonZeroBigIntegers select (p, q, m)).ToArbitrary(), t =>
        {
            var x = new Rational(t.p * t.m, t.q * t.m);
            var y = new Rational(t.p, t.q);
            return x.Equals(y) && x.GetHashCode() == y.GetHashCode()
                   && BigInteger.GreatestCommonDivisor(x.Numerator, x.Denominator) <= 1 && x.Denominator.Sign > 0;
        }), 300);

    [Fact]
    public void TextForm_RoundTrips() =>
        PropertyCheck.Run(Prop.ForAll(Q.ToArbitrary(), x => Rational.Parse(x.ToString()) == x), 300);

    [Fact]
    public void ToDouble_OfExactDouble_IsIdentity() =>
        PropertyCheck.Run(Prop.ForAll<double>(x => !double.IsFinite(x) || Rational.FromDouble(x).ToDouble() == x), 500);

    [Fact]
    public void ToDouble_MatchesIeeeDivision_ForSmallIntegers() =>
        PropertyCheck.Run(Prop.ForAll<int, int>((p, q) => q == 0 || new Rational(p, q).ToDouble() == (double)p / q), 500); // both correctly rounded

    [Fact]
    public void ToDouble_OverPowerOfTwo_IsTheScaledCorrectlyRoundedNumerator() =>
        // Reference: .NET's correctly rounded decimal parser applied to p's digits, then scaled by 2^-k (exact while the
        // result stays normal: |p| < 2^320, k ≤ 300). (The explicit BigInteger → double conversion truncates, so it is no reference.)
        PropertyCheck.Run(Prop.ForAll((from p in Generators.BigIntegers from k in Gen.Choose(0, 300) select (p, k)).ToArbitrary(),
            t => new Rational(t.p, BigInteger.Pow(2, t.k)).ToDouble()
                 == Math.ScaleB(double.Parse(t.p.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture), -t.k)), 300);

    [Fact]
    public void AddAndMultiply_AgreeWithNaiveCrossProductForm() =>
        // Reference: the textbook (ad + bc)/bd and ac/bd, canonicalised by the public constructor (a different path
        // from the cross-gcd fast paths of + and ×). Denominators share a factor s to exercise gcd > 1.
        PropertyCheck.Run(Prop.ForAll((from a in Q from c in Q from s in Generators.NonZeroBigIntegers select (a, c, s)).ToArbitrary(), t =>
        {
            var x = new Rational(t.a.Numerator, t.a.Denominator * t.s);
            var y = new Rational(t.c.Numerator, t.c.Denominator * t.s);
            var sum = new Rational(x.Numerator * y.Denominator + y.Numerator * x.Denominator, x.Denominator * y.Denominator);
            var prod = new Rational(x.Numerator * y.Numerator, x.Denominator * y.Denominator);
            return x + y == sum && x * y == prod && (x + y).Denominator.Sign > 0
                   && BigInteger.GreatestCommonDivisor((x * y).Numerator, (x * y).Denominator) <= 1;
        }), 500);

    [Fact]
    public void Generators_ReachMultiLimbOperands()
    {
        // The shared generator must produce operands beyond one 64-bit limb, and beyond 2^200, now and then.
        var sample = Gen.Sample(Generators.Rationals, 50, new Rnd(2024, 0x9E3779B97F4A7C15), 2000);
        Assert.Contains(sample, x => BigInteger.Abs(x.Numerator) > BigInteger.Pow(2, 64) || x.Denominator > BigInteger.Pow(2, 64));
        Assert.Contains(sample, x => BigInteger.Abs(x.Numerator) >= BigInteger.Pow(2, 200) || x.Denominator >= BigInteger.Pow(2, 200));
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
