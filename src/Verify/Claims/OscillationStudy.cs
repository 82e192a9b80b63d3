using Degeneracy.JFunctions;
using Degeneracy.Verify.Batches;
using Degeneracy.Verify.MonteCarlo;

namespace Degeneracy.Verify.Claims;

/// <summary>One reading of "effective dimension" measured on one network setting: per-layer mean, SE and paired-difference tests.</summary>
/// <param name="Reading">The observable (Rank, NumericalRank or ParticipationRatio).</param>
/// <param name="Mean">E[dim] at layers 1 … L (index ℓ − 1).</param>
/// <param name="StdError">Its standard errors.</param>
/// <param name="LocalMaxima">Layers ℓ (2 ≤ ℓ &lt; L) where dim^ℓ − dim^{ℓ−1} and dim^ℓ − dim^{ℓ+1} both exceed 3 paired SE.</param>
/// <param name="TailExcess">For ε ∈ <see cref="OscillationStudy.Epsilons"/>: the largest over layers of the empirical
/// P(|dim − E dim| &gt; εm) minus its binomial 3-SE margin and minus the bound 2exp(−ε²m/4) (positive = a violation).</param>
public sealed record ReadingCurve(BatchObservable Reading, double[] Mean, double[] StdError, IReadOnlyList<int> LocalMaxima, double[] TailExcess);

/// <summary>A network setting of the study and its three readings.</summary>
/// <param name="Width">n (every layer).</param>
/// <param name="BatchSize">m (orthogonal inputs, K⁰ = I).</param>
/// <param name="Depth">L.</param>
/// <param name="Activation">φ_s.</param>
/// <param name="Weights">Weight law (orthogonal runs on the explicit backend).</param>
/// <param name="Samples">Monte Carlo samples.</param>
/// <param name="Curves">Rank, numerical rank, participation ratio.</param>
public sealed record OscillationPoint(int Width, int BatchSize, int Depth, Activation Activation, WeightLaw Weights, long Samples,
    IReadOnlyList<ReadingCurve> Curves)
{
    /// <summary>A short label, e.g. "n=64 m=8 relu gaussian".</summary>
    public string Label => $"n={Width} m={BatchSize} {Activation.Name} {Weights.ToString().ToLowerInvariant()}";
}

/// <summary>
/// The Monte Carlo study behind the oscillation claims: σ_w² = 2, no bias, m orthogonal inputs (every reading starts at m),
/// a grid of constant widths n ∈ [32, 512] and batch sizes m ≤ n^0.9, depth up to 50; plus orthogonal weights
/// (explicit backend) and leaky ReLU at the smaller widths. Each point records E[dim^ℓ] for three readings of
/// "effective dimension" with paired tests for local maxima and the tail probabilities of the concentration claim.
/// </summary>
public sealed class OscillationStudy
{
    /// <summary>The readings of "effective dimension": exact rank, numerical rank (τ = 10⁻³), participation ratio.</summary>
    public static IReadOnlyList<BatchObservable> Readings { get; } = [BatchObservable.Rank, BatchObservable.NumericalRank, BatchObservable.ParticipationRatio];

    /// <summary>The deviations ε (in units of m) of the concentration check.</summary>
    public static IReadOnlyList<double> Epsilons { get; } = [0.05, 0.1, 0.25, 0.5];

    private OscillationStudy(IReadOnlyList<OscillationPoint> points, bool quick)
    {
        Points = points;
        Quick = quick;
    }

    /// <summary>Every setting, Gaussian ReLU grid first.</summary>
    public IReadOnlyList<OscillationPoint> Points { get; }

    /// <summary>Whether the quick grid was run.</summary>
    public bool Quick { get; }

    /// <summary>The Gaussian ReLU grid points.</summary>
    public IEnumerable<OscillationPoint> Grid => Points.Where(p => p.Activation.IsRelu && p.Weights == WeightLaw.Gaussian);

