using Degeneracy.Series.Evaluation;
using Degeneracy.Series.SmallAngle;

namespace Degeneracy;

/// <summary>
/// Front door to the per-layer law as fast double evaluators (docs/THEORY.md §3): μ(θ, n) = E[ln sin²θ'], the drift
/// μ − ln sin²θ, σ²(θ, n) and ρ(n), for 0 ≤ θ ≤ π and finite n ≥ 2, from the derived series of a chosen 1/n order (0 … 5)
/// or the published O(1/n) formulas; and the exact small-angle law.
/// </summary>
public static class Laws
{
    /// <summary>The derived law to order n^−nOrder (0 … 5), accurate on all of 0 ≤ θ ≤ π; cached and thread-safe.</summary>
    /// <example><code>var law = Laws.Series(2); double s2 = law.Sigma2(0.3, 64);</code></example>
    /// <exception cref="ArgumentOutOfRangeException">nOrder outside [0, 5].</exception>
    public static ILayerLaw Series(int nOrder = 1) => LayerLaws.Series(nOrder);

    /// <summary>The published O(1/n) law μ_pub, σ²_pub of the depth-degeneracy paper, evaluated stably near θ = 0.</summary>
    /// <example><code>double d = Laws.Published.Drift(1e-6, 16); // −0.40032733618327565</code></example>
    public static ILayerLaw Published => LayerLaws.Paper;

    /// <summary>The derived law of the activation φ_s (relu, abs, linear, leaky:S) to 1/n order <paramref name="nOrder"/> ∈ [0, 5],
    /// accurate to 1e-12 on 0 ≤ θ ≤ π, n ≥ 2 (built from the derivation at first use, no compilation; ReLU's is the checked-in one).</summary>
    /// <example><code>var abs = Laws.Series(1, Activation.Abs); double d = abs.Drift(1.0, 16);</code></example>
    public static ILayerLaw Series(int nOrder, JFunctions.Activation activation) => LayerLaws.Series(nOrder, activation);

    /// <summary>μ(θ, n) = ln sin²θ + drift (−∞ at θ = 0 and π), finite down to the smallest positive double.</summary>
    /// <example><code>double mu = Laws.Mu(0.3, 64); // E[ln sin²θ'] one layer after θ = 0.3 at width 64</code></example>
    /// <exception cref="ArgumentOutOfRangeException">θ outside [0, π], n below 2 or not finite, nOrder outside [0, 5].</exception>
    public static double Mu(double theta, double n, int nOrder = 1) => LayerLaws.Mu(LayerLaws.Series(nOrder), theta, n);

    /// <summary>The drift E[L] = μ(θ, n) − ln sin²θ (finite at θ = 0, where it is −ρ(n)).</summary>
    /// <example><code>double d = Laws.Drift(0.0, 64); // −ρ(64)</code></example>
    /// <exception cref="ArgumentOutOfRangeException">θ outside [0, π], n below 2 or not finite, nOrder outside [0, 5].</exception>
    public static double Drift(double theta, double n, int nOrder = 1) => LayerLaws.Series(nOrder).Drift(theta, n);

    /// <summary>The variance σ²(θ, n) = Var[L].</summary>
    /// <example><code>double v = Laws.Variance(0.3, 64);</code></example>
    /// <exception cref="ArgumentOutOfRangeException">θ outside [0, π], n below 2 or not finite, nOrder outside [0, 5].</exception>
    public static double Variance(double theta, double n, int nOrder = 1) => LayerLaws.Series(nOrder).Sigma2(theta, n);

    /// <summary>ρ(n) from the derived series: 2/n + 8/n² + 40/n³ + … to order nOrder.</summary>
    /// <example><code>double r = Laws.Rho(16, nOrder: 3); // 0.166015625</code></example>
    /// <exception cref="ArgumentOutOfRangeException">n below 2 or not finite, nOrder outside [0, 5].</exception>
    public static double Rho(double n, int nOrder = 1) => LayerLaws.Rho(LayerLaws.Series(nOrder), n);

    /// <summary>ρ(n) of the exact small-angle law (all orders in 1/n at once), integer width n ≥ 2.</summary>
    /// <example><code>double r = Laws.SmallAngleRho(16); // 0.17364622475158936</code></example>
    /// <exception cref="ArgumentOutOfRangeException">n below 2.</exception>
    public static double SmallAngleRho(int n) => SmallAngleLaw.Rho(n);

    /// <summary>
    /// Exact finite-n small-angle law for any activation φ_s: (ρ(n; s), σ²(0, n; s)) = (−lim E[L], lim Var[L]) as θ → 0,
    /// n ≥ 2; closed forms for relu, abs, linear, deterministic quadrature (~1e-13) for other slopes.
    /// </summary>
    /// <example><code>var (rho, s2) = Laws.SmallAngle(4, Degeneracy.JFunctions.Activation.Parse("leaky:1/100"));</code></example>
    /// <exception cref="ArgumentOutOfRangeException">n below 2.</exception>
    public static (double Rho, double Variance) SmallAngle(int n, Degeneracy.JFunctions.Activation? activation = null) =>
        ActivationSmallAngleLaw.Evaluate(n, activation ?? Degeneracy.JFunctions.Activation.Relu);
}
