using Degeneracy.Series.Algebra;
using Degeneracy.Series.Derivation;
using Degeneracy.Series.Evaluation;
using Degeneracy.Symbolic;

namespace Degeneracy.TestSupport.HighPrecision;

/// <summary>
/// High-precision reference of the published law μ_pub, σ²_pub (docs/THEORY.md §3; formulas in <see cref="PublishedLaw"/>) in
/// <see cref="FixedPoint"/>: ln(D/sin²θ), K/D² and K₂/D from their closed forms for θ ≥ 10⁻³ and from their exact
/// θ-series (<see cref="ClosedFormSeries.Expand(Degeneracy.Series.Algebra.JPolynomial, int)"/>, order 30) below; J_{2,2} and the n-dependent factors directly.
/// </summary>
public sealed class PublishedLawReference
{
    private const int Order = 30;
    private readonly LawPieceReference _m0, _kOverD2, _k2OverD;

    public PublishedLawReference(double seriesBelow = 1e-3)
    {
        _m0 = new LawPieceReference(JPolynomial.Zero, 0, true, Series(ClosedFormSeries.InfiniteWidthDrift(Order)), seriesBelow);
        _kOverD2 = new LawPieceReference(PublishedLaw.K, 2, false,
            Series(ClosedFormSeries.Expand(PublishedLaw.K * JPolynomial.InverseD.Pow(2), Order)), seriesBelow);
        _k2OverD = new LawPieceReference(PublishedLaw.K2, 1, false,
            Series(ClosedFormSeries.Expand(PublishedLaw.K2 * JPolynomial.InverseD, Order)), seriesBelow);
    }

    private static IEnumerable<PiLaurent> Series(ThetaSeries s) => Enumerable.Range(0, Order + 1).Select(j => s[j]);

    /// <summary>μ_pub − ln sin²θ.</summary>
    public FixedPoint Drift(double theta, double n, int bits = LawReference.DefaultBits)
    {
        var a = new AngleReference(theta, bits);
        var (nf, j22, ai, b) = Common(a, n);
        var one = FixedPoint.One(bits);
        var logRatio = FixedPointMath.Ln((nf - one) / (j22.Times(4) - one + nf));
        return _m0.Value(a) + logRatio + (j22 + one).Times(4) / (nf * ai * ai) - _kOverD2.Value(a).Times(4) / (nf * b * b);
    }

    /// <summary>σ²_pub.</summary>
    public FixedPoint Sigma2(double theta, double n, int bits = LawReference.DefaultBits)
    {
        var a = new AngleReference(theta, bits);
        var (nf, j22, ai, b) = Common(a, n);
        var one = FixedPoint.One(bits);
        return _kOverD2.Value(a).Times(8) / (nf * b * b) + (j22 + one).Times(8) / (nf * ai * ai) - _k2OverD.Value(a).Times(16) / (nf * b * ai);
    }

    private static (FixedPoint N, FixedPoint J22, FixedPoint A, FixedPoint B) Common(AngleReference a, double n)
    {
        int bits = a.Bits;
        var one = FixedPoint.One(bits);
        var nf = FixedPoint.FromDouble(n, bits);
        var j22 = a.J(2, 2);
        var ai = (j22.Times(4) - one) / nf + one;
        var b = one - one / nf;
        return (nf, j22, ai, b);
    }
}
