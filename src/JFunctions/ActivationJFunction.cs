using System.Collections.Concurrent;
using Degeneracy.Symbolic;

namespace Degeneracy.JFunctions;

/// <summary>
/// Double evaluation of J^{(s)}_{a,b}(θ), 0 ≤ θ ≤ π, as α·J_{a,b}(θ) + β·J_{a,b}(π − θ) (α = 1 + (−s)^{a+b},
/// β = (−s)^a + (−s)^b, see <see cref="ActivationJClosedForm"/>) with both ReLU values from <see cref="JFunction"/>
/// (J(π − θ) without rounding π − θ). The error is a few ulps of α·J(θ) + |β|·J(π − θ): a few ulps of the value itself
/// whenever the two terms have the same sign (every s ≤ 0, and even a and b), and absolute to that scale where J^{(s)}
/// crosses zero (s &gt; 0 with a or b odd). Exact zeros (s = 1, a + b odd) are returned as 0.
/// </summary>
public sealed class ActivationJFunction
{
    private static readonly ConcurrentDictionary<(int, int, Rational), ActivationJFunction> Cache = new();

    private readonly JFunction _relu;
    private readonly double _alpha, _beta, _constant;
    private readonly bool _isConstant, _isZero, _reluOnly;

    /// <summary>a.</summary>
    public int A { get; }
    /// <summary>b.</summary>
    public int B { get; }
    /// <summary>The activation φ_s.</summary>
    public Activation Activation { get; }

    /// <summary>The evaluator for J^{(s)}_{a,b}, a, b ∈ [0, 200]; cached and thread-safe.</summary>
    public static ActivationJFunction Get(int a, int b, Activation activation)
    {
        ArgumentNullException.ThrowIfNull(activation);
        JArguments.CheckIndex(a, nameof(a));
        JArguments.CheckIndex(b, nameof(b));
        return Cache.GetOrAdd((a, b, activation.Slope), k => new ActivationJFunction(k.Item1, k.Item2, activation));
    }

    /// <summary>J^{(s)}_{a,b}(θ) for θ ∈ [0, π]; throws <see cref="ArgumentOutOfRangeException"/> otherwise.</summary>
    public static double Evaluate(int a, int b, Activation activation, double theta) => Get(a, b, activation).Evaluate(theta);

    /// <summary>The normalised J̄_{a,b}(θ) = J^{(s)}_{a,b}(θ)/(1 + s²)^{(a+b)/2} (the J's of φ_s/√(1 + s²), in which the derived
    /// closed forms are written), θ ∈ [0, π]; J_{a,b} itself for ReLU.</summary>
    public static double EvaluateNormalised(int a, int b, Activation activation, double theta)
    {
        var f = Get(a, b, activation);
        return f._normalising * f.Evaluate(theta);
    }

    private readonly double _normalising;
    // Fast path: κ-scaled coefficients of the combined closed form κ[(π − θ)P + θT + sin θ·Q + R](cos θ), used where both
    // ReLU values would come from their closed forms (θ and π − θ outside the series about π and outside any patch).
    private readonly double[] _p = [], _t = [], _q = [], _r = [];
    private readonly double _fastLo = double.PositiveInfinity, _fastHi = double.NegativeInfinity, _patchLo, _patchHi;
    private const double PiLow = 1.2246467991473532e-16; // π − Math.PI

    private ActivationJFunction(int a, int b, Activation activation)
    {
        A = a; B = b; Activation = activation;
        _relu = JFunction.Get(a, b);
        var cf = ActivationJClosedForm.Build(a, b, activation);
        _isConstant = cf.IsConstant;
        _isZero = cf.IsZero;
        _constant = cf.Constant.ToDouble();
        _alpha = ActivationJClosedForm.Alpha(a, b, activation).ToDouble();
        _beta = ActivationJClosedForm.Beta(a, b, activation).ToDouble();
        _reluOnly = _beta == 0 && _alpha == 1;
        _normalising = activation.IsRelu ? 1.0 : Math.Pow(1 + activation.SlopeValue * activation.SlopeValue, -(a + b) / 2.0);
        if (_isConstant || _reluOnly || _isZero) return;
        // Fast path only for moderate degrees whose ReLU evaluator needs no quadrature branch (large a + b: scaled values,
        // cancelling closed forms) — a + b ≤ 16 covers every J the derived laws use.
        var (qs, qe) = _relu.QuadratureRange;
        if (a + b > 16 || qe > qs) return;
        double kappa = cf.Scale.ToDouble();
        double[] Scaled(RationalPolynomial poly) => poly.Coefficients.Select(x => kappa * x.ToDouble()).ToArray();
        (_p, _t, _q, _r) = (Scaled(cf.P), Scaled(cf.T), Scaled(cf.Q), Scaled(cf.R));
        // Near θ = 0 the value is ≈ α·J(0) and the β part (J(π − θ) → 0) only needs absolute accuracy: the combined closed form
        // is fine there whenever |α| ≥ 1. Near θ = π the value is ≈ β·J(0) + α·J(θ → π), whose closed form cancels to an
        // absolute error of order α·u·J(0): fine when |β| ≥ |α|/2, otherwise (small s) the ReLU series about π is needed.
        _fastLo = Math.Abs(_alpha) >= 1 ? 0 : _relu.SeriesSwitch;
        _fastHi = Math.Abs(_beta) >= 0.5 * Math.Abs(_alpha) ? Math.PI : Math.PI - _relu.SeriesSwitch;
        var (ps, pe) = _relu.PatchRange;
        // Excluded: the patch range and its reflection θ ↦ π − θ (one interval covering both, patches are central).
        (_patchLo, _patchHi) = pe > ps ? (Math.Min(ps, Math.PI - pe), Math.Max(pe, Math.PI - ps)) : (0, 0);
    }

    /// <summary>J^{(s)}_{a,b}(θ), θ ∈ [0, π].</summary>
    public double Evaluate(double theta)
    {
        if (!(theta >= 0 && theta <= Math.PI)) JArguments.CheckTheta(theta);
        if (_isConstant) return _constant;
        if (_reluOnly) return _relu.Evaluate(theta);
        if (_isZero) return 0.0;
        if (theta >= _fastLo && theta <= _fastHi && !(theta >= _patchLo && theta < _patchHi))
        {
            var (s, c) = Math.SinCos(theta);
            double t = (Math.PI - theta) + PiLow;
            return t * Horner(_p, c) + theta * Horner(_t, c) + s * Horner(_q, c) + Horner(_r, c);
        }
        if (_relu.TryClosedFormPair(theta, out double j, out double supplement)) return _alpha * j + _beta * supplement;
        return _alpha * _relu.Evaluate(theta) + _beta * _relu.EvaluateAtSupplement(theta);
    }

    private static double Horner(double[] c, double x)
    {
        double r = 0;
        for (int i = c.Length - 1; i >= 0; i--) r = r * x + c[i];
        return r;
    }
}
