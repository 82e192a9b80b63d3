using Degeneracy.JFunctions;
using Degeneracy.Series.Evaluation;

namespace Degeneracy.Verify.Prediction;

/// <summary>
/// The whole-network predictors by name (docs/THEORY.md §4). Every one steps into layer ℓ + 1 with n_{ℓ+1}.
/// <list type="bullet">
/// <item><c>infinite</c>: Approximation 2, cos θ^{ℓ+1} = 2J_{1,1}(θ^ℓ); sd 0.</item>
/// <item><c>linear</c>: Approximation 1, x^{ℓ+1} = x^ℓ − (2/(3π))θ^ℓ − ρ_pub(n); sd by the delta method with σ² = 8/n
/// (Theorem 3, eq. 6, at θ = 0).</item>
/// <item><c>paper</c>, <c>series</c>: Algorithm 1, x^{ℓ+1} = μ(θ^ℓ, n) with μ_pub (<see cref="LayerLaws.Paper"/>) or the
/// derived law at the chosen 1/n order (<see cref="LayerLaws.Series(int)"/>); sd by the delta method
/// (<see cref="PointPredictor"/>).</item>
/// <item><c>moment</c>: Algorithm 1 with the derived law and a second-order moment closure (<see cref="MomentPredictor"/>):
/// mean and variance of x propagated by Gauss–Hermite quadrature, which removes Algorithm 1's Jensen bias.</item>
/// <item><c>density</c>: Approximation 3 propagated on a grid (<see cref="DensityPredictor"/>) with the series law.</item>
/// <item><c>exact-small-angle</c>: the same with <see cref="SmallAngleBlendedLaw"/> over the series law.</item>
/// <item><c>exact</c>: the finite-width one-step law (exact collapse and θ' = π/2 atom, tabulated continuous part) as a
/// transfer operator on a grid (<see cref="ExactPredictor"/>); predicts the collapsed fraction.</item>
/// </list>
/// </summary>
public static class PredictionMethods
{
    /// <summary>All method names, in display order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["infinite", "linear", "paper", "series", "moment", "density", "exact-small-angle", "exact"];

