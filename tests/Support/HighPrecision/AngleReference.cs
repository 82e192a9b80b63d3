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
