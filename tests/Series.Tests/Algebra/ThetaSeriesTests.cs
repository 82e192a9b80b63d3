using Degeneracy.TestSupport.Properties;
using Degeneracy.Series.Algebra;
using Degeneracy.Symbolic;
using FsCheck;
using FsCheck.Fluent;

namespace Degeneracy.Series.Tests.Algebra;

public class ThetaSeriesTests
{
    /// <summary>Mostly small coefficients; one in five has a multi-limb-capable rational part (shared generator).</summary>
    private static readonly Gen<PiLaurent> Coef =
        from k in Gen.Choose(-2, 1) from p in Gen.Choose(-9, 9) from q in Gen.Choose(1, 7)
        from big in Gen.Frequency((4, Gen.Constant(Rational.Zero)), (1, Generators.Rationals))
        select PiLaurent.Monomial(new Rational(p, q), k) + new Rational(p + 1, q + 1) + big;

    /// <summary>
    /// A series known modulo θ^(v+len) with a unit leading coefficient (so it can be inverted); len is usually 1 … 7 and
    /// about one case in ten 20 … 30 terms long (shared length generator).
    /// </summary>
    private static Gen<ThetaSeries> Series(int minValuation, int maxValuation) =>
        from v in Gen.Choose(minValuation, maxValuation)
        from lead in Gen.Choose(1, 5)
        from len in Generators.LengthsUpTo(30).Select(l => l + 1)
        from rest in Gen.ArrayOf(Coef, len - 1)
        select ThetaSeries.FromCoefficients(v, new[] { PiLaurent.Monomial(new Rational(lead, 3), lead % 2) }.Concat(rest), v + len);

    private static bool EqualTo(ThetaSeries a, ThetaSeries b, int precision)
    {
        for (int j = Math.Min(a.Valuation, b.Valuation); j < precision; j++)
            if (a[j] != b[j]) return false;
        return true;
    }

    [Fact]
    public void Inverse_TimesSelf_IsOneToReportedPrecision() =>
        PropertyCheck.Run(Prop.ForAll(Series(-2, 3).ToArbitrary(), x =>
        {
            var p = x * x.Inverse();
            // x known mod θ^N with valuation v: 1/x is known mod θ^(N−2v), and x·(1/x) mod θ^(N−v) (relative precision kept).
            return p.Precision == x.Precision - x.Valuation && EqualTo(p, ThetaSeries.One, p.Precision);
        }));

    [Fact]
    public void Ring_Laws_HoldToTheCommonPrecision() =>
        PropertyCheck.Run(Prop.ForAll((from a in Series(-1, 2) from b in Series(-1, 2) from c in Series(-1, 2) select (a, b, c)).ToArbitrary(), t =>
        {
            var (a, b, c) = t;
            var l = (a * b) * c; var r = a * (b * c);
            var d1 = a * (b + c); var d2 = a * b + a * c;
            return EqualTo(l, r, Math.Min(l.Precision, r.Precision)) && EqualTo(d1, d2, Math.Min(d1.Precision, d2.Precision));
        }));

    [Fact]
    public void Precision_IsNeverOverclaimed()
    {
        // Compute on a truncation x of a longer series X: every coefficient x-results claim to know must equal X's.
        PropertyCheck.Run(Prop.ForAll((from big in Series(0, 2) from cut in Gen.Choose(1, 6) select (big, cut)).ToArbitrary(), t =>
        {
            var (big, cut) = t;
            var x = big.Truncate(Math.Max(big.Valuation + 1, big.Precision - cut));
            var u = x * ThetaSeries.Monomial(PiLaurent.One, 1);
            var U = big * ThetaSeries.Monomial(PiLaurent.One, 1);
            bool ok = EqualTo(x * x, big * big, (x * x).Precision)
                      && EqualTo(x.Inverse(), big.Inverse(), x.Inverse().Precision)
                      && EqualTo(u.Exp(), U.Exp(), u.Exp().Precision)
                      && EqualTo(u.Log1p(), U.Log1p(), u.Log1p().Precision);
            return ok;
        }));
    }

    [Fact]
    public void ExpOfLog1p_IsOnePlusU() =>
        PropertyCheck.Run(Prop.ForAll(Series(1, 3).ToArbitrary(), u =>
        {
            var e = u.Log1p().Exp();
            var expected = ThetaSeries.One + u;
            return EqualTo(e, expected, Math.Min(e.Precision, expected.Precision));
        }));

    [Fact]
    public void SquareRootSquared_IsIdentity() =>
        PropertyCheck.Run(Prop.ForAll(Series(1, 3).ToArbitrary(), u =>
        {
            var r = u.OnePlusPower(Rational.Half);
            var sq = r * r;
            return EqualTo(sq, ThetaSeries.One + u, sq.Precision);
        }));

    [Fact]
    public void Compose_WithSineSeries_EqualsSin() =>
        PropertyCheck.Run(Prop.ForAll(Series(1, 2).ToArbitrary(), g =>
        {
            var sinSeries = ThetaSeries.FromCoefficients(0, Enumerable.Range(0, 20).Select(m => (PiLaurent)SeriesFunctions.SinCoefficient(m)), 20);
            var a = sinSeries.Compose(g); var b = g.Sin();
            return EqualTo(a, b, Math.Min(a.Precision, b.Precision));
        }));

    [Fact]
    public void Division_ByThetaSquaredLeadingSeries_CancelsExactly()
    {
        // (θ² − θ⁴/3) / (θ² + θ³) = (1 − θ²/3)/(1 + θ) = 1 − θ + (2/3)θ² − …, known modulo θ^(6 − 2) … honest precision.
        var num = ThetaSeries.FromCoefficients(2, [1, 0, new Rational(-1, 3), 0], 6);
        var den = ThetaSeries.FromCoefficients(2, [1, 1, 0, 0], 6);
        var q = num / den;
        Assert.Equal(0, q.Valuation);
        Assert.Equal(4, q.Precision);
        Assert.Equal(PiLaurent.One, q[0]);
        Assert.Equal((PiLaurent)(-1), q[1]);
        Assert.Equal((PiLaurent)new Rational(2, 3), q[2]);
    }

    [Fact]
    public void Inverse_OfSeriesZeroToItsPrecision_SaysOrderCannotBeReached()
    {
        var z = ThetaSeries.FromCoefficients(0, [0, 0], 2);
        var e = Assert.Throws<SeriesOrderException>(() => z.Inverse());
        Assert.Contains("raise the working order", e.Message);
    }

    [Fact]
    public void Index_BeyondPrecision_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ThetaSeries.FromCoefficients(0, [1, 2], 2)[2]);
}
