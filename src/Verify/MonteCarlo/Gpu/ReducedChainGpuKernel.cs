using System.Runtime.CompilerServices;
using ILGPU;

// ILGPU's CPU accelerator emits a launcher into the dynamic assembly "ILGPURuntime" that must see the internal kernel types.
[assembly: InternalsVisibleTo("ILGPURuntime")]

namespace Degeneracy.Verify.MonteCarlo.Gpu;

/// <summary>Scalar launch parameters of <see cref="ReducedChainGpuKernel.Run"/>.</summary>
/// <param name="Key0">Philox key word 0 (low word of the seed).</param>
/// <param name="Key1">Philox key word 1 (high word of the seed).</param>
/// <param name="Sin0">sin θ⁰.</param>
/// <param name="CosMinusOne0">cos θ⁰ − 1, formed as −2 sin²(θ⁰/2).</param>
/// <param name="FirstSample">Sample index of thread 0 of this launch.</param>
/// <param name="Depth">Number of layers L.</param>
/// <param name="Count">Threads (samples) in this launch: the row length of the output.</param>
internal readonly record struct ChainKernelParameters(uint Key0, uint Key1, double Sin0, double CosMinusOne0, long FirstSample, int Depth, int Count);

/// <summary>
/// The ILGPU kernel of the reduced chain: thread i runs every layer of sample FirstSample + i and writes
/// sin²θ^ℓ to output[(ℓ − 1)·Count + i] (NaN from the first degenerate step on). The host takes the logarithm, so the
/// device needs no log (ILGPU's PTX backend has none for double without ILGPU.Algorithms or libdevice) and ln sin²θ^ℓ
/// is computed by the same Math.Log as on the CPU.
/// </summary>
/// <remarks>
/// It replays <see cref="ReducedChainKernel"/> and <see cref="AngleStep"/> operation for operation: the Gaussians come
/// from the scalar reference <see cref="PhiloxGaussian.Pair"/> with the counter layout of <see cref="CounterLayout"/>
/// (X0 = j, X1 = layer, X2/X3 = sample index), δg = (cos θ − 1)·Z₁ + sin θ·Z₂, and the sums A, B, P and the residual are
/// accumulated in four interleaved partial sums combined as (s₀ + s₁) + (s₂ + s₃) followed by the scalar tail, exactly
/// the order of the CPU's 4-lane vectors. Nothing is stored per element: the second pass (the residual) regenerates the
/// Gaussians, which are a pure function of the counter. Degeneracy is decided by counting supports, as on the CPU.
/// </remarks>
internal static class ReducedChainGpuKernel
{
    /// <summary>The kernel entry point (one thread per sample).</summary>
    public static void Run(Index1D index, ArrayView<int> widths, ArrayView<double> output, ChainKernelParameters parameters)
    {
        long sample = parameters.FirstSample + index;
        uint low = CounterLayout.SampleLow(sample), high = CounterLayout.ChainHigh(sample);
        var key = new PhiloxKey(parameters.Key0, parameters.Key1);
        double sin = parameters.Sin0, cosMinusOne = parameters.CosMinusOne0;
        int layer = 0;
        for (; layer < parameters.Depth; layer++)
        {
            if (Step(key, (uint)layer, low, high, widths[layer], cosMinusOne, sin, out double sin2, out double cos)) break;
            output[(long)layer * parameters.Count + index] = sin2;
            sin = Math.Sqrt(sin2);
            cosMinusOne = -sin2 / (1 + cos);
        }
        for (; layer < parameters.Depth; layer++) output[(long)layer * parameters.Count + index] = double.NaN;
    }

