using System.Globalization;
using Degeneracy.JFunctions;

namespace Degeneracy.Verify.Variability;

/// <summary>
/// The activation of a network with biases: a piecewise-linear φ_s of <see cref="Activation"/> (ReLU, |x|, leaky, linear)
/// or the logistic sigmoid 1/(1 + e^{−t}) used by Zhang &amp; Yu's landscape pictures.
/// Spelling: <c>relu</c>, <c>abs</c>, <c>linear</c>, <c>leaky:S</c>, <c>sigmoid</c>.
/// </summary>
public sealed record NetworkActivation
{
    private readonly double _slope;

    private NetworkActivation(Activation? piecewise)
    {
        PiecewiseLinear = piecewise;
        _slope = piecewise?.SlopeValue ?? double.NaN;
    }

    /// <summary>φ_s when the activation is piecewise linear; null for the sigmoid.</summary>
    public Activation? PiecewiseLinear { get; }

    /// <summary>True for the sigmoid.</summary>
    public bool IsSigmoid => PiecewiseLinear is null;

    /// <summary>ReLU, max(t, 0).</summary>
    public static NetworkActivation Relu { get; } = new(Activation.Relu);

    /// <summary>Absolute value |t|.</summary>
    public static NetworkActivation Abs { get; } = new(Activation.Abs);

    /// <summary>Logistic sigmoid 1/(1 + e^{−t}).</summary>
    public static NetworkActivation Sigmoid { get; } = new((Activation?)null);

    /// <summary>The piecewise-linear activation φ_s.</summary>
    public static NetworkActivation Of(Activation activation)
    {
        ArgumentNullException.ThrowIfNull(activation);
        return activation.IsRelu ? Relu : activation == Activation.Abs ? Abs : new NetworkActivation(activation);
    }

    /// <summary>Parses relu | abs | linear | leaky:S | sigmoid (see <see cref="Activation.Parse"/>).</summary>
    /// <exception cref="FormatException">Unknown spelling.</exception>
    public static NetworkActivation Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text == "sigmoid") return Sigmoid;
        try { return Of(Activation.Parse(text)); }
        catch (FormatException) { throw new FormatException($"unknown activation '{text}': expected relu, abs, linear, leaky:S or sigmoid."); }
    }

    /// <summary>relu, abs, linear, leaky:p/q or sigmoid.</summary>
    public string Name => PiecewiseLinear?.Name ?? "sigmoid";

    /// <inheritdoc/>
    public override string ToString() => Name;

    /// <summary>φ(t).</summary>
    public double Apply(double t) => IsSigmoid ? 1.0 / (1.0 + Math.Exp(-t)) : t >= 0 ? t : _slope * t;

    /// <summary>φ′(t); for φ_s the one-sided value of the side t lies on (t ≥ 0: 1, t &lt; 0: s).</summary>
    public double Derivative(double t)
    {
        if (!IsSigmoid) return t >= 0 ? 1.0 : _slope;
        double e = Math.Exp(-Math.Abs(t)), p = 1.0 / (1.0 + e);
        return p * (1.0 - p);
    }

    /// <summary>
    /// The difference quotient (φ(u) − φ(v))/(u − v) with Zhang &amp; Yu's convention 0/0 := 1 (u = v exactly).
    /// For φ_s it is formed without cancellation: 1 when both are ≥ 0, s when both are negative.
    /// </summary>
    public double DifferenceQuotient(double u, double v)
    {
        if (u == v) return 1.0;
        if (!IsSigmoid)
        {
            bool pu = u >= 0, pv = v >= 0;
            if (pu && pv) return 1.0;
            if (!pu && !pv) return _slope;
        }
        return (Apply(u) - Apply(v)) / (u - v);
    }

    /// <summary>
    /// The same quotient from u and δ = v − u, which stays accurate when |δ| ≪ |u| (two inputs that have nearly met):
    /// 1 if δ = 0 (0/0 := 1), 1 or s when u and u + δ lie on one side of 0, (φ(u + δ) − φ(u))/δ otherwise.
    /// </summary>
    public double DifferenceQuotientFromDelta(double u, double delta)
    {
        if (delta == 0) return 1.0;
        if (!IsSigmoid)
        {
            double v = u + delta;
            bool pu = u >= 0, pv = v >= 0;
            if (pu && pv) return 1.0;
            if (!pu && !pv) return _slope;
            return (Apply(v) - Apply(u)) / delta;
        }
        return (Apply(u + delta) - Apply(u)) / delta;
    }

    /// <summary>Culture-independent description for reports.</summary>
    public string Describe() => IsSigmoid ? "sigmoid" : string.Create(CultureInfo.InvariantCulture, $"{Name} (s = {_slope})");
}
