using Degeneracy.TestSupport.Properties;
using Degeneracy.Symbolic;
using FsCheck;
using FsCheck.Fluent;

namespace Degeneracy.Symbolic.Tests;

public class PiLaurentTests
{
    /// <summary>Small elements, for comparisons with double arithmetic (the ring laws use the shared multi-limb generator).</summary>
    public static Arbitrary<PiLaurent> Elements() =>
        (from terms in Gen.ListOf(
             from k in Gen.Choose(-3, 3)
             from p in Gen.Choose(-50, 50)
             from q in Gen.Choose(1, 30)
             select (k, new Rational(p, q)))
         select PiLaurent.FromTerms(terms.Take(4))).ToArbitrary();

    [Fact]
    public void Ring_Laws_Hold() =>
        PropertyCheck.Run(Prop.ForAll((from a in Generators.PiLaurents from b in Generators.PiLaurents from c in Generators.PiLaurents select (a, b, c)).ToArbitrary(), t =>
        {
            var (a, b, c) = t;
            return (a + b) + c == a + (b + c) && (a * b) * c == a * (b * c) && a * (b + c) == a * b + a * c
                   && a + b == b + a && a * b == b * a && a - a == PiLaurent.Zero;
        }));

    [Fact]
    public void SumOfProducts_EqualsTheSumOfTheProducts() =>
        PropertyCheck.Run(Prop.ForAll(Generators.Lists(from a in Generators.PiLaurents from b in Generators.PiLaurents select (a, b)).ToArbitrary(), pairs =>
        {
            var naive = pairs.Aggregate(PiLaurent.Zero, (s, p) => s + p.a * p.b);
            return PiLaurent.SumOfProducts(pairs.Select(p => p.a).ToArray(), pairs.Select(p => p.b).ToArray()) == naive;
        }), 200);

    [Fact]
    public void TextForm_RoundTripsThroughParser() =>
        PropertyCheck.Run(Prop.ForAll(Generators.PiLaurents.ToArbitrary(), a => ExpressionParser.ParsePiLaurent(a.ToString()) == a), 200);

    [Fact]
    public void MonomialInverse_TimesSelf_IsOne() =>
        PropertyCheck.Run(Prop.ForAll((from k in Gen.Choose(-5, 5) from q in Generators.NonZeroRationals select PiLaurent.Monomial(q, k)).ToArbitrary(),
            m => m * m.Inverse() == PiLaurent.One));

    [Fact]
    public void Inverse_OfNonMonomial_ThrowsNamingDivisor()
    {
        var e = Assert.Throws<ArgumentException>(() => (PiLaurent.One + PiLaurent.Pi).Inverse());
        Assert.Equal("divisor", e.ParamName);
    }

    [Theory]
    [InlineData(-8, 15, -1, "-8/(15*pi)", "-\\frac{8}{15\\pi}", "-8.0/(15.0*Math.PI)")]
    [InlineData(1, 3, 2, "pi^2/3", "\\frac{\\pi^{2}}{3}", "(Math.PI*Math.PI)/3.0")]
    [InlineData(5, 7, 1, "5*pi/7", "\\frac{5\\pi}{7}", "(5.0*Math.PI)/7.0")]
    [InlineData(1, 1, -2, "1/pi^2", "\\frac{1}{\\pi^{2}}", "1.0/(Math.PI*Math.PI)")]
    public void Print_Monomial_AllFormats(int p, int q, int k, string text, string latex, string cs)
    {
        var m = PiLaurent.Monomial(new Rational(p, q), k);
        Assert.Equal(text, m.Print(PrintFormat.Text));
        Assert.Equal(latex, m.Print(PrintFormat.Latex));
        Assert.Equal(cs, m.Print(PrintFormat.CSharp));
    }

    [Fact]
    public void ToDouble_MatchesDoubleArithmetic_WithinAnUlp() =>
        PropertyCheck.Run(Prop.ForAll(Elements(), a =>
        {
            double naive = a.Terms.Sum(t => t.Coefficient.ToDouble() * Math.Pow(Math.PI, t.Power));
            double exact = a.ToDouble();
            double scale = a.Terms.Sum(t => Math.Abs(t.Coefficient.ToDouble() * Math.Pow(Math.PI, t.Power)));
            return Math.Abs(naive - exact) <= 1e-14 * scale + 1e-300;
        }));

    [Fact]
    public void ToDouble_OfPi_IsMathPi() => Assert.Equal(Math.PI, PiLaurent.Pi.ToDouble());

    [Fact]
    public void ToDouble_OfPiSquaredOverSix_IsCorrectlyRounded() =>
        // ζ(2) = π²/6 = 1.6449340668482264365… ; the nearest double is 1.6449340668482264
        Assert.Equal(1.6449340668482264, PiLaurent.Monomial(new Rational(1, 6), 2).ToDouble());
}
