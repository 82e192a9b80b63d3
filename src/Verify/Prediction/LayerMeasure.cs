using Degeneracy.Verify.MonteCarlo;

namespace Degeneracy.Verify.Prediction;

/// <summary>
/// The predicted law of x = ln sin²θ^ℓ over surviving pairs: point masses on the uniform grid x_j = Lo + j·Step
/// (j = 0 … N − 1, the last node at x = 0) for the continuous part, plus an atom <see cref="RightAngle"/> at x = 0
/// exactly (θ^ℓ = π/2). Masses sum to 1. For the CDF each grid mass is spread uniformly over its cell of width Step.
/// </summary>
public sealed class LayerMeasure
{
    private readonly double[] _masses;
    private readonly double[] _cumulative;

    internal LayerMeasure(double lo, double step, double[] masses, double rightAngle)
    {
        Lo = lo;
        Step = step;
        _masses = masses;
        RightAngle = rightAngle;
        _cumulative = new double[masses.Length + 1];
        for (int j = 0; j < masses.Length; j++) _cumulative[j + 1] = _cumulative[j] + masses[j];
        double mean = 0;
        for (int j = 0; j < masses.Length; j++) mean += masses[j] * X(j);
        double second = RightAngle * mean * mean;
        for (int j = 0; j < masses.Length; j++)
        {
            double d = X(j) - mean;
            second += masses[j] * d * d;
        }
        Mean = mean;
        Variance = second;
    }

    public double Lo { get; }
    public double Step { get; }
    public int Count => _masses.Length;
    public IReadOnlyList<double> Masses => _masses;

    /// <summary>Mass at x = 0 exactly (θ = π/2).</summary>
    public double RightAngle { get; }

    /// <summary>Probability of the continuous part.</summary>
    public double ContinuousMass => _cumulative[^1];

    public double Mean { get; }
    public double Variance { get; }
    public double Sd => Math.Sqrt(Variance);

    public double X(int j) => Lo + j * Step;

    /// <summary>P(x^ℓ ≤ x), right-continuous; the atom counts from x = 0 on.</summary>
    public double Cdf(double x)
    {
        if (double.IsNaN(x)) throw new ArgumentOutOfRangeException(nameof(x), x, "x must not be NaN");
        return Math.Min(1, ContinuousCdf(x) * ContinuousMass + (x >= 0 ? RightAngle : 0));
    }

    /// <summary>P(x^ℓ ≤ x | x^ℓ in the continuous part).</summary>
    public double ContinuousCdf(double x)
    {
        double u = (x - Lo) / Step + 0.5;
        if (u <= 0) return 0;
        if (u >= _masses.Length) return 1;
        int j = (int)u;
        return Math.Min(1, (_cumulative[j] + (u - j) * _masses[j]) / ContinuousMass);
    }

    /// <summary>The p-quantile (p ∈ (0, 1)).</summary>
    public double Quantile(double p)
    {
        if (!(p > 0 && p < 1)) throw new ArgumentOutOfRangeException(nameof(p), p, "p must lie in (0, 1)");
        double target = p;
        if (target >= ContinuousMass) return 0;
        int j = Array.BinarySearch(_cumulative, target);
        if (j < 0) j = ~j - 1;
        j = Math.Clamp(j, 0, _masses.Length - 1);
        double f = _masses[j] > 0 ? (target - _cumulative[j]) / _masses[j] : 0;
        return Math.Min(0, X(j) - 0.5 * Step + f * Step);
    }

    /// <summary>Quantiles at <see cref="LayerStatistics.StandardProbabilities"/>.</summary>
    public IReadOnlyList<QuantileEstimate> StandardQuantiles() =>
        LayerStatistics.StandardProbabilities.Select(p => new QuantileEstimate(p, Quantile(p))).ToList();
}
