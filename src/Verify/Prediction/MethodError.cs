using Degeneracy.Verify.MonteCarlo;
using Degeneracy.Verify.Statistics;

namespace Degeneracy.Verify.Prediction;

/// <summary>A method's error against Monte Carlo at one layer: predicted mean − MC mean, in nats and in MC standard errors.</summary>
/// <param name="Method">The method's name.</param>
/// <param name="Layer">ℓ.</param>
/// <param name="ErrorNats">E_pred[ln sin²θ^ℓ] − MC mean.</param>
/// <param name="ErrorStdErrors">ErrorNats / MC standard error of the mean.</param>
public sealed record MethodError(string Method, int Layer, double ErrorNats, double ErrorStdErrors)
{
    /// <summary>The error of <paramref name="prediction"/> at layer <paramref name="layer"/> (default the last).</summary>
    public static MethodError Against(NetworkPrediction prediction, MonteCarloResult mc, int? layer = null)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        ArgumentNullException.ThrowIfNull(mc);
        if (prediction.Layers.Count != mc.Layers.Count)
            throw new ArgumentException("the prediction and the Monte Carlo run have different depths", nameof(mc));
        int l = layer ?? prediction.Layers.Count;
        if (l < 1 || l > mc.Layers.Count) throw new ArgumentOutOfRangeException(nameof(layer), l, "layer must lie in [1, L]");
        var stats = mc.Layers[l - 1];
        double error = prediction.Layers[l - 1].Mean - stats.Mean;
        return new MethodError(prediction.Method, l, error, error / stats.MeanStdError);
    }

    /// <summary>
    /// One-sample KS test of a density method's layer-<paramref name="layer"/> distribution against the MC samples
    /// surviving there (the run must have collected samples); null when the method carries no density.
    /// </summary>
    public static KolmogorovSmirnovResult? KolmogorovSmirnovAt(NetworkPrediction prediction, MonteCarloResult mc, int layer)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        ArgumentNullException.ThrowIfNull(mc);
        if (prediction.Densities is null || mc.LayerSamples is null) return null;
        if (layer < 1 || layer > prediction.Densities.Count) throw new ArgumentOutOfRangeException(nameof(layer), layer, "layer must lie in [1, L]");
        var samples = mc.SurvivingSamples(layer);
        if (samples.Length == 0) return null;
        return KolmogorovSmirnov.Test(samples, prediction.Densities[layer - 1].Cdf);
    }

    /// <summary>
    /// One-sample KS test of <c>exact</c>'s continuous part at layer <paramref name="layer"/> (pairs with θ^ℓ ≠ π/2) against the
    /// Monte Carlo samples surviving there with ln sin²θ^ℓ &lt; 0; the atom at θ = π/2 is a separate binomial comparison. Null
    /// when samples were not collected.
    /// </summary>
    public static KolmogorovSmirnovResult? KolmogorovSmirnovContinuous(ExactPrediction prediction, MonteCarloResult mc, int layer)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        ArgumentNullException.ThrowIfNull(mc);
        if (mc.LayerSamples is null) return null;
        if (layer < 1 || layer > prediction.Measures.Count) throw new ArgumentOutOfRangeException(nameof(layer), layer, "layer must lie in [1, L]");
        var samples = mc.SurvivingSamples(layer).Where(x => x < 0).ToArray();
        if (samples.Length == 0) return null;
        return KolmogorovSmirnov.Test(samples, prediction.Measures[layer - 1].ContinuousCdf);
    }
}
