using Degeneracy.TestSupport.Properties;
using Degeneracy.JFunctions;
using Degeneracy.Symbolic;
using Degeneracy.TestSupport.Quadrature;
using FsCheck;
using FsCheck.Fluent;

namespace Degeneracy.JFunctions.Tests;

public class JClosedFormTests
{
    private static readonly Gen<(int A, int B, double Theta)> Args =
        from a in Gen.Choose(0, 12)
        from b in Gen.Choose(0, 12)
        from u in Gen.Choose(0, 100000)
        select (a, b, Math.PI * u / 100000.0);

    private static RationalPolynomial Poly(params int[] c) => new(c.Select(x => (Rational)x));

    /// <summary>κ·P and κ·Q as exact elements, to compare with a hand-written (π−θ)P + sinθ Q over 2π.</summary>
    private static (PiLaurent[] P, PiLaurent[] Q) Scaled(JClosedForm f) =>
        (f.P.Coefficients.Select(x => f.Scale.Value * x).ToArray(), f.Q.Coefficients.Select(x => f.Scale.Value * x).ToArray());

    private static PiLaurent[] Over2Pi(params int[] c) => c.Select(x => PiLaurent.Monomial(new Rational(x, 2), -1)).ToArray();

    [Fact]
    public void J11_IsExactlyTheKnownForm()
    {
        // (sin θ + (π − θ) cos θ)/(2π)
        var (p, q) = Scaled(JClosedForm.Build(1, 1));
        Assert.Equal(Over2Pi(0, 1), p);
        Assert.Equal(Over2Pi(1), q);
    }

    [Fact]
    public void J22_IsExactlyTheKnownForm()
    {
        // ((π − θ)(2cos²θ + 1) + 3 sin θ cos θ)/(2π)
        var (p, q) = Scaled(JClosedForm.Build(2, 2));
        Assert.Equal(Over2Pi(1, 0, 2), p);
        Assert.Equal(Over2Pi(0, 3), q);
    }

    [Fact]
    public void J31_IsExactlyTheKnownForm()
    {
        // (3(π − θ) cos θ + sin θ cos²θ + 2 sin θ)/(2π)
        var (p, q) = Scaled(JClosedForm.Build(3, 1));
        Assert.Equal(Over2Pi(0, 3), p);
        Assert.Equal(Over2Pi(2, 0, 1), q);
        Assert.Equal(JClosedForm.Build(3, 1).P, JClosedForm.Build(1, 3).P);
    }

    [Fact]
    public void ClosedForm_MatchesQuadrature_To1e10Relative() =>
        PropertyCheck.Run(Prop.ForAll(Args.ToArbitrary(), t =>
        {
            double exact = JFunction.Evaluate(t.A, t.B, t.Theta), quad = JQuadrature.Evaluate(t.A, t.B, t.Theta);
            return Math.Abs(exact - quad) <= 1e-10 * Math.Abs(quad) + 1e-300;
        }), 60);

    [Fact]
    public void Symmetry_JabEqualsJba() =>
        PropertyCheck.Run(Prop.ForAll(Args.ToArbitrary(), t => JFunction.Evaluate(t.A, t.B, t.Theta) is var x
                                             && Math.Abs(x - JFunction.Evaluate(t.B, t.A, t.Theta)) <= 4e-16 * Math.Abs(x)));

    [Fact]
    public void AtZero_EqualsMomentOfPhi() =>
        PropertyCheck.Run(Prop.ForAll(Args.ToArbitrary(), t =>
        {
            // J_{a,b}(0) = E[φ(G)^{a+b}] exactly, as exact constants: κ·π·P(1) vs the half absolute moment.
            var f = JClosedForm.Build(t.A, t.B);
            var m = GaussianMoments.HalfAbsoluteMoment(t.A + t.B);
            var atZero = f.IsConstant ? f.Constant : f.Scale.Times(PiLaurent.Monomial(f.P.Evaluate(Rational.One), 1) + f.R.Evaluate(Rational.One));
            return atZero == m;
        }));

    [Fact]
    public void AtPi_VanishesForPositiveIndices() =>
        PropertyCheck.Run(Prop.ForAll(Args.ToArbitrary(), t =>
        {
            if (t.A == 0 || t.B == 0) return true;
            var f = JClosedForm.Build(t.A, t.B);
            // θ = π: (π − θ) = 0, sin θ = 0 exactly.
            return JSeries.AboutPiRational(t.A, t.B, t.A + t.B + 1).Take(t.A + t.B + 1).All(r => r.IsZero)
                   && Math.Abs(JFunction.Evaluate(t.A, t.B, Math.PI)) < 1e-40;
        }));

    [Fact]
    public void ThetaSeries_AgreesWithClosedFormNearZero() =>
        PropertyCheck.Run(Prop.ForAll(Args.ToArbitrary(), t =>
        {
            var s = JSeries.AboutZero(t.A, t.B, 24);
            double theta = t.Theta * 0.05; // θ ≤ 0.16: 24 terms reach double precision
            double sum = 0, p = 1;
            foreach (var c in s) { sum += c.ToDouble() * p; p *= theta; }
            double x = JFunction.Evaluate(t.A, t.B, theta);
            if (Math.Abs(sum - x) > 1e-13 * Math.Abs(x)) throw new Exception($"series {sum:R} closed {x:R}");
            return true;
        }));

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(0, -3)]
    [InlineData(201, 1)]
    public void Build_BadIndex_ThrowsNamingArgument(int a, int b)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => JClosedForm.Build(a, b));
        Assert.Equal(a is < 0 or > 200 ? "a" : "b", e.ParamName);
        Assert.Contains("[0, 200]", e.Message);
    }

    [Theory]
    [InlineData(-1e-9)]
    [InlineData(3.2)]
    [InlineData(double.NaN)]
    public void Evaluate_BadTheta_ThrowsNamingTheta(double theta)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => JFunction.Evaluate(1, 1, theta));
        Assert.Equal("theta", e.ParamName);
    }

    [Fact]
    public void Series_AbsurdOrder_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => JSeries.AboutZero(1, 1, 100000));

    [Fact]
    public void Print_KnownForms_AsMathMdWritesThem()
    {
        Assert.Equal("((pi - theta)*cos(theta) + sin(theta))/(2*pi)", JClosedForm.Build(1, 1).Print());
        Assert.Equal("((pi - theta)*(2*cos(theta)^2 + 1) + sin(theta)*3*cos(theta))/(2*pi)", JClosedForm.Build(2, 2).Print());
        Assert.Equal("\\frac{(\\pi - \\theta) (2\\cos^{2}\\theta + 1) + \\sin\\theta 3\\cos\\theta}{2\\pi}", JClosedForm.Build(2, 2).Print(PrintFormat.Latex));
    }

    [Fact]
    public void PrintedTextForm_ParsesBackToTheSameFunction() =>
        PropertyCheck.Run(Prop.ForAll(Args.ToArbitrary(), t =>
        {
            var e = ExpressionParser.Parse(JClosedForm.Build(t.A, t.B).Print());
            double x = e.Evaluate(new Dictionary<string, double> { ["theta"] = t.Theta });
            double y = JFunction.Evaluate(t.A, t.B, t.Theta);
            // The printed form is evaluated naively in double: allow its cancellation (absolute, scaled by J(0)).
            return Math.Abs(x - y) <= 1e-12 * JFunction.Evaluate(t.A, t.B, 0);
        }));
}
