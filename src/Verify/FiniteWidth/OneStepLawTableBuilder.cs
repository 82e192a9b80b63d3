using System.Globalization;
using Degeneracy.Verify.MonteCarlo;

namespace Degeneracy.Verify.FiniteWidth;

/// <summary>
/// Builds <see cref="OneStepLawTable"/> from the exact reduced chain (docs/THEORY.md §1): at each width n and Lobatto node
/// θ_j it samples one step ⌈pairs/n⌉ times (Philox seed derived from (seed, n, j)), drops collapsed samples and the atom
/// θ' = π/2 (both exact elsewhere), sorts the rest and records the mean and variance of T = ln sin²θ' − cos²(θ/2) ln sin²θ,
/// the conditional mean of T in each cell of <see cref="OneStepLawTable.Levels"/> and the cell end points. The node θ = 0
/// is sampled at θ = 10⁻⁶ (the law moves by O(θ) there); at θ = π the continuous part has vanishing weight and T ≡ 0.
/// Output depends only on the arguments, not on the thread count.
/// </summary>
public static class OneStepLawTableBuilder
{
    /// <summary>Where the node θ = 0 is sampled.</summary>
    public const double SmallestAngle = 1e-6;

    /// <summary>Writes the table as CSV (comment header, then one row per (n, node)).</summary>
    /// <param name="output">Destination.</param>
    /// <param name="widths">The widths to tabulate, each in [2, 4096], increasing.</param>
    /// <param name="order">K ∈ [2, 64]: K + 1 nodes in θ.</param>
    /// <param name="cells">J ∈ [4, 1024] cells.</param>
    /// <param name="pairs">Gaussian pairs per node, ∈ [10⁴, 10¹¹] (samples = ⌈pairs/n⌉).</param>
    /// <param name="seed">Base seed.</param>
    /// <param name="threads">Worker threads (null: all cores).</param>
    /// <param name="progress">Called after each (n, node) with (n, node).</param>
    public static void Write(TextWriter output, IReadOnlyList<int> widths, int order, int cells, long pairs, ulong seed,
        int? threads = null, Action<int, int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(widths);
        if (widths.Count == 0) throw new ArgumentException("at least one width is needed", nameof(widths));
        for (int i = 0; i < widths.Count; i++)
            if (widths[i] < 2 || widths[i] > 4096 || (i > 0 && widths[i] <= widths[i - 1]))
                throw new ArgumentOutOfRangeException(nameof(widths), widths[i], "widths must be increasing integers in [2, 4096]");
        if (order < 2 || order > 64) throw new ArgumentOutOfRangeException(nameof(order), order, "order must lie in [2, 64]");
        if (cells < 4 || cells > 1024) throw new ArgumentOutOfRangeException(nameof(cells), cells, "cells must lie in [4, 1024]");
        if (pairs < 10_000 || pairs > 100_000_000_000) throw new ArgumentOutOfRangeException(nameof(pairs), pairs, "pairs must lie in [1e4, 1e11]");
        output.WriteLine("# one-step law of the ReLU angle chain at finite width: continuous part of T = ln sin²θ' − cos²(θ/2)·ln sin²θ");
        output.WriteLine($"# made by: degeneracy one-step-table --widths {string.Join(',', widths)} --order {order} --cells {cells} --pairs {pairs} --seed {seed}");
        output.WriteLine($"# order {order}");
        output.WriteLine($"# cells {cells}");
        output.WriteLine("n,node,theta,samples,continuous,rightAngle,meanT,varT," +
            string.Join(',', Enumerable.Range(0, cells).Select(c => "cell" + c)) + "," + string.Join(',', Enumerable.Range(0, cells + 1).Select(c => "break" + c)));
        var nodes = OneStepLawTable.Nodes(order);
        var levels = OneStepLawTable.Levels(cells);
        foreach (int n in widths)
            for (int j = 0; j <= order; j++)
            {
                output.WriteLine(Row(n, j, nodes[j], j == order, levels, pairs, seed, threads));
                progress?.Invoke(n, j);
            }
    }

    /// <summary>One row: the node's statistics (exposed for the regeneration test).</summary>
    public static string Row(int n, int node, double theta, bool last, double[] levels, long pairs, ulong seed, int? threads)
    {
        ArgumentNullException.ThrowIfNull(levels);
        int cells = levels.Length - 1;
        var cellMeans = new double[cells];
        var breaks = new double[cells + 1];
        long samples = 0, continuous = 0, rightAngle = 0;
        double mean = 0, variance = 0;
        if (!last)
        {
            double sampled = theta == 0 ? SmallestAngle : theta;
            samples = (pairs + n - 1) / n;
            ulong nodeSeed = unchecked(seed * 0x9E3779B97F4A7C15UL + (ulong)n * 0x100000001B3UL + (ulong)node * 0xC2B2AE3D27D4EB4FUL);
            var result = ReducedChainSampler.Run([n], sampled, samples, nodeSeed, threads, collectSamples: true);
            var values = result.SurvivingSamples(1);
            double c2 = Math.Cos(0.5 * sampled);
            double shift = c2 * c2 * OneStepLaw.AngleLog(sampled);
            var t = new List<double>(values.Length);
            foreach (double x in values)
            {
                if (x == 0) rightAngle++;
                else t.Add(x - shift);
            }
            t.Sort();
            continuous = t.Count;
            if (continuous > 0)
            {
                foreach (double v in t) mean += v;
                mean /= continuous;
                foreach (double v in t) variance += (v - mean) * (v - mean);
                variance = continuous > 1 ? variance / (continuous - 1) : 0;
                for (int c = 0; c < cells; c++)
                {
                    int a = (int)Math.Floor(levels[c] * continuous), b = (int)Math.Floor(levels[c + 1] * continuous);
                    if (c == cells - 1) b = (int)continuous;
                    if (b <= a) cellMeans[c] = t[Math.Min(a, (int)continuous - 1)];
                    else
                    {
                        double s = 0;
                        for (int i = a; i < b; i++) s += t[i];
                        cellMeans[c] = s / (b - a);
                    }
                }
                breaks[0] = t[0];
                breaks[cells] = t[^1];
                for (int c = 1; c < cells; c++)
                {
                    double position = levels[c] * continuous - 0.5;
                    int i = Math.Clamp((int)Math.Floor(position), 0, (int)continuous - 1);
                    int k = Math.Min(i + 1, (int)continuous - 1);
                    double f = Math.Clamp(position - i, 0, 1);
                    breaks[c] = t[i] + f * (t[k] - t[i]);
                }
            }
        }
        string G(double x) => x.ToString("G9", CultureInfo.InvariantCulture);
        long survived = continuous + rightAngle;
        return string.Join(',', new[]
        {
            n.ToString(CultureInfo.InvariantCulture), node.ToString(CultureInfo.InvariantCulture), G(theta),
            samples.ToString(CultureInfo.InvariantCulture), continuous.ToString(CultureInfo.InvariantCulture),
            G(survived > 0 ? (double)rightAngle / survived : 0), G(mean), G(variance),
        }.Concat(cellMeans.Select(G)).Concat(breaks.Select(G)));
    }
}
