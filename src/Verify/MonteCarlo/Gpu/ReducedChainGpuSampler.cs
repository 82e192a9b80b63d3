using System.Diagnostics;
using Degeneracy.Verify.Statistics;
using ILGPU;
using ILGPU.Backends.EntryPoints;
using ILGPU.Backends.PTX;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;

namespace Degeneracy.Verify.MonteCarlo.Gpu;

/// <summary>
/// The reduced chain (docs/THEORY.md §1) on an ILGPU accelerator: one device thread per sample runs every layer of its chain
/// and writes sin²θ^ℓ per layer (NaN from its first degenerate step on); the host takes ln sin²θ^ℓ with
/// <see cref="Math.Log(double)"/> and reduces the values with the CPU sampler's statistics (64-sample blocks, canonical
/// <see cref="DyadicReduction"/>) into the same <see cref="MonteCarloResult"/>.
/// </summary>
/// <remarks>
/// <para>
/// Same samples as <see cref="MonteCarloSampler"/>: the kernel uses the CPU's Philox 4x32-10 counter layout
/// (<see cref="CounterLayout"/>), its Box–Muller map (fdlibm log/sin/cos kernels written in plain arithmetic, not the
/// platform's math library) and its summation order, and decides degeneracy by counting supports.
/// </para>
/// <para>
/// On ILGPU's CPU accelerator the kernel is ordinary .NET code and the results are bit-identical to the CPU backend
/// (tested). On a CUDA device they are the same samples only up to floating-point rounding: the PTX assembler may fuse
/// a multiply and an add into one FMA (ILGPU emits <c>mul.f64</c>/<c>add.f64</c> without a rounding modifier, which
/// permits this), and the device's √ and ÷ are IEEE correctly rounded as on the CPU; the logarithm is taken on the host.
/// So values are expected (not measured: no GPU was available) to agree to a few ulps of that arithmetic, and a support count can
/// differ only when a pre-activation lies within rounding of 0. Not run on a GPU here: correctness is tested on the CPU
/// accelerator only, and a test compiles the kernel to PTX without a device (<see cref="GeneratePtx"/>).
/// </para>
/// </remarks>
public sealed class ReducedChainGpuSampler : IDisposable
{
    /// <summary>Upper bound on the doubles of one launch's output buffer (2²⁴ = 128 MiB).</summary>
    private const long MaxBufferDoubles = 1L << 24;

    /// <summary>At most 2¹⁴ blocks (2²⁰ samples) per launch.</summary>
    private const int MaxLaunchLevel = 14;

    private readonly GpuAccelerator _accelerator;
    private readonly bool _ownsAccelerator;
    private readonly Action<Index1D, ArrayView<int>, ArrayView<double>, ChainKernelParameters> _kernel;

    /// <summary>Uses <paramref name="accelerator"/> (not disposed by this sampler).</summary>
    public ReducedChainGpuSampler(GpuAccelerator accelerator) : this(accelerator, ownsAccelerator: false)
    {
    }

    private ReducedChainGpuSampler(GpuAccelerator accelerator, bool ownsAccelerator)
    {
        ArgumentNullException.ThrowIfNull(accelerator);
        _accelerator = accelerator;
        _ownsAccelerator = ownsAccelerator;
        _kernel = accelerator.Accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<int>, ArrayView<double>, ChainKernelParameters>(
            ReducedChainGpuKernel.Run);
    }

    /// <summary>A sampler on its own <see cref="GpuAccelerator.Create"/>(<paramref name="preferCuda"/>): CUDA if present, else the CPU accelerator.</summary>
    public static ReducedChainGpuSampler Create(bool preferCuda = true)
    {
        var accelerator = GpuAccelerator.Create(preferCuda);
        try
        {
            return new ReducedChainGpuSampler(accelerator, ownsAccelerator: true);
        }
        catch
        {
            accelerator.Dispose();
            throw;
        }
    }

    /// <summary>Which accelerator runs the kernel.</summary>
    public GpuAcceleratorKind AcceleratorKind => _accelerator.Kind;

    /// <summary>The accelerator's device name.</summary>
    public string AcceleratorName => _accelerator.Name;

    /// <summary>
    /// Samples <paramref name="configuration"/> (the shard of it named in <paramref name="options"/>); the result has the
    /// same form as <see cref="MonteCarloSampler.Run"/>'s. <see cref="MonteCarloRunOptions.Threads"/> is ignored.
    /// </summary>
    /// <exception cref="ArgumentException">The configuration's backend is not <see cref="MonteCarloBackend.Chain"/>, or its activation is not ReLU.</exception>
    public MonteCarloResult Run(MonteCarloConfiguration configuration, MonteCarloRunOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration.Backend != MonteCarloBackend.Chain)
            throw new ArgumentException($"the GPU sampler runs the reduced chain only, not backend {configuration.Backend}", nameof(configuration));
        if (!configuration.Activation.IsRelu)
            throw new ArgumentException($"the GPU sampler runs ReLU only, not {configuration.Activation.Name}", nameof(configuration));
        options ??= new MonteCarloRunOptions();

        var clock = Stopwatch.StartNew();
        long samples = configuration.Samples;
        int depth = configuration.Depth;
        long totalBlocks = MonteCarloState.BlocksFor(samples);
        var (firstBlock, endBlock) = options.Shard.BlockRange(totalBlocks);
        long firstSample = firstBlock * MonteCarloState.BlockSize;
        long endSample = Math.Min(endBlock * MonteCarloState.BlockSize, samples);

