using Degeneracy.Series.Evaluation;

namespace Degeneracy.Verify.Prediction;

/// <summary>
/// Algorithm 1 with a second-order moment closure: instead of pushing the mean of x = ln sin²θ through the layer map
/// (which misses the Jensen term E g(x) − g(E x)), the mean m and variance V of x are propagated by 5-point
/// Gauss–Hermite quadrature, x_i = m + √V·z_i (exact for polynomials of degree ≤ 9 under a Gaussian):
/// m' = Σ w_i [x_i + Drift(θ(x_i), n)],  V' = Σ w_i [(x_i + Drift(θ(x_i), n) − m')² + σ²(θ(x_i), n)].
/// Nodes above x = 0 (impossible for ln sin²) are reflected to −x. Cost: five law evaluations per layer.
/// </summary>
public sealed class MomentPredictor(ILayerLaw law, string name = "moment") : IAnglePredictor
{
    // Probabilists' Hermite nodes and weights, 5 points.
    private static readonly double[] Z = [-2.8569700138728056, -1.3556261799742659, 0, 1.3556261799742659, 2.8569700138728056];
    private static readonly double[] W = [0.011257411327720691, 0.22207592200561266, 0.53333333333333333, 0.22207592200561266, 0.011257411327720691];

    /// <inheritdoc/>
    public string Name { get; } = name;

    /// <inheritdoc/>
    public NetworkPrediction Predict(IReadOnlyList<int> widths, double theta0)
    {
        AngleCoordinates.CheckNetwork(widths, theta0);
        var layers = new LayerPrediction[widths.Count];
        double m = AngleCoordinates.X(theta0), v = 0;
        Span<double> g = stackalloc double[5];
        Span<double> s2 = stackalloc double[5];
        for (int l = 0; l < widths.Count; l++)
        {
            double n = widths[l], sd = Math.Sqrt(v);
            int nodes = v > 0 ? 5 : 1;
            double mean = 0;
            for (int i = 0; i < nodes; i++)
            {
                double x = nodes == 1 ? m : m + sd * Z[i];
                if (x > 0) x = -x;
                // the first layer starts from θ⁰ itself (may exceed π/2, where x alone cannot tell θ from π − θ)
                double theta = l == 0 ? theta0 : AngleCoordinates.Theta(x);
                g[i] = x + law.Drift(theta, n);
                s2[i] = Math.Max(0, law.Sigma2(theta, n));
                mean += (nodes == 1 ? 1 : W[i]) * g[i];
            }
            double variance = 0;
            for (int i = 0; i < nodes; i++)
            {
                double d = g[i] - mean;
                variance += (nodes == 1 ? 1 : W[i]) * (d * d + s2[i]);
            }
            m = Math.Min(mean, 0);
            v = variance;
            layers[l] = new LayerPrediction(l + 1, widths[l], m, Math.Sqrt(v));
        }
        return new NetworkPrediction(Name, layers);
    }
}
