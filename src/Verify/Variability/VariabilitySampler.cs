using System.Diagnostics;
using Degeneracy.Verify.MonteCarlo;

namespace Degeneracy.Verify.Variability;

/// <summary>Options of a V₃ run.</summary>
public sealed record VariabilityRunOptions
{
    /// <summary>Worker threads, default all cores; the output does not depend on it.</summary>
    public int? Threads { get; init; }

    /// <summary>Optional progress counter (samples completed).</summary>
    public SamplingProgress? Progress { get; init; }

    /// <summary>Which shard of the samples to compute: blocks of 64 samples split as in <see cref="ShardSpec"/>.</summary>
    public ShardSpec Shard { get; init; } = ShardSpec.Whole;

    /// <summary>Cancels the run.</summary>
    public CancellationToken CancellationToken { get; init; }
}

/// <summary>
/// Zhang &amp; Yu's variability V₃ (eq. 5) by sampling: S networks of one <see cref="BiasedNetworkSpec"/> (n_in = 2), each
/// evaluated on the m × m grid over [−1, 1]² and reduced to <see cref="VariabilityMeasure.SampleValue"/>. Sample i's
/// parameters depend only on (seed, i), so the values do not depend on threads or shards.
/// </summary>
public static class VariabilitySampler
{
    /// <summary>Largest sample count (10⁷).</summary>
    public const int MaxSamples = 10_000_000;

    /// <summary>Runs the samples of the configuration (or of the requested shard).</summary>
    /// <param name="spec">The network; n_in must be 2.</param>
    /// <param name="gridSize">m ∈ [4, 1024] (Zhang &amp; Yu: 81).</param>
    /// <param name="samples">S ∈ [1, 10⁷].</param>
    /// <param name="seed">Philox key.</param>
    /// <param name="options">Threads, progress, shard.</param>
    public static VariabilityResult Run(BiasedNetworkSpec spec, int gridSize, int samples, ulong seed, VariabilityRunOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.InputDimension != 2) throw new ArgumentOutOfRangeException(nameof(spec), spec.InputDimension, "V₃ needs input dimension 2");
        VariabilityMeasure.CheckGridSize(gridSize);
        if (samples is < 1 or > MaxSamples) throw new ArgumentOutOfRangeException(nameof(samples), samples, $"samples must lie in [1, {MaxSamples}]");
        options ??= new VariabilityRunOptions();
        int threads = options.Threads ?? Environment.ProcessorCount;
        if (threads is < 1 or > 1024) throw new ArgumentOutOfRangeException(nameof(options), threads, "threads must lie in [1, 1024]");
        var clock = Stopwatch.StartNew();
        long blocks = MonteCarloState.BlocksFor(samples);
        var (firstBlock, endBlock) = options.Shard.BlockRange(blocks);
        long first = firstBlock * MonteCarloState.BlockSize, end = Math.Min(endBlock * MonteCarloState.BlockSize, samples);
        int count = (int)Math.Max(0, end - first);
        var values = new double[count];
        var constant = new bool[count];
        options.Progress?.Start(count);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = options.CancellationToken };
        Parallel.For(0, count, parallel, () => new GridEvaluator(spec, gridSize), (i, _, evaluator) =>
        {
            constant[i] = evaluator.Evaluate(seed, first + i);
            values[i] = constant[i] ? 0 : VariabilityMeasure.SampleValue(evaluator.F, evaluator.Pattern, gridSize);
            options.Progress?.Advance(1);
            return evaluator;
        }, _ => { });
        return new VariabilityResult(spec, gridSize, seed, first, values, constant, clock.Elapsed);
    }

    /// <summary>f = ‖F(x)‖² of sample <paramref name="sample"/> on the m × m grid, [row, column] = x = (−1 + c·h, −1 + r·h).</summary>
    public static double[,] Landscape(BiasedNetworkSpec spec, int gridSize, ulong seed, long sample)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.InputDimension != 2) throw new ArgumentOutOfRangeException(nameof(spec), spec.InputDimension, "landscapes need input dimension 2");
        var evaluator = new GridEvaluator(spec, gridSize);
        evaluator.Evaluate(seed, sample);
        var f = new double[gridSize, gridSize];
        for (int r = 0; r < gridSize; r++)
            for (int c = 0; c < gridSize; c++) f[r, c] = evaluator.F[r * gridSize + c];
        return f;
    }
}
