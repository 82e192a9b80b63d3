using Degeneracy.JFunctions;
using Degeneracy.Symbolic;

namespace Degeneracy.TestSupport.HighPrecision;

/// <summary>
/// A double angle θ ∈ [0, π] carried exactly into <see cref="FixedPoint"/> with π − θ, cos θ and sin θ at that precision
/// (for θ &gt; π/2 computed from t = π − θ, as in <see cref="JReference"/>), and the J_{a,b}(θ) of the exact closed forms
/// κ[(π − θ)P(cos θ) + sin θ·Q(cos θ) + R(cos θ)] + K evaluated from them (absolute error a few units of 2^−Bits).
/// </summary>
public sealed class AngleReference
{
    private readonly Dictionary<(int, int), FixedPoint> _j = new();

    public AngleReference(double theta, int bits)
    {
        JArguments.CheckTheta(theta, nameof(theta));
        Theta = theta;
        Bits = bits;
        var pi = FixedPoint.Pi(bits);
        ThetaFixed = FixedPoint.FromDouble(theta, bits);
        PiMinusTheta = pi - ThetaFixed;
        if (theta > Math.PI / 2)
        {
            Cos = -PiMinusTheta.Cos();
            Sin = PiMinusTheta.Sin();
        }
        else
        {
            Cos = ThetaFixed.Cos();
            Sin = ThetaFixed.Sin();
        }
    }

    public double Theta { get; }
    public int Bits { get; }
    public FixedPoint ThetaFixed { get; }
    public FixedPoint PiMinusTheta { get; }
    public FixedPoint Cos { get; }
    public FixedPoint Sin { get; }

    /// <summary>J_{a,b}(θ) at this precision (cached per angle; not thread-safe).</summary>
    public FixedPoint J(int a, int b)
    {
        if (_j.TryGetValue((a, b), out var v)) return v;
        var cf = JClosedForm.Build(a, b);
        if (cf.IsConstant) v = Constant(cf.Constant);
        else
        {
            var bracket = PiMinusTheta * Horner(cf.P, Cos) + Sin * Horner(cf.Q, Cos) + Horner(cf.R, Cos);
            v = Constant(cf.Scale) * bracket + Constant(cf.Constant);
        }
        _j[(a, b)] = v;
        return v;
    }

    private readonly Dictionary<(int, int, Rational), FixedPoint> _jBar = new();

    /// <summary>
    /// J̄_{a,b}(θ) = J^{(s)}_{a,b}(θ)/(1 + s²)^{(a+b)/2} for φ_s (a + b even; J_{a,b} itself for ReLU), from the ReLU
    /// closed forms: α·J_{a,b}(θ) + β·J_{a,b}(π − θ), α = 1 + (−s)^{a+b}, β = (−s)^a + (−s)^b, with
    /// J_{a,b}(π − θ) = κ[θ·P(−cos θ) + sin θ·Q(−cos θ) + R(−cos θ)] (cached per angle; not thread-safe).
    /// </summary>
    public FixedPoint JBar(int a, int b, Activation activation)
    {
        if (activation.IsRelu) return J(a, b);
        if (_jBar.TryGetValue((a, b, activation.Slope), out var v)) return v;
        var cf = JClosedForm.Build(a, b);
        var norm = FixedPoint.FromRational((Rational.One + activation.Slope * activation.Slope).Pow((a + b) / 2).Reciprocal(), Bits);
        if ((a + b) % 2 != 0) throw new ArgumentException("J-bar is rational-normalised only for even a + b.", nameof(b));
        if (cf.IsConstant) v = Constant(ActivationJClosedForm.Moment(a + b, activation)) * norm;
        else
        {
            var minusCos = -Cos;
            var supplement = Constant(cf.Scale) * (ThetaFixed * Horner(cf.P, minusCos) + Sin * Horner(cf.Q, minusCos) + Horner(cf.R, minusCos))
                + Constant(cf.Constant);
            var alpha = FixedPoint.FromRational(ActivationJClosedForm.Alpha(a, b, activation), Bits);
            var beta = FixedPoint.FromRational(ActivationJClosedForm.Beta(a, b, activation), Bits);
            v = (alpha * J(a, b) + beta * supplement) * norm;
        }
        _jBar[(a, b, activation.Slope)] = v;
        return v;
    }

    private FixedPoint Horner(RationalPolynomial p, FixedPoint x)
    {
        var r = FixedPoint.Zero(Bits);
        for (int i = p.Degree; i >= 0; i--) r = r * x + FixedPoint.FromRational(p[i], Bits);
        return r;
    }

    private FixedPoint Constant(SqrtHalfPiMultiple k)
    {
        var v = FixedPoint.FromPiLaurent(k.Value, Bits);
        return k.HasSqrtHalfPi ? v * FixedPoint.Pi(Bits).Times(Rational.Half).Sqrt() : v;
    }
}
