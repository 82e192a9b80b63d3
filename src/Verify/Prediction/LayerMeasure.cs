using Degeneracy.Verify.MonteCarlo;

namespace Degeneracy.Verify.Prediction;

/// <summary>
/// The predicted law of x = ln sin²θ^ℓ over surviving pairs: point masses on increasing grid nodes x₀ &lt; … &lt; x_{N−1} = 0
/// for the continuous part, plus an atom <see cref="RightAngle"/> at x = 0 exactly (θ^ℓ = π/2). Masses sum to 1. For the
/// CDF each node's mass is spread uniformly between the midpoints to its neighbours (the last node's up to 0).
/// </summary>
public sealed class LayerMeasure
{
    private readonly double[] _nodes, _masses, _cumulative, _edges;

    internal LayerMeasure(double[] nodes, double[] masses, double rightAngle)
    {
        _nodes = nodes;
        _masses = masses;
        RightAngle = rightAngle;
        int count = masses.Length;
        _cumulative = new double[count + 1];
        for (int j = 0; j < count; j++) _cumulative[j + 1] = _cumulative[j] + masses[j];
        _edges = new double[count + 1];
        _edges[0] = nodes[0] - 0.5 * (nodes[1] - nodes[0]);
        for (int j = 1; j < count; j++) _edges[j] = 0.5 * (nodes[j - 1] + nodes[j]);
        _edges[count] = 0;
        double mean = 0;
        for (int j = 0; j < count; j++) mean += masses[j] * nodes[j];
        double second = RightAngle * mean * mean;
        for (int j = 0; j < count; j++)
        {
            double d = nodes[j] - mean;
            second += masses[j] * d * d;
        }
        Mean = mean;
        Variance = second;
    }

    /// <summary>Number of atoms of the continuous part.</summary>
    public int Count => _masses.Length;
    /// <summary>Positions of the atoms.</summary>
    public IReadOnlyList<double> Nodes => _nodes;
    /// <summary>Masses of the atoms.</summary>
    public IReadOnlyList<double> Masses => _masses;

    /// <summary>Mass at x = 0 exactly (θ = π/2).</summary>
    public double RightAngle { get; }

    /// <summary>Probability of the continuous part.</summary>
    public double ContinuousMass => _cumulative[^1];

    /// <summary>Mean of the measure.</summary>
    public double Mean { get; }
    /// <summary>Variance of the measure.</summary>
    public double Variance { get; }
    /// <summary>Standard deviation of the measure.</summary>
    public double Sd => Math.Sqrt(Variance);

    /// <summary>P(x^ℓ ≤ x), right-continuous; the atom counts from x = 0 on.</summary>
    public double Cdf(double x)
    {
        if (double.IsNaN(x)) throw new ArgumentOutOfRangeException(nameof(x), x, "x must not be NaN");
        return Math.Min(1, ContinuousCdf(x) * ContinuousMass + (x >= 0 ? RightAngle : 0));
    }

    /// <summary>P(x^ℓ ≤ x | x^ℓ in the continuous part).</summary>
    public double ContinuousCdf(double x)
    {
        if (double.IsNaN(x)) throw new ArgumentOutOfRangeException(nameof(x), x, "x must not be NaN");
        if (x <= _edges[0]) return 0;
        if (x >= 0) return 1;
        int j = Array.BinarySearch(_edges, x);
        if (j < 0) j = ~j - 1;
        j = Math.Clamp(j, 0, _masses.Length - 1);
        double width = _edges[j + 1] - _edges[j];
        double f = width > 0 ? Math.Clamp((x - _edges[j]) / width, 0, 1) : 1;
        return Math.Min(1, (_cumulative[j] + f * _masses[j]) / ContinuousMass);
    }

    /// <summary>The p-quantile (p ∈ (0, 1)).</summary>
    public double Quantile(double p)
    {
        if (!(p > 0 && p < 1)) throw new ArgumentOutOfRangeException(nameof(p), p, "p must lie in (0, 1)");
        if (p >= ContinuousMass) return 0;
        int j = Array.BinarySearch(_cumulative, p);
        if (j < 0) j = ~j - 1;
        j = Math.Clamp(j, 0, _masses.Length - 1);
        double f = _masses[j] > 0 ? Math.Clamp((p - _cumulative[j]) / _masses[j], 0, 1) : 0;
        return Math.Min(0, _edges[j] + f * (_edges[j + 1] - _edges[j]));
    }

    /// <summary>Quantiles at <see cref="LayerStatistics.StandardProbabilities"/>.</summary>
    public IReadOnlyList<QuantileEstimate> StandardQuantiles() =>
        LayerStatistics.StandardProbabilities.Select(p => new QuantileEstimate(p, Quantile(p))).ToList();
}
