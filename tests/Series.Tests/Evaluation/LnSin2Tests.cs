using Degeneracy.Series.Evaluation;

namespace Degeneracy.Series.Tests.Evaluation;

/// <summary>ln sin²θ and μ = ln sin²θ + drift stay finite and accurate on all of (0, π), down to the smallest double.</summary>
public sealed class LnSin2Tests
{
    private const double PiLow = 1.2246467991473532e-16; // π − Math.PI

    [Theory]
    [InlineData(1e-170)]
    [InlineData(1e-300)]
    [InlineData(4.9406564584124654e-324)]
    public void LnSin2_BelowUnderflowOfSinSquared_IsTwoLnTheta(double theta)
    {
        // sin θ = θ exactly in double arithmetic here (θ³/6 is far below half an ulp); Math.Log(sin θ · sin θ) would give −∞.
        Assert.Equal(2 * Math.Log(theta), LayerLaws.LnSin2(theta), Math.Abs(2 * Math.Log(theta)) * 1e-15);
    }

    [Theory]
    [InlineData(1e-3)]
    [InlineData(1e-8)]
    [InlineData(1e-15)]
    public void LnSin2_NearPi_UsesTheDistanceToTruePi(double offset)
    {
        double theta = Math.PI - offset;
        double delta = (Math.PI - theta) + PiLow; // π − θ: the subtraction is exact (Sterbenz)
        double expected = 2 * Math.Log(delta - delta * delta * delta / 6);
        Assert.Equal(expected, LayerLaws.LnSin2(theta), Math.Abs(expected) * 2e-15);
    }

    [Fact]
    public void LnSin2_AtMathPi_IsFinite()
    {
        Assert.Equal(2 * Math.Log(PiLow), LayerLaws.LnSin2(Math.PI), 1e-13);
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(1.0)]
    [InlineData(2.5)]
    public void LnSin2_ModerateAngles_MatchesTheNaiveFormula(double theta)
    {
        double s = Math.Sin(theta);
        Assert.Equal(Math.Log(s * s), LayerLaws.LnSin2(theta), 1e-15);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Mu_GeneratedLaws_FiniteAtTheSmallestDouble(int nOrder)
    {
        var law = LayerLaws.Series(nOrder);
        double theta = double.Epsilon, n = 32;
        double mu = LayerLaws.Mu(law, theta, n);
        Assert.Equal(2 * Math.Log(theta) + law.Drift(0, n), mu, 1e-12);
    }

    [Fact]
    public void Mu_PublishedLaw_FiniteAtTinyAngles()
    {
        double mu = LayerLaws.Mu(LayerLaws.Paper, 1e-250, 32);
        Assert.Equal(2 * Math.Log(1e-250) + LayerLaws.Paper.Drift(0, 32), mu, 1e-12);
    }
}
