using BenchmarkDotNet.Attributes;
using Degeneracy.Verify.MonteCarlo;

namespace Degeneracy.Bench;

/// <summary>
/// Reduced-chain Monte Carlo throughput: a straightforward scalar loop (baseline) against the vectorised sampler on one
/// thread and on all cores, on the depth-degeneracy paper's Figure 3 shape (width 256, 32 layers, θ⁰ = 0.1). Each operation is one
/// Gaussian pair, so the Op/s column reads as pairs per second and the Ratio column as the speed-up.
/// </summary>
[MemoryDiagnoser]
public class MonteCarloBenchmarks
{
    private const int Width = 256, Depth = 32, Samples = 500;
    private const double Theta0 = 0.1;
    private const int PairsPerRun = Width * Depth * Samples;
    private static readonly int[] Widths = Enumerable.Repeat(Width, Depth).ToArray();

    [Benchmark(Baseline = true, OperationsPerInvoke = PairsPerRun)]
    public double ScalarLoop() => ScalarReducedChain(Widths, Theta0, Samples, 1);

    [Benchmark(OperationsPerInvoke = PairsPerRun)]
    public double VectorisedOneThread() => ReducedChainSampler.Run(Widths, Theta0, Samples, 1, threads: 1).Layers[^1].Mean;

    [Benchmark(OperationsPerInvoke = PairsPerRun)]
    public double VectorisedAllCores() => ReducedChainSampler.Run(Widths, Theta0, Samples, 1).Layers[^1].Mean;

    /// <summary>The Figure 3 workload in full: 5000 chains, all cores (one operation per pair, as above).</summary>
    [Benchmark(OperationsPerInvoke = PairsPerRun * 10)]
    public double Figure3WorkloadAllCores() => ReducedChainSampler.Run(Widths, Theta0, Samples * 10, 1).Layers[^1].Mean;

    /// <summary>
    /// The obvious implementation: scalar Philox, Math.Log / Math.SinCos Box–Muller, A, B, C sums and sin² = 1 − cos².
    /// Same random stream layout; no SIMD, one thread, no degeneracy bookkeeping beyond stopping at sin² ≤ 0.
    /// </summary>
    public static double ScalarReducedChain(int[] widths, double theta0, int samples, ulong seed)
    {
        var key = PhiloxKey.FromSeed(seed);
        double total = 0;
        for (int s = 0; s < samples; s++)
        {
            double cos = Math.Cos(theta0), sin = Math.Sin(theta0);
            for (int layer = 0; layer < widths.Length; layer++)
            {
                double a = 0, b = 0, c = 0;
                for (int j = 0; j < widths[layer]; j++)
                {
                    var block = Philox4x32.Generate(new PhiloxBlock((uint)j, (uint)layer, (uint)s, 0), key);
                    double u1 = (((((ulong)block.X1 << 32) | block.X0) >> 11) + 0.5) / 9007199254740992.0;
                    double u2 = (((((ulong)block.X3 << 32) | block.X2) >> 11) + 0.5) / 9007199254740992.0;
                    double r = Math.Sqrt(-2 * Math.Log(u1));
                    var (sinPhi, cosPhi) = Math.SinCos(2 * Math.PI * u2);
                    double g = r * cosPhi, gHat = cos * g + sin * r * sinPhi;
                    double x = Math.Max(g, 0), y = Math.Max(gHat, 0);
                    a += x * x;
                    b += y * y;
                    c += x * y;
                }
                cos = c / Math.Sqrt(a * b);
                double sin2 = 1 - cos * cos;
                if (!(sin2 > 0)) break;
                total += Math.Log(sin2);
                sin = Math.Sqrt(sin2);
            }
        }
        return total;
    }
}
