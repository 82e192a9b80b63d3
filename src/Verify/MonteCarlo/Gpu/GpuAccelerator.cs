using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;

namespace Degeneracy.Verify.MonteCarlo.Gpu;

/// <summary>Which ILGPU accelerator runs the kernels.</summary>
public enum GpuAcceleratorKind
{
    /// <summary>ILGPU's CPU accelerator: the kernel's IL runs on .NET threads that simulate a GPU (for tests and CI).</summary>
    Cpu,

    /// <summary>An NVIDIA GPU through CUDA (the kernel is compiled to PTX).</summary>
    Cuda,
}

/// <summary>
/// An ILGPU context with one accelerator: the first CUDA device when asked for and present, otherwise ILGPU's CPU
/// accelerator. Owns both; dispose it when done.
/// </summary>
public sealed class GpuAccelerator : IDisposable
{
    private readonly Context _context;

    private GpuAccelerator(Context context, Accelerator accelerator, GpuAcceleratorKind kind)
    {
        _context = context;
        Accelerator = accelerator;
        Kind = kind;
    }

    /// <summary>The accelerator that was chosen.</summary>
    public GpuAcceleratorKind Kind { get; }

    /// <summary>The device name reported by ILGPU (e.g. "NVIDIA H100 80GB HBM3" or "CPUAccelerator").</summary>
    public string Name => Accelerator.Name;

    internal Accelerator Accelerator { get; }

    /// <summary>CUDA device 0 if <paramref name="preferCuda"/> and a CUDA driver with a device is present, else the CPU accelerator.</summary>
    public static GpuAccelerator Create(bool preferCuda = true)
    {
        if (preferCuda)
        {
            var context = Context.Create(builder => builder.Cuda().CPU());
            try
            {
                var cuda = context.GetCudaDevices();
                if (cuda.Count > 0) return new GpuAccelerator(context, cuda[0].CreateAccelerator(context), GpuAcceleratorKind.Cuda);
                return new GpuAccelerator(context, context.GetCPUDevice(0).CreateAccelerator(context), GpuAcceleratorKind.Cpu);
            }
            catch
            {
                context.Dispose();
                throw;
            }
        }
        return CreateCpu();
    }

    /// <summary>ILGPU's CPU accelerator (<see cref="CPUDevice.Default"/>: one multiprocessor, 4 warps of 4 threads).</summary>
    public static GpuAccelerator CreateCpu()
    {
        var context = Context.Create(builder => builder.CPU());
        try
        {
            return new GpuAccelerator(context, context.GetCPUDevice(0).CreateAccelerator(context), GpuAcceleratorKind.Cpu);
        }
        catch
        {
            context.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Accelerator.Dispose();
        _context.Dispose();
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Kind} ({Name})";
}
