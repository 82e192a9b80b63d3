using Degeneracy.JFunctions;
using Degeneracy.Symbolic;
using Degeneracy.TestSupport.HighPrecision;
using Xunit.Abstractions;

namespace Degeneracy.JFunctions.Tests;

/// <summary>
/// <see cref="ActivationJFunction"/> against a high-precision reference: α·J_{a,b}(θ) from <see cref="JReference"/> plus
/// β·J_{a,b}(π − θ) from the ReLU closed form at π − θ, κ[θ·P(−cos θ) + sin θ·Q(−cos θ) + R(−cos θ)], in fixed point with
/// the precision grown by (a + b + 2)·log₂(1/θ) (that bracket cancels to O(θ^{a+b+1})) and accepted when two precisions
/// 96 bits apart agree to 2^−100. Errors are in ulps of the scale α·J(θ) + |β|·J(π − θ), which is the value itself
/// whenever the two terms have the same sign.
/// </summary>
public class ActivationJAccuracyTests(ITestOutputHelper output)
{
    private static Rational Supplement(int a, int b, double theta)
    {
        var cf = JClosedForm.Build(a, b);
        if (cf.IsConstant || theta == 0) return Rational.Zero; // J_{a,b}(π) = 0 exactly for a, b ≥ 1
        int depth = theta > 0 ? Math.Max(0, -Math.ILogB(theta)) : 0;
        int bits = 192 + (a + b + 2) * depth + 4 * (a + b);
        for (int attempt = 0; attempt < 8; attempt++, bits *= 2)
        {
            var lo = At(cf, theta, bits).ToRational();
            var hi = At(cf, theta, bits + 96).ToRational();
            if (!hi.IsZero && (hi - lo).Abs() * Rational.FromInteger(System.Numerics.BigInteger.One << 100) <= hi.Abs()) return hi;
        }
        throw new InvalidOperationException($"no agreement for J_{a},{b}(pi - {theta:R})");
    }

    private static FixedPoint At(JClosedForm cf, double theta, int bits)
    {
        var th = FixedPoint.FromDouble(theta, bits);
        var c = -th.Cos();
        var s = th.Sin();
        FixedPoint H(RationalPolynomial p) { var r = FixedPoint.Zero(bits); for (int i = p.Degree; i >= 0; i--) r = r * c + FixedPoint.FromRational(p[i], bits); return r; }
        var bracket = th * H(cf.P) + s * H(cf.Q) + H(cf.R);
        var k = FixedPoint.FromPiLaurent(cf.Scale.Value, bits);
        if (cf.Scale.HasSqrtHalfPi) k = k * FixedPoint.Pi(bits).Times(Rational.Half).Sqrt();
        return k * bracket;
    }

    private static IEnumerable<double> Grid()
    {
        for (int i = 0; i <= 16; i++) yield return Math.PI * i / 16;
        for (int i = 1; i < 48; i += 2) yield return Math.PI * i / 48; // between the switch points of the fast evaluator
        foreach (double e in new[] { -300, -100, -30, -12, -8, -5, -3, -2, -1.5, -1 }) yield return Math.Pow(10, e);
        for (double e = -15; e <= -1; e += 2) yield return Math.PI - Math.Pow(10, e);
        yield return Math.BitDecrement(Math.PI);
        yield return Math.BitIncrement(0.0);
        yield return 1.8;
    }

    [Fact]
    public void Evaluate_AgreesWithHighPrecisionReference_WithinEightUlpsOfItsScale()
    {
        var slopes = new[] { "relu", "abs", "linear", "leaky:1/100", "leaky:1/2", "leaky:-3/7", "leaky:3", "leaky:-5/2" }.Select(Activation.Parse).ToArray();
        var pairs = new List<(int, int)>();
        for (int a = 1; a <= 7; a++) for (int b = 1; b <= a && (a + b <= 8 || a <= 5); b++) pairs.Add((a, b));
        pairs.AddRange([(8, 8), (12, 5)]);
        var rows = (from act in slopes from p in pairs from th in Grid() select (act, p.Item1, p.Item2, th)).AsParallel().Select(x =>
        {
            var (act, a, b, th) = x;
            Rational alpha = ActivationJClosedForm.Alpha(a, b, act), beta = ActivationJClosedForm.Beta(a, b, act);
            var j = JReference.Evaluate(a, b, th);
            var jbar = Supplement(a, b, th);
            var reference = alpha * j + beta * jbar;
            var scale = alpha.Abs() * j + beta.Abs() * jbar;
            double value = ActivationJFunction.Evaluate(a, b, act, th);
            double sc = scale.ToDouble();
            double ulps = sc == 0 ? (value == 0 ? 0 : double.PositiveInfinity)
                : ((Rational.FromDouble(value) - reference).Abs() / Rational.FromDouble(Math.ScaleB(1.0, Math.ILogB(sc) - 52))).ToDouble();
            return (act, a, b, th, ulps, value, reference.ToDouble());
        }).ToArray();
        var worst = rows.MaxBy(r => r.ulps);
        output.WriteLine($"{rows.Length} points; max {worst.ulps:F2} ulps of scale at J^({worst.act})_{{{worst.a},{worst.b}}}({worst.th:R}): {worst.value:R} vs {worst.Item7:R}");
        foreach (var g in rows.GroupBy(r => r.act.Name))
            output.WriteLine($"  {g.Key}: max {g.Max(r => r.ulps):F2} ulps");
        Assert.True(worst.ulps <= 8, $"J^({worst.act})_{{{worst.a},{worst.b}}}({worst.th:R}) = {worst.value:R}, reference {worst.Item7:R}: {worst.ulps:F1} ulps");
    }

    [Fact]
    public void Evaluate_UsesTheOneFunctionEvaluator_ForEveryTwoTermPairUpToDegreeEight()
    {
        // The fast path (closed form, own series about 0 and π, own patches) must cover every a + b ≤ 8 (and J_{8,8}) for
        // these slopes: a null layout means the slower sum of two ReLU values.
        foreach (var name in new[] { "abs", "leaky:1/100", "leaky:1/2", "leaky:-3/7" })
        {
            var act = Activation.Parse(name);
            foreach (var (a, b) in Enumerable.Range(1, 7).SelectMany(a => Enumerable.Range(1, Math.Min(a, 8 - a)).Select(b => (a, b))).Append((8, 8)))
                Assert.True(ActivationJFunction.Get(a, b, act).Layout is not null, $"J^({name})_{{{a},{b}}} has no one-function evaluator");
        }
    }
}
