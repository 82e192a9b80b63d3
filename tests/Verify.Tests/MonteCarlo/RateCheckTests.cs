using Degeneracy.Series.Derivation;
using Degeneracy.Series.Evaluation;
using Degeneracy.Verify.MonteCarlo;
using Xunit.Abstractions;

namespace Degeneracy.Verify.Tests.MonteCarlo;

/// <summary>
/// Opt-in rate check of the 1/n series: at (θ, n) = (1.0, 32) and (1.5, 24), the error of the series
/// truncated at order K against ≥ 10⁸ reduced-chain samples must be what the next term predicts, for every K up to the
/// highest order the derivation reaches. Run with
/// <c>dotnet test tests/Verify.Tests -c Release --filter "Category=RateCheck"</c> (≈ 3 min of CPU for 2 × 10⁸ samples;
/// DEGENERACY_RATECHECK_SAMPLES overrides the count for a dry run). Figures: docs/ACCURACY.md.
/// </summary>
public class RateCheckTests(ITestOutputHelper output)
{
    private const long DefaultSamples = 100_000_000;

    [Theory]
    [Trait("Category", "Slow")]
    [Trait("Category", "RateCheck")]
    [InlineData(1.0, 32, 20261201UL)]
    [InlineData(1.5, 24, 20261202UL)]
    public void SeriesError_ShrinksWithTheOrder_AsTheNextTermPredicts(double theta, int n, ulong seed)
    {
        long samples = long.TryParse(Environment.GetEnvironmentVariable("DEGENERACY_RATECHECK_SAMPLES"), out var s) ? s : DefaultSamples;
        var layer = MonteCarloSampler.Run(new MonteCarloConfiguration([n], theta, samples, seed)).Layers[0];
        double lnSin2 = 2 * Math.Log(Math.Sin(theta));
        double mcDrift = layer.Mean - lnSin2;
        int kMax = LogRatioExpansion.MaxOrder;
        var drift = new double[kMax + 1];
        var variance = new double[kMax + 1];
        for (int k = 0; k <= kMax; k++)
        {
            var law = LayerLaws.Series(k);
            drift[k] = law.Drift(theta, n);
            variance[k] = law.Sigma2(theta, n);
        }
        output.WriteLine($"θ = {theta}, n = {n}, {samples} samples (seed {seed}); degenerate {layer.Degenerate}");
        output.WriteLine($"MC drift {mcDrift:R} ± {layer.MeanStdError:E2}; MC variance {layer.Variance:R} ± {layer.VarianceStdError:E2}");
        Check("drift", mcDrift, layer.MeanStdError, drift);
        Check("variance", layer.Variance, layer.VarianceStdError, variance);

        void Check(string name, double mc, double se, double[] series)
        {
            // term_k = series_k − series_{k−1}; the error of order K is predicted as term_{K+1}, up to term_{K+2} + noise.
            // Beyond the last available order the next term is extrapolated geometrically from the last two.
            double Term(int k) => k <= kMax ? series[k] - series[k - 1]
                : Term(kMax) * Math.Abs(Term(kMax) / Term(kMax - 1));
            for (int K = 0; K < kMax; K++)
            {
                double error = mc - series[K], predicted = Term(K + 1);
                double bound = 4 * se + 2 * Math.Abs(Term(K + 2));
                output.WriteLine($"{name} K={K}: MC − series {error:E3} (= {error / se:F1} SE), next term {predicted:E3}, " +
                                 $"residual {error - predicted:E3} (= {(error - predicted) / se:F1} SE), bound {bound:E2}");
                // 4 SE: with 2 points × 2 quantities × 5 orders (correlated), a false alarm ≲ 20 × 6.3e-5 ≈ 1.3e-3 per seed.
                Assert.True(Math.Abs(error - predicted) <= bound, $"{name} K={K}: residual {error - predicted:E3} exceeds {bound:E2}");
            }
            output.WriteLine($"{name} K={kMax}: MC − series {mc - series[kMax]:E3} (= {(mc - series[kMax]) / se:F1} SE), extrapolated next term {Term(kMax + 1):E3}");
        }
    }
}