    /// <summary>The predictor called <paramref name="name"/>; <paramref name="nOrder"/> is the 1/n order of the series law.</summary>
    /// <exception cref="ArgumentException">Unknown name, or an n-order above 5 without <see cref="LayerLaws.HigherOrderSource"/>.</exception>
    public static IAnglePredictor Create(string name, int nOrder = 1, int gridPoints = 2000)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name switch
        {
            "infinite" => new PointPredictor("infinite", (theta, _, _) => InfiniteWidthMap.NextX(theta), (_, _) => 0),
            "linear" => new PointPredictor("linear", (theta, x, n) => x - 2 / (3 * Math.PI) * theta - PublishedLaw.Rho(n), (_, n) => 8 / n),
            "paper" => Algorithm1("paper", LayerLaws.Paper),
            "series" => Algorithm1("series", LayerLaws.Series(nOrder)),
            "moment" => new MomentPredictor(LayerLaws.Series(nOrder)),
            "density" => new DensityPredictor(LayerLaws.Series(nOrder), "density", gridPoints),
            "exact-small-angle" => new DensityPredictor(new SmallAngleBlendedLaw(LayerLaws.Series(nOrder)), "exact-small-angle", gridPoints),
            "exact" => new ExactPredictor(gridPoints),
            _ => throw new ArgumentException($"unknown method '{name}'; expected one of {string.Join(", ", Names)}", nameof(name)),
        };
    }

    /// <summary>Methods that exist for ReLU only: <c>paper</c> (the published ReLU formulas) and <c>exact</c> (the
    /// finite-width one-step law, tabulated for ReLU and abs only — see <see cref="FiniteWidth.OneStepLawTable.For"/>).</summary>
    public static IReadOnlyList<string> ReluOnly { get; } = ["paper", "exact"];

    /// <summary>True when <paramref name="name"/> is available for <paramref name="activation"/>.</summary>
    public static bool Supports(string name, Activation activation)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(activation);
        if (activation.IsRelu) return Names.Contains(name);
        if (name == "exact") return FiniteWidth.OneStepLawTable.IsAvailable(activation);
        return Names.Contains(name) && !ReluOnly.Contains(name);
    }

    /// <summary>
    /// The predictor called <paramref name="name"/> for the activation φ_s (ReLU: <see cref="Create(string, int, int)"/>).
    /// For s ≠ 0: <c>infinite</c> steps x by the ε⁰ term of the derived drift (cos θ' = 2J̄_{1,1}(θ), evaluated stably);
    /// <c>linear</c> is x' = x + c₁θ − ρ(n; s) with c₁ the θ¹ coefficient of that drift and ρ(n; s) = −Drift(0, n), sd² per
    /// step σ²(0, n; s), both from the derived law; <c>series</c>, <c>moment</c>, <c>density</c> use
    /// <see cref="LayerLaws.Series(int, Activation)"/>; <c>exact-small-angle</c> blends in the exact small-angle law of φ_s.
    /// </summary>
    /// <exception cref="ArgumentException">Unknown name, n-order outside [0, 5], or a method not available for φ_s
    /// (<see cref="Supports"/>).</exception>
    public static IAnglePredictor Create(string name, int nOrder, int gridPoints, Activation activation)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(activation);
        if (activation.IsRelu) return Create(name, nOrder, gridPoints);
        if (Names.Contains(name) && !Supports(name, activation))
            throw new ArgumentException($"method '{name}' is not available for the activation {activation.Name} (ReLU only).", nameof(name));
        var law = LayerLaws.Series(nOrder, activation);
        switch (name)
        {
            case "infinite":
            {
                var zero = LayerLaws.Series(0, activation);
                return new PointPredictor("infinite", (theta, _, _) => LayerLaws.LnSin2(theta) + zero.Drift(theta, 2), (_, _) => 0);
            }
            case "linear":
            {
                double c1 = Degeneracy.Series.Derivation.Derivation.Derive(2, 0, activation)
                    .Coefficient(Degeneracy.Series.Derivation.Quantity.Drift, 1, 0).ToDouble();
                return new PointPredictor("linear", (theta, x, n) => x + c1 * theta + law.Drift(0, n), (_, n) => law.Sigma2(0, n));
            }
            case "series": return Algorithm1("series", law);
            case "moment": return new MomentPredictor(law);
            case "density": return new DensityPredictor(law, "density", gridPoints);
            case "exact-small-angle":
                return new DensityPredictor(new SmallAngleBlendedLaw(law, activation: activation), "exact-small-angle", gridPoints);
            case "exact": return new ExactPredictor(activation, gridPoints);
            default: return Create(name, nOrder, gridPoints); // unknown name: the same error as for ReLU
        }
    }

    /// <summary>Parses "all" or a comma-separated list of names (duplicates removed, order kept).</summary>
    /// <exception cref="ArgumentException">An unknown or empty name.</exception>
    public static IReadOnlyList<string> ParseList(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Trim() == "all") return Names;
        var result = new List<string>();
        foreach (string raw in spec.Split(','))
        {
            string name = raw.Trim();
            if (!Names.Contains(name))
                throw new ArgumentException($"unknown method '{name}'; expected 'all' or a comma-separated list of {string.Join(", ", Names)}", "--method");
            if (!result.Contains(name)) result.Add(name);
        }
        return result;
    }

    /// <summary>Algorithm 1 with a law: x^{ℓ+1} = x^ℓ + Drift(θ^ℓ, n), variance σ²(θ^ℓ, n) per step.</summary>
    public static IAnglePredictor Algorithm1(string name, ILayerLaw law)
    {
        ArgumentNullException.ThrowIfNull(law);
        return new PointPredictor(name, (theta, x, n) => x + law.Drift(theta, n), law.Sigma2);
    }
}
