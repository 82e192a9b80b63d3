using Degeneracy.JFunctions;
using Degeneracy.Symbolic;

namespace Degeneracy.TestSupport.HighPrecision;

/// <summary>
/// High-precision reference values of J_{a,b}(θ) for accuracy tests of the double evaluator, independent of its code
/// path: the exact closed form κ·[(π − θ)P(cos θ) + sin θ·Q(cos θ) + R(cos θ)] + K of <see cref="JClosedForm"/> is
/// evaluated in <see cref="FixedPoint"/> arithmetic, cos and sin by Taylor series of the exact double θ. For θ &gt; π/2
/// everything is written in t = π − θ (cos θ = −cos t, sin θ = sin t), and the working precision grows with
/// (a + b + 1)·log₂(1/t) so that the cancellation of the bracket down to O(t^{a+b+1}) costs no accuracy. Each value is
/// computed at two precisions 96 bits apart and accepted only when they agree to 2^−100 relative (the precision is
/// doubled until they do). The one approximation not covered by that check is π itself (2^−380, from
/// <see cref="HighPrecisionPi"/>), which shifts t by at most 2^−380 and so J by a relative 2^−300 or less for
/// t ≥ 2^−60 and a + b ≤ 400.
/// </summary>
public static class JReference
{
    private const int AgreementBits = 100, ExtraBits = 96;

    /// <summary>J_{a,b}(θ) as an exact rational within a relative 2^−100 of the true value, θ ∈ [0, π].</summary>
    public static Rational Evaluate(int a, int b, double theta)
    {
        JArguments.CheckIndex(a, nameof(a));
        JArguments.CheckIndex(b, nameof(b));
        JArguments.CheckTheta(theta, nameof(theta));
        var cf = JClosedForm.Build(a, b);
        // log₂(1/t), t = π − θ ≥ 1.2e-16 (θ a double ≤ Math.PI < π).
        double tApprox = Math.PI - theta + 1.2246467991473532e-16;
        int depth = Math.Max(0, -Math.ILogB(tApprox));
        int bits = 192 + (a + b + 2) * depth + 4 * (a + b);
        for (int attempt = 0; attempt < 8; attempt++, bits *= 2)
        {
            var lo = Evaluate(cf, theta, bits).ToRational();
            var hi = Evaluate(cf, theta, bits + ExtraBits).ToRational();
            var diff = (hi - lo).Abs();
            if (!hi.IsZero && diff * Rational.FromInteger(System.Numerics.BigInteger.One << AgreementBits) <= hi.Abs())
                return hi;
        }
        throw new InvalidOperationException($"JReference: no agreement for J_{{{a},{b}}}({theta:R}) up to {bits} bits.");
    }

    /// <summary>J_{a,b}(θ) rounded to the nearest double (correctly rounded except within 2^−100 of a tie).</summary>
    public static double EvaluateDouble(int a, int b, double theta) => Evaluate(a, b, theta).ToDouble();

    /// <summary>
    /// |computed − reference| in units of the last place of the reference's double: ulp(x) = 2^(ilogb x − 52) for
    /// normal x, 2^−1074 for subnormal x (an absolute measure there).
    /// </summary>
    public static double UlpError(double computed, Rational reference)
    {
        double r = Math.Abs(reference.ToDouble());
        double ulp = r >= 2.2250738585072014e-308 ? Math.ScaleB(1.0, Math.ILogB(r) - 52) : double.Epsilon;
        if (!double.IsFinite(computed)) return double.PositiveInfinity;
        return ((Rational.FromDouble(computed) - reference).Abs() / Rational.FromDouble(ulp)).ToDouble();
    }

    /// <summary>The closed form at one fixed precision.</summary>
    private static FixedPoint Evaluate(JClosedForm cf, double theta, int bits)
    {
        if (cf.IsConstant) return Constant(cf.Constant, bits);
        var pi = FixedPoint.Pi(bits);
        var th = FixedPoint.FromDouble(theta, bits);
        FixedPoint piMinusTheta, c, s;
        if (theta > Math.PI / 2)
        {
            var t = pi - th;
            piMinusTheta = t;
            c = -t.Cos();
            s = t.Sin();
        }
        else
        {
            piMinusTheta = pi - th;
            c = th.Cos();
            s = th.Sin();
        }
        var bracket = piMinusTheta * Horner(cf.P, c) + s * Horner(cf.Q, c) + Horner(cf.R, c);
        return Constant(cf.Scale, bits) * bracket + Constant(cf.Constant, bits);
    }

    private static FixedPoint Horner(RationalPolynomial p, FixedPoint x)
    {
        var r = FixedPoint.Zero(x.Bits);
        for (int i = p.Degree; i >= 0; i--) r = r * x + FixedPoint.FromRational(p[i], x.Bits);
        return r;
    }

    /// <summary>x·(√(π/2))^h in fixed point.</summary>
    private static FixedPoint Constant(SqrtHalfPiMultiple k, int bits)
    {
        var v = FixedPoint.FromPiLaurent(k.Value, bits);
        return k.HasSqrtHalfPi ? v * FixedPoint.Pi(bits).Times(Rational.Half).Sqrt() : v;
    }
}
