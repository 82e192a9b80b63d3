using Degeneracy.Verify.Statistics;

namespace Degeneracy.Verify.Tests.Statistics;

public class FixedBinHistogramTests
{
    [Fact]
    public void Quantile_OfManyValues_IsWithinOneBinOfTheEmpiricalQuantile()
    {
        var random = new Random(7);
        var values = Enumerable.Range(0, 20000).Select(_ => -5 + 3 * random.NextDouble()).ToArray();
        var histogram = new FixedBinHistogram();
        foreach (double x in values) histogram.Add(x);
        var sorted = values.Order().ToArray();
        foreach (double p in new[] { 0.01, 0.25, 0.5, 0.9, 0.99 })
        {
            double empirical = sorted[(int)Math.Floor(p * (sorted.Length - 1))];
            Assert.InRange(histogram.Quantile(p, sorted[0], sorted[^1]) - empirical, -FixedBinHistogram.BinWidth, FixedBinHistogram.BinWidth);
        }
    }

    [Fact]
    public void Merge_OfParts_EqualsHistogramOfAll()
    {
        var a = new FixedBinHistogram();
        var b = new FixedBinHistogram();
        var all = new FixedBinHistogram();
        for (int i = 0; i < 1000; i++)
        {
            double x = Math.Sin(i) * 3;
            (i % 3 == 0 ? a : b).Add(x);
            all.Add(x);
        }
        a.Merge(b);
        Assert.Equal(all.Bins, a.Bins);
        Assert.Equal(all.Count, a.Count);
    }

    [Fact]
    public void BinOf_NegativeValue_FloorsTowardMinusInfinity()
    {
        Assert.Equal(-1, FixedBinHistogram.BinOf(-1e-9));
        Assert.Equal(0, FixedBinHistogram.BinOf(0));
        Assert.Equal(-256, FixedBinHistogram.BinOf(-1));
    }

    [Fact]
    public void Add_NonFinite_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new FixedBinHistogram().Add(double.NaN));

    [Fact]
    public void Quantile_OfEmpty_IsNaN() => Assert.True(double.IsNaN(new FixedBinHistogram().Quantile(0.5)));
}
