using Degeneracy.Verify.MonteCarlo;
using Degeneracy.Verify.Statistics;
using MathNet.Numerics.Distributions;

namespace Degeneracy.Verify.Tests.MonteCarlo;

public class PhiloxGaussianTests
{
    [Fact]
    public void FillPairs_AnyLength_IsBitIdenticalToScalarPair()
    {
        var key = PhiloxKey.FromSeed(0xDEADBEEFCAFEUL);
        var random = new Random(1);
        for (int trial = 0; trial < 200; trial++)
        {
            int n = 1 + trial % 13;
            uint c1 = (uint)random.Next(), c2 = (uint)random.Next(), c3 = (uint)random.Next();
            var z1 = new double[n];
            var z2 = new double[n];
            PhiloxGaussian.FillPairs(key, c1, c2, c3, z1, z2);
            for (int j = 0; j < n; j++)
            {
                var (a, b) = PhiloxGaussian.Pair(new PhiloxBlock((uint)j, c1, c2, c3), key);
                Assert.Equal(BitConverter.DoubleToInt64Bits(a), BitConverter.DoubleToInt64Bits(z1[j]));
                Assert.Equal(BitConverter.DoubleToInt64Bits(b), BitConverter.DoubleToInt64Bits(z2[j]));
            }
        }
    }

    [Fact]
    public void Pair_ManyCounters_PassesKolmogorovSmirnovAgainstStandardNormal()
    {
        // Fixed seed; under a correct generator p < 1e-3 happens with probability 1e-3 per component.
        var key = PhiloxKey.FromSeed(42);
        const int n = 100_000;
        var z1 = new double[n];
        var z2 = new double[n];
        PhiloxGaussian.FillPairs(key, 7, 0, 0, z1, z2);
        Assert.True(KolmogorovSmirnov.Test(z1, x => Normal.CDF(0, 1, x)).PValue > 1e-3);
        Assert.True(KolmogorovSmirnov.Test(z2, x => Normal.CDF(0, 1, x)).PValue > 1e-3);
    }

    [Fact]
    public void Pair_ManyCounters_HasUnitVarianceAndNoCorrelation()
    {
        // n = 200 000: SE(mean) = 0.0022, SE(var) = 0.0032, SE(corr) = 0.0022; 4 SE two-sided ≈ 6e-5 false alarms each.
        var key = PhiloxKey.FromSeed(43);
        const int n = 200_000;
        var z1 = new double[n];
        var z2 = new double[n];
        PhiloxGaussian.FillPairs(key, 1, 2, 3, z1, z2);
        var a = MomentAccumulator.Of(z1);
        var b = MomentAccumulator.Of(z2);
        double correlation = z1.Zip(z2, (x, y) => x * y).Average();
        Assert.InRange(a.Mean, -4 * 0.0022, 4 * 0.0022);
        Assert.InRange(b.Mean, -4 * 0.0022, 4 * 0.0022);
        Assert.InRange(a.Variance, 1 - 4 * 0.0032, 1 + 4 * 0.0032);
        Assert.InRange(b.Variance, 1 - 4 * 0.0032, 1 + 4 * 0.0032);
        Assert.InRange(correlation, -4 * 0.0022, 4 * 0.0022);
    }

    [Fact]
    public void FillCorrelated_GivesPairsWithCorrelationCosTheta()
    {
        // Var of the product estimator is (1 + c²)/n; n = 200 000 → SE ≈ 0.0029 at c = cos 1; 4 SE ≈ 6e-5 false alarms.
        var key = PhiloxKey.FromSeed(44);
        const int n = 200_000;
        double theta = 1.0;
        var g = new double[n];
        var dg = new double[n];
        PhiloxGaussian.FillCorrelated(key, 0, 0, 0, Math.Cos(theta) - 1, Math.Sin(theta), g, dg);
        double correlation = g.Zip(dg, (x, d) => x * (x + d)).Average();
        Assert.InRange(correlation - Math.Cos(theta), -4 * 0.0029, 4 * 0.0029);
    }

    [Fact]
    public void Pair_RadiusUniform_NeverZeroAndTailBounded()
    {
        // u₁ = (k + ½)·2⁻⁵² so r ≤ √(−2 ln 2⁻⁵³) ≈ 8.57 and r > 0.
        var key = PhiloxKey.FromSeed(5);
        var z1 = new double[10_000];
        var z2 = new double[10_000];
        PhiloxGaussian.FillPairs(key, 9, 9, 9, z1, z2);
        Assert.All(z1.Zip(z2), p => Assert.InRange(Math.Sqrt(p.First * p.First + p.Second * p.Second), 1e-300, 8.58));
    }
}
