using Degeneracy.JFunctions;
using Degeneracy.Symbolic;

namespace Degeneracy.JFunctions.Tests;

public class ActivationTests
{
    [Theory]
    [InlineData("relu", 0, 1)]
    [InlineData("abs", -1, 1)]
    [InlineData("linear", 1, 1)]
    [InlineData("leaky:0.01", 1, 100)]
    [InlineData("leaky:1/100", 1, 100)]
    [InlineData("leaky:-3/7", -3, 7)]
    [InlineData("leaky:-0.25", -1, 4)]
    [InlineData("leaky:2/4", 1, 2)]
    [InlineData("leaky:+5", 5, 1)]
    [InlineData("leaky:.5", 1, 2)]
    [InlineData("leaky:1000000", 1000000, 1)]
    public void Parse_ReadsTheSlopeExactly(string text, int p, int q) =>
        Assert.Equal(new Rational(p, q), Activation.Parse(text).Slope);

    [Fact]
    public void Parse_DecimalAndFraction_AreTheSameActivation()
    {
        Assert.Equal(Activation.Parse("leaky:1/100"), Activation.Parse("leaky:0.01"));
        Assert.Equal("leaky:1/100", Activation.Parse("leaky:0.010").Name);
        Assert.Same(Activation.Abs, Activation.Parse("leaky:-1"));
        Assert.Same(Activation.Relu, Activation.Parse("leaky:0"));
        Assert.Equal("abs", Activation.Parse("leaky:-2/2").Name);
    }

    [Theory]
    [InlineData("leaky:")]
    [InlineData("leaky:abc")]
    [InlineData("leaky:1e999")]
    [InlineData("leaky:1e-2")]
    [InlineData("softmax")]
    [InlineData("ReLU")]
    [InlineData("leaky:1/0")]
    [InlineData("leaky:1/-2")]
    [InlineData("leaky: 0.1")]
    [InlineData("leaky:0,1")]
    [InlineData("leaky:.")]
    [InlineData("leaky:-")]
    [InlineData("")]
    public void Parse_Malformed_ThrowsFormatExceptionNamingTheText(string text)
    {
        var e = Assert.Throws<FormatException>(() => Activation.Parse(text));
        Assert.Contains($"'{text}'", e.Message);
    }

    [Theory]
    [InlineData("leaky:1000001")]
    [InlineData("leaky:1/1000001")]
    [InlineData("leaky:-99999999999999999999")]
    [InlineData("leaky:0.0000001")]
    public void Parse_HugeSlopeParts_ThrowOutOfRangeNamingTheBound(string text)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Activation.Parse(text));
        Assert.Equal("slope", e.ParamName);
        Assert.Contains("1000000", e.Message);
    }

    [Fact]
    public void Parse_OverlongNumber_IsAFormatError() =>
        Assert.Throws<FormatException>(() => Activation.Parse("leaky:" + new string('9', 80)));

    [Theory]
    [InlineData("relu", -2.0, 0.0)]
    [InlineData("abs", -2.0, 2.0)]
    [InlineData("linear", -2.0, -2.0)]
    [InlineData("leaky:1/4", -2.0, -0.5)]
    [InlineData("leaky:1/4", 3.0, 3.0)]
    public void Apply_IsPhiS(string name, double x, double expected) => Assert.Equal(expected, Activation.Parse(name).Apply(x));
}
