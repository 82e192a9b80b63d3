namespace Degeneracy.Verify.MonteCarlo;

/// <summary>
/// Monte Carlo of explicit ReLU networks with iid N(0, 1) weights, z¹ = W¹x, z^{ℓ+1} = √(2/n_ℓ) W^{ℓ+1} φ(z^ℓ):
/// the slow reference that confirms the reduced chain.
/// </summary>
public static class FullNetworkSampler
{
    /// <summary>Samples ln sin²θ^ℓ of <paramref name="samples"/> independent networks.</summary>
    /// <param name="widths">n₁ … n_L, each ≥ 1.</param>
    /// <param name="theta0">θ⁰ ∈ [0, π], the angle between the inputs e₁ and cos θ⁰ e₁ + sin θ⁰ e₂.</param>
    /// <param name="samples">S ∈ [1, 2⁵²].</param>
    /// <param name="seed">Philox key.</param>
    /// <param name="inputDimension">n_in ∈ [2, 2²⁴], default n₁.</param>
    /// <param name="threads">Worker threads, default all cores; does not change the output.</param>
    /// <param name="collectSamples">Keep each sample's values.</param>
    public static MonteCarloResult Run(IReadOnlyList<int> widths, double theta0, long samples, ulong seed,
        int? inputDimension = null, int? threads = null, bool collectSamples = false) =>
        MonteCarloSampler.Run(new MonteCarloConfiguration(widths, theta0, samples, seed, MonteCarloBackend.Network, inputDimension),
            new MonteCarloRunOptions { Threads = threads, CollectSamples = collectSamples });

    /// <summary>
    /// The weight W^ℓ_{ij} (row i &lt; n_ℓ, column j &lt; n_{ℓ−1} or n_in) that sample <paramref name="sample"/> uses:
    /// Z₁ (j even) or Z₂ (j odd) of the Gaussian pair of counter (⌊j/2⌋, i, sample mod 2³², (ℓ &lt;&lt; 20) | ⌊sample/2³²⌋).
    /// </summary>
    /// <param name="seed">The run's seed.</param>
    /// <param name="sample">Sample index in [0, 2⁵²).</param>
    /// <param name="layer">ℓ ∈ [1, 4095].</param>
    /// <param name="row">i ≥ 0.</param>
    /// <param name="column">j ≥ 0.</param>
    public static double Weight(ulong seed, long sample, int layer, int row, int column)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sample);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(sample, MonteCarloConfiguration.MaxSamples);
        ArgumentOutOfRangeException.ThrowIfLessThan(layer, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(layer, MonteCarloConfiguration.MaxDepth);
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfNegative(column);
        var counter = new PhiloxBlock((uint)(column >> 1), (uint)row, CounterLayout.SampleLow(sample), CounterLayout.NetworkHigh(sample, layer));
        var (z1, z2) = PhiloxGaussian.Pair(counter, PhiloxKey.FromSeed(seed));
        return (column & 1) == 0 ? z1 : z2;
    }
}
