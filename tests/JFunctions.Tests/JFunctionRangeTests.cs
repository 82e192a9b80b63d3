using Degeneracy.JFunctions;

namespace Degeneracy.JFunctions.Tests;

/// <summary>The double evaluator's range: J_{a,b}(θ) ≤ J_{a,b}(0) = ½·E|G|^{a+b} must be a finite double.</summary>
public sealed class JFunctionRangeTests
{
    /// <summary>ln(½·E|G|^m) = ln ½ + (m/2)·ln 2 + lnΓ((m+1)/2) − ½·ln π (moments of the half-normal).</summary>
    private static double LnJAtZero(int m) =>
        Math.Log(0.5) + m / 2.0 * Math.Log(2) + LnGamma((m + 1) / 2.0) - 0.5 * Math.Log(Math.PI);

    private static double LnGamma(double x) => MathNet.Numerics.SpecialFunctions.GammaLn(x);

    [Fact]
    public void MaxDegree_IsTheLastDegreeWhoseValueAtZeroIsFinite()
    {
        double lnMax = Math.Log(double.MaxValue);
        Assert.True(LnJAtZero(JFunction.MaxDegree) < lnMax);
        Assert.True(LnJAtZero(JFunction.MaxDegree + 1) > lnMax);
    }

    private static double Ln(Degeneracy.Symbolic.Rational x) =>
        System.Numerics.BigInteger.Log(x.Numerator) - System.Numerics.BigInteger.Log(x.Denominator);

    /// <summary>
    /// ln J for indices whose κ or value leaves the double range: against lnΓ at θ = 0 and the high-precision closed form
    /// elsewhere (including the series branch near π and the mid-range patches), relative 1e-13 in J.
    /// </summary>
    [Theory]
    [InlineData(200, 200)]
    [InlineData(151, 151)]
    [InlineData(200, 101)]
    [InlineData(120, 90)]
    public void LogEvaluate_LargeIndices_MatchesReferences(int a, int b)
    {
        Assert.Equal(LnJAtZero(a + b), JFunction.LogEvaluate(a, b, 0), 1e-13 * LnJAtZero(a + b));
        foreach (double theta in new[] { 0.3, 1.0, 1.9, 2.6, 3.05 })
        {
            double expected = Ln(Degeneracy.TestSupport.HighPrecision.JReference.Evaluate(a, b, theta));
            double actual = JFunction.LogEvaluate(a, b, theta);
            Assert.True(Math.Abs(actual - expected) <= 1e-13 * (1 + Math.Abs(expected)), $"J_{{{a},{b}}}({theta}): ln {actual:R}, reference {expected:R}");
        }
        Assert.Equal(double.NegativeInfinity, JFunction.LogEvaluate(a, b, Math.PI));
    }

    [Fact]
    public void Evaluate_AtMaxDegree_IsFinite()
    {
        // Before: κ = E[R^301]/(2π) overflowed a double and J_{200,101}(1) ≈ 1.07e292 evaluated to +∞.
        foreach (double theta in new[] { 0.0, 1.0, 2.0 })
        {
            double value = JFunction.Evaluate(200, 101, theta);
            Assert.True(double.IsFinite(value) && value > 0, $"J_{{200,101}}({theta}) = {value}");
            Assert.Equal(JFunction.LogEvaluate(200, 101, theta), Math.Log(value), 1e-13 * Math.Abs(Math.Log(value)));
        }
    }

    [Theory]
    [InlineData(200, 200)]
    [InlineData(151, 151)]
    [InlineData(102, 200)]
    public void Get_BeyondMaxDegree_ThrowsAtOnce(int a, int b)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => JFunction.Get(a, b));
        Assert.Contains("a + b must be at most 301", e.Message);
    }
}
