using Degeneracy.Series.Evaluation.Generated;
using Degeneracy.TestSupport.HighPrecision;
using Xunit.Abstractions;

namespace Degeneracy.Series.Tests.CodeGen;

/// <summary>
/// Max error of the checked-in generated evaluators against the high-precision reference (320-bit fixed point, closed
/// forms above θ = 1e-3, exact series below) over θ ∈ {0} ∪ [1e-12, π − 1e-12] and n ∈ [2, 1e6]:
/// ≤ 1e-12 absolute + 1e-12 relative.
/// </summary>
public class GeneratedEvaluatorAccuracyTests(ITestOutputHelper output)
{
    private void CheckLaw(LawReference reference, Func<double, double, double> drift, Func<double, double, double> sigma2,
        Func<double, double, double> mu, Func<double, double> rho, string name)
    {
        double worstDrift = 0, worstSigma = 0, worstMu = 0, worstRho = 0;
        foreach (var theta in ReferenceGrid.Thetas)
        {
            var refs = reference.Both(theta, ReferenceGrid.Widths);
            var a = new AngleReference(theta, LawReference.DefaultBits);
            var lnSin2 = theta > 0 ? FixedPointMath.Ln(a.Sin * a.Sin) : default;
            for (int i = 0; i < ReferenceGrid.Widths.Count; i++)
            {
                double n = ReferenceGrid.Widths[i];
                var (rd, rs) = refs[i];
                double ed = FixedPointMath.Error(drift(theta, n), rd), es = FixedPointMath.Error(sigma2(theta, n), rs);
                Assert.True(ReferenceGrid.Within(ed, rd.ToDouble()), $"{name} Drift({theta:R}, {n}) error {ed:G3}");
                Assert.True(ReferenceGrid.Within(es, rs.ToDouble()), $"{name} Sigma2({theta:R}, {n}) error {es:G3}");
                worstDrift = Math.Max(worstDrift, ed / (1 + Math.Abs(rd.ToDouble())));
                worstSigma = Math.Max(worstSigma, es / (1 + Math.Abs(rs.ToDouble())));
                if (theta > 0)
                {
                    var rm = rd + lnSin2;
                    double em = FixedPointMath.Error(mu(theta, n), rm);
                    Assert.True(ReferenceGrid.Within(em, rm.ToDouble()), $"{name} Mu({theta:R}, {n}) error {em:G3}");
                    worstMu = Math.Max(worstMu, em / (1 + Math.Abs(rm.ToDouble())));
                }
                if (theta == 0)
                {
                    var rr = -rd;
                    double er = FixedPointMath.Error(rho(n), rr);
                    Assert.True(ReferenceGrid.Within(er, rr.ToDouble()), $"{name} Rho({n}) error {er:G3}");
                    worstRho = Math.Max(worstRho, er / (1 + Math.Abs(rr.ToDouble())));
                }
            }
        }
        output.WriteLine($"{name}: max error/(1+|ref|): drift {worstDrift:G3}, sigma2 {worstSigma:G3}, mu {worstMu:G3}, rho {worstRho:G3}");
    }

    [Fact]
    public void Order1_DriftSigma2MuRho_WithinOneE12OfHighPrecisionReference() =>
        CheckLaw(ReferenceGrid.Order1.Value, LayerLawOrder1.Drift, LayerLawOrder1.Sigma2, LayerLawOrder1.Mu, LayerLawOrder1.Rho, "order 1");

    [Fact]
    public void Order2_DriftSigma2MuRho_WithinOneE12OfHighPrecisionReference() =>
        CheckLaw(ReferenceGrid.Order2.Value, LayerLawOrder2.Drift, LayerLawOrder2.Sigma2, LayerLawOrder2.Mu, LayerLawOrder2.Rho, "order 2");

    [Fact]
    public void Reference_TwoPrecisionsAndSeriesVersusClosedForm_AgreeToThirtyDigits()
    {
        var r = ReferenceGrid.Order1.Value;
        foreach (var theta in new[] { 0.0, 1e-6, 0.3, 1.7, Math.PI - 1e-9 })
        {
            var lo = r.Drift(theta, 3, 320);
            var hi = r.Drift(theta, 3, 448);
            Assert.True(Math.Abs((lo.ToRational() - hi.ToRational()).ToDouble()) <= 1e-30 * (1 + Math.Abs(hi.ToDouble())), $"drift at {theta}");
        }
        // Where both are valid, the exact series (order 24) and the closed form agree far beyond double precision.
        var closeToZero = new Degeneracy.TestSupport.HighPrecision.LawReference(Degeneracy.Series.Derivation.Derivation.Derive(24, 1), seriesBelow: 0.0);
        var seriesSide = new Degeneracy.TestSupport.HighPrecision.LawReference(Degeneracy.Series.Derivation.Derivation.Derive(24, 1), seriesBelow: 1.0);
        foreach (var theta in new[] { 1e-3, 3e-3 })
        {
            var a = closeToZero.Sigma2(theta, 2);
            var b = seriesSide.Sigma2(theta, 2);
            Assert.True(Math.Abs((a.ToRational() - b.ToRational()).ToDouble()) <= 1e-30, $"sigma2 series vs closed form at {theta}");
        }
    }
}
