namespace Degeneracy.Verify.Tests.MonteCarlo;

public class WidthSpecTests
{
    [Theory]
    [InlineData("256x32", 32, 256, 256)]
    [InlineData("784,100,100", 3, 784, 100)]
    [InlineData("10x5,20x5", 10, 10, 20)]
    [InlineData(" 7 , 3X2 ", 3, 7, 3)]
    public void Parse_ValidSpec_ExpandsWidths(string spec, int depth, int first, int last)
    {
        var widths = WidthSpec.Parse(spec).Widths;
        Assert.Equal(depth, widths.Count);
        Assert.Equal(first, widths[0]);
        Assert.Equal(last, widths[^1]);
    }

    [Fact]
    public void Parse_Mixed_KeepsOrder() =>
        Assert.Equal([10, 10, 20, 20, 20, 5], WidthSpec.Parse("10x2,20x3,5").Widths);

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("abc")]
    [InlineData("10,,20")]
    [InlineData("10x")]
    [InlineData("x5")]
    [InlineData("10x2x3")]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("10x0")]
    [InlineData("3.5")]
    [InlineData("99999999999")]
    public void Parse_MalformedOrOutOfRange_ThrowsFormatException(string spec)
    {
        var e = Assert.Throws<FormatException>(() => WidthSpec.Parse(spec));
        Assert.Contains("width spec", e.Message);
    }

    [Fact]
    public void Parse_OutOfRange_MessageNamesAllowedRange()
    {
        var e = Assert.Throws<FormatException>(() => WidthSpec.Parse("16,0,16"));
        Assert.Contains("at least 1", e.Message);
    }

    [Fact]
    public void ToString_IsRunLengthCanonicalForm() =>
        Assert.Equal("10x5,20x5,7", WidthSpec.Parse("10x3,10,10,20x5,7").ToString());

    [Fact]
    public void TryParse_Malformed_ReturnsFalse()
    {
        Assert.False(WidthSpec.TryParse("1,,", out var spec));
        Assert.Null(spec);
        Assert.True(WidthSpec.TryParse("4x2", out spec));
        Assert.Equal(2, spec!.Widths.Count);
    }
}
