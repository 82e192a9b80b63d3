using Degeneracy.TestSupport.Properties;
using Degeneracy.JFunctions;
using Degeneracy.Series.CodeGen;
using Degeneracy.Series.Evaluation;
using Degeneracy.TestSupport.HighPrecision;
using FsCheck;
using FsCheck.Fluent;
using Xunit.Abstractions;

namespace Degeneracy.Series.Tests.CodeGen;

/// <summary>
/// The evaluators of the activation family (<see cref="LayerLaws.Series(int, Activation)"/>, a <see cref="TabulatedLaw"/>
/// for s ≠ 0) against the high-precision reference of the same derived law (<see cref="LawReference"/>: closed forms
/// in J̄'s evaluated in 320-bit fixed point from the ReLU closed forms, 960 bits within 10⁻³ of π for |x| and the identity
/// where D also vanishes, exact series below θ = 10⁻³; no symmetry of the law assumed): drift, σ², μ and ρ within
/// 1e-12 absolute + 1e-12 relative on 0 ≤ θ ≤ π and 2 ≤ n ≤ 10⁶, at fixed endpoint angles and at FsCheck-drawn (θ, n).
/// </summary>
public class ActivationEvaluatorAccuracyTests(ITestOutputHelper output)
{
    private static readonly Gen<double> Theta =
        Gen.OneOf(Gen.Choose(0, 1_000_000).Select(u => Math.PI * u / 1_000_000.0),
                  Gen.Choose(-12_000, 0).Select(e => Math.Pow(10, e / 1000.0)),
                  Gen.Choose(-12_000, 0).Select(e => Math.PI - Math.Pow(10, e / 1000.0)));

    private static readonly Gen<double> Width =
        Gen.OneOf(Gen.Choose(2, 64).Select(n => (double)n), Gen.Choose(302, 6000).Select(e => Math.Pow(10, e / 1000.0)));

    public static TheoryData<string, int> Cases => new()
    {
        { "abs", 1 }, { "linear", 1 }, { "leaky:1/100", 1 }, { "leaky:1/2", 1 },
        { "abs", 2 }, { "leaky:1/100", 2 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void DriftSigma2MuRho_WithinOneE12OfHighPrecisionReference(string activation, int nOrder)
    {
        var act = Activation.Parse(activation);
        var law = Assert.IsType<TabulatedLaw>(LayerLaws.Series(nOrder, act));
        var reference = new LawReference(Degeneracy.Series.Derivation.Derivation.Derive(24, nOrder, act));
        double worst = 0;
        string worstAt = "";
        string? Check(double theta, double n)
        {
            var rd = reference.Drift(theta, n);
            // The evaluator clamps σ² at 0: the truncated law itself goes negative where the variance is tiny (leaky ReLU
            // 1/100 at ε², θ ≈ 2.6–2.85, small n: down to −2.4e-6 at θ = 2.7, n = 3.8), so the reference is clamped too.
            var rs0 = reference.Sigma2(theta, n);
            var rs = rs0.ToDouble() < 0 ? FixedPoint.Zero(rs0.Bits) : rs0;
            double ed = FixedPointMath.Error(law.Drift(theta, n), rd), es = FixedPointMath.Error(law.Sigma2(theta, n), rs);
            Track(ed, rd.ToDouble(), $"drift({theta:R}, {n:R})");
            Track(es, rs.ToDouble(), $"sigma2({theta:R}, {n:R})");
            if (!ReferenceGrid.Within(ed, rd.ToDouble())) return $"{activation} order {nOrder}: Drift({theta:R}, {n:R}) error {ed:G3}";
            if (!ReferenceGrid.Within(es, rs.ToDouble())) return $"{activation} order {nOrder}: Sigma2({theta:R}, {n:R}) error {es:G3}";
            if (theta > 0 && theta < Math.PI)
            {
                var rm = reference.Mu(theta, n);
                double em = FixedPointMath.Error(law.Mu(theta, n), rm);
                Track(em, rm.ToDouble(), $"mu({theta:R}, {n:R})");
                if (!ReferenceGrid.Within(em, rm.ToDouble())) return $"{activation} order {nOrder}: Mu({theta:R}, {n:R}) error {em:G3}";
            }
            if (theta == 0)
            {
                double er = FixedPointMath.Error(law.Rho(n), -rd);
                if (!ReferenceGrid.Within(er, -rd.ToDouble())) return $"{activation} order {nOrder}: Rho({n:R}) error {er:G3}";
            }
            return null;
        }
        void Track(double e, double r, string where)
        {
            double rel = e / (1 + Math.Abs(r));
            if (rel > worst) { worst = rel; worstAt = where; }
        }

        double sw = Math.Min(law.Plan.Drift.Switch.Theta, law.Plan.Sigma2.Switch.Theta);
        var fixedAngles = new[] { 0.0, 1e-12, 1e-6, 0.01, Math.BitDecrement(sw), sw, 1.0, Math.PI / 2, Math.BitIncrement(Math.PI / 2),
            2.5, Math.PI - sw, Math.PI - 1e-3, Math.PI - 1e-6, Math.PI - 1e-12 };
        foreach (var theta in fixedAngles)
            foreach (var n in new[] { 2.0, 7.0, 1e6 })
                Assert.Null(Check(theta, n));
        PropertyCheck.Run(Prop.ForAll(Theta.ToArbitrary(), Width.ToArbitrary(), (theta, n) =>
        {
            string? failure = Check(theta, n);
            return failure is null ? true.ToProperty() : false.Label(failure);
        }), 60);
        output.WriteLine($"{activation}, n-order {nOrder}: switch drift {law.Plan.Drift.Switch.Theta:R}, sigma2 {law.Plan.Sigma2.Switch.Theta:R}; " +
            $"max error/(1+|ref|) {worst:G3} at {worstAt}");
    }
}

public class ActivationEvaluatorReluTests
{
    /// <summary>s = 0 is ReLU: the same checked-in evaluator instance, so outputs are identical to the ReLU law's.</summary>
    [Fact]
    public void Relu_IsTheCheckedInEvaluator()
    {
        for (int k = 0; k <= 5; k++) Assert.Same(LayerLaws.Series(k), LayerLaws.Series(k, Activation.Relu));
        Assert.Same(LayerLaws.Series(1), LayerLaws.Series(1, Activation.Parse("leaky:0")));
    }
}
