namespace Degeneracy.Verify.Batches;

/// <summary>
/// What the batch Monte Carlo measures per layer on the m×m Gram matrix K = HᵀH/n of the post-activations H (n×m):
/// effective dimensions, pairwise angles and class collapse. Each is one number per sample and layer.
/// </summary>
public enum BatchObservable
{
    /// <summary>Participation ratio (tr K)²/tr K² ∈ [1, m].</summary>
    ParticipationRatio,
    /// <summary>Entropy effective rank exp H(p), p = λ/Σλ over the eigenvalues of K; in [1, m].</summary>
    EntropyRank,
    /// <summary>Numerical rank #{λᵢ &gt; τ·λ_max} at the configured relative tolerance τ.</summary>
    NumericalRank,
    /// <summary>Rank of K at machine tolerance, #{λᵢ &gt; m·2⁻⁵²·λ_max} (numpy's matrix_rank convention for K).</summary>
    Rank,
    /// <summary>Mean of ln sin²θᵢⱼ over the pairs that have not collapsed (undefined when all have).</summary>
    LnSin2Mean,
    /// <summary>Smallest ln sin²θᵢⱼ over the non-collapsed pairs.</summary>
    LnSin2Min,
    /// <summary>Largest ln sin²θᵢⱼ over the non-collapsed pairs.</summary>
    LnSin2Max,
    /// <summary>Collapsed pairs: one vector zero, or both supported on the same single unit (angle 0 exactly).</summary>
    CollapsedPairs,
    /// <summary>Average CDNV over class pairs (labelled inputs only; undefined when two class means coincide).</summary>
    Cdnv,
}

/// <summary>Names of the observables as written in JSON and tables.</summary>
public static class BatchObservables
{
    /// <summary>Every observable, in index order.</summary>
    public static IReadOnlyList<BatchObservable> All { get; } = Enum.GetValues<BatchObservable>();

    /// <summary>Number of observables.</summary>
    public static int Count => All.Count;

    /// <summary>The camelCase JSON name, e.g. participationRatio.</summary>
    public static string Name(BatchObservable observable) => observable switch
    {
        BatchObservable.ParticipationRatio => "participationRatio",
        BatchObservable.EntropyRank => "entropyRank",
        BatchObservable.NumericalRank => "numericalRank",
        BatchObservable.Rank => "rank",
        BatchObservable.LnSin2Mean => "lnSin2Mean",
        BatchObservable.LnSin2Min => "lnSin2Min",
        BatchObservable.LnSin2Max => "lnSin2Max",
        BatchObservable.CollapsedPairs => "collapsedPairs",
        BatchObservable.Cdnv => "cdnv",
        _ => throw new ArgumentOutOfRangeException(nameof(observable), observable, "unknown observable"),
    };

    /// <summary>The observable of a JSON name; throws <see cref="ArgumentException"/> listing the names.</summary>
    public static BatchObservable Parse(string name) =>
        All.FirstOrDefault(o => Name(o) == name, (BatchObservable)(-1)) is var o && o >= 0 ? o
            : throw new ArgumentException($"unknown observable '{name}'; known: {string.Join(", ", All.Select(Name))}", nameof(name));
}
