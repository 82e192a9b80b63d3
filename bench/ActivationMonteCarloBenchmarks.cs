using BenchmarkDotNet.Attributes;
using Degeneracy.JFunctions;
using Degeneracy.Verify.MonteCarlo;

namespace Degeneracy.Bench;

/// <summary>
/// Reduced-chain Monte Carlo throughput per activation, side by side in one run (target: every φ_s within 20 % of ReLU):
/// width 256, 32 layers, θ⁰ = 1, 500 chains, one thread; one operation per Gaussian pair.
/// </summary>
public class ActivationMonteCarloBenchmarks
{
    private const int Width = 256, Depth = 32, Samples = 500;
    private const int PairsPerRun = Width * Depth * Samples;
    private static readonly int[] Widths = Enumerable.Repeat(Width, Depth).ToArray();

    [Params("relu", "abs", "leaky:1/100")] public string Activation { get; set; } = "relu";

    private Activation _act = JFunctions.Activation.Relu;

    [GlobalSetup]
    public void Setup() => _act = JFunctions.Activation.Parse(Activation);

    [Benchmark(OperationsPerInvoke = PairsPerRun)]
    public double OneThread() => ReducedChainSampler.Run(Widths, 1.0, Samples, 1, threads: 1, activation: _act).Layers[^1].Mean;
}
