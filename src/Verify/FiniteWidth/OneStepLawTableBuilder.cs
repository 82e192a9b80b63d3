using System.Globalization;
using Degeneracy.JFunctions;
using Degeneracy.Series.SmallAngle;

namespace Degeneracy.Verify.FiniteWidth;

/// <summary>
/// Builds <see cref="OneStepLawTable"/>. At each width n and Lobatto node 0 &lt; θ_j &lt; π the mean and variance of
/// T = ln sin²θ' − cos²(θ/2) ln sin²θ come from <see cref="OneStepQuadrature"/> (n ≤ <see cref="QuadratureMaxWidth"/>,
/// with its error estimate) or, wider, from control-variate sampling (with standard errors); the shape is sampled
/// directly (<see cref="OneStepNodeEstimator"/>: activation pattern from its exact conditional law, units in polar form,
/// <see cref="SamplesAt"/>(n, pairs) samples, seed derived from (seed, n, θ_j)): from the sorted samples scaled about T's
/// upper bound (sin²θ' ≤ 1) onto the mean, the conditional mean, standard deviation and end points of each cell of
/// <see cref="OneStepLawTable.Levels"/>. The node θ = 0 is sampled at
/// θ = 10⁻⁶ for its cells; its mean and variance are the exact small-angle values −ρ_exact(n) and σ²_exact(0, n)
/// (<see cref="SmallAngleLaw"/>; the law moves by O(θ) there). At θ = π the continuous part has vanishing weight and
/// T ≡ 0. For abs (φ_{−1}, <see cref="ActivationNodeEstimator"/>) T = L, the node θ = 0 carries the exact small-angle
/// law of <see cref="ActivationSmallAngleLaw"/> and the nodes above π/2 mirror those below (the law is symmetric under
/// θ → π − θ). Output depends only on the arguments, not on the thread count.
/// </summary>
public static class OneStepLawTableBuilder
{
    /// <summary>Where the node θ = 0 is sampled.</summary>
    public const double SmallestAngle = 1e-6;

    /// <summary>
    /// Widest layer whose node moments come from <see cref="OneStepQuadrature"/>; wider layers keep the sampled
    /// control-variate estimates (their standard errors are below 3e-5 there).
    /// </summary>
    public const int QuadratureMaxWidth = 256;

    /// <summary>Fewest samples at a node.</summary>
    public const long MinSamples = 20_000;

    /// <summary>
    /// Samples at width n: ⌈pairs/n⌉ for n ≤ 16; beyond, ⌈pairs/n⌉·(16/n)², at least <see cref="MinSamples"/> (the control
    /// variates remove a fraction of the variance that grows with n, so wide layers need far fewer samples).
    /// </summary>
    public static long SamplesAt(int n, long pairs)
    {
        long plain = (pairs + n - 1) / n;
        if (n <= 16) return Math.Max(MinSamples, plain);
        double scale = 16.0 / n;
        return Math.Max(MinSamples, (long)Math.Ceiling(plain * scale * scale));
    }

