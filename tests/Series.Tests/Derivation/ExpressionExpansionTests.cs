using Degeneracy.TestSupport.Properties;
using Degeneracy.Series.Algebra;
using Degeneracy.Series.Derivation;
using Degeneracy.Symbolic;
using FsCheck;
using FsCheck.Fluent;

namespace Degeneracy.Series.Tests.Derivation;

public class ExpressionExpansionTests
{
    private static LogSeries X(string f, int j = 6, int k = 3) => ExpressionExpansion.Expand(ExpressionParser.Parse(f), j, k);

    [Fact]
    public void OneOverNMinusOne_IsGeometricInInverseN()
    {
        var s = X("1/(n-1)").Series;
        Assert.Equal(PiLaurent.Zero, s[0][0]);
        for (int k = 1; k <= 3; k++) Assert.Equal(PiLaurent.One, s[k][0]);
    }

    [Fact]
    public void LnSinSquared_HasTwoLnThetaAndKnownSeries()
    {
        var x = X("ln(sin(theta)^2)");
        Assert.Equal((Rational)2, x.LnTheta);
        Assert.Equal(PiLaurent.FromRational(new Rational(-1, 3)), x.Series[0][2]);   // ln(sin²θ/θ²) = −θ²/3 − θ⁴/90 …
        Assert.Equal(PiLaurent.FromRational(new Rational(-1, 90)), x.Series[0][4]);
    }

    [Fact]
    public void ExpOfLog_IsIdentity() =>
        PropertyCheck.Run(Prop.ForAll((from a in Gen.Choose(1, 9) from b in Gen.Choose(1, 9) select (a, b)).ToArbitrary(), t =>
        {
            var x = X($"exp(ln(1 + {t.a}*theta/{t.b} + theta^2/n))").Series;
            var y = X($"1 + {t.a}*theta/{t.b} + theta^2/n").Series;
            return Enumerable.Range(0, 4).All(k => Enumerable.Range(0, 7).All(j => x[k][j] == y[k][j]));
        }));

    [Fact]
    public void ArcsinOfSin_IsIdentity()
    {
        var x = X("arcsin(sin(theta))").Series;
        Assert.Equal(PiLaurent.One, x[0][1]);
        for (int j = 2; j <= 6; j++) Assert.Equal(PiLaurent.Zero, x[0][j]);
    }

    [Fact]
    public void SqrtOfSquare_IsIdentity() =>
        Assert.Equal(X("1 + theta/n").Series[1][1], X("sqrt((1 + theta/n)^2)").Series[1][1]);

    [Fact]
    public void LnOfNonUnitLeadingCoefficient_IsReportedNotGuessed()
    {
        var e = Assert.Throws<ArgumentException>(() => X("ln(2 + theta)"));
        Assert.Contains("ln(2)", e.Message);
    }

    [Fact]
    public void DivisionByThetaSquaredSeries_CancelsExactly()
    {
        // (1 − cos θ)/θ² = 1/2 − θ²/24 + …: the negative powers cancel exactly.
        var x = X("(1 - cos(theta))/theta^2").Series;
        Assert.Equal(PiLaurent.FromRational(Rational.Half), x[0][0]);
        Assert.Equal(PiLaurent.FromRational(new Rational(-1, 24)), x[0][2]);
    }
}
