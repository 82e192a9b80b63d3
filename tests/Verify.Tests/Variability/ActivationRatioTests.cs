using Degeneracy.Verify.Variability;

namespace Degeneracy.Verify.Tests.Variability;

public class ActivationRatioTests
{
    [Theory]
    [InlineData(3300, 1)]
    [InlineData(3300, 12)]
    [InlineData(3300, 45)]
    [InlineData(1e6, 1000)]
    public void Width_SolvesParameterCount_AndRatioIsLdOverN(double n, double l)
    {
        double d = ActivationRatio.Width(n, l);
        Assert.Equal(n, (d * d + d) * l, n * 1e-13);
        Assert.Equal(l * d / n, ActivationRatio.Ratio(n, l), 15);
    }

    [Theory]
    [InlineData(3300, 1.5)]
    [InlineData(3300, 20)]
    [InlineData(1600, 31)]
    public void Derivative_MatchesCentralDifference_AndIsPositiveDecreasing(double n, double l)
    {
        const double h = 1e-4;
        double fd = (ActivationRatio.Ratio(n, l + h) - ActivationRatio.Ratio(n, l - h)) / (2 * h);
        Assert.Equal(fd, ActivationRatio.Derivative(n, l), 1e-9 * Math.Abs(fd) + 1e-14);
        Assert.True(ActivationRatio.Derivative(n, l) > 0);
        Assert.True(ActivationRatio.Derivative(n, l + 1) < ActivationRatio.Derivative(n, l));
    }

    [Fact]
    public void PublishedFormulas_AreTheRootOfDSquaredMinusD_AndTheirOwnDerivative()
    {
        const double n = 3300, l = 7;
        double dp = ActivationRatio.PublishedWidth(n, l);
        Assert.Equal(n, (dp * dp - dp) * l, 1e-9);            // the printed root solves d² − d = N/L, not d² + d = N/L
        Assert.Equal(2 * l * dp / n, ActivationRatio.PublishedRatio(n, l), 12); // and eq. 6 is twice L·d/N of that root
        const double h = 1e-4;
        double fd = (ActivationRatio.PublishedRatio(n, l + h) - ActivationRatio.PublishedRatio(n, l - h)) / (2 * h);
        Assert.Equal(fd, ActivationRatio.PublishedDerivative(n, l), 1e-9 * fd);
    }

    [Fact]
    public void BadInput_IsRejected()
    {
        Assert.Equal("depth", Assert.Throws<ArgumentOutOfRangeException>(() => ActivationRatio.Ratio(3300, 0.5)).ParamName);
        Assert.Equal("parameters", Assert.Throws<ArgumentOutOfRangeException>(() => ActivationRatio.Ratio(double.NaN, 3)).ParamName);
    }
}
