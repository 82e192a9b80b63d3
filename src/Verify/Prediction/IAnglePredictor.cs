namespace Degeneracy.Verify.Prediction;

/// <summary>
/// Predicts ln sin²θ^ℓ layer by layer for widths n₁ … n_L and an input angle θ⁰ (docs/THEORY.md §4). The step into
/// layer ℓ + 1 uses n_{ℓ+1}, the width of the layer it produces (the paper's Algorithm 1 listing writes n_ℓ).
/// </summary>
public interface IAnglePredictor
{
    /// <summary>Short name for tables and JSON.</summary>
    string Name { get; }

    /// <summary>Predicts layers 1 … L.</summary>
    /// <param name="widths">n₁ … n_L, each ≥ 2 (L ≥ 1).</param>
    /// <param name="theta0">θ⁰ ∈ (0, π).</param>
    /// <exception cref="ArgumentException">A width below 2, no layers, or θ⁰ outside (0, π).</exception>
    NetworkPrediction Predict(IReadOnlyList<int> widths, double theta0);
}
