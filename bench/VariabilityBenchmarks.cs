using BenchmarkDotNet.Attributes;
using Degeneracy.Verify.Variability;

namespace Degeneracy.Bench;

/// <summary>
/// V₃ and C/G-matrix throughput on Zhang &amp; Yu's shapes. V₃: one depth of Figure 1 (L = 12, d = 17, 81 × 81 grid,
/// 16 parameter samples): a per-point loop over single forward passes (baseline, what the definition says) against the
/// blocked all-points evaluator on one thread and on all cores; one operation is one sample, so the Figure 1 workload
/// (15 depths × 1000 samples) takes about 15 000 × the per-operation time over the depth mix. C/G: Figure 2's d = 32,
/// L = 1000, 4 networks.
/// </summary>
[MemoryDiagnoser]
public class VariabilityBenchmarks
{
    private const int Grid = 81, Samples = 16;
    private static readonly BiasedNetworkSpec Spec = new(2, 17, 12, 2, NetworkActivation.Relu, WeightDistribution.Gaussian, 2, 1);
    private static readonly BiasedNetworkSpec CgSpec = new(32, 32, 1000, 0, NetworkActivation.Relu, WeightDistribution.Gaussian, 2, 1);

    [Benchmark(Baseline = true, OperationsPerInvoke = Samples)]
    public double PerPointForwardPasses()
    {
        double total = 0;
        var f = new double[Grid * Grid];
        for (int s = 0; s < Samples; s++)
        {
            var net = BiasedNetwork.Sample(Spec, 1, s);
            for (int r = 0; r < Grid; r++)
                for (int c = 0; c < Grid; c++)
                {
                    var y = net.Evaluate([VariabilityMeasure.Coordinate(c, Grid), VariabilityMeasure.Coordinate(r, Grid)]);
                    f[r * Grid + c] = y[0] * y[0] + y[1] * y[1];
                }
            total += VariabilityMeasure.SampleValue(f, ReadOnlySpan<ulong>.Empty, Grid);
        }
        return total;
    }

    [Benchmark(OperationsPerInvoke = Samples)]
    public double BlockedOneThread() => VariabilitySampler.Run(Spec, Grid, Samples, 1, new VariabilityRunOptions { Threads = 1 }).MeanLog;

    [Benchmark(OperationsPerInvoke = Samples)]
    public double BlockedAllCores() => VariabilitySampler.Run(Spec, Grid, Samples, 1).MeanLog;

    /// <summary>Figure 2 shape: one operation is one network of 1000 layers with its three matrix products and norms.</summary>
    [Benchmark(OperationsPerInvoke = 4)]
    public double CgMatricesDepth1000AllCores() => CgMatrixSampler.Run(CgSpec, 4, 1)[^1].MeanLog10C;
}
