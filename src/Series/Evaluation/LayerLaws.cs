using System.Collections.Concurrent;
using Degeneracy.Series.Derivation;

namespace Degeneracy.Series.Evaluation;

/// <summary>
/// The per-layer laws the library offers: <see cref="Series(int)"/>, the derived law Σ_k ε^k m_k(θ) to a chosen order
/// in ε = 1/n (orders 1 and 2 from the generated evaluators checked in under Evaluation/Generated; other orders are
/// generated at θ-order 24 and compiled in-process with Roslyn on first use, which takes seconds at orders 3–5), and
/// <see cref="Paper"/>, the published O(1/n) closed forms μ_pub, σ²_pub of docs/THEORY.md §3 evaluated stably.
/// Instances are cached and thread-safe.
/// </summary>
public static class LayerLaws
{
    private static readonly ConcurrentDictionary<int, ILayerLaw> SeriesCache = new();

    /// <summary>The derived law to order ε^<paramref name="nOrder"/> (n-order in [0, 5]), accurate on 0 ≤ θ ≤ π.</summary>
    public static ILayerLaw Series(int nOrder = 1)
    {
        if (nOrder < 0 || nOrder > LogRatioExpansion.MaxOrder)
            throw new ArgumentOutOfRangeException(nameof(nOrder), nOrder, $"nOrder must be an integer in [0, {LogRatioExpansion.MaxOrder}].");
        return SeriesCache.GetOrAdd(nOrder, k => k switch
        {
            1 => new CodeGen.GeneratedLaw(Generated.LayerLawOrder1.ThetaOrder, 1, Generated.LayerLawOrder1.Mu,
                Generated.LayerLawOrder1.Drift, Generated.LayerLawOrder1.Sigma2, Generated.LayerLawOrder1.Rho),
            2 => new CodeGen.GeneratedLaw(Generated.LayerLawOrder2.ThetaOrder, 2, Generated.LayerLawOrder2.Mu,
                Generated.LayerLawOrder2.Drift, Generated.LayerLawOrder2.Sigma2, Generated.LayerLawOrder2.Rho),
            // Same generator as the checked-in classes (switch points chosen from error estimates), compiled at run
            // time (the closed forms lose digits like θ^{-4k} near 0, so the switch must come from error estimates).
            _ => CodeGen.EvaluatorCompiler.Build(new CodeGen.EvaluatorSpec(24, k, ClassName: $"LayerLawOrder{k}Runtime")),
        });
    }

    /// <summary>The published law μ_pub, σ²_pub (docs/THEORY.md §3), stable near θ = 0.</summary>
    public static ILayerLaw Paper => PublishedLaw.Instance;

    /// <summary>μ(θ, n) = ln sin²θ + Drift(θ, n) of a law (−∞ at θ = 0); θ ∈ [0, π], finite n ≥ 2.</summary>
    public static double Mu(ILayerLaw law, double theta, double n)
    {
        ArgumentNullException.ThrowIfNull(law);
        if (law is CodeGen.GeneratedLaw g) return g.Mu(theta, n);
        return law.Drift(theta, n) + LnSin2(theta);
    }

    /// <summary>π − Math.PI (the double Math.PI lies below π by this much).</summary>
    private const double PiLow = 1.2246467991473532e-16;

    /// <summary>
    /// ln sin²θ = 2·ln sin θ on [0, π], finite down to the smallest positive double (sin²θ itself would underflow below
    /// θ ≈ 1.5e-162); above π/2 it uses sin θ = sin(π − θ) with π − θ formed exactly (−∞ at θ = 0 and θ = π).
    /// </summary>
    public static double LnSin2(double theta)
    {
        double s = theta <= Math.PI / 2 ? Math.Sin(theta) : Math.Sin(Math.PI - theta + PiLow);
        return 2.0 * Math.Log(s);
    }

    /// <summary>
    /// ρ(n) of a law, finite n ≥ 2: −Drift(0, n) = −Σ_k c_{0k} n^−k for the derived law; the published
    /// ρ(n) = ln((n+5)/(n−1)) − 10n/(n+5)² + 6n/(n−1)² for <see cref="Paper"/>.
    /// </summary>
    public static double Rho(ILayerLaw law, double n)
    {
        ArgumentNullException.ThrowIfNull(law);
        return law switch
        {
            CodeGen.GeneratedLaw g => g.Rho(n),
            PublishedLaw => PublishedLaw.Rho(n),
            _ => -law.Drift(0.0, n),
        };
    }
}
