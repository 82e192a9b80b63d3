using Degeneracy.Verify.MonteCarlo;

namespace Degeneracy.Verify.Prediction;

/// <summary>A method's prediction of ln sin²θ^ℓ at layer ℓ (1-based) of width n_ℓ: its mean and standard deviation.</summary>
/// <param name="Layer">ℓ ∈ [1, L].</param>
/// <param name="Width">n_ℓ, the width of the layer produced by the step into ℓ.</param>
/// <param name="Mean">Predicted E[ln sin²θ^ℓ] over the pairs not collapsed by layer ℓ.</param>
/// <param name="Sd">Predicted sd of ln sin²θ^ℓ (0 for a method that ignores fluctuations).</param>
/// <param name="Collapsed">Predicted fraction of all pairs collapsed at or before layer ℓ; null if the method cannot tell.</param>
/// <param name="Quantiles">Predicted quantiles at <see cref="LayerStatistics.StandardProbabilities"/>; null if not predicted.</param>
public sealed record LayerPrediction(int Layer, int Width, double Mean, double Sd, double? Collapsed = null,
    IReadOnlyList<QuantileEstimate>? Quantiles = null);
