using Degeneracy.Symbolic;
using Degeneracy.TestSupport.Properties;
using FsCheck;
using FsCheck.Fluent;

namespace Degeneracy.Symbolic.Tests;

/// <summary>
/// Ring laws of <see cref="RationalPolynomial"/> checked through evaluation, which is a ring homomorphism ℚ[x] → ℚ (RationalPolynomial has value equality through Equals, not ==): the
/// product, sum and composition must evaluate to the product, sum and composition of the values (exactly). Operands
/// are occasionally long (degree up to 79) with multi-limb coefficients.
/// </summary>
public class RationalPolynomialTests
{
    private static readonly Gen<RationalPolynomial> P = Generators.Polynomials;
    private static readonly Gen<RationalPolynomial> Medium =
        from length in Gen.Choose(0, 12) from c in Gen.ArrayOf(Generators.Rationals, length) select new RationalPolynomial(c);
    private static readonly Gen<Rational> X = Gen.Frequency((3, Gen.Choose(-3, 3).Select(i => (Rational)i)), (1, Generators.Rationals));

    [Fact]
    public void ProductAndSum_EvaluateToProductAndSumOfValues() =>
        PropertyCheck.Run(Prop.ForAll((from a in P from b in P from x in X select (a, b, x)).ToArbitrary(), t =>
            (t.a * t.b).Evaluate(t.x) == t.a.Evaluate(t.x) * t.b.Evaluate(t.x)
            && (t.a + t.b).Evaluate(t.x) == t.a.Evaluate(t.x) + t.b.Evaluate(t.x)
            && (t.a - t.b).Evaluate(t.x) == t.a.Evaluate(t.x) - t.b.Evaluate(t.x)), 150);

    [Fact]
    public void Product_DegreeIsTheSumOfDegrees_AndIsCommutative() =>
        PropertyCheck.Run(Prop.ForAll((from a in P from b in P select (a, b)).ToArbitrary(), t =>
            (t.a * t.b).Equals(t.b * t.a) && (t.a.IsZero || t.b.IsZero ? (t.a * t.b).IsZero : (t.a * t.b).Degree == t.a.Degree + t.b.Degree)), 150);

    [Fact]
    public void Compose_EvaluatesToTheOuterAtTheInnerValue()
    {
        var shortPolynomials = from length in Gen.Choose(0, 4) from c in Gen.ArrayOf(Generators.Rationals, length) select new RationalPolynomial(c);
        PropertyCheck.Run(Prop.ForAll((from a in Medium from b in shortPolynomials from x in X select (a, b, x)).ToArbitrary(),
            t => t.a.Compose(t.b).Evaluate(t.x) == t.a.Evaluate(t.b.Evaluate(t.x))), 60);
    }

    [Fact]
    public void Pow_EqualsRepeatedProduct() =>
        PropertyCheck.Run(Prop.ForAll((from a in Medium from k in Gen.Choose(0, 4) select (a, k)).ToArbitrary(), t =>
            t.a.Pow(t.k).Equals(Enumerable.Repeat(t.a, t.k).Aggregate(RationalPolynomial.One, (r, f) => r * f))), 60);
}
