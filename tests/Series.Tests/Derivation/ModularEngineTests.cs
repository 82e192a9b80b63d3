using Degeneracy.JFunctions;
using Degeneracy.Series.Derivation;
using Degeneracy.Series.SmallAngle;
using Degeneracy.Symbolic;
using Degeneracy.TestSupport.Derivation;
using Degeneracy.TestSupport.Properties;
using FsCheck;
using FsCheck.Fluent;

namespace Degeneracy.Series.Tests.Derivation;

/// <summary>
/// The multi-modular engine (cumulant moments over 𝔽_p, interpolation in π⁻¹, rational reconstruction) against two
/// independent routes: the first engine (symbolic closed forms + exact ℚ[π, 1/π] substitution, tests/Support) and, at
/// θ⁰, the exact small-angle law (polygamma expansion of ρ(n) and σ²(0, n)).
/// </summary>
public class ModularEngineTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly Activation[] Activations =
        [Activation.Relu, Activation.Parse("abs"), Activation.Parse("leaky:1/100"), Activation.Parse("leaky:-1/2")];

    [Fact]
    public void RandomSmallOrders_CoefficientsIdenticalToTheSubstitutionEngine()
    {
        // θ-order ≤ 6, n-order ≤ 3, four activations; PropertyCheck.Run reports the replay seed on failure.
        var cases = from j in Gen.Choose(0, 6) from k in Gen.Choose(1, 3) from a in Gen.Choose(0, Activations.Length - 1) select (j, k, a);
        PropertyCheck.Run(Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var (j, k, a) = c;
            var act = Activations[a];
            var fresh = Degeneracy.Series.Derivation.Derivation.Derive(j, k, act);
            var oracle = SubstitutionDerivation.Derive(j, k, act);
            for (int kk = 0; kk <= k; kk++)
                for (int jj = 0; jj <= j; jj++)
                {
                    Assert.Equal(oracle[0][kk][jj], fresh.Coefficient(Quantity.Drift, jj, kk));
                    Assert.Equal(oracle[1][kk][jj], fresh.Coefficient(Quantity.Sigma2, jj, kk));
                }
        }), maxTest: 6);
    }

    [Theory]
    [InlineData("leaky:1/100")]
    [InlineData("leaky:-3/7")]
    public void KnownDenominatorReconstruction_CoefficientsIdenticalToTheSubstitutionEngine(string activation)
    {
        // The reconstruction multiplies the residues by (p² + q²)^{j+2k} (s = p/q) and recovers a small-denominator rational
        // first: 10001 for 1/100, 58 = 2·29 for −3/7 (whose factor 2 is not in every denominator). θ⁶ n⁻³, every coefficient.
        var act = Activation.Parse(activation);
        var fresh = Degeneracy.Series.Derivation.Derivation.Derive(6, 3, act);
        var oracle = SubstitutionDerivation.Derive(6, 3, act);
        for (int k = 0; k <= 3; k++)
            for (int j = 0; j <= 6; j++)
            {
                Assert.Equal(oracle[0][k][j], fresh.Coefficient(Quantity.Drift, j, k));
                Assert.Equal(oracle[1][k][j], fresh.Coefficient(Quantity.Sigma2, j, k));
            }
    }

    [Theory]
    [InlineData("relu", 6)]
    [InlineData("leaky:1/2", 5)]
    [InlineData("leaky:-3/7", 4)]
    public void ThetaZero_EngineAgreesWithTheExactSmallAngleLaw(string name, int K)
    {
        // The engine itself (Derivation.Derive at θ-order 0 takes these coefficients from the small-angle law directly):
        // ReLU against the polygamma expansion, other slopes against the cumulant delta method of the limit law R.
        var act = Activation.Parse(name);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (drift, variance) = Modular.ModularLogRatio.Derive(0, K, act);
        output.WriteLine($"{name}: engine at theta-order 0, n-order {K}: {clock.Elapsed.TotalSeconds:F1} s");
        AssertThetaZeroEqualsSmallAngleLaw(act, K, drift, variance);
    }

    [Theory]
    [Trait("Category", "Slow")]
    [InlineData("relu", 12)]
    [InlineData("leaky:1/2", 12)]
    public void ThetaZero_EngineAgreesWithTheExactSmallAngleLaw_ToOrder12(string name, int K)
    {
        // Opt-in (dotnet test --filter "Category=Slow&FullyQualifiedName~ToOrder12"): the engine alone to n-order 12.
        var act = Activation.Parse(name);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (drift, variance) = Modular.ModularLogRatio.Derive(0, K, act);
        output.WriteLine($"{name}: engine at theta-order 0, n-order {K}: {clock.Elapsed.TotalSeconds:F1} s");
        AssertThetaZeroEqualsSmallAngleLaw(act, K, drift, variance);
    }

    private static void AssertThetaZeroEqualsSmallAngleLaw(Activation act, int K, PiLaurent[][] drift, PiLaurent[][] variance)
    {
        var (rho, v0) = act.IsRelu ? (SmallAngleLaw.RhoSeries(K), SmallAngleLaw.VarianceSeries(K)) : SlopeDeltaSeries.Compute(K, act.Slope);
        for (int k = 1; k <= K; k++)
        {
            Assert.Equal((PiLaurent)(-rho[k]), drift[k - 1][0]);
            Assert.Equal((PiLaurent)v0[k], variance[k - 1][0]);
        }
    }

    [Fact]
    public void OrderBeyondTheGuard_IsRefusedUpFront_NamingTheArgument()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Degeneracy.Series.Derivation.Derivation.Derive(4, 40));
        Assert.Equal("nOrder", e.ParamName);
        Assert.Contains("guard", e.Message);
        Assert.True(DerivationCost.SeriesSeconds(4, 40) > DerivationCost.MaxSeconds);
    }

    [Fact]
    public void CostEstimate_GrowsWithTheOrder()
    {
        for (int k = 1; k < 12; k++)
            Assert.True(DerivationCost.SeriesSeconds(4, k + 1) > DerivationCost.SeriesSeconds(4, k));
    }
}
