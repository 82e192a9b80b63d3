namespace Degeneracy.Verify.MonteCarlo;

/// <summary>
/// Statistics of ln sin²θ^ℓ over the samples still non-degenerate at layer ℓ (1-based): count, newly degenerate
/// samples, mean, variance, their standard errors, extremes and quantiles. Non-finite entries mean "too few values".
/// </summary>
/// <param name="Layer">ℓ ∈ [1, L].</param>
/// <param name="Width">n_ℓ.</param>
/// <param name="Count">Samples contributing at layer ℓ (non-degenerate at every layer ≤ ℓ).</param>
/// <param name="Degenerate">Samples whose step into layer ℓ was degenerate; Count_ℓ = Count_{ℓ−1} − Degenerate_ℓ.</param>
/// <param name="Mean">Sample mean of ln sin²θ^ℓ (NaN if Count = 0).</param>
/// <param name="Variance">Sample variance (NaN if Count &lt; 2).</param>
/// <param name="MeanStdError">√(Variance/Count).</param>
/// <param name="VarianceStdError">Standard error of Variance from the fourth central moment (NaN if Count &lt; 4).</param>
/// <param name="Min">Smallest value (+∞ if Count = 0).</param>
/// <param name="Max">Largest value (−∞ if Count = 0).</param>
/// <param name="Quantiles">Quantiles at <see cref="StandardProbabilities"/>, accurate to 2⁻⁸.</param>
public sealed record LayerStatistics(int Layer, int Width, long Count, long Degenerate, double Mean, double Variance,
    double MeanStdError, double VarianceStdError, double Min, double Max, IReadOnlyList<QuantileEstimate> Quantiles)
{
    /// <summary>The probabilities of the reported quantiles: 0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99.</summary>
    public static IReadOnlyList<double> StandardProbabilities { get; } = [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99];
}
