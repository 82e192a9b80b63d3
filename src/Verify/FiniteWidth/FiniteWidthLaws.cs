using Degeneracy.Series.Evaluation;

namespace Degeneracy.Verify.FiniteWidth;

/// <summary>
/// The one-step law at any (θ, n): from <see cref="OneStepLawTable"/> where n is tabulated; for n between tabulated
/// widths, the cell values interpolated linearly in 1/n between the two nearest; beyond the largest tabulated width, a
/// Gaussian continuous part with the derived series law (ε², <see cref="LayerLaws.Series(int)"/>) cut at L = −ln sin²θ (x' ≤ 0),
/// with collapse and the atom still exact (ReLU only; an abs table serves its own range of widths).
/// </summary>
public static class FiniteWidthLaws
{
    private static readonly ILayerLaw Series = LayerLaws.Series(2);

    /// <summary>Which representation serves width n: "table", "interpolated" or "gaussian".</summary>
    public static string Source(int n, OneStepLawTable? table = null)
    {
        table ??= OneStepLawTable.Default;
        return table.Contains(n) ? "table" : n < table.MaxWidth ? "interpolated" : "gaussian";
    }

    /// <summary>The law of L at (θ, n), θ ∈ [0, π], n ≥ 2.</summary>
    /// <exception cref="ArgumentOutOfRangeException">θ outside [0, π] or n &lt; 2.</exception>
    public static OneStepLaw Evaluate(double theta, int n, OneStepLawTable? table = null)
    {
        if (!(theta >= 0 && theta <= Math.PI))
            throw new ArgumentOutOfRangeException(nameof(theta), theta, "theta must lie in [0, pi] (and not be NaN).");
        if (n < 2) throw new ArgumentOutOfRangeException(nameof(n), n, "n must be a width >= 2 (one unit leaves no angle).");
        table ??= OneStepLawTable.Default;
        if (table.Contains(n)) return table.Evaluate(theta, n);
        if (n < table.MaxWidth)
        {
            int lower = n - 1, upper = n + 1;
            while (!table.Contains(lower)) lower--;
            while (!table.Contains(upper)) upper++;
            var a = table.Evaluate(theta, lower);
            var b = table.Evaluate(theta, upper);
            double t = (1.0 / lower - 1.0 / n) / (1.0 / lower - 1.0 / upper);
            double Mix(double x, double y) => x + t * (y - x);
            var cells = a.CellMeans.Zip(b.CellMeans, Mix).ToArray();
            var breaks = a.Breaks.Zip(b.Breaks, Mix).ToArray();
            var spreads = a.CellSpreads.Zip(b.CellSpreads, Mix).ToArray();
            return new OneStepLaw(theta, n, [.. a.CellMasses], cells, breaks, Mix(a.ContinuousMean, b.ContinuousMean),
                Mix(a.ContinuousVariance, b.ContinuousVariance), spreads, table.Activation.IsRelu);
        }
        if (!table.Activation.IsRelu)
            throw new ArgumentOutOfRangeException(nameof(n), n, $"the {table.Activation.Name} one-step law is tabulated for widths {table.MinWidth} … {table.MaxWidth}");
        return Gaussian(theta, n, table.Cells);
    }

    /// <summary>The Gaussian fallback: N(drift, σ²) of the series law, cells at normal quantiles, values capped at −ln sin²θ.</summary>
    internal static OneStepLaw Gaussian(double theta, int n, int cellCount)
    {
        double mean = Series.Drift(theta, n), sd = Math.Sqrt(Math.Max(0, Series.Sigma2(theta, n)));
        double cap = theta == 0 ? double.PositiveInfinity : -OneStepLaw.AngleLog(theta);
        var levels = OneStepLawTable.Levels(cellCount);
        var masses = new double[cellCount];
        var cells = new double[cellCount];
        var breaks = new double[cellCount + 1];
        var spreads = new double[cellCount];
        for (int c = 0; c <= cellCount; c++)
            breaks[c] = Math.Min(cap, c == 0 ? mean - 8 * sd : c == cellCount ? mean + 8 * sd : mean + sd * MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, levels[c]));
        for (int c = 0; c < cellCount; c++)
        {
            masses[c] = levels[c + 1] - levels[c];
            double z0 = c == 0 ? double.NegativeInfinity : MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, levels[c]);
            double z1 = c == cellCount - 1 ? double.PositiveInfinity : MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, levels[c + 1]);
            double phi0 = double.IsInfinity(z0) ? 0 : Math.Exp(-0.5 * z0 * z0), phi1 = double.IsInfinity(z1) ? 0 : Math.Exp(-0.5 * z1 * z1);
            cells[c] = Math.Min(cap, mean + sd * (phi0 - phi1) / (Math.Sqrt(2 * Math.PI) * masses[c]));
        }
        // Within-cell spread of the normal: Var = E[L² | cell] − E[L | cell]², from the truncated-normal moments.
        for (int c = 0; c < cellCount; c++)
        {
            double z0 = c == 0 ? double.NegativeInfinity : MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, levels[c]);
            double z1 = c == cellCount - 1 ? double.PositiveInfinity : MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, levels[c + 1]);
            double phi0 = double.IsInfinity(z0) ? 0 : Math.Exp(-0.5 * z0 * z0), phi1 = double.IsInfinity(z1) ? 0 : Math.Exp(-0.5 * z1 * z1);
            double t0 = double.IsInfinity(z0) ? 0 : z0 * phi0, t1 = double.IsInfinity(z1) ? 0 : z1 * phi1;
            double norm = Math.Sqrt(2 * Math.PI) * masses[c], m = (phi0 - phi1) / norm;
            spreads[c] = sd * Math.Sqrt(Math.Max(0, 1 + (t0 - t1) / norm - m * m));
        }
        return new OneStepLaw(theta, n, masses, cells, breaks, mean, sd * sd, spreads);
    }
}
