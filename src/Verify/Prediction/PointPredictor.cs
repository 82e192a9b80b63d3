namespace Degeneracy.Verify.Prediction;

/// <summary>
/// A deterministic layer map x^{ℓ+1} = g(θ^ℓ, x^ℓ, n_{ℓ+1}) on x = ln sin²θ (the mean), with the sd carried by the
/// delta method in its statistical-linearisation form: Var^{ℓ+1} = g'(x^ℓ)² Var^ℓ + σ²(θ^ℓ, n_{ℓ+1}), where g' is the
/// secant slope of g over x^ℓ ± sd^ℓ (right end clamped to 0). Layer 0 is the point θ⁰ (sd 0), so the first step uses
/// θ⁰ itself even when θ⁰ &gt; π/2. A mean above 0 (impossible for ln sin²) is clamped to 0, i.e. θ = π/2.
/// </summary>
public sealed class PointPredictor : IAnglePredictor
{
    private readonly Func<double, double, double, double> _next;
    private readonly Func<double, double, double> _stepVariance;

    /// <param name="name">Method name.</param>
    /// <param name="next">g(θ, x, n): the mean of x' given θ (and x = ln sin²θ) and the width n of the layer produced.</param>
    /// <param name="stepVariance">σ²(θ, n), the variance the step adds (0 for a mean-only rule).</param>
    public PointPredictor(string name, Func<double, double, double, double> next, Func<double, double, double> stepVariance)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(next);
        ArgumentNullException.ThrowIfNull(stepVariance);
        Name = name;
        _next = next;
        _stepVariance = stepVariance;
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public NetworkPrediction Predict(IReadOnlyList<int> widths, double theta0)
    {
        AngleCoordinates.CheckNetwork(widths, theta0);
        var layers = new LayerPrediction[widths.Count];
        double theta = theta0, x = AngleCoordinates.X(theta0), variance = 0;
        for (int l = 0; l < widths.Count; l++)
        {
            double n = widths[l];
            double mean = Math.Min(0, _next(theta, x, n));
            double slope = 0;
            if (variance > 0)
            {
                double sd = Math.Sqrt(variance), xp = Math.Min(x + sd, 0), xm = x - sd;
                slope = (G(xp, n) - G(xm, n)) / (xp - xm);
            }
            variance = slope * slope * variance + Math.Max(0, _stepVariance(theta, n));
            x = mean;
            theta = AngleCoordinates.Theta(x);
            layers[l] = new LayerPrediction(l + 1, widths[l], mean, Math.Sqrt(variance));
        }
        return new NetworkPrediction(Name, layers);
    }

    private double G(double x, double n) => Math.Min(0, _next(AngleCoordinates.Theta(x), x, n));
}
