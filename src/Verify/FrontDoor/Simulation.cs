using Degeneracy.Verify;
using Degeneracy.Verify.MonteCarlo;

namespace Degeneracy;

/// <summary>
/// Front door to the Monte Carlo of random ReLU networks (docs/THEORY.md §1): per-layer statistics of ln sin²θ^ℓ for two
/// inputs at angle θ⁰, reproducible from (seed, sample index) whatever the number of threads.
/// </summary>
public static class Simulation
{
    /// <summary>Parses a width spec such as <c>256x32</c>, <c>784,100,100</c> or <c>10x5,20x5</c> into n₁ … n_L.</summary>
    /// <example><code>var widths = Simulation.Widths("64x3"); // [64, 64, 64]</code></example>
    /// <exception cref="FormatException">A malformed spec or a width below 1.</exception>
    public static IReadOnlyList<int> Widths(string spec) => WidthSpec.Parse(spec).Widths;

    /// <summary>
    /// Runs the exact reduced angle chain (O(n) per layer) for <paramref name="samples"/> input pairs (1 … 2^52):
    /// per layer the mean, variance, standard error, quantiles and degenerate count of ln sin²θ^ℓ.
    /// </summary>
    /// <example><code>var mc = Simulation.Run([64, 64, 64], 0.3, 100_000, seed: 1); double m = mc.Layers[0].Mean;</code></example>
    /// <exception cref="ArgumentOutOfRangeException">Widths, θ⁰ (outside [0, π]) or samples out of range.</exception>
    public static MonteCarloResult Run(IReadOnlyList<int> widths, double theta0, long samples, ulong seed = 1) =>
        ReducedChainSampler.Run(widths, theta0, samples, seed);

    /// <summary>The same statistics from explicit random weight matrices (input dimension <paramref name="inputDimension"/>, default n₁); slower, for cross-checks.</summary>
    /// <example><code>var mc = Simulation.RunNetwork([16, 16], 1.0, 10_000, seed: 2);</code></example>
    /// <exception cref="ArgumentOutOfRangeException">Widths, θ⁰, samples or input dimension out of range.</exception>
    public static MonteCarloResult RunNetwork(IReadOnlyList<int> widths, double theta0, long samples, ulong seed = 1, int? inputDimension = null) =>
        MonteCarloSampler.Run(new MonteCarloConfiguration(widths, theta0, samples, seed, MonteCarloBackend.Network, inputDimension));
}
