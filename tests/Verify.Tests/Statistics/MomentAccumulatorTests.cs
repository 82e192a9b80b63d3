using Degeneracy.Verify.Statistics;
using Degeneracy.TestSupport.Properties;
using FsCheck.Fluent;

namespace Degeneracy.Verify.Tests.Statistics;

public class MomentAccumulatorTests
{
    private static double[] Finite(double[]? xs) =>
        (xs ?? []).Where(double.IsFinite).Select(x => Math.Clamp(x, -1e6, 1e6)).ToArray();

    private static bool Close(double a, double b, double scale) =>
        (double.IsNaN(a) && double.IsNaN(b)) || Math.Abs(a - b) <= 1e-9 * (scale + Math.Abs(a) + Math.Abs(b));

    [Fact]
    public void Combine_OfTwoParts_EqualsSinglePass() => PropertyCheck.Run(Prop.ForAll<double[], double[]>(CombinedEqualsSinglePass), 300);

    private static bool CombinedEqualsSinglePass(double[] left, double[] right)
    {
        var xs = Finite(left);
        var ys = Finite(right);
        var merged = MomentAccumulator.Combine(MomentAccumulator.Of(xs), MomentAccumulator.Of(ys));
        var single = MomentAccumulator.Of(xs.Concat(ys));
        double scale = xs.Concat(ys).Select(Math.Abs).DefaultIfEmpty(0).Max();
        return merged.Count == single.Count
               && Close(merged.Mean, single.Mean, scale)
               && Close(merged.M2, single.M2, scale * scale * (single.Count + 1))
               && Close(merged.M3, single.M3, Math.Pow(scale, 3) * (single.Count + 1))
               && Close(merged.M4, single.M4, Math.Pow(scale, 4) * (single.Count + 1))
               && merged.Min.Equals(single.Min) && merged.Max.Equals(single.Max);
    }

    [Fact]
    public void Combine_WithEmpty_ReturnsOperandBitForBit() => PropertyCheck.Run(Prop.ForAll<double[]>(CombineWithEmptyIsIdentity), 200);

    private static bool CombineWithEmptyIsIdentity(double[] values)
    {
        var acc = MomentAccumulator.Of(Finite(values));
        return MomentAccumulator.Combine(acc, MomentAccumulator.Empty) == acc
               && MomentAccumulator.Combine(MomentAccumulator.Empty, acc) == acc;
    }

    [Fact]
    public void Moments_OfKnownValues_MatchDirectFormulas()
    {
        double[] xs = [1, 2, 4, 7, 11];
        var acc = MomentAccumulator.Of(xs);
        double mean = xs.Average();
        Assert.Equal(5, acc.Count);
        Assert.Equal(mean, acc.Mean, 12);
        Assert.Equal(xs.Sum(x => (x - mean) * (x - mean)), acc.M2, 10);
        Assert.Equal(xs.Sum(x => Math.Pow(x - mean, 3)), acc.M3, 9);
        Assert.Equal(xs.Sum(x => Math.Pow(x - mean, 4)), acc.M4, 8);
        Assert.Equal(acc.M2 / 4, acc.Variance, 12);
        Assert.Equal(Math.Sqrt(acc.Variance / 5), acc.MeanStdError, 12);
        Assert.Equal(1, acc.Min);
        Assert.Equal(11, acc.Max);
    }

    [Fact]
    public void VarianceStdError_ForGaussianSample_IsNearTheoreticalValue()
    {
        // For N(0, 1), SE(s²) ≈ √(2/(n − 1)); the estimate itself fluctuates by ~√(μ₈…)/n, so allow 10 %.
        var random = new Random(12345);
        var acc = MomentAccumulator.Empty;
        const int n = 20000;
        for (int i = 0; i < n; i++)
        {
            double u1 = 1 - random.NextDouble(), u2 = random.NextDouble();
            acc = acc.Add(Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
        }
        Assert.InRange(acc.VarianceStdError / Math.Sqrt(2.0 / (n - 1)), 0.9, 1.1);
    }

    [Fact]
    public void Statistics_WithTooFewValues_AreNaN()
    {
        var one = MomentAccumulator.Empty.Add(3);
        Assert.True(double.IsNaN(one.Variance));
        Assert.True(double.IsNaN(one.MeanStdError));
        Assert.True(double.IsNaN(one.VarianceStdError));
    }
}
