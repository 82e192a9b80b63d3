using Degeneracy.Series.Derivation;
using Degeneracy.TestSupport.HighPrecision;

namespace Degeneracy.Series.Tests.CodeGen;

/// <summary>The accuracy grid of the generated-evaluator tests and the shared high-precision references.</summary>
internal static class ReferenceGrid
{
    /// <summary>Bound on |computed − reference|: 1e-12 absolute + 1e-12 relative.</summary>
    public static bool Within(double error, double reference) => error <= 1e-12 + 1e-12 * Math.Abs(reference);

    /// <summary>θ ∈ {0} ∪ [1e-12, π − 1e-12], log-spaced near both ends, uniform in between.</summary>
    public static IReadOnlyList<double> Thetas { get; } = BuildThetas();

    /// <summary>n ∈ [2, 1e6].</summary>
    public static IReadOnlyList<double> Widths { get; } = [2, 2.5, 3, 7, 20, 150, 4096, 1e6];

    private static double[] BuildThetas()
    {
        var t = new List<double> { 0 };
        for (int i = 0; i <= 24; i++) t.Add(Math.Pow(10, -12 + 11.0 * i / 24));          // 1e-12 … 0.1
        for (int i = 1; i < 60; i++) t.Add(Math.PI * i / 60);                             // interior, crosses the switch points
        for (int i = 0; i <= 16; i++) t.Add(Math.PI - Math.Pow(10, -12 + 11.0 * i / 16)); // π − 1e-12 … π − 0.1
        return t.Order().ToArray();
    }

    public static readonly Lazy<LawReference> Order1 = new(() => new LawReference(Degeneracy.Series.Derivation.Derivation.Derive(24, 1)));
    public static readonly Lazy<LawReference> Order2 = new(() => new LawReference(Degeneracy.Series.Derivation.Derivation.Derive(24, 2)));
    public static readonly Lazy<PublishedLawReference> Published = new(() => new PublishedLawReference());
}
