namespace Degeneracy.Verify.MonteCarlo;

/// <summary>How a Monte Carlo sample of the angle chain θ⁰ → θ¹ → … is produced.</summary>
public enum MonteCarloBackend
{
    /// <summary>The reduced chain of docs/THEORY.md §1: n_{ℓ+1} iid correlated Gaussian pairs per layer, O(n) per layer.</summary>
    Chain,

    /// <summary>An explicit network with Gaussian weight matrices, O(n_ℓ·n_{ℓ+1}) per layer.</summary>
    Network,
}