    /// <summary>Writes the table as CSV (comment header, then one row per (n, node)).</summary>
    /// <param name="output">Destination.</param>
    /// <param name="widths">The widths to tabulate, each in [2, 4096], increasing.</param>
    /// <param name="order">K ∈ [2, 64]: K + 1 nodes in θ.</param>
    /// <param name="cells">J ∈ [4, 1024] cells.</param>
    /// <param name="pairs">Sampling budget per node, ∈ [10⁴, 10¹¹] (samples: <see cref="SamplesAt"/>).</param>
    /// <param name="seed">Base seed.</param>
    /// <param name="threads">Worker threads (null: all cores).</param>
    /// <param name="progress">Called after each (n, node) with (n, node).</param>
    /// <param name="activation">ReLU (default) or abs.</param>
    public static void Write(TextWriter output, IReadOnlyList<int> widths, int order, int cells, long pairs, ulong seed,
        int? threads = null, Action<int, int>? progress = null, Activation? activation = null)
    {
        activation ??= Activation.Relu;
        if (!OneStepLawTable.IsAvailable(activation))
            throw new ArgumentException($"tables are built for relu and abs only, not {activation.Name}", nameof(activation));
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(widths);
        if (widths.Count == 0) throw new ArgumentException("at least one width is needed", nameof(widths));
        for (int i = 0; i < widths.Count; i++)
            if (widths[i] < 2 || widths[i] > 4096 || (i > 0 && widths[i] <= widths[i - 1]))
                throw new ArgumentOutOfRangeException(nameof(widths), widths[i], "widths must be increasing integers in [2, 4096]");
        if (order < 2 || order > 64) throw new ArgumentOutOfRangeException(nameof(order), order, "order must lie in [2, 64]");
        if (cells < 4 || cells > 1024) throw new ArgumentOutOfRangeException(nameof(cells), cells, "cells must lie in [4, 1024]");
        if (pairs < 10_000 || pairs > 100_000_000_000) throw new ArgumentOutOfRangeException(nameof(pairs), pairs, "pairs must lie in [1e4, 1e11]");
        bool relu = activation.IsRelu;
        output.WriteLine(relu
            ? "# one-step law of the ReLU angle chain at finite width: continuous part of T = ln sin²θ' − cos²(θ/2)·ln sin²θ"
            : "# one-step law of the abs (|x|) angle chain at finite width: T = L = ln sin²θ' − ln sin²θ (symmetric under θ → π − θ)");
        output.WriteLine($"# made by: degeneracy one-step-table --widths {string.Join(',', widths)} --order {order} --cells {cells} --pairs {pairs} --seed {seed}"
            + (relu ? "" : $" --activation {activation.Name}"));
        if (!relu) output.WriteLine($"# activation {activation.Name}");
        output.WriteLine($"# order {order}");
        output.WriteLine($"# cells {cells}");
        output.WriteLine($"# moments: meanT, varT at 0 < θ < π and n ≤ {QuadratureMaxWidth} by deterministic quadrature (OneStepQuadrature; errMeanT, errVarT: its error estimate); θ = 0: exact small-angle law; wider: control-variate sampling (err: standard errors)");
        output.WriteLine("# format 3");
        output.WriteLine("n,node,theta,samples,meanT,errMeanT,varT,errVarT," +
            string.Join(',', Enumerable.Range(0, cells).Select(c => "cell" + c)) + "," + string.Join(',', Enumerable.Range(0, cells + 1).Select(c => "break" + c))
            + "," + string.Join(',', Enumerable.Range(0, cells).Select(c => "spread" + c)));
        var nodes = OneStepLawTable.Nodes(order);
        var levels = OneStepLawTable.Levels(cells);
        var moments = QuadratureMoments(widths, order, nodes, activation, threads, progress);
        foreach (int n in widths)
        {
            var rows = new string[order + 1];
            for (int j = 0; j <= order; j++)
            {
                // abs: the law at π − θ is the law at θ (Lobatto nodes are symmetric), so the upper half is mirrored.
                rows[j] = !relu && 2 * j > order
                    ? Relabel(rows[order - j], j, nodes[j])
                    : Row(n, j, nodes[j], relu && j == order, levels, pairs, seed, threads, activation,
                        moments.TryGetValue((n, j), out var m) ? m : null);
                output.WriteLine(rows[j]);
                progress?.Invoke(n, j);
            }
        }
    }

    /// <summary>
    /// The node moments of T by <see cref="OneStepQuadrature"/> for every width ≤ <see cref="QuadratureMaxWidth"/> and
    /// every node 0 &lt; θ_j &lt; π (abs: θ_j ≤ π/2, the rest mirror): (mean, its error, variance, its error). Calls
    /// <paramref name="progress"/> with (0, j) after each node.
    /// </summary>
    public static Dictionary<(int N, int Node), (double Mean, double MeanError, double Variance, double VarianceError)> QuadratureMoments(
        IReadOnlyList<int> widths, int order, double[] nodes, Activation activation, int? threads, Action<int, int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(widths);
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(activation);
        var result = new Dictionary<(int, int), (double, double, double, double)>();
        var within = widths.Where(n => n <= QuadratureMaxWidth).ToList();
        if (within.Count == 0) return result;
        bool relu = activation.IsRelu;
        for (int j = 1; j < order && (relu || 2 * j <= order); j++)
        {
            foreach (var (n, m) in NodeMoments(within, nodes[j], activation, threads)) result[(n, j)] = m;
            progress?.Invoke(0, j);
        }
        return result;
    }

    /// <summary>
    /// The moments of T at one node θ ∈ (0, π) for the given widths by <see cref="OneStepQuadrature"/> (each width's values
    /// do not depend on which other widths are asked for).
    /// </summary>
    public static IEnumerable<(int N, (double Mean, double MeanError, double Variance, double VarianceError) Moments)> NodeMoments(
        IReadOnlyList<int> widths, double theta, Activation activation, int? threads)
    {
        ArgumentNullException.ThrowIfNull(activation);
        double s = Math.Sin(theta);
        // T = ln sin²θ' − cos²(θ/2) ln sin²θ (ReLU), T = L = ln sin²θ' − ln sin²θ (abs).
        double shift = (activation.IsRelu ? Math.Cos(theta / 2) * Math.Cos(theta / 2) : 1) * Math.Log(s * s);
        return OneStepQuadrature.Compute(theta, widths, activation.SlopeValue, threads)
            .Select(m => (m.Width, (m.MeanLogR - shift, m.MeanError, m.VarianceLogR, m.VarianceError)));
    }

