using Degeneracy.Verify.MonteCarlo;
using Degeneracy.Verify.Prediction;

namespace Degeneracy;

/// <summary>
/// Front door to the layer-by-layer predictors of ln sin²θ^ℓ (docs/THEORY.md §4) and their comparison with Monte Carlo.
/// Widths n_ℓ ≥ 2, 0 &lt; θ⁰ &lt; π.
/// </summary>
public static class Predict
{
    /// <summary>The method names: infinite, linear, paper, series, moment, density, exact-small-angle.</summary>
    public static IReadOnlyList<string> Methods => PredictionMethods.Names;

    /// <summary>Mean and sd of ln sin²θ^ℓ at every layer by <paramref name="method"/> (derived law of 1/n order <paramref name="nOrder"/>).</summary>
    /// <example><code>var p = Predict.Network([64, 64, 64], 0.3, "moment"); double last = p.Final.Mean;</code></example>
    /// <exception cref="ArgumentException">An unknown method, a width below 2 or θ⁰ outside (0, π).</exception>
    public static NetworkPrediction Network(IReadOnlyList<int> widths, double theta0, string method = "moment", int nOrder = 1) =>
        PredictionMethods.Create(method, nOrder).Predict(widths, theta0);

    /// <summary>
    /// Mean and sd of ln sin²θ^ℓ at every layer for a network with the activation φ_s (relu, abs, linear, leaky:S) by
    /// <paramref name="method"/>: infinite, linear, series, moment, density, exact-small-angle for every s;
    /// paper and exact are ReLU only (see <see cref="MethodsFor"/>).
    /// </summary>
    /// <example><code>var p = Predict.Network([16, 16, 16], Math.PI / 2, Activation.Abs, "moment"); double last = p.Final.Mean;</code></example>
    /// <exception cref="ArgumentException">An unknown method or one not available for φ_s, a width below 2 or θ⁰ outside (0, π).</exception>
    public static NetworkPrediction Network(IReadOnlyList<int> widths, double theta0, JFunctions.Activation activation,
        string method = "moment", int nOrder = 1) =>
        PredictionMethods.Create(method, nOrder, 2000, activation).Predict(widths, theta0);

    /// <summary>The method names available for the activation φ_s (all of <see cref="Methods"/> for ReLU).</summary>
    /// <example><code>foreach (var m in Predict.MethodsFor(Activation.Parse("leaky:1/100"))) Console.WriteLine(m);</code></example>
    public static IReadOnlyList<string> MethodsFor(JFunctions.Activation activation) =>
        PredictionMethods.Names.Where(m => PredictionMethods.Supports(m, activation)).ToList();

    /// <summary>A prediction's error against Monte Carlo at a layer (default the last), in nats and in standard errors of the Monte Carlo mean.</summary>
    /// <example><code>var e = Predict.ErrorAgainst(p, mc); Console.WriteLine($"{e.ErrorNats} nats = {e.ErrorStdErrors} SE");</code></example>
    /// <exception cref="ArgumentException">The prediction and the Monte Carlo run describe different networks.</exception>
    public static MethodError ErrorAgainst(NetworkPrediction prediction, MonteCarloResult monteCarlo, int? layer = null) =>
        MethodError.Against(prediction, monteCarlo, layer);
}
