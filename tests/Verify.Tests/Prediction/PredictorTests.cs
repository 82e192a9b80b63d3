using Degeneracy.JFunctions;
using Degeneracy.Series.Evaluation;
using Degeneracy.Verify.Prediction;

namespace Degeneracy.Verify.Tests.Prediction;

public sealed class PredictorTests
{
    /// <summary>A θ-independent law: x performs a Gaussian random walk, so mean and variance are exact sums.</summary>
    private sealed class RandomWalkLaw : ILayerLaw
    {
        public string Name => "walk";
        public double Drift(double theta, double n) => -2 / n;
        public double Sigma2(double theta, double n) => 8 / n;
    }

    [Fact]
    public void Density_ThetaIndependentLaw_GivesExactRandomWalkMoments()
    {
        int[] widths = [100, 200, 300, 400, 500, 600];
        var p = new DensityPredictor(new RandomWalkLaw()).Predict(widths, 0.05);
        double mean = AngleCoordinates.X(0.05), variance = 0;
        for (int l = 0; l < widths.Length; l++)
        {
            mean += -2.0 / widths[l];
            variance += 8.0 / widths[l];
            Assert.Equal(mean, p.Layers[l].Mean, 1e-9);
            Assert.Equal(Math.Sqrt(variance), p.Layers[l].Sd, 1e-7);
            Assert.Equal(1.0, p.Densities![l].Cdf(0), 12);
        }
    }

    [Fact]
    public void PointPredictor_ThetaIndependentLaw_GivesExactRandomWalkMoments()
    {
        var p = PredictionMethods.Algorithm1("walk", new RandomWalkLaw()).Predict([50, 50, 50], 0.01);
        Assert.Equal(AngleCoordinates.X(0.01) - 6.0 / 50, p.Final.Mean, 12);
        Assert.Equal(Math.Sqrt(24.0 / 50), p.Final.Sd, 12);
    }

    [Fact]
    public void MomentPredictor_ThetaIndependentLaw_GivesExactRandomWalkMoments()
    {
        // x stays far below 0 (θ⁰ = 0.01, x ≈ −9.2, sd ≤ 0.7), so no Gauss–Hermite node is reflected and the
        // quadrature is exact for this affine map.
        var p = new MomentPredictor(new RandomWalkLaw()).Predict([50, 50, 50], 0.01);
        Assert.Equal(AngleCoordinates.X(0.01) - 6.0 / 50, p.Final.Mean, 12);
        Assert.Equal(Math.Sqrt(24.0 / 50), p.Final.Sd, 12);
    }

    /// <summary>A law whose drift is quadratic in x: the moment closure must add the Jensen term ½·g''·Var exactly.</summary>
    private sealed class QuadraticDriftLaw : ILayerLaw
    {
        public string Name => "quadratic";
        public double Drift(double theta, double n) { double x = AngleCoordinates.X(theta); return 0.01 * x * x; }
        public double Sigma2(double theta, double n) => 0.04;
    }

    [Fact]
    public void MomentPredictor_QuadraticDrift_AddsTheJensenTermThatAlgorithm1Misses()
    {
        // Layer 2 from (m, V) = (x₁, 0.04): E[x + 0.01x²] = m + 0.01(m² + V); Algorithm 1 gives m + 0.01m².
        var law = new QuadraticDriftLaw();
        var moment = new MomentPredictor(law).Predict([64, 64], 0.01);
        var algorithm1 = PredictionMethods.Algorithm1("a1", law).Predict([64, 64], 0.01);
        double m1 = moment.Layers[0].Mean;
        Assert.Equal(m1 + 0.01 * (m1 * m1 + 0.04), moment.Layers[1].Mean, 10);
        Assert.Equal(m1 + 0.01 * m1 * m1, algorithm1.Layers[1].Mean, 10);
    }

    [Fact]
    public void InfiniteWidthMap_SmallAngle_MatchesLeadingTerms()
    {
        // ln sin²θ' = ln sin²θ − 2θ/(3π) + O(θ²) (the θ-terms of Approximation 1 at infinite width).
        double theta = 1e-6;
        Assert.Equal(AngleCoordinates.X(theta) - 2 * theta / (3 * Math.PI), InfiniteWidthMap.NextX(theta), 1e-11);
    }

    [Theory]
    [InlineData(0.01)]
    [InlineData(0.7)]
    [InlineData(Math.PI / 2)]
    [InlineData(3.0)]
    public void InfiniteWidthMap_AgreesWithCosineFormula(double theta)
    {
        double cos = 2 * JFunction.Evaluate(1, 1, theta);
        double direct = Math.Log(1 - cos * cos);
        double tolerance = theta < 0.1 ? 1e-6 : 1e-12; // the direct form loses digits as θ → 0, not the stable one
        Assert.Equal(direct, InfiniteWidthMap.NextX(theta), tolerance);
    }

    [Fact]
    public void Density_NearRightAngle_ReflectsMassAboveZeroAndReportsIt()
    {
        var p = PredictionMethods.Create("density").Predict([10, 10], Math.PI / 2);
        Assert.InRange(p.Densities![0].ReflectedMass, 0.01, 0.5);
        Assert.All(p.Layers, l => Assert.True(l.Mean < 0));
        Assert.Equal(1.0, p.Densities[0].Cdf(0), 12);
    }

    [Fact]
    public void AllMethods_ObtuseInput_StartFromThetaZeroItself()
    {
        foreach (var name in PredictionMethods.Names)
        {
            var p = PredictionMethods.Create(name).Predict([64, 64], 2.5);
            Assert.All(p.Layers, l => Assert.True(double.IsFinite(l.Mean) && l.Mean <= 0, $"{name}: {l.Mean}"));
        }
    }

    [Theory]
    [InlineData(new[] { 1, 5 }, 0.5)]
    [InlineData(new[] { 5, 5 }, 0.0)]
    [InlineData(new[] { 5, 5 }, Math.PI)]
    [InlineData(new[] { 5 }, double.NaN)]
    [InlineData(new int[0], 0.5)]
    public void Predict_BadNetwork_Throws(int[] widths, double theta0)
    {
        foreach (var name in PredictionMethods.Names)
            Assert.ThrowsAny<ArgumentException>(() => PredictionMethods.Create(name).Predict(widths, theta0));
    }

    [Fact]
    public void ParseList_AllAndNames_AndUnknownThrows()
    {
        Assert.Equal(PredictionMethods.Names, PredictionMethods.ParseList("all"));
        Assert.Equal(["paper", "density"], PredictionMethods.ParseList("paper, density,paper"));
        Assert.Throws<ArgumentException>(() => PredictionMethods.ParseList("paper,bogus"));
    }

    [Fact]
    public void SmallAngleBlendedLaw_AtZeroIsExact_AndFadesOut()
    {
        var law = new SmallAngleBlendedLaw(LayerLaws.Series(1));
        Assert.Equal(-Degeneracy.Series.SmallAngle.SmallAngleLaw.Rho(12), law.Drift(0, 12), 12);
        Assert.Equal(Degeneracy.Series.SmallAngle.SmallAngleLaw.Variance(12), law.Sigma2(0, 12), 12);
        Assert.Equal(LayerLaws.Series(1).Drift(Math.PI / 2, 12), law.Drift(Math.PI / 2, 12), 12);
    }
}
