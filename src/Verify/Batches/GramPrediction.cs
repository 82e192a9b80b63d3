using Degeneracy.JFunctions;
using Degeneracy.Series.Evaluation;
using Degeneracy.Verify.Prediction;

namespace Degeneracy.Verify.Batches;

/// <summary>A predicted layer: the Gram matrix and the observables evaluated on it.</summary>
/// <param name="Layer">ℓ ∈ [1, L].</param>
/// <param name="Gram">The predicted K^ℓ (m×m).</param>
/// <param name="Observables">One value per <see cref="BatchObservable"/> (NaN where not predicted).</param>
public sealed record GramLayerPrediction(int Layer, double[,] Gram, IReadOnlyList<double> Observables)
{
    /// <summary>The predicted value of <paramref name="observable"/>.</summary>
    public double this[BatchObservable observable] => Observables[(int)observable];
}

/// <summary>
/// Predictions of the batch observables (docs/BATCHES.md). <b>Infinite width</b>: the NNGP recursion
/// K^{ℓ+1}ᵢⱼ = √(ΣᵢᵢΣⱼⱼ)·J^{(s)}(θᵢⱼ), Σ = σ_w²K^ℓ + σ_b²11ᵀ, cos θᵢⱼ = Σᵢⱼ/√(ΣᵢᵢΣⱼⱼ),
/// J^{(s)}(θ) = (1 + s²)J_{1,1}(θ) − 2s·J_{1,1}(π − θ); it is the exact mean of K^{ℓ+1} given K^ℓ, so for ℓ ≥ 2 it
/// misses the O(1/n) Jensen bias E F(K) − F(E K). <b>Finite width</b> (ReLU, no bias): each pair's angle follows the
/// finite-width angle law (moment closure of Algorithm 1 with the derived series law) and the diagonal its exact mean;
/// the mean of ln sin²θᵢⱼ averaged over pairs is then a mean prediction, while min/max over pairs and the spectral
/// observables are evaluated on the predicted matrix (E f(K) ≈ f(K̃), pairs treated as independent). Both evaluate
/// the spectral observables at the mean matrix: E[PR(K)] ≠ PR(E K), and the gap is what Monte Carlo measures.
/// </summary>
public static class GramPrediction
{
    /// <summary>E[φ_s(u)φ_s(v)] for unit-variance u, v at angle θ ∈ [0, π]: (1 + s²)J_{1,1}(θ) − 2s·J_{1,1}(π − θ).</summary>
    public static double ActivationKernel(double theta, double slope)
    {
        double j = JFunction.Evaluate(1, 1, theta);
        return slope == 0 ? j : (1 + slope * slope) * j - 2 * slope * JFunction.Evaluate(1, 1, Math.PI - theta);
    }

    /// <summary>The infinite-width Gram matrices K¹ … K^L of a configuration, with every observable on them.</summary>
    public static IReadOnlyList<GramLayerPrediction> InfiniteWidth(BatchConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        int m = configuration.BatchSize;
        var k = (double[,])configuration.Inputs.Gram.Clone();
        double slope = configuration.Activation.SlopeValue;
        var layers = new List<GramLayerPrediction>();
        for (int l = 1; l <= configuration.Depth; l++)
        {
            var sigma = new double[m, m];
            for (int i = 0; i < m; i++)
                for (int j = 0; j < m; j++) sigma[i, j] = configuration.WeightVariance * k[i, j] + configuration.BiasVariance;
            var next = new double[m, m];
            for (int i = 0; i < m; i++)
                for (int j = i; j < m; j++)
                {
                    double scale = Math.Sqrt(sigma[i, i] * sigma[j, j]);
                    double value = 0;
                    if (scale > 0)
                    {
                        double theta = i == j ? 0 : Math.Acos(Math.Clamp(sigma[i, j] / scale, -1, 1));
                        value = scale * ActivationKernel(theta, slope);
                    }
                    next[i, j] = next[j, i] = value;
                }
            k = next;
            layers.Add(new GramLayerPrediction(l, k, Observe(k, configuration, null)));
        }
        return layers;
    }

