namespace Degeneracy.Verify.Claims;

/// <summary>The registry of claim sources the report runs, in report order. Each issue adds its source here.</summary>
public static class ClaimSources
{
    /// <summary>Every source, in report order.</summary>
    public static IReadOnlyList<IClaimSource> All { get; } =
    [
        new VariabilityClaims(),
        // new DepthDegeneracyClaims(), new OscillationClaims(), …
    ];

    /// <summary>The source named <paramref name="name"/>; throws <see cref="ArgumentOutOfRangeException"/> listing the names.</summary>
    public static IClaimSource Get(string name) =>
        All.FirstOrDefault(s => s.Name == name)
        ?? throw new ArgumentOutOfRangeException(nameof(name), name, $"unknown claim source '{name}'; known: {string.Join(", ", All.Select(s => s.Name))}.");
}