    /// <summary>
    /// One row: the node's statistics (exposed for the regeneration test). With <paramref name="moments"/> (from
    /// <see cref="QuadratureMoments"/>) the mean and variance of T are those, and the sampled cells are mapped onto that mean.
    /// </summary>
    public static string Row(int n, int node, double theta, bool last, double[] levels, long pairs, ulong seed, int? threads,
        Activation? activation = null, (double Mean, double MeanError, double Variance, double VarianceError)? moments = null)
    {
        activation ??= Activation.Relu;
        ArgumentNullException.ThrowIfNull(levels);
        int cells = levels.Length - 1;
        var cellMeans = new double[cells];
        var cellSpreads = new double[cells];
        var breaks = new double[cells + 1];
        long samples = 0;
        double mean = 0, variance = 0, meanSe = 0, varianceSe = 0;
        if (!last)
        {
            double sampled = theta == 0 ? SmallestAngle : theta;
            samples = SamplesAt(n, pairs);
            ulong nodeSeed = unchecked(seed * 0x9E3779B97F4A7C15UL + (ulong)n * 0x100000001B3UL + (ulong)node * 0xC2B2AE3D27D4EB4FUL);
            var estimate = activation.IsRelu
                ? OneStepNodeEstimator.Run(sampled, n, samples, nodeSeed, threads)
                : ActivationNodeEstimator.Run(sampled, n, activation.SlopeValue, samples, 2 * Math.Log(Math.Sin(sampled)), nodeSeed, threads);
            (mean, meanSe, variance, varianceSe) = (estimate.Mean.Value, estimate.Mean.StdError, estimate.Variance.Value, estimate.Variance.StdError);
            if (theta == 0)
            {
                var (rho, exactVariance) = ActivationSmallAngleLaw.Evaluate(n, activation);
                (mean, meanSe, variance, varianceSe) = (-rho, 0, exactVariance, 0);
            }
            else if (moments is { } exact) (mean, meanSe, variance, varianceSe) = exact;
            // The sorted samples scaled about T's upper bound b (sin²θ' ≤ 1, i.e. ℓ ≤ 0) so that their mean is the estimated
            // one; the bound is kept (the law piles up against it near θ = π/2). The cells' spread is the samples'.
            var t = estimate.Sorted;
            int count = t.Length;
            double bound = activation.IsRelu ? -OneStepNodeEstimator.ShiftT(sampled) : -2 * Math.Log(Math.Sin(sampled));
            double scale = bound - estimate.RawMean > 0 ? (bound - mean) / (bound - estimate.RawMean) : 1;
            double Map(double v) => bound - scale * (bound - v);
            for (int c = 0; c < cells; c++)
            {
                int a = (int)Math.Floor(levels[c] * count), b = c == cells - 1 ? count : (int)Math.Floor(levels[c + 1] * count);
                if (b <= a) { cellMeans[c] = Map(t[Math.Min(a, count - 1)]); continue; }
                double s = 0, s2 = 0, pivot = t[a];
                for (int i = a; i < b; i++) { double d = t[i] - pivot; s += d; s2 += d * d; }
                double m = s / (b - a);
                cellMeans[c] = Map(pivot + m);
                cellSpreads[c] = scale * Math.Sqrt(Math.Max(0, s2 / (b - a) - m * m));
            }
            breaks[0] = Map(t[0]);
            breaks[cells] = Map(t[^1]);
            for (int c = 1; c < cells; c++)
            {
                double position = levels[c] * count - 0.5;
                int i = Math.Clamp((int)Math.Floor(position), 0, count - 1);
                int k = Math.Min(i + 1, count - 1);
                double f = Math.Clamp(position - i, 0, 1);
                breaks[c] = Map(t[i] + f * (t[k] - t[i]));
            }
        }
        return string.Join(',', new[]
        {
            n.ToString(CultureInfo.InvariantCulture), node.ToString(CultureInfo.InvariantCulture), G(theta),
            samples.ToString(CultureInfo.InvariantCulture), G(mean), G(meanSe), G(variance), G(varianceSe),
        }.Concat(cellMeans.Select(G)).Concat(breaks.Select(G)).Concat(cellSpreads.Select(G)));
    }

    private static string G(double x) => x.ToString("G9", CultureInfo.InvariantCulture);

    /// <summary>A row with its node index and θ replaced (the mirrored upper half of an abs table).</summary>
    private static string Relabel(string row, int node, double theta)
    {
        var f = row.Split(',');
        f[1] = node.ToString(CultureInfo.InvariantCulture);
        f[2] = G(theta);
        return string.Join(',', f);
    }
}
