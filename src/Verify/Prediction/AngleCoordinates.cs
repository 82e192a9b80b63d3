namespace Degeneracy.Verify.Prediction;

/// <summary>The coordinate x = ln sin²θ used by every predictor, its inverse on layers ℓ ≥ 1, and input checks.</summary>
public static class AngleCoordinates
{
    /// <summary>x = ln sin²θ, computed as 2 ln sin θ.</summary>
    public static double X(double theta) => 2 * Math.Log(Math.Sin(theta));

    /// <summary>
    /// θ = arcsin(e^{x/2}) ∈ [0, π/2] for x ≤ 0 (x &gt; 0 is read as 0, i.e. θ = π/2). Exact for layers ℓ ≥ 1, whose
    /// angles lie in [0, π/2] because φ(z) ≥ 0 makes cos θ^ℓ ≥ 0.
    /// </summary>
    public static double Theta(double x) => x >= 0 ? Math.PI / 2 : Math.Asin(Math.Exp(0.5 * x));

    /// <summary>Validates widths (L ≥ 1, each n ≥ 2: one neuron leaves no angle) and θ⁰ ∈ (0, π).</summary>
    /// <exception cref="ArgumentException">Otherwise, with a one-line message.</exception>
    public static void CheckNetwork(IReadOnlyList<int> widths, double theta0)
    {
        ArgumentNullException.ThrowIfNull(widths);
        if (widths.Count == 0) throw new ArgumentException("the network needs at least one layer", nameof(widths));
        for (int i = 0; i < widths.Count; i++)
            if (widths[i] < 2)
                throw new ArgumentOutOfRangeException(nameof(widths), widths[i],
                    $"layer {i + 1} has width {widths[i]}; every width must be at least 2 (the angle between two 1-vectors is undefined)");
        if (!(theta0 > 0 && theta0 < Math.PI))
            throw new ArgumentOutOfRangeException(nameof(theta0), theta0,
                "theta0 must lie strictly between 0 and pi (at 0 the inputs coincide; at pi ln sin²θ⁰ is -infinity)");
    }
}
