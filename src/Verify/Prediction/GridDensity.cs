namespace Degeneracy.Verify.Prediction;

/// <summary>
/// A probability density of x = ln sin²θ sampled on the uniform grid x_j = Lo + j·Step (j = 0 … N − 1, x ≤ 0),
/// normalised under the trapezoid rule; the CDF integrates its piecewise-linear interpolant exactly.
/// </summary>
public sealed class GridDensity
{
    private readonly double[] _values;
    private readonly double[] _cumulative;

    /// <param name="lo">x₀.</param>
    /// <param name="step">Grid spacing h &gt; 0.</param>
    /// <param name="values">Density values at the grid points (≥ 0, at least two); normalised here.</param>
    /// <param name="reflectedMass">Mass of the Gaussian transition that fell above x = 0 and was reflected.</param>
    public GridDensity(double lo, double step, double[] values, double reflectedMass = 0)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length < 2) throw new ArgumentException("at least two grid points are needed", nameof(values));
        if (!(step > 0)) throw new ArgumentOutOfRangeException(nameof(step), step, "step must be positive");
        _cumulative = new double[values.Length];
        for (int j = 1; j < values.Length; j++)
            _cumulative[j] = _cumulative[j - 1] + 0.5 * step * (values[j - 1] + values[j]);
        double total = _cumulative[^1];
        if (!(total > 0) || !double.IsFinite(total)) throw new ArgumentException("the density has no finite positive mass", nameof(values));
        _values = new double[values.Length];
        for (int j = 0; j < values.Length; j++)
        {
            _values[j] = values[j] / total;
            _cumulative[j] /= total;
        }
        Lo = lo;
        Step = step;
        ReflectedMass = reflectedMass;
        double mean = 0, second = 0;
        for (int j = 0; j < _values.Length; j++)
        {
            double w = (j == 0 || j == _values.Length - 1 ? 0.5 : 1) * step * _values[j];
            mean += w * X(j);
        }
        for (int j = 0; j < _values.Length; j++)
        {
            double w = (j == 0 || j == _values.Length - 1 ? 0.5 : 1) * step * _values[j], d = X(j) - mean;
            second += w * d * d;
        }
        Mean = mean;
        Variance = second;
    }

    /// <summary>Left end of the grid.</summary>
    public double Lo { get; }
    /// <summary>Grid spacing.</summary>
    public double Step { get; }
    /// <summary>Number of grid points.</summary>
    public int Count => _values.Length;
    /// <summary>Right end of the grid.</summary>
    public double Hi => X(_values.Length - 1);
    /// <summary>Density values at the grid points.</summary>
    public IReadOnlyList<double> Values => _values;

    /// <summary>Mass reflected at x = 0 in the step that produced this layer.</summary>
    public double ReflectedMass { get; }

    /// <summary>Mean of the density.</summary>
    public double Mean { get; }
    /// <summary>Variance of the density.</summary>
    public double Variance { get; }
    /// <summary>Standard deviation of the density.</summary>
    public double Sd => Math.Sqrt(Variance);

    /// <summary>x_j.</summary>
    public double X(int j) => Lo + j * Step;

    /// <summary>Trapezoid weight times density at j: the mass the quadrature assigns to grid point j.</summary>
    public double Mass(int j) => (j == 0 || j == _values.Length - 1 ? 0.5 : 1) * Step * _values[j];

    /// <summary>P(X ≤ x) of the piecewise-linear density.</summary>
    public double Cdf(double x)
    {
        if (double.IsNaN(x)) throw new ArgumentOutOfRangeException(nameof(x), x, "x must not be NaN");
        if (x <= Lo) return 0;
        double u = (x - Lo) / Step;
        if (u >= _values.Length - 1) return 1;
        int j = (int)u;
        double t = u - j, a = _values[j], b = _values[j + 1];
        return Math.Clamp(_cumulative[j] + Step * (t * a + 0.5 * t * t * (b - a)), 0, 1);
    }

    /// <summary>Density at x (linear interpolation; 0 outside the grid).</summary>
    public double Pdf(double x)
    {
        if (x < Lo || x > Hi) return 0;
        double u = (x - Lo) / Step;
        int j = Math.Min((int)u, _values.Length - 2);
        double t = u - j;
        return _values[j] + t * (_values[j + 1] - _values[j]);
    }
}
