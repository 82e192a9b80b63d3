namespace Degeneracy.Verify.Prediction;

/// <summary>
/// A method's per-layer prediction of ln sin²θ^ℓ for ℓ = 1 … L, and for the density methods the predicted
/// distribution of every layer (for Kolmogorov–Smirnov tests and plots).
/// </summary>
public class NetworkPrediction
{
    /// <summary>A method's per-layer predictions (and densities, for density methods).</summary>
    public NetworkPrediction(string method, IReadOnlyList<LayerPrediction> layers, IReadOnlyList<GridDensity>? densities = null)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(layers);
        if (densities is not null && densities.Count != layers.Count)
            throw new ArgumentException("one density per layer is required", nameof(densities));
        Method = method;
        Layers = layers;
        Densities = densities;
    }

    /// <summary>The method's name (e.g. "paper", "density").</summary>
    public string Method { get; }

    /// <summary>Layers 1 … L (index ℓ − 1).</summary>
    public IReadOnlyList<LayerPrediction> Layers { get; }

    /// <summary>For density methods: the distribution of ln sin²θ^ℓ per layer (index ℓ − 1); null otherwise.</summary>
    public IReadOnlyList<GridDensity>? Densities { get; }

    /// <summary>The last layer's prediction.</summary>
    public LayerPrediction Final => Layers[^1];
}