    /// <summary>
    /// The finite-width prediction (ReLU, σ_b² = 0, every width ≥ 2): per pair the moment-closure angle law at the
    /// configured widths, the diagonal from its exact mean; pairs at angle 0 or π are moved 10⁻¹² inside (0, π).
    /// </summary>
    /// <param name="configuration">The run to predict.</param>
    /// <param name="nOrder">1/n order of the derived series law (0 … 5).</param>
    /// <exception cref="ArgumentException">Not ReLU, a bias, or a width below 2.</exception>
    public static IReadOnlyList<GramLayerPrediction> FiniteWidth(BatchConfiguration configuration, int nOrder = 1)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (!configuration.Activation.IsRelu || configuration.BiasVariance != 0)
            throw new ArgumentException("the finite-width prediction needs ReLU without bias (the angle law is derived for that network)", nameof(configuration));
        int m = configuration.BatchSize, depth = configuration.Depth;
        var predictor = new MomentPredictor(LayerLaws.Series(nOrder));
        var x = new double[depth, m, m];
        var k0 = configuration.Inputs.Gram;
        for (int i = 0; i < m; i++)
            for (int j = i + 1; j < m; j++)
            {
                double scale = Math.Sqrt(k0[i, i] * k0[j, j]);
                double theta = scale > 0 ? Math.Acos(Math.Clamp(k0[i, j] / scale, -1, 1)) : Math.PI / 2;
                theta = Math.Clamp(theta, 1e-12, Math.PI - 1e-12);
                var prediction = predictor.Predict(configuration.Widths, theta);
                for (int l = 0; l < depth; l++) x[l, i, j] = x[l, j, i] = prediction.Layers[l].Mean;
            }
        var diagonal = new double[m];
        for (int i = 0; i < m; i++) diagonal[i] = k0[i, i];
        var layers = new List<GramLayerPrediction>();
        for (int l = 0; l < depth; l++)
        {
            for (int i = 0; i < m; i++) diagonal[i] *= configuration.WeightVariance / 2;
            var k = new double[m, m];
            for (int i = 0; i < m; i++)
                for (int j = 0; j < m; j++)
                    k[i, j] = i == j ? diagonal[i] : Math.Sqrt(diagonal[i] * diagonal[j]) * Math.Cos(AngleCoordinates.Theta(x[l, i, j]));
            var pairs = new List<double>();
            for (int i = 0; i < m; i++)
                for (int j = i + 1; j < m; j++) pairs.Add(x[l, i, j]);
            layers.Add(new GramLayerPrediction(l + 1, k, Observe(k, configuration, pairs)));
        }
        return layers;
    }

    /// <summary>Every observable of a deterministic K; pairwise ln sin² from <paramref name="lnSin2"/> when given, else from K.</summary>
    private static double[] Observe(double[,] k, BatchConfiguration configuration, IReadOnlyList<double>? lnSin2)
    {
        int m = configuration.BatchSize;
        var flat = new double[m * m];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < m; j++) flat[i * m + j] = k[i, j];
        var output = new double[BatchObservables.Count];
        GramObserver.Spectral(flat, m, configuration.Tolerance, new double[m * m + m], new double[m], output);
        var values = new List<double>();
        if (lnSin2 is not null) values.AddRange(lnSin2);
        else
            for (int i = 0; i < m; i++)
                for (int j = i + 1; j < m; j++)
                {
                    double d = k[i, i] * k[j, j];
                    values.Add(d > 0 ? Math.Log(Math.Max((d - k[i, j] * k[i, j]) / d, double.Epsilon)) : double.NaN);
                }
        output[(int)BatchObservable.LnSin2Mean] = values.Average();
        output[(int)BatchObservable.LnSin2Min] = values.Min();
        output[(int)BatchObservable.LnSin2Max] = values.Max();
        output[(int)BatchObservable.CollapsedPairs] = 0;
        output[(int)BatchObservable.Cdnv] = configuration.Inputs.Labels is { } labels
            ? GramObserver.GramCdnv(flat, m, labels, new double[labels.ClassCount * labels.ClassCount]) : double.NaN;
        return output;
    }
}
