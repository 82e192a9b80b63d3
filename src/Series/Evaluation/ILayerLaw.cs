namespace Degeneracy.Series.Evaluation;

/// <summary>
/// The per-layer law of L = ln sin²θ' − ln sin²θ given θ and the width n of the layer produced:
/// drift E[L] = μ(θ, n) − ln sin²θ and variance σ²(θ, n). Implementations must be accurate on all of 0 ≤ θ ≤ π.
/// </summary>
public interface ILayerLaw
{
    /// <summary>Short name for tables and JSON (e.g. "series", "paper").</summary>
    string Name { get; }
    /// <summary>μ(θ, n) − ln sin²θ (finite at θ = 0).</summary>
    double Drift(double theta, double n);
    /// <summary>σ²(θ, n) ≥ 0.</summary>
    double Sigma2(double theta, double n);
}

/// <summary>Argument checks shared by every evaluator.</summary>
public static class LawArguments
{
    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> unless 0 ≤ θ ≤ π and n is finite and ≥ 2.</summary>
    public static void Check(double theta, double n)
    {
        if (!(theta >= 0 && theta <= Math.PI))
            throw new ArgumentOutOfRangeException(nameof(theta), theta, "theta must lie in [0, pi] (and not be NaN).");
        if (!(n >= 2) || double.IsInfinity(n))
            throw new ArgumentOutOfRangeException(nameof(n), n, "n must be a finite width >= 2.");
    }
}
