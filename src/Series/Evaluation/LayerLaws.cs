using System.Collections.Concurrent;
using Degeneracy.Series.Derivation;

namespace Degeneracy.Series.Evaluation;

/// <summary>
/// The per-layer laws the library offers: <see cref="Series(int)"/>, the derived law Σ_k ε^k m_k(θ) to a chosen order
/// in ε = 1/n, and <see cref="Paper"/>, the published O(1/n) closed forms μ_pub, σ²_pub of MATH.md §3 evaluated stably.
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
        return SeriesCache.GetOrAdd(nOrder, k => new DerivedLaw(Derivation.Derivation.Derive(8, k)));
    }

    /// <summary>The published law μ_pub, σ²_pub (MATH.md §3), stable near θ = 0.</summary>
    public static ILayerLaw Paper => PublishedLaw.Instance;
}
