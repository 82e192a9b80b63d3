using Degeneracy.TestSupport.Properties;
using Degeneracy.JFunctions;
using Degeneracy.Symbolic;
using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.Integration;

namespace Degeneracy.JFunctions.Tests;

/// <summary>J^{(s)}_{a,b} = E[φ_s(G)^a φ_s(Ĝ)^b]: closed form against 2-D quadrature, symmetry, the ReLU case, the series.</summary>
public class ActivationJTests
{
    private static readonly Activation[] Slopes =
        new[] { "relu", "abs", "linear", "leaky:1/100", "leaky:1/2", "leaky:-3/7", "leaky:3", "leaky:-5/2" }.Select(Activation.Parse).ToArray();

    private static readonly Gen<(int A, int B, double Theta, Activation S)> Args =
        from a in Gen.Choose(0, 12)
        from b in Gen.Choose(0, 12)
        from u in Gen.Choose(0, 100000)
        from i in Gen.Choose(0, Slopes.Length - 1)
        select (a, b, Math.PI * u / 100000.0, Slopes[i]);

    /// <summary>
    /// E[φ_s(G)^a φ_s(Ĝ)^b] and E[|φ_s(G)^a φ_s(Ĝ)^b|] by tensor Gauss–Legendre in polar coordinates
    /// (G, Ĝ) = (r cos α, r cos(α − θ)), density r e^{−r²/2}/(2π), r ∈ [0, 24] in three panels, α ∈ [−π, π] split at the
    /// kinks of φ_s (cos α = 0, cos(α − θ) = 0) so that each piece is a polynomial in cos α, sin α: independent of the
    /// sign split the closed form is built from.
    /// </summary>
    private static (double Value, double Magnitude) Quadrature(int a, int b, Activation act, double theta)
    {
        var cuts = new List<double> { -Math.PI, Math.PI, -Math.PI / 2, Math.PI / 2 };
        foreach (var k in new[] { theta - Math.PI / 2, theta + Math.PI / 2 })
            cuts.Add(k > Math.PI ? k - 2 * Math.PI : k);
        cuts.Sort();
        double s = act.SlopeValue, value = 0, magnitude = 0;
        double Phi(double x, int p) { double y = x >= 0 ? x : s * x, r = 1; for (int i = 0; i < p; i++) r *= y; return r; }
        for (int i = 0; i + 1 < cuts.Count; i++)
        {
            double lo = cuts[i], hi = cuts[i + 1];
            if (hi - lo < 1e-15) continue;
            foreach (var (r0, r1) in new[] { (0.0, 6.0), (6.0, 12.0), (12.0, 24.0) })
            {
                double F(double r, double al) => Math.Pow(r, a + b + 1) * Math.Exp(-0.5 * r * r) / (2 * Math.PI)
                                                  * Phi(Math.Cos(al), a) * Phi(Math.Cos(al - theta), b);
                value += GaussLegendreRule.Integrate(F, r0, r1, lo, hi, 64);
                magnitude += GaussLegendreRule.Integrate((r, al) => Math.Abs(F(r, al)), r0, r1, lo, hi, 64);
            }
        }
        return (value, magnitude);
    }

    /// <summary>
    /// Closed form (via the double evaluator) = quadrature to 1e-10 of E|φ^a φ^b|, which is the value itself for s ≤ 0 (φ_s ≥ 0)
    /// and for even a and b; for s &gt; 0 with an odd index J^{(s)} changes sign, so no relative bound can hold at its zero.
    /// </summary>
    [Fact]
    public void ClosedForm_MatchesQuadrature_To1e10() =>
        PropertyCheck.Run(Prop.ForAll(Args.ToArbitrary(), t =>
        {
            double exact = ActivationJFunction.Evaluate(t.A, t.B, t.S, t.Theta);
            var (quad, magnitude) = Quadrature(t.A, t.B, t.S, t.Theta);
            if (Math.Abs(exact - quad) > 1e-10 * magnitude + 1e-300)
                throw new Exception($"J^({t.S})_{{{t.A},{t.B}}}({t.Theta:R}): closed {exact:R}, quadrature {quad:R} (scale {magnitude:R})");
            return true;
        }), 80);

    [Fact]
    public void Symmetry_JabEqualsJba_Exactly() =>
        PropertyCheck.Run(Prop.ForAll(Args.ToArbitrary(), t =>
        {
            var x = ActivationJClosedForm.Build(t.A, t.B, t.S);
            var y = ActivationJClosedForm.Build(t.B, t.A, t.S);
            double scale = Math.Abs(ActivationJClosedForm.Alpha(t.A, t.B, t.S).ToDouble()) * JFunction.Evaluate(t.A, t.B, t.Theta)
                           + Math.Abs(ActivationJClosedForm.Beta(t.A, t.B, t.S).ToDouble()) * JFunction.Evaluate(t.A, t.B, Math.PI - t.Theta);
            return x.P.Equals(y.P) && x.T.Equals(y.T) && x.Q.Equals(y.Q) && x.R.Equals(y.R) && x.Constant == y.Constant
                   && Math.Abs(ActivationJFunction.Evaluate(t.A, t.B, t.S, t.Theta) - ActivationJFunction.Evaluate(t.B, t.A, t.S, t.Theta)) <= 4e-16 * scale;
        }));

