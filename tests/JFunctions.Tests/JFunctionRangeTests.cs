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
