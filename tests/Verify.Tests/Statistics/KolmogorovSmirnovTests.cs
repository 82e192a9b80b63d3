using Degeneracy.Verify.Statistics;
using MathNet.Numerics.Distributions;

namespace Degeneracy.Verify.Tests.Statistics;

public class KolmogorovSmirnovTests
{
    [Fact]
    public void KolmogorovComplementaryCdf_AtKnownCriticalValues_MatchesTables()
    {
        Assert.Equal(0.05, KolmogorovSmirnov.KolmogorovComplementaryCdf(1.3581), 3);
        Assert.Equal(0.01, KolmogorovSmirnov.KolmogorovComplementaryCdf(1.6276), 3);
        Assert.Equal(0.20, KolmogorovSmirnov.KolmogorovComplementaryCdf(1.0727), 3);
        Assert.Equal(1.0, KolmogorovSmirnov.KolmogorovComplementaryCdf(0.1), 12);
    }

    [Fact]
    public void KolmogorovComplementaryCdf_IsContinuousAcrossBranchPoint()
    {
        double below = KolmogorovSmirnov.KolmogorovComplementaryCdf(1 - 1e-12), above = KolmogorovSmirnov.KolmogorovComplementaryCdf(1 + 1e-12);
        Assert.Equal(below, above, 10);
    }

    [Fact]
    public void Test_SampleFromTheCdf_HasLargePValue()
    {
        // Seed fixed; a true null gives p < 0.01 with probability 1 %.
        var random = new Random(2024);
        var sample = Enumerable.Range(0, 5000).Select(_ => Normal.InvCDF(0, 1, random.NextDouble())).ToArray();
        var result = KolmogorovSmirnov.Test(sample, x => Normal.CDF(0, 1, x));
        Assert.True(result.PValue > 0.01, $"p = {result.PValue}");
        Assert.Equal(5000, result.SampleSize);
    }

    [Fact]
    public void Test_ShiftedSample_HasTinyPValue()
    {
        var random = new Random(2025);
        var sample = Enumerable.Range(0, 5000).Select(_ => 0.1 + Normal.InvCDF(0, 1, random.NextDouble())).ToArray();
        var result = KolmogorovSmirnov.Test(sample, x => Normal.CDF(0, 1, x));
        Assert.True(result.PValue < 1e-6, $"p = {result.PValue}");
        Assert.InRange(result.Statistic, 0.02, 0.07);
    }

    [Fact]
    public void Test_EmptyOrNonFinite_Throws()
    {
        Assert.Throws<ArgumentException>(() => KolmogorovSmirnov.Test([], x => x));
        Assert.Throws<ArgumentException>(() => KolmogorovSmirnov.Test([0.5, double.NaN], x => x));
    }
}
