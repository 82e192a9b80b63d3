using Degeneracy.JFunctions;
using Degeneracy.Series.Evaluation;
using Degeneracy.TestSupport.HighPrecision;
using Xunit.Abstractions;

namespace Degeneracy.Series.Tests.CodeGen;

/// <summary>
/// The published μ_pub, σ²_pub (docs/THEORY.md §3): the stable <see cref="PublishedLaw"/> meets 1e-12 abs + 1e-12 rel against
/// the high-precision reference everywhere, while a plain double transcription loses every digit of K/D² for θ ≲ 1e-4.
/// </summary>
public class PublishedLawTests(ITestOutputHelper output)
{
    /// <summary>The published formulas transcribed literally in double arithmetic (what one would write first).</summary>
    internal static (double Drift, double Sigma2) Naive(double theta, double n)
    {
        double j11 = JFunction.Evaluate(1, 1, theta), j22 = JFunction.Evaluate(2, 2, theta), j31 = JFunction.Evaluate(3, 1, theta);
        double d = 1 - 4 * j11 * j11;
        double k = 8 * j11 * j11 * j22 - 8 * j11 * j11 * j11 * j11 + 4 * j11 * j11 - 8 * j11 * j31 + j22 + 1;
        double k2 = 2 * j11 * j11 - 4 * j11 * j31 + j22 + 1;
        double a = (4 * j22 - 1) / n + 1, b = 1 - 1 / n;
        double mu = Math.Log((n - 1) * d / (4 * j22 - 1 + n)) + 4 * (j22 + 1) / (n * a * a) - 4 * k / (n * b * b * d * d);
        double s = Math.Sin(theta);
        double sigma2 = 8 * k / (n * b * b * d * d) + 8 * (j22 + 1) / (n * a * a) - 16 * k2 / (n * b * d * a);
        return (mu - Math.Log(s * s), sigma2);
    }

    [Fact]
    public void PublishedLaw_DriftAndSigma2_WithinOneE12OfHighPrecisionReference()
    {
        var r = ReferenceGrid.Published.Value;
        double worst = 0;
        foreach (var theta in ReferenceGrid.Thetas)
            foreach (var n in new[] { 2.0, 3, 150, 1e6 })
            {
                var rd = r.Drift(theta, n);
                var rs = r.Sigma2(theta, n);
                double ed = FixedPointMath.Error(PublishedLaw.Instance.Drift(theta, n), rd);
                double es = FixedPointMath.Error(PublishedLaw.Instance.Sigma2(theta, n), rs);
                Assert.True(ReferenceGrid.Within(ed, rd.ToDouble()), $"Drift_pub({theta:R}, {n}) error {ed:G3}");
                Assert.True(ReferenceGrid.Within(es, rs.ToDouble()), $"Sigma2_pub({theta:R}, {n}) error {es:G3}");
                worst = Math.Max(worst, Math.Max(ed / (1 + Math.Abs(rd.ToDouble())), es / (1 + Math.Abs(rs.ToDouble()))));
            }
        output.WriteLine($"PublishedLaw max error/(1+|ref|) = {worst:G3}; switch points {PublishedLaw.Instance.SwitchPoints}");
    }

    [Fact]
    public void NaiveTranscription_BelowOneE4_ExceedsBoundWhileStableLawMeetsIt()
    {
        var r = ReferenceGrid.Published.Value;
        const double n = 10;
        foreach (var theta in new[] { 1e-4, 1e-5, 1e-6, 1e-8 })
        {
            var rs = r.Sigma2(theta, n);
            var rd = r.Drift(theta, n);
            var (nd, ns) = Naive(theta, n);
            double naiveError = Math.Max(FixedPointMath.Error(ns, rs), FixedPointMath.Error(nd, rd));
            double stableError = Math.Max(FixedPointMath.Error(PublishedLaw.Instance.Sigma2(theta, n), rs),
                                          FixedPointMath.Error(PublishedLaw.Instance.Drift(theta, n), rd));
            output.WriteLine($"theta {theta:G3}: naive error {naiveError:G3}, stable error {stableError:G3}");
            Assert.False(ReferenceGrid.Within(naiveError, rs.ToDouble()), $"naive transcription unexpectedly accurate at {theta}");
            Assert.True(ReferenceGrid.Within(stableError, rs.ToDouble()), $"stable law error {stableError:G3} at {theta}");
        }
        // Well away from 0 the naive transcription is fine: the failure is the cancellation of K/D² (both ~θ⁴).
        var (d1, s1) = Naive(1.0, n);
        Assert.True(FixedPointMath.Error(s1, r.Sigma2(1.0, n)) < 1e-13 && FixedPointMath.Error(d1, r.Drift(1.0, n)) < 1e-13);
    }

    [Fact]
    public void PublishedRho_MatchesPaperFormula_AndTwoOverN()
    {
        foreach (var n in new[] { 2.0, 10, 1e3, 1e6 })
            Assert.Equal(Math.Log((n + 5) / (n - 1)) - 10 * n / ((n + 5) * (n + 5)) + 6 * n / ((n - 1) * (n - 1)), PublishedLaw.Rho(n));
        Assert.InRange(PublishedLaw.Rho(1e6) * 1e6, 1.99, 2.01);
        Assert.Equal(PublishedLaw.Rho(50), LayerLaws.Rho(LayerLaws.Paper, 50));
    }
}