    [Fact]
    public void Relu_ReproducesTheReluClosedFormSymbolically()
    {
        for (int a = 0; a <= 12; a++)
            for (int b = 0; b <= 12; b++)
            {
                var s = ActivationJClosedForm.Build(a, b, Activation.Relu);
                var r = JClosedForm.Build(a, b);
                Assert.True(s.Scale == r.Scale && s.P.Equals(r.P) && s.Q.Equals(r.Q) && s.R.Equals(r.R) && s.T.IsZero && s.Constant == r.Constant, $"J_{a},{b}");
                foreach (var f in new[] { PrintFormat.Text, PrintFormat.Latex, PrintFormat.CSharp })
                    Assert.Equal(r.Print(f), s.Print(f));
                Assert.Equal(JSeries.AboutZero(a, b, 12), s.SeriesAboutZero(12));
            }
    }

    [Fact]
    public void Linear_IsTheGaussianMoment()
    {
        // s = 1: J_{1,1} = E[GĜ] = cos θ, J_{2,2} = E[G²Ĝ²] = 1 + 2cos²θ, J_{3,1} = 3cos θ, odd a + b vanish.
        var lin = Activation.Linear;
        foreach (double th in new[] { 0.0, 0.3, 1.2, 2.9, Math.PI })
        {
            double c = Math.Cos(th);
            Assert.Equal(c, ActivationJFunction.Evaluate(1, 1, lin, th), 1e-15);
            Assert.Equal(1 + 2 * c * c, ActivationJFunction.Evaluate(2, 2, lin, th), 1e-14);
            Assert.Equal(3 * c, ActivationJFunction.Evaluate(3, 1, lin, th), 1e-14);
            Assert.Equal(0.0, ActivationJFunction.Evaluate(2, 1, lin, th));
        }
        Assert.Equal("0", ActivationJClosedForm.Build(2, 3, lin).Print());
    }

    [Fact]
    public void Abs_AtPi_EqualsTheValueAtZero()
    {
        // |G| and |−G| coincide: J^{(−1)}_{a,b}(π) = J^{(−1)}_{a,b}(0) = E|G|^{a+b}.
        for (int a = 1; a <= 8; a++)
            for (int b = 1; b <= 8; b++)
            {
                double x0 = ActivationJFunction.Evaluate(a, b, Activation.Abs, 0), xpi = ActivationJFunction.Evaluate(a, b, Activation.Abs, Math.PI);
                double m = ActivationJClosedForm.Moment(a + b, Activation.Abs).ToDouble();
                Assert.Equal(m, x0, m * 1e-15);
                Assert.Equal(m, xpi, m * 1e-14);
            }
    }

    [Fact]
    public void ThetaSeries_AgreesWithEvaluatorNearZero() =>
        PropertyCheck.Run(Prop.ForAll(Args.ToArbitrary(), t =>
        {
            var cf = ActivationJClosedForm.Build(t.A, t.B, t.S);
            var series = cf.SeriesAboutZero(24);
            double theta = t.Theta * 0.05;
            double sum = 0, p = 1, scale = 0;
            foreach (var c in series) { double term = c.ToDouble() * p; sum += term; scale += Math.Abs(term); p *= theta; }
            double x = ActivationJFunction.Evaluate(t.A, t.B, t.S, theta);
            if (Math.Abs(sum - x) > 1e-13 * scale) throw new Exception($"J^({t.S})_{{{t.A},{t.B}}}({theta:R}): series {sum:R} evaluator {x:R}");
            return true;
        }), 40);

    [Fact]
    public void PrintedText_EvaluatesToTheFunction()
    {
        foreach (var act in Slopes)
            foreach (var (a, b) in new[] { (1, 1), (2, 1), (3, 3), (4, 2), (0, 3) })
            {
                string text = ActivationJClosedForm.Build(a, b, act).Print();
                var e = ExpressionParser.Parse(text);
                foreach (double th in new[] { 0.2, 1.7, 3.0 })
                {
                    double parsed = e.Evaluate(new Dictionary<string, double> { ["theta"] = th }, null);
                    double x = ActivationJFunction.Evaluate(a, b, act, th);
                    Assert.True(Math.Abs(parsed - x) <= 1e-12 * (1 + Math.Abs(x)), $"{act} J_{a},{b}({th}): '{text}' = {parsed} vs {x}");
                }
            }
    }

    [Fact]
    public void Build_BadArguments_ThrowNamingThem()
    {
        Assert.Equal("b", Assert.Throws<ArgumentOutOfRangeException>(() => ActivationJClosedForm.Build(1, 201, Activation.Abs)).ParamName);
        Assert.Equal("activation", Assert.Throws<ArgumentNullException>(() => ActivationJFunction.Get(1, 1, null!)).ParamName);
        Assert.Equal("theta", Assert.Throws<ArgumentOutOfRangeException>(() => ActivationJFunction.Evaluate(1, 1, Activation.Abs, 3.5)).ParamName);
    }
}
