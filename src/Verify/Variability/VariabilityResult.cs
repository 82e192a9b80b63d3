namespace Degeneracy.Verify.Variability;

/// <summary>
/// V₃ of one configuration over parameter samples: each sample's value v (in sample order), how many are exactly 0
/// (every third difference inside one linear region) and how many networks are exactly constant on the grid, and the
/// geometric mean exp(mean ln v), which is 0 as soon as one sample is 0 (Zhang &amp; Yu's convention).
/// </summary>
public sealed class VariabilityResult
{
    /// <summary>Builds the result from the per-sample values and constant flags of samples FirstSample, FirstSample + 1, ….</summary>
    public VariabilityResult(BiasedNetworkSpec spec, int gridSize, ulong seed, long firstSample, double[] values, bool[] constant, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(constant);
        if (constant.Length != values.Length) throw new ArgumentException("one constant flag per value", nameof(constant));
        Spec = spec;
        GridSize = gridSize;
        Seed = seed;
        FirstSample = firstSample;
        Values = values;
        Constant = constant;
        Elapsed = elapsed;
        ZeroCount = values.Count(v => v == 0);
        ConstantCount = constant.Count(c => c);
        var logs = values.Where(v => v > 0).Select(v => Math.Log(v)).ToArray();
        PositiveCount = logs.Length;
        MeanLog = logs.Length > 0 ? logs.Average() : double.NaN;
        MeanLogStdError = logs.Length > 1
            ? Math.Sqrt(logs.Sum(x => (x - MeanLog) * (x - MeanLog)) / (logs.Length - 1) / logs.Length)
            : double.NaN;
    }

    /// <summary>The configuration.</summary>
    public BiasedNetworkSpec Spec { get; }

    /// <summary>m, the grid is m × m.</summary>
    public int GridSize { get; }

    /// <summary>The Philox seed.</summary>
    public ulong Seed { get; }

    /// <summary>Index of the first sample.</summary>
    public long FirstSample { get; }

    /// <summary>v of each sample, in sample order.</summary>
    public IReadOnlyList<double> Values { get; }

    /// <summary>Whether each sample's network is exactly constant on the grid.</summary>
    public IReadOnlyList<bool> Constant { get; }

    /// <summary>Wall-clock time of the run.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>Number of samples.</summary>
    public int Count => Values.Count;

    /// <summary>Samples with v = 0 exactly (F affine, in particular constant, wherever the stencils reach).</summary>
    public int ZeroCount { get; }

    /// <summary>Samples whose F is exactly constant on the grid.</summary>
    public int ConstantCount { get; }

    /// <summary>Samples with v &gt; 0.</summary>
    public int PositiveCount { get; }

    /// <summary>Mean of ln v over the samples with v &gt; 0 (NaN if none).</summary>
    public double MeanLog { get; }

    /// <summary>Standard error of <see cref="MeanLog"/> (NaN with fewer than two positive samples).</summary>
    public double MeanLogStdError { get; }

    /// <summary>The geometric mean of all samples, exp(mean ln v): 0 when any sample is 0.</summary>
    public double GeometricMean => ZeroCount > 0 ? 0 : Math.Exp(MeanLog);

    /// <summary>The geometric mean over the samples with v &gt; 0 only (the trend behind a vanished mean).</summary>
    public double GeometricMeanOfPositive => Math.Exp(MeanLog);
}
