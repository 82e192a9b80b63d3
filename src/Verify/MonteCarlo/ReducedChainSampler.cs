namespace Degeneracy.Verify.MonteCarlo;

/// <summary>Monte Carlo of the reduced angle chain θ⁰ → θ¹ → … → θ^L (docs/THEORY.md §1), the fast exact-in-distribution backend.</summary>
public static class ReducedChainSampler
{
    /// <summary>
    /// Samples ln sin²θ^ℓ for ℓ = 1 … L over <paramref name="samples"/> independent chains.
    /// </summary>
    /// <param name="widths">n₁ … n_L, each ≥ 1 (1 ≤ L ≤ 4095).</param>
    /// <param name="theta0">θ⁰ ∈ [0, π].</param>
    /// <param name="samples">S ∈ [1, 2⁵²].</param>
    /// <param name="seed">Philox key; the output depends only on (seed, sample index).</param>
    /// <param name="threads">Worker threads, default all cores; does not change the output.</param>
    /// <param name="collectSamples">Keep each sample's values (see <see cref="MonteCarloResult.SurvivingSamples"/>).</param>
    /// <param name="activation">φ_s (default ReLU).</param>
    public static MonteCarloResult Run(IReadOnlyList<int> widths, double theta0, long samples, ulong seed,
        int? threads = null, bool collectSamples = false, JFunctions.Activation? activation = null) =>
        MonteCarloSampler.Run(new MonteCarloConfiguration(widths, theta0, samples, seed, activation: activation),
            new MonteCarloRunOptions { Threads = threads, CollectSamples = collectSamples });
}