        var collected = MonteCarloSampler.AllocateCollected(options, depth, endSample - firstSample);
        options.Progress?.Start(endSample - firstSample);

        // Launch units: the maximal nodes of the shard split into aligned nodes of at most 2^level blocks.
        int level = 0;
        while (level < MaxLaunchLevel && (2L << level) * MonteCarloState.BlockSize * depth <= MaxBufferDoubles) level++;
        var maximal = DyadicReduction.Decompose(firstBlock, endBlock, totalBlocks);
        var units = DyadicReduction.SplitToLevel(maximal, level, totalBlocks);

        var histograms = Enumerable.Range(0, depth).Select(_ => new FixedBinHistogram()).ToArray();
        var degenerate = new long[depth];
        var known = Enumerable.Range(0, depth).Select(_ => new Dictionary<DyadicNode, MomentAccumulator>()).ToArray();
        var reducer = new UnitReducer(depth, samples, histograms, degenerate, collected, firstSample);
        var accelerator = _accelerator.Accelerator;
        long launchSamples = Math.Min((1L << level) * MonteCarloState.BlockSize, endSample - firstSample);
        using var widthBuffer = accelerator.Allocate1D(configuration.Widths.ToArray());
        using var output = accelerator.Allocate1D<double>(Math.Max(1, launchSamples * depth));
        var host = new double[Math.Max(1, launchSamples * depth)];
        uint key0 = PhiloxKey.FromSeed(configuration.Seed).K0, key1 = PhiloxKey.FromSeed(configuration.Seed).K1;
        double sin0 = Math.Sin(configuration.Theta0), half = Math.Sin(configuration.Theta0 / 2);
        double cosMinusOne0 = -2 * half * half;

        foreach (var unit in units)
        {
            options.CancellationToken.ThrowIfCancellationRequested();
            long start = unit.FirstBlock * MonteCarloState.BlockSize;
            long end = Math.Min(unit.EndBlock * MonteCarloState.BlockSize, samples);
            int count = (int)(end - start);
            var parameters = new ChainKernelParameters(key0, key1, sin0, cosMinusOne0, start, depth, count);
            _kernel(count, widthBuffer.View, output.View, parameters);
            accelerator.Synchronize();
            output.View.BaseView.SubView(0, (long)count * depth).CopyToCPU(host.AsSpan(0, count * depth));
            var values = reducer.Reduce(unit, totalBlocks, host, start, count);
            for (int l = 0; l < depth; l++) known[l][unit] = values[l];
            options.Progress?.Advance(count);
        }

        return MonteCarloSampler.Assemble(configuration, maximal, totalBlocks, (firstBlock, endBlock), l => known[l],
            histograms, degenerate, clock.Elapsed, collected, firstSample);
    }

    /// <summary>
    /// The kernel compiled to PTX for an sm_90 device (H100; ILGPU 1.5.3 writes <c>.target sm_80</c>), PTX ISA 8.0, without a device: shows that ILGPU's CUDA
    /// backend accepts the kernel and lets one inspect the generated code.
    /// </summary>
    public static string GeneratePtx()
    {
        using var context = Context.Create(builder => builder.CPU());
        using var backend = new PTXBackend(context, new CudaCapabilityContext(CudaArchitecture.SM_90), CudaArchitecture.SM_90,
            CudaInstructionSet.ISA_80, nvvmAPI: null);
        var entry = EntryPointDescription.FromImplicitlyGroupedKernel(typeof(ReducedChainGpuKernel).GetMethod(nameof(ReducedChainGpuKernel.Run))!);
        return ((PTXCompiledKernel)backend.Compile(entry, KernelSpecialization.Empty)).PTXAssembly;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_ownsAccelerator) _accelerator.Dispose();
    }

    /// <summary>Reduces one launch's output in the CPU sampler's order: samples in order within a block, blocks by the dyadic tree.</summary>
    private sealed class UnitReducer(int depth, long samples, FixedBinHistogram[] histograms, long[] degenerate, double[][]? collected, long firstSample)
    {
        private double[] _host = [];
        private long _start;
        private int _count;

        public MomentAccumulator[] Reduce(DyadicNode unit, long totalBlocks, double[] host, long start, int count)
        {
            _host = host;
            _start = start;
            _count = count;
            return Node(unit, totalBlocks);
        }

        private MomentAccumulator[] Node(DyadicNode node, long totalBlocks) =>
            DyadicReduction.ReduceLayers(node, totalBlocks, depth, Block);

        private MomentAccumulator[] Empty() => DyadicReduction.EmptyLayers(depth);

        private MomentAccumulator[] Block(long block)
        {
            var accs = Empty();
            long begin = block * MonteCarloState.BlockSize, end = Math.Min(begin + MonteCarloState.BlockSize, samples);
            for (long s = begin; s < end; s++)
            {
                int i = (int)(s - _start);
                int alive = 0;
                while (alive < depth && !double.IsNaN(_host[(long)alive * _count + i])) alive++;
                for (int l = 0; l < alive; l++)
                {
                    double value = Math.Log(_host[(long)l * _count + i]);
                    _host[(long)l * _count + i] = value;
                    accs[l] = accs[l].Add(value);
                    histograms[l].Add(value);
                }
                if (alive < depth) degenerate[alive]++;
                if (collected is not null)
                    for (int l = 0; l < depth; l++) collected[l][s - firstSample] = l < alive ? _host[(long)l * _count + i] : double.NaN;
            }
            return accs;
        }
    }
}
