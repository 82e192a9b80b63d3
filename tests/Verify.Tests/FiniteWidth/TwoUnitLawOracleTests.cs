using Degeneracy.TestSupport.FiniteWidth;
using MathNet.Numerics.Integration;

namespace Degeneracy.Verify.Tests.FiniteWidth;

/// <summary>
/// The width-2 one-step law by quadrature (<see cref="TwoUnitLawOracle"/>) against what it must equal: the exact
/// collapse and right-angle probabilities, a Monte Carlo drawn straight from the Gaussian definition (no library sampler),
/// the exact small-angle law, and its own refinement.
/// </summary>
public sealed class TwoUnitLawOracleTests
{
    /// <summary>
    /// P(cont) = 1 − P(collapse) − P(atom) with P(collapse) = 2¹⁻ⁿ + (n − 1)pⁿ and P(atom) = (1 − p)ⁿ − 2¹⁻ⁿ + pⁿ,
    /// p = (π − θ)/2π, n = 2; the oracle sums its own pattern probabilities instead (p² + 4pq).
    /// </summary>
    [Theory]
    [InlineData(1e-6)]
    [InlineData(0.030182411)]
    [InlineData(0.5)]
    [InlineData(1.5707963267948966)]
    [InlineData(2.5)]
    [InlineData(3.1415)]
    public void Probability_EqualsOneMinusCollapseMinusAtom(double theta)
    {
        const int n = 2;
        double p = (Math.PI - theta) / (2 * Math.PI);
        double collapse = Math.Pow(2, 1 - n) + (n - 1) * Math.Pow(p, n);
        double atom = Math.Pow(1 - p, n) - Math.Pow(2, 1 - n) + Math.Pow(p, n);
        var (probability, _, _) = TwoUnitLawOracle.Moments(theta);
        Assert.True(Math.Abs(probability - (1 - collapse - atom)) <= 1e-12, $"θ = {theta}: {probability:R} vs {1 - collapse - atom:R}");
    }

    /// <summary>
    /// Monte Carlo from the definition (<see cref="DirectOneStepSampler"/>, no library code; seed 20261130 + index):
    /// (g_i, h_i) iid N(0, 1), u_i = g_i, v_i = g_i cos θ + h_i sin θ, X = max(u, 0), Y = max(v, 0), the continuous part
    /// kept by its activation pattern, ln R = ln det² − ln K₁₁ − ln K₂₂. 10⁶ pairs per θ. P(cont), E[ln R] and Var[ln R] (SE from the fourth central
    /// moment) within 4 SE: two-sided false-alarm rate 6.3e-5 per comparison, 12 comparisons, 8e-4 in all.
    /// </summary>
    [Fact]
    public void MeanAndVariance_MatchMonteCarloFromTheDefinition()
    {
        const int pairs = 1_000_000;
        double[] thetas = [0.05, 0.5, 1.5, 2.5];
        for (int index = 0; index < thetas.Length; index++)
        {
            double theta = thetas[index];
            var (count, mean, seMean, variance, seVariance) = DirectOneStepSampler.Run(2, theta, 0, pairs, 20261130 + index);

            var (probability, oracleMean, oracleVariance) = TwoUnitLawOracle.Moments(theta);
            double seCount = Math.Sqrt(pairs * probability * (1 - probability));
            Assert.True(Math.Abs(count - pairs * probability) <= 4 * seCount,
                $"θ = {theta}: {count} continuous pairs, expected {pairs * probability:F1} ± {seCount:F1}");
            Assert.True(Math.Abs(mean - oracleMean) <= 4 * seMean,
                $"θ = {theta}: MC mean {mean:F6} ± {seMean:E2}, oracle {oracleMean:F9} ({(mean - oracleMean) / seMean:F2} SE)");
            Assert.True(Math.Abs(variance - oracleVariance) <= 4 * seVariance,
                $"θ = {theta}: MC variance {variance:F6} ± {seVariance:E2}, oracle {oracleVariance:F9} ({(variance - oracleVariance) / seVariance:F2} SE)");
        }
    }

