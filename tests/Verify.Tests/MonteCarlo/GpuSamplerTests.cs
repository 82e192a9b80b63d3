using Degeneracy.Verify.MonteCarlo;
using Degeneracy.Verify.MonteCarlo.Gpu;

namespace Degeneracy.Verify.Tests.MonteCarlo;

/// <summary>One ILGPU CPU accelerator and its compiled kernel for all tests of the class.</summary>
public sealed class CpuAcceleratorFixture : IDisposable
{
    public CpuAcceleratorFixture()
    {
        Accelerator = GpuAccelerator.CreateCpu();
        Sampler = new ReducedChainGpuSampler(Accelerator);
    }

    public GpuAccelerator Accelerator { get; }

    public ReducedChainGpuSampler Sampler { get; }

    public void Dispose()
    {
        Sampler.Dispose();
        Accelerator.Dispose();
    }
}

/// <summary>
/// The ILGPU backend on ILGPU's CPU accelerator (what CI can run). There the kernel is plain .NET code doing the same
/// operations in the same order as the CPU kernel, so the samples are bit-identical, not merely close; on a CUDA device
/// FMA contraction and the device log make them equal only to rounding (see <see cref="ReducedChainGpuSampler"/>).
/// </summary>
public class GpuSamplerTests(CpuAcceleratorFixture fixture) : IClassFixture<CpuAcceleratorFixture>
{
    private readonly ReducedChainGpuSampler _gpu = fixture.Sampler;

    [Fact]
    public void CpuAccelerator_IsReported()
    {
        Assert.Equal(GpuAcceleratorKind.Cpu, _gpu.AcceleratorKind);
        Assert.False(string.IsNullOrWhiteSpace(_gpu.AcceleratorName));
    }

    [Theory]
    [InlineData(new[] { 16, 16, 16 }, 0.3, 256, 7UL)]
    [InlineData(new[] { 7, 3, 16, 2, 5 }, 0.7, 300, 11UL)] // widths not divisible by 4: the scalar tails of both sums
    public void PerSampleValues_AreBitIdenticalToCpuChain(int[] widths, double theta0, long samples, ulong seed)
    {
        var configuration = new MonteCarloConfiguration(widths, theta0, samples, seed);
        var cpu = MonteCarloSampler.Run(configuration, new MonteCarloRunOptions { CollectSamples = true, Threads = 2 });
        var gpu = _gpu.Run(configuration, new MonteCarloRunOptions { CollectSamples = true });
        for (int l = 0; l < widths.Length; l++)
        {
            // Same Philox counters, same Box–Muller arithmetic, same summation order, same Math.Log: equal bits
            // (NaN where degenerate), which is stronger than the 1e-12 relative agreement one would accept on a GPU.
            Assert.Equal(cpu.LayerSamples![l].Select(BitConverter.DoubleToInt64Bits), gpu.LayerSamples![l].Select(BitConverter.DoubleToInt64Bits));
        }
        ResultAssert.BitIdentical(cpu, gpu);
    }

    [Fact]
    public void TinyWidths_DegenerateCountsAreIdentical()
    {
        // Width 2: a step is degenerate when fewer than two neurons are active in the union of supports — frequent
        // (≈ 1/4 + O(θ) per layer), so every layer has many degenerate samples to compare.
        var configuration = new MonteCarloConfiguration([2, 2, 2, 2], 0.5, 2000, 3);
        var cpu = MonteCarloSampler.Run(configuration, new MonteCarloRunOptions { Threads = 2 });
        var gpu = _gpu.Run(configuration);
        Assert.True(cpu.Layers[0].Degenerate > 100);
        Assert.Equal(cpu.Layers.Select(l => l.Degenerate), gpu.Layers.Select(l => l.Degenerate));
        Assert.Equal(cpu.Layers.Select(l => l.Count), gpu.Layers.Select(l => l.Count));
    }

    [Fact]
    public void ThetaZeroAndWidthOne_AreDegenerateAtTheFirstLayer()
    {
        var zero = _gpu.Run(new MonteCarloConfiguration([8, 8], 0.0, 100, 1));
        Assert.Equal(100, zero.Layers[0].Degenerate);
        Assert.Equal(0, zero.Layers[1].Count);
        var one = _gpu.Run(new MonteCarloConfiguration([1, 5], 1.0, 100, 1));
        Assert.Equal(100, one.Layers[0].Degenerate);
    }

    [Fact]
    public void IndependentRuns_AgreeWithCpuBackendWithinFourStandardErrors()
    {
        // Different seeds, so the two runs are independent samples of the same law: for each layer the difference of
        // means is ≈ N(0, se₁² + se₂²), and likewise the difference of variances (se from the fourth moment). A 4-SE
        // two-sided bound has false-alarm probability 6.3e-5 per comparison; 4 layers × 2 statistics gives ≤ 5e-4 for
        // the test (union bound).
        int[] widths = [32, 32, 32, 32];
        var cpu = MonteCarloSampler.Run(new MonteCarloConfiguration(widths, 0.2, 8000, 101), new MonteCarloRunOptions { Threads = 2 });
        var gpu = _gpu.Run(new MonteCarloConfiguration(widths, 0.2, 8000, 202));
        for (int l = 0; l < widths.Length; l++)
        {
            var c = cpu.Layers[l];
            var g = gpu.Layers[l];
            double meanSe = Math.Sqrt(c.MeanStdError * c.MeanStdError + g.MeanStdError * g.MeanStdError);
            Assert.InRange(g.Mean - c.Mean, -4 * meanSe, 4 * meanSe);
            double varianceSe = Math.Sqrt(c.VarianceStdError * c.VarianceStdError + g.VarianceStdError * g.VarianceStdError);
            Assert.InRange(g.Variance - c.Variance, -4 * varianceSe, 4 * varianceSe);
        }
    }

    [Fact]
    public void GpuShard_MergesWithCpuShard_IntoTheSingleCpuRun()
    {
        var configuration = new MonteCarloConfiguration([12, 5, 12], 0.4, 1000, 9);
        var whole = MonteCarloSampler.Run(configuration, new MonteCarloRunOptions { Threads = 2 });
        var gpuPart = _gpu.Run(configuration, new MonteCarloRunOptions { Shard = new ShardSpec(0, 3) });
        var cpuPart = MonteCarloSampler.Run(configuration, new MonteCarloRunOptions { Shard = new ShardSpec(1, 3), Threads = 1 });
        var gpuTail = _gpu.Run(configuration, new MonteCarloRunOptions { Shard = new ShardSpec(2, 3) });
        Assert.False(gpuPart.IsComplete);
        ResultAssert.BitIdentical(whole, MonteCarloResult.Merge([cpuPart, gpuTail, gpuPart]));
    }

    [Fact]
    public void Kernel_CompilesToPtxWithoutADevice()
    {
        // No GPU in CI: this at least shows ILGPU's CUDA backend accepts the kernel (no unsupported intrinsic such as a
        // double-precision log, which is why the host takes the logarithm).
        string ptx = ReducedChainGpuSampler.GeneratePtx();
        Assert.Contains(".target sm_", ptx);
        Assert.Contains(".entry", ptx);
        Assert.Contains("sqrt.rn.f64", ptx);
    }

    [Fact]
    public void NetworkBackend_IsRejected()
    {
        var configuration = new MonteCarloConfiguration([4, 4], 0.5, 10, 1, MonteCarloBackend.Network);
        Assert.Throws<ArgumentException>(() => _gpu.Run(configuration));
    }
}
