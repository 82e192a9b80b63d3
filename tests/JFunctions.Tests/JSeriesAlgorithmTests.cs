using Degeneracy.JFunctions;
using Degeneracy.Symbolic;

namespace Degeneracy.JFunctions.Tests;

/// <summary>
/// The θ-series of J (computed from the cosine expansion of the closed form's polynomials) against a different
/// algorithm: composing the exact power series of cos t and sin t into P, Q, R (Horner's rule on truncated series).
/// </summary>
public class JSeriesAlgorithmTests
{
    private static Rational[] Multiply(Rational[] x, Rational[] y, int order)
    {
        var r = new Rational[order + 1];
        for (int i = 0; i <= order; i++)
            for (int j = 0; i + j <= order; j++) r[i + j] += x[i] * y[j];
        return r;
    }

    private static Rational[] Compose(RationalPolynomial p, Rational[] s, int order)
    {
        var r = new Rational[order + 1];
        for (int i = p.Degree; i >= 0; i--) { r = Multiply(r, s, order); r[0] += p[i]; }
        return r;
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(5, 8)]
    [InlineData(12, 12)]
    [InlineData(23, 4)]
    public void AboutPi_EqualsSeriesComposition(int a, int b)
    {
        int order = a + b + 30;
        var cf = JClosedForm.Build(a, b);
        var negCos = JSeries.CosSeries(order).Select(x => -x).ToArray();
        var pc = Compose(cf.P, negCos, order);
        var qc = Multiply(Compose(cf.Q, negCos, order), JSeries.SinSeries(order), order);
        var rc = Compose(cf.R, negCos, order);
        var expected = Enumerable.Range(0, order + 1).Select(k => (k > 0 ? pc[k - 1] : Rational.Zero) + qc[k] + rc[k]).ToArray();
        Assert.Equal(expected, JSeries.AboutPiRational(a, b, order));
        // J vanishes to order a + b + 1 at π: the first a + b + 1 coefficients are exactly zero.
        Assert.All(expected.Take(a + b + 1), x => Assert.True(x.IsZero));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 2)]
    [InlineData(9, 9)]
    public void AboutZero_EqualsSeriesComposition(int a, int b)
    {
        const int order = 30;
        var cf = JClosedForm.Build(a, b);
        var cos = JSeries.CosSeries(order);
        var pc = Compose(cf.P, cos, order);
        var qc = Multiply(Compose(cf.Q, cos, order), JSeries.SinSeries(order), order);
        var rc = Compose(cf.R, cos, order);
        var series = JSeries.AboutZero(a, b, order);
        for (int j = 0; j <= order; j++)
        {
            var term = PiLaurent.Monomial(pc[j], 1) - (j > 0 ? pc[j - 1] : Rational.Zero) + qc[j] + rc[j];
            Assert.Equal(cf.Scale.Times(term), series[j]);
        }
    }
}
