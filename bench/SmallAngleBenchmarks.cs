using BenchmarkDotNet.Attributes;
using Degeneracy.Series.SmallAngle;
using Degeneracy.Symbolic;

namespace Degeneracy.Bench;

/// <summary>
/// The exact small-angle law (issue 14 item 1, issue 9 item 3): the exact 1/n series of ρ(n) and σ²(0, n) to order 60
/// and 200 (target: order 60 well under a second; Bernoulli numbers are cached after the first call), and the exact
/// finite-n value for leaky ReLU 1/100 by quadrature at n = 16 and 256; the series of every slope (cumulant delta method)
/// to order 12 for s = 1/2 and 1/100 (target: well under a second).
/// </summary>
[MemoryDiagnoser]
public class SmallAngleBenchmarks
{
    private static readonly Rational Slope = new(1, 100);

    [Benchmark] public Rational RhoSeries60() => SmallAngleLaw.RhoSeries(60)[60];
    [Benchmark] public Rational VarianceSeries60() => SmallAngleLaw.VarianceSeries(60)[60];
    [Benchmark] public Rational VarianceSeries200() => SmallAngleLaw.VarianceSeries(200)[200];
    [Benchmark] public double LeakyExact16() => SlopeSmallAngleLaw.Evaluate(16, Slope).Rho;
    [Benchmark] public double LeakyExact256() => SlopeSmallAngleLaw.Evaluate(256, Slope).Rho;
    [Benchmark] public Rational SlopeSeries12Half() => SlopeDeltaSeries.Compute(12, new Rational(1, 2)).Variance[12];
    [Benchmark] public Rational SlopeSeries12Hundredth() => SlopeDeltaSeries.Compute(12, Slope).Variance[12];
}
