namespace Degeneracy.Verify.MonteCarlo;

/// <summary>The p-quantile of ln sin²θ^ℓ read from the fixed-bin histogram (resolution 2⁻⁸).</summary>
public readonly record struct QuantileEstimate(double Probability, double Value);
