using System.Globalization;

namespace Degeneracy.Verify.Prediction;

/// <summary>
/// Where the predictors are known to fail (docs/ACCURACY.md): plain sentences a front end shows next to the numbers.
/// The finite-width methods assume a Gaussian per-layer law, which is far from the truth at widths ≤ 16; <c>linear</c>
/// expands in small θ and is meaningless for θ⁰ above π/2 (near θ⁰ = π it is off by tens of nats).
/// </summary>
public static class PredictionValidity
{
    /// <summary>Widths at or below this are "narrow": every Gaussian method is far from Monte Carlo there.</summary>
    public const int NarrowWidth = 16;

    /// <summary>Largest θ⁰ for which <c>linear</c> (Approximation 1, a small-angle expansion) is offered without a warning.</summary>
    public const double LinearMaxTheta0 = Math.PI / 2;

    /// <summary>The warnings that apply to predicting <paramref name="widths"/> from θ⁰ with <paramref name="methods"/> (empty when none).</summary>
    /// <exception cref="ArgumentNullException">A null argument.</exception>
    public static IReadOnlyList<string> Warnings(IReadOnlyList<int> widths, double theta0, IReadOnlyList<string> methods)
    {
        ArgumentNullException.ThrowIfNull(widths);
        ArgumentNullException.ThrowIfNull(methods);
        var warnings = new List<string>();
        var gaussian = methods.Where(m => m is not ("infinite" or "exact")).ToList(); // exact: the exact finite-width law, not Gaussian
        int narrowest = widths.Count == 0 ? int.MaxValue : widths.Min();
        if (narrowest <= NarrowWidth && gaussian.Count > 0)
            warnings.Add($"the network has widths ≤ {NarrowWidth} (narrowest n = {narrowest} at layer {IndexOf(widths, narrowest) + 1}): " +
                         $"{string.Join(", ", gaussian)} assume a Gaussian per-layer law, which is far from Monte Carlo this narrow (docs/ACCURACY.md); compare with --samples");
        if (methods.Contains("linear") && theta0 > LinearMaxTheta0)
            warnings.Add($"linear expands in small θ and is outside its validity at θ⁰ = {theta0.ToString("G4", CultureInfo.InvariantCulture)} > π/2 " +
                         "(near π it is off by tens of nats)");
        return warnings;
    }

    private static int IndexOf(IReadOnlyList<int> widths, int value)
    {
        for (int i = 0; i < widths.Count; i++) if (widths[i] == value) return i;
        return -1;
    }
}
