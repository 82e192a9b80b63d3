using Degeneracy.Verify.MonteCarlo;
using Degeneracy.Verify.Prediction;

namespace Degeneracy.Verify.Tests.Prediction;

/// <summary>
/// Narrow networks (10 layers, θ⁰ = π/2), where every O(1/n) method is far from Monte Carlo (docs/ACCURACY.md,
/// "Whole-network predictions"). These tests pin the current best method's error at the last layer, with a margin,
/// so that regressions are caught; they do not claim accuracy.
/// </summary>
public sealed class NarrowNetworkPredictionTests
{
    /// <summary>
    /// Measured (seed 5, 20 000 samples): best is exact-small-angle at n = 10 (error −0.44 nats) and moment at n = 16
    /// (+0.088 nats; exact-small-angle −0.13, density +0.15, series +0.21, paper −1.64).
    /// </summary>
    [Theory]
    [InlineData(10, "exact-small-angle", 0.44)]
    [InlineData(16, "moment", 0.088)]
    public void BestMethod_NarrowNetwork_ErrorPinned(int width, string best, double measured)
    {
        var widths = Enumerable.Repeat(width, 10).ToArray();
        var mc = ReducedChainSampler.Run(widths, Math.PI / 2, 20_000, 5);
        var errors = PredictionMethods.Names.Select(n => MethodError.Against(PredictionMethods.Create(n).Predict(widths, Math.PI / 2), mc)).ToList();
        var bestError = errors.MinBy(e => Math.Abs(e.ErrorNats))!;
        Assert.True(best == bestError.Method, "best: " + string.Join(", ", errors.Select(e => $"{e.Method} {e.ErrorNats:F3}")));
        // Margin: 25% of the measured error plus 4 MC standard errors (SE ≈ 0.012–0.02 nats here).
        double se = mc.Layers[^1].MeanStdError;
        Assert.True(Math.Abs(bestError.ErrorNats) <= 1.25 * measured + 4 * se,
            $"{best} at n = {width}: {bestError.ErrorNats:F3} nats; all: " + string.Join(", ", errors.Select(e => $"{e.Method} {e.ErrorNats:F3}")));
    }
}
