using Degeneracy.TestSupport.Properties;
using Degeneracy.Series.Derivation;
using Degeneracy.Series.Evaluation;
using Degeneracy.Series.Evaluation.Generated;
using FsCheck;
using FsCheck.Fluent;

namespace Degeneracy.Series.Tests.CodeGen;

/// <summary>Laws of the generated order-1 evaluator: monotonicity, positivity, limits at θ = 0 and θ = π, bad input.</summary>
public class GeneratedEvaluatorPropertyTests
{
    private static readonly Lazy<DerivationResult> Derived = new(() => Degeneracy.Series.Derivation.Derivation.Derive(4, 1));

    private static readonly Gen<double> Theta =
        Gen.OneOf(Gen.Choose(0, 1_000_000).Select(u => Math.PI * u / 1_000_000.0),
                  Gen.Choose(-12_000, 0).Select(e => Math.Pow(10, e / 1000.0)),
                  Gen.Choose(-12_000, 0).Select(e => Math.PI - Math.Pow(10, e / 1000.0)));

    private static readonly Gen<double> Width =
        Gen.OneOf(Gen.Choose(2, 64).Select(n => (double)n), Gen.Choose(302, 6000).Select(e => Math.Pow(10, e / 1000.0))); // 10^0.302 ≥ 2

    /// <summary>
    /// μ(θ, n) is increasing in θ on all of (0, π] for every n ≥ 2 at order ε¹ (a scan of 2·10⁵ angles finds dμ/dθ &gt; 0
    /// throughout; μ rises from −∞ to μ(π, n) = 0). Within ~0.01 of π, μ is within 1e-13 of 0 and flat at the rounding
    /// level (its increments fall below 1e-16), so the property is checked up to 2e-16 absolute.
    /// </summary>
    [Fact]
    public void Mu_IsIncreasingInTheta_OnWholeRange() =>
        PropertyCheck.Run(Prop.ForAll(Theta.ToArbitrary(), Theta.ToArbitrary(), Width.ToArbitrary(), (a, b, n) =>
        {
            if (a == b || a == 0 || b == 0) return true;
            var (lo, hi) = a < b ? (a, b) : (b, a);
            return LayerLawOrder1.Mu(lo, n) <= LayerLawOrder1.Mu(hi, n) + 2e-16;
        }), 2000);

    [Fact]
    public void Sigma2_IsNonNegative() =>
        PropertyCheck.Run(Prop.ForAll(Theta.ToArbitrary(), Width.ToArbitrary(), (t, n) => LayerLawOrder1.Sigma2(t, n) >= 0 && LayerLawOrder2.Sigma2(t, n) >= 0), 2000);

    [Fact]
    public void AtZero_DriftIsExactlyMinusRho_AndSigma2IsTheSeriesConstant() =>
        PropertyCheck.Run(Prop.ForAll(Width.ToArbitrary(), n =>
        {
            var d = Derived.Value;
            double eps = 1 / n;
            double c0 = d.Coefficient(Quantity.Drift, 0, 0).ToDouble() + eps * d.Coefficient(Quantity.Drift, 0, 1).ToDouble();
            double v0 = d.Coefficient(Quantity.Sigma2, 0, 0).ToDouble() + eps * d.Coefficient(Quantity.Sigma2, 0, 1).ToDouble();
            return LayerLawOrder1.Drift(0, n) == -LayerLawOrder1.Rho(n)
                && LayerLawOrder2.Drift(0, n) == -LayerLawOrder2.Rho(n)
                && Math.Abs(LayerLawOrder1.Drift(0, n) - c0) <= 1e-16 * Math.Abs(c0)
                && Math.Abs(LayerLawOrder1.Sigma2(0, n) - v0) <= 1e-16 * v0
                && double.IsNegativeInfinity(LayerLawOrder1.Mu(0, n));
        }));

    /// <summary>
    /// At θ = π every J_{a,b} with a, b ≥ 1 vanishes, so D = 1 and μ(π, n) = Σ_k ε^k N_k(0), σ²(π, n) = Σ_k ε^k V_k(0)
    /// (at order ε¹ both are 0: antiparallel inputs give orthogonal outputs, θ' = π/2 surely); the drift is that minus
    /// ln sin²θ, large but finite at the double θ = Math.PI.
    /// </summary>
    [Fact]
    public void AtPi_JsVanish_MuAndSigma2AreTheClosedFormsAtJZero() =>
        PropertyCheck.Run(Prop.ForAll(Width.ToArbitrary(), n =>
        {
            var d = Derived.Value;
            double eps = 1 / n, mu = 0, sigma2 = 0;
            foreach (var t in d.DriftClosedForm.Where(t => t.Special is null)) mu += Math.Pow(eps, t.InvNPower) * t.Numerator.Evaluate((_, _) => 0.0);
            foreach (var t in d.VarianceClosedForm) sigma2 += Math.Pow(eps, t.InvNPower) * t.Numerator.Evaluate((_, _) => 0.0);
            double s = Math.Sin(Math.PI);
            return Math.Abs(LayerLawOrder1.Mu(Math.PI, n) - mu) <= 1e-15
                && Math.Abs(LayerLawOrder1.Sigma2(Math.PI, n) - sigma2) <= 1e-15
                && Math.Abs(LayerLawOrder1.Drift(Math.PI, n) - (mu - Math.Log(s * s))) <= 1e-13;
        }));

    public static TheoryData<double, double, string> BadArguments() => new()
    {
        { -1e-300, 10, "theta" }, { 3.1416, 10, "theta" }, { double.NaN, 10, "theta" }, { double.PositiveInfinity, 10, "theta" },
        { 1.0, 1.999, "n" }, { 1.0, double.NaN, "n" }, { 1.0, double.PositiveInfinity, "n" }, { 1.0, -5, "n" },
    };

    [Theory]
    [MemberData(nameof(BadArguments))]
    public void BadArguments_ThrowArgumentOutOfRange_NamingTheArgument(double theta, double n, string name)
    {
        Assert.Equal(name, Assert.Throws<ArgumentOutOfRangeException>(() => LayerLawOrder1.Mu(theta, n)).ParamName);
        Assert.Equal(name, Assert.Throws<ArgumentOutOfRangeException>(() => LayerLawOrder1.Drift(theta, n)).ParamName);
        Assert.Equal(name, Assert.Throws<ArgumentOutOfRangeException>(() => LayerLawOrder2.Sigma2(theta, n)).ParamName);
        Assert.Equal(name, Assert.Throws<ArgumentOutOfRangeException>(() => LayerLaws.Series(1).Sigma2(theta, n)).ParamName);
        Assert.Equal(name, Assert.Throws<ArgumentOutOfRangeException>(() => LayerLaws.Paper.Drift(theta, n)).ParamName);
        Assert.Equal(name, Assert.Throws<ArgumentOutOfRangeException>(() => LayerLaws.Paper.Sigma2(theta, n)).ParamName);
        if (name == "n")
        {
            Assert.Equal("n", Assert.Throws<ArgumentOutOfRangeException>(() => LayerLawOrder1.Rho(n)).ParamName);
            Assert.Equal("n", Assert.Throws<ArgumentOutOfRangeException>(() => PublishedLaw.Rho(n)).ParamName);
        }
        else Assert.Equal("theta", Assert.Throws<ArgumentOutOfRangeException>(() => LayerLawOrder1.J_2_2(theta)).ParamName);
    }
}
