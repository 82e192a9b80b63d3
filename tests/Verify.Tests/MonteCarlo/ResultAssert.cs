using Degeneracy.Verify.MonteCarlo;

namespace Degeneracy.Verify.Tests.MonteCarlo;

/// <summary>Bit-level comparison of Monte Carlo results (statistics and mergeable state; not elapsed time).</summary>
internal static class ResultAssert
{
    public static void BitIdentical(MonteCarloResult expected, MonteCarloResult actual)
    {
        Assert.Equal(expected.Configuration, actual.Configuration);
        Assert.Equal(expected.Layers.Count, actual.Layers.Count);
        for (int l = 0; l < expected.Layers.Count; l++)
        {
            var e = expected.Layers[l];
            var a = actual.Layers[l];
            Assert.Equal(e.Count, a.Count);
            Assert.Equal(e.Degenerate, a.Degenerate);
            Assert.Equal(Bits(e.Mean), Bits(a.Mean));
            Assert.Equal(Bits(e.Variance), Bits(a.Variance));
            Assert.Equal(Bits(e.MeanStdError), Bits(a.MeanStdError));
            Assert.Equal(Bits(e.VarianceStdError), Bits(a.VarianceStdError));
            Assert.Equal(Bits(e.Min), Bits(a.Min));
            Assert.Equal(Bits(e.Max), Bits(a.Max));
            Assert.Equal(e.Quantiles, a.Quantiles);
            Assert.Equal(expected.State.Layers[l].Histogram.Bins, actual.State.Layers[l].Histogram.Bins);
            Assert.Equal(expected.State.Layers[l].Nodes.OrderBy(kv => kv.Key.FirstBlock), actual.State.Layers[l].Nodes.OrderBy(kv => kv.Key.FirstBlock));
        }
        Assert.Equal(expected.State.Coverage, actual.State.Coverage);
    }

    private static long Bits(double x) => BitConverter.DoubleToInt64Bits(x);
}