    /// <summary>One <see cref="AngleStep.Compute"/> on n regenerated pairs; true when the step is degenerate.</summary>
    private static bool Step(PhiloxKey key, uint layer, uint low, uint high, int n, double cosMinusOne, double sin,
        out double sin2, out double cos)
    {
        double a0 = 0, a1 = 0, a2 = 0, a3 = 0, b0 = 0, b1 = 0, b2 = 0, b3 = 0, p0 = 0, p1 = 0, p2 = 0, p3 = 0;
        int na = 0, nb = 0, nu = 0;
        int vectorEnd = n & ~3;
        for (int j = 0; j < vectorEnd; j += 4)
        {
            Sums(key, (uint)j, layer, low, high, cosMinusOne, sin, ref a0, ref b0, ref p0, ref na, ref nb, ref nu);
            Sums(key, (uint)j + 1, layer, low, high, cosMinusOne, sin, ref a1, ref b1, ref p1, ref na, ref nb, ref nu);
            Sums(key, (uint)j + 2, layer, low, high, cosMinusOne, sin, ref a2, ref b2, ref p2, ref na, ref nb, ref nu);
            Sums(key, (uint)j + 3, layer, low, high, cosMinusOne, sin, ref a3, ref b3, ref p3, ref na, ref nb, ref nu);
        }
        double a = (a0 + a1) + (a2 + a3), b = (b0 + b1) + (b2 + b3), p = (p0 + p1) + (p2 + p3);
        for (int j = vectorEnd; j < n; j++)
            Sums(key, (uint)j, layer, low, high, cosMinusOne, sin, ref a, ref b, ref p, ref na, ref nb, ref nu);
        if (na == 0 || nb == 0 || nu == 1)
        {
            sin2 = 0;
            cos = 1;
            return true;
        }

        double rPrime = -p / a;
        double e0 = 0, e1 = 0, e2 = 0, e3 = 0;
        for (int j = 0; j < vectorEnd; j += 4)
        {
            Residual(key, (uint)j, layer, low, high, cosMinusOne, sin, rPrime, ref e0);
            Residual(key, (uint)j + 1, layer, low, high, cosMinusOne, sin, rPrime, ref e1);
            Residual(key, (uint)j + 2, layer, low, high, cosMinusOne, sin, rPrime, ref e2);
            Residual(key, (uint)j + 3, layer, low, high, cosMinusOne, sin, rPrime, ref e3);
        }
        double residual = (e0 + e1) + (e2 + e3);
        for (int j = vectorEnd; j < n; j++)
            Residual(key, (uint)j, layer, low, high, cosMinusOne, sin, rPrime, ref residual);
        sin2 = Math.Min(1.0, residual / b);
        double c = (a + p) / Math.Sqrt(a * b);
        c = c < 0.0 ? 0.0 : c > 1.0 ? 1.0 : c; // Math.Clamp(c, 0, 1), spelled out for the device compiler
        cos = sin2 > 0 ? c : 1.0;
        return !(sin2 > 0);
    }

    /// <summary>X = φ(g), δX = φ(g + δg) − φ(g) of pair j (δX = δg where both are active, as on the CPU).</summary>
    private static void Element(PhiloxKey key, uint j, uint layer, uint low, uint high, double cosMinusOne, double sin,
        out double x, out double y, out double dx, out bool alpha, out bool beta)
    {
        var (z1, z2) = PhiloxGaussian.Pair(new PhiloxBlock(j, layer, low, high), key);
        double g = z1, dg = cosMinusOne * z1 + sin * z2, gh = g + dg;
        alpha = g > 0;
        beta = gh > 0;
        x = alpha ? g : 0;
        y = beta ? gh : 0;
        dx = alpha && beta ? dg : y - x;
    }

    private static void Sums(PhiloxKey key, uint j, uint layer, uint low, uint high, double cosMinusOne, double sin,
        ref double a, ref double b, ref double p, ref int na, ref int nb, ref int nu)
    {
        Element(key, j, layer, low, high, cosMinusOne, sin, out double x, out double y, out double dx, out bool alpha, out bool beta);
        a += x * x;
        b += y * y;
        p += x * dx;
        if (alpha) na++;
        if (beta) nb++;
        if (alpha || beta) nu++;
    }

    private static void Residual(PhiloxKey key, uint j, uint layer, uint low, uint high, double cosMinusOne, double sin,
        double rPrime, ref double residual)
    {
        Element(key, j, layer, low, high, cosMinusOne, sin, out double x, out _, out double dx, out _, out _);
        double e = dx + rPrime * x;
        residual += e * e;
    }
}