    /// <summary>
    /// θ → 0: given continuity only the both–both pattern survives (its weight is L/(L + 4θ)), and with X = (g₁, g₂) in
    /// the positive quadrant and Y ≈ X + θ(h₁, h₂), sin²θ'/sin²θ → (g₁h₂ − g₂h₁)²/|g|⁴ = Z²/|g|², where Z = the component
    /// of h orthogonal to g is N(0, 1) independent of |g|² ~ χ²₂ (the direction of g is independent of its length). So
    /// E[ln R] − ln sin²θ → E ln χ²₁ − E ln χ²₂ = ψ(½) − ψ(1) = −2 ln 2 and Var[ln R] → ψ′(½) + ψ′(1) = 2π²/3. The
    /// deviation is O(θ) (observed slopes −0.781 and +0.959 as θ → 0, next terms ~θ² and ~15 θ² ln(1/θ)), so the
    /// Richardson combination 2f(θ) − f(2θ) at θ = 1e-6 must hit the limit to ≈ 4e-10 (quadrature error ≈ 2e-11);
    /// tolerance 1e-8. A wrong limit constant or an O(1) error of the oracle at small θ fails it.
    /// </summary>
    [Fact]
    public void SmallAngle_TendsToTheChiSquareRatioLaw()
    {
        static (double Mean, double Variance) Shifted(double theta)
        {
            var (_, mean, variance) = TwoUnitLawOracle.Moments(theta);
            double s = Math.Sin(theta);
            return (mean - Math.Log(s * s), variance);
        }
        const double theta = 1e-6;
        var f1 = Shifted(theta);
        var f2 = Shifted(2 * theta);
        double meanLimit = -2 * Math.Log(2), varianceLimit = 2 * Math.PI * Math.PI / 3;
        Assert.True(Math.Abs(2 * f1.Mean - f2.Mean - meanLimit) <= 1e-8, $"mean: {2 * f1.Mean - f2.Mean:R} vs −2 ln 2 = {meanLimit:R}");
        Assert.True(Math.Abs(2 * f1.Variance - f2.Variance - varianceLimit) <= 1e-8,
            $"variance: {2 * f1.Variance - f2.Variance:R} vs 2π²/3 = {varianceLimit:R}");
        Assert.True(Math.Abs(f1.Mean - meanLimit) <= 2 * theta && Math.Abs(f1.Variance - varianceLimit) <= 2 * theta,
            $"θ = {theta}: deviations {f1.Mean - meanLimit:E2}, {f1.Variance - varianceLimit:E2} not O(θ)");
    }

    /// <summary>Halving every quadrature step (refinement 1) changes the mean and variance by ≤ 1e-10 — the oracle's
    /// 1e-9 target with margin — from small to near-π angles.</summary>
    [Theory]
    [InlineData(0.030182411)]
    [InlineData(1.5)]
    [InlineData(3.1)]
    public void Refinement_ChangesMomentsByLessThan1e10(double theta)
    {
        var coarse = TwoUnitLawOracle.Moments(theta);
        var fine = TwoUnitLawOracle.Moments(theta, refinement: 1);
        Assert.True(Math.Abs(fine.Mean - coarse.Mean) <= 1e-10, $"θ = {theta}: mean moved {fine.Mean - coarse.Mean:E2}");
        Assert.True(Math.Abs(fine.Variance - coarse.Variance) <= 1e-10, $"θ = {theta}: variance moved {fine.Variance - coarse.Variance:E2}");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(Math.PI)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void Moments_AngleOutsideOpenInterval_Throws(double theta) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => TwoUnitLawOracle.Moments(theta));

    /// <summary>Li₂ at its classical values (Li₂(1) = π²/6, Li₂(−1) = −π²/12, Li₂(½) = π²/12 − ½ln²2) and against
    /// −∫₀^z ln(1 − u)/u du by Gauss–Legendre (all three branches), to 1e-14 relative; Li₂(1 − e^λ) from λ agrees.</summary>
    [Fact]
    public void Dilogarithm_MatchesClassicalValuesAndQuadrature()
    {
        double pi2 = Math.PI * Math.PI, ln2 = Math.Log(2);
        Assert.Equal(pi2 / 6, Dilogarithm.Li2(1), 1e-15);
        Assert.Equal(-pi2 / 12, Dilogarithm.Li2(-1), 1e-15);
        Assert.Equal(pi2 / 12 - ln2 * ln2 / 2, Dilogarithm.Li2(0.5), 1e-15);
        foreach (double z in new[] { -40.0, -3.0, -0.7, 0.2, 0.6, 0.95 })
        {
            double reference = -GaussLegendreRule.Integrate(u => Math.Log(1 - u) / u, 0, z, 256);
            if (z > 0.9) // the log singularity at u = 1 needs the end split off: ∫_{0.9}^{z} by u = 1 − (1 − 0.9)^(1−s)(1 − z)^s
                reference = -GaussLegendreRule.Integrate(u => Math.Log(1 - u) / u, 0, 0.9, 256)
                            - GaussLegendreRule.Integrate(s => { double w = Math.Exp(s); return -s * w / (1 - w); }, Math.Log(0.1), Math.Log(1 - z), 256);
            Assert.True(Math.Abs(Dilogarithm.Li2(z) - reference) <= 1e-14 * Math.Abs(reference), $"Li₂({z}) = {Dilogarithm.Li2(z):R}, quadrature {reference:R}");
            double lambda = Math.Log(1 - z);
            Assert.True(Math.Abs(Dilogarithm.Li2OneMinusExp(lambda) - Dilogarithm.Li2(z)) <= 1e-14 * Math.Abs(reference), $"λ = {lambda}");
        }
    }
}
