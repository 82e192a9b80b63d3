using Degeneracy.Verify.MonteCarlo;
using Degeneracy.Verify.Statistics;
using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace Degeneracy.Verify.Tests.MonteCarlo;

/// <summary>
/// The reduced chain against the exact small-angle law of docs/THEORY.md §3: as θ → 0,
/// sin²θ¹/sin²θ⁰ → χ²_{k−1}/χ²_k with k ~ Binomial(n, ½) conditioned on k ≥ 2, so
/// E[L] = −ρ_exact(n) = −E_k[ψ(k/2) − ψ((k−1)/2)] and
/// Var[L] = E_k[ψ₁((k−1)/2) + ψ₁(k/2)] + Var_k[ψ((k−1)/2) − ψ(k/2)], L = ln sin²θ¹ − ln sin²θ⁰.
/// Kept local to the test on purpose (the library's version is derived independently elsewhere).
/// </summary>
public class SmallAngleLawTests
{
    private static double Trigamma(double x)
    {
        double sum = 0;
        for (; x < 20; x++) sum += 1 / (x * x);
        double inv = 1 / x, inv2 = inv * inv;
        // ψ₁(x) ~ 1/x + 1/(2x²) + 1/(6x³) − 1/(30x⁵) + 1/(42x⁷) − 1/(30x⁹), x ≥ 20: error < 1e-17.
        return sum + inv + inv2 / 2 + inv * inv2 * (1.0 / 6 - inv2 * (1.0 / 30 - inv2 * (1.0 / 42 - inv2 / 30)));
    }

    private static (double Rho, double Variance) ExactLaw(int n)
    {
        double normaliser = 0, meanGap = 0, meanGapSquared = 0, meanTrigamma = 0;
        for (int k = 2; k <= n; k++)
        {
            double p = Math.Exp(SpecialFunctions.BinomialLn(n, k) - n * Math.Log(2));
            double gap = SpecialFunctions.DiGamma(k / 2.0) - SpecialFunctions.DiGamma((k - 1) / 2.0);
            normaliser += p;
            meanGap += p * gap;
            meanGapSquared += p * gap * gap;
            meanTrigamma += p * (Trigamma((k - 1) / 2.0) + Trigamma(k / 2.0));
        }
        meanGap /= normaliser;
        meanGapSquared /= normaliser;
        meanTrigamma /= normaliser;
        return (meanGap, meanTrigamma + (meanGapSquared - meanGap * meanGap));
    }

    [Fact]
    public void Trigamma_KnownValues_Match()
    {
        Assert.Equal(Math.PI * Math.PI / 6, Trigamma(1), 14);
        Assert.Equal(Math.PI * Math.PI / 2, Trigamma(0.5), 13);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(16)]
    [InlineData(64)]
    public void LayerOne_AtTinyAngle_MatchesExactSmallAngleLaw(int n)
    {
        // θ⁰ = 1e-4: corrections to the θ → 0 law are O(θ) ≈ 1e-4, far below the tolerance.
        // S = 400 000 (seed 2024 + n). Tolerance 4 standard errors for mean and for variance:
        // two-sided false-alarm rate ≈ 6.3e-5 per comparison, ≈ 4e-4 for the six comparisons.
        const double theta0 = 1e-4;
        var result = ReducedChainSampler.Run([n], theta0, 400_000, 2024UL + (ulong)n);
        var layer = result.Layers[0];
        double lnSin2Theta0 = 2 * Math.Log(Math.Sin(theta0));
        var (rho, variance) = ExactLaw(n);
        // The library's SmallAngleLaw (src/Series/SmallAngle, computed by another route) must be the same law, so the
        // MC comparison below holds for it too.
        Assert.Equal(rho, Degeneracy.Series.SmallAngle.SmallAngleLaw.Rho(n), 1e-12 * rho);
        Assert.Equal(variance, Degeneracy.Series.SmallAngle.SmallAngleLaw.Variance(n), 1e-12 * variance);

        double meanL = layer.Mean - lnSin2Theta0;
        Assert.True(Math.Abs(meanL + rho) < 4 * layer.MeanStdError,
            $"n={n}: E[L] = {meanL:R} ± {layer.MeanStdError:E2}, −ρ_exact = {-rho:R}");
        Assert.True(Math.Abs(layer.Variance - variance) < 4 * layer.VarianceStdError,
            $"n={n}: Var[L] = {layer.Variance:R} ± {layer.VarianceStdError:E2}, σ²_exact = {variance:R}");
    }
    [Fact]
    public void LayerOne_AtTinyAngle_DistributionPassesKolmogorovSmirnovAgainstExactLaw()
    {
        // L → ln(χ²_{k−1}/χ²_k) with independent χ²'s, i.e. e^L·k/(k−1) ~ F(k−1, k), mixed over k ~ Bin(n, ½) | k ≥ 2.
        // n = 8, S = 20 000, seed 8: under the law p < 1e-3 happens with probability 1e-3.
        const int n = 8;
        const double theta0 = 1e-4;
        var result = ReducedChainSampler.Run([n], theta0, 20_000, 8, collectSamples: true);
        double lnSin2Theta0 = 2 * Math.Log(Math.Sin(theta0));
        var values = result.SurvivingSamples(1).Select(v => v - lnSin2Theta0).ToArray();
        var weights = Enumerable.Range(2, n - 1).Select(k => Math.Exp(SpecialFunctions.BinomialLn(n, k))).ToArray();
        double total = weights.Sum();
        double Cdf(double t) => Enumerable.Range(2, n - 1)
            .Sum(k => weights[k - 2] / total * FisherSnedecor.CDF(k - 1, k, Math.Exp(t) * k / (k - 1)));
        var test = KolmogorovSmirnov.Test(values, Cdf);
        Assert.True(test.PValue > 1e-3, $"KS D = {test.Statistic:E3}, p = {test.PValue:E3}");
    }
}
