using BenchmarkDotNet.Attributes;
using Degeneracy.Verify.Batches;
using Degeneracy.Verify.MonteCarlo;

namespace Degeneracy.Bench;

/// <summary>
/// Batch Monte Carlo at m = 16 inputs, width 256, 20 layers, one thread: the reduced Gram chain (n·m Gaussians and an
/// O(n·m²) refactorisation per layer) against explicit Gaussian weights (n² Gaussians and an n²·m product per layer),
/// side by side. One operation is one sampled network, so the Ratio column is the chain's speed-up; the chain's
/// Gaussian draws per second are n·m·L·(op/s).
/// </summary>
[MemoryDiagnoser]
public class BatchBenchmarks
{
    private const int M = 16, Width = 256, Depth = 20, Samples = 64;
    private static readonly int[] Widths = Enumerable.Repeat(Width, Depth).ToArray();
    private static readonly BatchInputs Inputs = BatchInputs.Random(M, Width, 1);
    private static readonly MonteCarloRunOptions OneThread = new() { Threads = 1 };

    [Benchmark(Baseline = true, OperationsPerInvoke = Samples)]
    public double ExplicitWeights() =>
        BatchSampler.Run(new BatchConfiguration(Widths, Inputs, Samples, 1, backend: BatchBackend.Network), OneThread)
            .Statistic(Depth, BatchObservable.ParticipationRatio).Mean;

    [Benchmark(OperationsPerInvoke = Samples)]
    public double GramChain() =>
        BatchSampler.Run(new BatchConfiguration(Widths, Inputs, Samples, 1), OneThread)
            .Statistic(Depth, BatchObservable.ParticipationRatio).Mean;
}