    /// <summary>Runs the study (quick: n ∈ {32, 128}, m ∈ {8, 16}, L = 30, 64 samples; full: n ∈ {32 … 512}, L = 50).</summary>
    public static OscillationStudy Run(ClaimOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = new List<(int N, int M, int L, Activation A, WeightLaw W, long S)>();
        if (options.Quick)
        {
            foreach (int n in new[] { 32, 128 })
                foreach (int m in new[] { 8, 16 }) settings.Add((n, m, 30, Activation.Relu, WeightLaw.Gaussian, 64));
            settings.Add((32, 8, 30, Activation.Relu, WeightLaw.Orthogonal, 64));
            settings.Add((32, 8, 30, Activation.Parse("leaky:-1/2"), WeightLaw.Gaussian, 64));
            settings.Add((32, 8, 30, Activation.Parse("leaky:1/2"), WeightLaw.Gaussian, 64));
        }
        else
        {
            foreach (int n in new[] { 32, 64, 128, 256, 512 })
                foreach (int m in new[] { 4, 8, 32, 64, (int)Math.Floor(Math.Pow(n, 0.9)) }.Where(m => m <= Math.Pow(n, 0.9) && m <= 64).Distinct().Order())
                    settings.Add((n, m, 50, Activation.Relu, WeightLaw.Gaussian, n >= 256 && m > 8 ? 128 : 256));
            foreach (int n in new[] { 32, 64 })
            {
                settings.Add((n, 8, 50, Activation.Relu, WeightLaw.Orthogonal, 256));
                foreach (var s in new[] { "leaky:1/5", "leaky:1/2", "leaky:-1/2", "abs" })
                    settings.Add((n, 8, 50, Activation.Parse(s), WeightLaw.Gaussian, 256));
            }
        }
        var points = new List<OscillationPoint>();
        ulong seed = options.Seed;
        foreach (var (n, m, depth, activation, weights, samples) in settings)
        {
            options.Progress?.Invoke($"oscillation study: n={n} m={m} L={depth} {activation.Name} {weights}");
            var configuration = new BatchConfiguration(Enumerable.Repeat(n, depth).ToArray(), BatchInputs.Orthogonal(m, m), samples, seed++,
                activation, weights: weights, backend: weights == WeightLaw.Orthogonal ? BatchBackend.Network : BatchBackend.GramChain,
                trackGram: false);
            var result = BatchSampler.Run(configuration, new MonteCarloRunOptions { CollectSamples = true });
            points.Add(new OscillationPoint(n, m, depth, activation, weights, samples, Readings.Select(r => Curve(result, r, m, depth)).ToList()));
        }
        return new OscillationStudy(points, options.Quick);
    }

    private static ReadingCurve Curve(BatchResult result, BatchObservable reading, int m, int depth)
    {
        var values = Enumerable.Range(1, depth).Select(l => result.CollectedValues(l, reading)).ToArray();
        var mean = new double[depth];
        var se = new double[depth];
        for (int l = 0; l < depth; l++)
        {
            var s = result.Statistic(l + 1, reading);
            mean[l] = s.Mean;
            se[l] = double.IsNaN(s.StdError) ? 0 : s.StdError;
        }
        var maxima = new List<int>();
        for (int l = 1; l + 1 < depth; l++)
            if (PairedZ(values[l], values[l - 1]) > 3 && PairedZ(values[l], values[l + 1]) > 3) maxima.Add(l + 1);
        var excess = new double[Epsilons.Count];
        for (int e = 0; e < Epsilons.Count; e++)
        {
            double epsilon = Epsilons[e], bound = 2 * Math.Exp(-epsilon * epsilon * m / 4), worst = double.NegativeInfinity;
            for (int l = 0; l < depth; l++)
            {
                var finite = values[l].Where(double.IsFinite).ToArray();
                double p = finite.Count(v => Math.Abs(v - mean[l]) > epsilon * m) / (double)finite.Length;
                double margin = 3 * Math.Sqrt(Math.Max(p * (1 - p), 1.0 / finite.Length) / finite.Length);
                worst = Math.Max(worst, p - margin - bound);
            }
            excess[e] = worst;
        }
        return new ReadingCurve(reading, mean, se, maxima, excess);
    }

    /// <summary>Mean of a − b over the samples where both are finite, in units of its standard error (0 when constant).</summary>
    private static double PairedZ(double[] a, double[] b)
    {
        var d = a.Zip(b, (x, y) => x - y).Where(double.IsFinite).ToArray();
        if (d.Length < 2) return 0;
        double mean = d.Average(), variance = d.Sum(x => (x - mean) * (x - mean)) / (d.Length - 1);
        if (variance == 0) return mean > 0 ? double.PositiveInfinity : 0;
        return mean / Math.Sqrt(variance / d.Length);
    }
}
