namespace Degeneracy.Verify.Claims;

/// <summary>How a published claim fared against derivation and simulation.</summary>
public enum ClaimVerdict
{
    /// <summary>The claim holds (to the stated precision).</summary>
    Holds,
    /// <summary>The claim is false: the evidence contradicts it.</summary>
    Fails,
    /// <summary>Part of the claim holds, part does not (the evidence says which).</summary>
    Partly,
    /// <summary>The claim cannot be checked with this library (the evidence says why).</summary>
    Untestable,
}

/// <summary>One checkable claim of a source document with its verdict and the numbers that decide it.</summary>
/// <param name="Id">Stable dotted id, e.g. <c>oscillation.decay-ratio</c>; the prefix is the source.</param>
/// <param name="Source">The source document, named by authors, title and year.</param>
/// <param name="Statement">The claim, paraphrased.</param>
/// <param name="Verdict">holds / fails / partly / untestable.</param>
/// <param name="Evidence">The figures (derived and measured) that decide the verdict.</param>
public sealed record Claim(string Id, string Source, string Statement, ClaimVerdict Verdict, string Evidence);

/// <summary>Options shared by every claim source.</summary>
/// <param name="Quick">Small Monte Carlo and grids (CI, ≤ 60 s in total); the full report otherwise.</param>
/// <param name="Seed">Seed of every Monte Carlo run in the report.</param>
/// <param name="Progress">Optional progress callback (claim id being evaluated); the library does no console I/O.</param>
public sealed record ClaimOptions(bool Quick, ulong Seed = 1, Action<string>? Progress = null);

/// <summary>A source document whose claims the report checks; each source lives in its own file.</summary>
public interface IClaimSource
{
    /// <summary>Short name used by <c>claims --source NAME</c> and as the id prefix (degeneracy, oscillation, variability, …).</summary>
    string Name { get; }

    /// <summary>Evaluates every claim of this source.</summary>
    IReadOnlyList<Claim> Evaluate(ClaimOptions options);
}
