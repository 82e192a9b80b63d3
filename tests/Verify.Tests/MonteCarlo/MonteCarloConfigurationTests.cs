using Degeneracy.Verify.MonteCarlo;

namespace Degeneracy.Verify.Tests.MonteCarlo;

public class MonteCarloConfigurationTests
{
    [Fact]
    public void Constructor_EmptyWidths_ThrowsNamingWidths()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new MonteCarloConfiguration([], 0.1, 10, 1));
        Assert.Equal("widths", e.ParamName);
    }

    [Fact]
    public void Constructor_WidthBelowOne_ThrowsNamingRange()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new MonteCarloConfiguration([4, 0, 4], 0.1, 10, 1));
        Assert.Equal("widths", e.ParamName);
        Assert.Contains("[1,", e.Message);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(-1e-9)]
    [InlineData(3.2)]
    [InlineData(double.PositiveInfinity)]
    public void Constructor_ThetaOutsideZeroPi_Throws(double theta0)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new MonteCarloConfiguration([4], theta0, 10, 1));
        Assert.Equal("theta0", e.ParamName);
        Assert.Contains("[0, π]", e.Message);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-5L)]
    public void Constructor_NonPositiveSamples_Throws(long samples)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new MonteCarloConfiguration([4], 0.5, samples, 1));
        Assert.Equal("samples", e.ParamName);
    }

    [Fact]
    public void Constructor_NetworkInputDimensionOne_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            new MonteCarloConfiguration([4], 0.5, 10, 1, MonteCarloBackend.Network, inputDimension: 1));
        Assert.Equal("inputDimension", e.ParamName);
    }

    [Fact]
    public void Constructor_NetworkDefaultInputDimension_IsFirstWidth() =>
        Assert.Equal(7, new MonteCarloConfiguration([7, 3], 0.5, 10, 1, MonteCarloBackend.Network).InputDimension);

    [Fact]
    public void Run_ZeroThreads_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ReducedChainSampler.Run([4], 0.5, 10, 1, threads: 0));

    [Theory]
    [InlineData("3/3")]
    [InlineData("5/2")]
    [InlineData("-1/2")]
    [InlineData("0/0")]
    public void ShardParse_IndexOutOfRange_Throws(string text)
    {
        var e = Record.Exception(() => ShardSpec.Parse(text));
        Assert.True(e is ArgumentOutOfRangeException or FormatException, e?.GetType().Name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("a/b")]
    [InlineData("1/2/3")]
    public void ShardParse_Malformed_ThrowsFormatException(string text) =>
        Assert.Throws<FormatException>(() => ShardSpec.Parse(text));

    [Fact]
    public void ShardParse_IndexAtCount_MessageNamesRange()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ShardSpec.Parse("4/4"));
        Assert.Contains("[0, 3]", e.Message);
    }

    [Fact]
    public void ShardBlockRanges_PartitionAllBlocks()
    {
        for (int count = 1; count <= 9; count++)
        {
            long next = 0;
            for (int i = 0; i < count; i++)
            {
                var (start, end) = new ShardSpec(i, count).BlockRange(17);
                Assert.Equal(next, start);
                next = end;
            }
            Assert.Equal(17, next);
        }
    }
}
