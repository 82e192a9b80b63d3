using System.Collections.Concurrent;
using Degeneracy.Symbolic;

namespace Degeneracy.JFunctions;

/// <summary>
/// Double evaluation of J^{(s)}_{a,b}(θ) = α·J_{a,b}(θ) + β·J_{a,b}(π − θ), 0 ≤ θ ≤ π (α = 1 + (−s)^{a+b},
/// β = (−s)^a + (−s)^b, see <see cref="ActivationJClosedForm"/>). For a + b ≤ 16 it is evaluated as one function: its
/// combined closed form where that is well conditioned, its own Taylor series about 0 and π near the ends and Taylor
/// patches in between (coefficients exact or fixed-point, rounded once, built once per (a, b, s)); above, as the sum of
/// two ReLU values from <see cref="JFunction"/> (J(π − θ) without rounding π − θ). The error is a few ulps of α·J(θ) + |β|·J(π − θ): a few ulps of the value itself
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
    // The one-function evaluator (closed form, series about 0 and π, patches of J^{(s)} itself); null where the two-ReLU
    // sum is used instead (a + b > 16, quadrature ranges) or where only one ReLU term is present.
    private readonly ActivationJPiecewise? _piecewise;
    private readonly bool _supplementOnly;

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
        // α = 0 (|x| with a + b odd): J^{(s)} = β·J(π − θ), one ReLU value at the supplement (exact factor β = 2).
        _supplementOnly = _alpha == 0;
        if (_supplementOnly) return;
        // Moderate degrees whose ReLU evaluator needs no quadrature branch — a + b ≤ 16 covers every J the derived laws use.
        var (qs, qe) = _relu.QuadratureRange;
        if (a + b > 16 || qe > qs || _beta == 0) return;
        _piecewise = ActivationJPiecewise.TryBuild(cf, _relu, _alpha, _beta);
    }

    /// <summary>Where the fast evaluator uses its series about 0 (θ below the first value) and about π (π − θ below the
    /// second), its patches (θ range), and how many series terms; null when J^{(s)} is evaluated as α·J(θ) + β·J(π − θ)
    /// from two ReLU values (a + b &gt; 16) or is a constant, zero or a single ReLU term.</summary>
    public (double ZeroSeriesEnd, double PiSeriesEnd, (double Start, double End) Patches, (int Zero, int Pi) Terms)? Layout =>
        _piecewise is null ? null : (_piecewise.ZeroSeriesEnd, _piecewise.PiSeriesEnd, _piecewise.PatchRange, _piecewise.SeriesTerms);

    /// <summary>J^{(s)}_{a,b}(θ), θ ∈ [0, π].</summary>
    public double Evaluate(double theta)
    {
        if (!(theta >= 0 && theta <= Math.PI)) JArguments.CheckTheta(theta);
        if (_isConstant) return _constant;
        if (_reluOnly) return _relu.Evaluate(theta);
        if (_isZero) return 0.0;
        if (_piecewise is not null) return _piecewise.Evaluate(theta);
        if (_supplementOnly) return _beta * _relu.EvaluateAtSupplement(theta);
        if (_relu.TryClosedFormPair(theta, out double j, out double supplement)) return _alpha * j + _beta * supplement;
        return _alpha * _relu.Evaluate(theta) + _beta * _relu.EvaluateAtSupplement(theta);
    }
}
