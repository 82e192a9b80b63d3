using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Degeneracy.Verify.MonteCarlo;

/// <summary>
/// One sample of an explicit network: inputs x_α = e₁ and x_β = cos θ⁰ e₁ + sin θ⁰ e₂ in dimension n_in,
/// z¹ = W¹x, z^{ℓ+1} = √(2/n_ℓ) W^{ℓ+1} φ(z^ℓ), every weight a fresh N(0, 1) (see <see cref="FullNetworkSampler.Weight"/>).
/// It propagates z_α and δz = z_β − z_α (both linear in the same W), so tiny angles keep their digits.
/// Each row of W is generated and contracted on the fly; the matrix is never stored.
/// </summary>
internal sealed class FullNetworkKernel : ISampleKernel
{
    private readonly IReadOnlyList<int> _widths;
    private readonly int _inputDimension;
    private readonly PhiloxRoundKeys _keys;
    private readonly double _sin0, _cosMinusOne0, _slope;
    private readonly double[] _z, _dz, _x, _dx, _aEven, _aOdd, _dEven, _dOdd;

    public FullNetworkKernel(MonteCarloConfiguration configuration)
    {
        _widths = configuration.Widths;
        _inputDimension = configuration.InputDimension ?? configuration.Widths[0];
        _keys = PhiloxRoundKeys.Of(PhiloxKey.FromSeed(configuration.Seed));
        _slope = configuration.Activation.SlopeValue;
        _sin0 = Math.Sin(configuration.Theta0);
        double half = Math.Sin(configuration.Theta0 / 2);
        _cosMinusOne0 = -2 * half * half;
        int maxOut = _widths.Max();
        int maxPairs = PaddedPairs(Math.Max(maxOut, _inputDimension));
        _z = new double[maxOut];
        _dz = new double[maxOut];
        _x = new double[maxOut];
        _dx = new double[maxOut];
        _aEven = new double[maxPairs];
        _aOdd = new double[maxPairs];
        _dEven = new double[maxPairs];
        _dOdd = new double[maxPairs];
    }

    /// <summary>⌈n/2⌉ rounded up to a multiple of 4 (whole vectors of Gaussian pairs).</summary>
    private static int PaddedPairs(int n) => ((n + 1) / 2 + 3) & ~3;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Run(long sample, Span<double> lnSinSquared)
    {
        uint low = CounterLayout.SampleLow(sample);
        int nIn = _inputDimension;
        int padded = PaddedPairs(nIn);
        Array.Clear(_aEven, 0, padded);
        Array.Clear(_aOdd, 0, padded);
        Array.Clear(_dEven, 0, padded);
        Array.Clear(_dOdd, 0, padded);
        _aEven[0] = 1;                  // x_α = e₁
        _dEven[0] = _cosMinusOne0;      // x_β − x_α = (cos θ⁰ − 1) e₁ + sin θ⁰ e₂
        _dOdd[0] = _sin0;
        for (int layer = 0; layer < _widths.Count; layer++)
        {
            int nOut = _widths[layer];
            double scale = layer == 0 ? 1.0 : Math.Sqrt(2.0 / nIn);
            uint high = CounterLayout.NetworkHigh(sample, layer + 1);
            for (int row = 0; row < nOut; row++)
            {
                RowDot(_keys, (uint)row, low, high, padded, out double dotA, out double dotD);
                _z[row] = scale * dotA;
                _dz[row] = scale * dotD;
            }
            var step = _slope == 0 ? AngleStep.Compute(_z.AsSpan(0, nOut), _dz.AsSpan(0, nOut), _x, _dx)
                : LeakyAngleStep.Compute(_z.AsSpan(0, nOut), _dz.AsSpan(0, nOut), _x, _dx, _slope);
            if (step.IsDegenerate) return layer;
            lnSinSquared[layer] = Math.Log(step.SinSquared);

            nIn = nOut;
            padded = PaddedPairs(nIn);
            Array.Clear(_aEven, 0, padded);
            Array.Clear(_aOdd, 0, padded);
            Array.Clear(_dEven, 0, padded);
            Array.Clear(_dOdd, 0, padded);
            for (int i = 0; i < nIn; i++)
            {
                if ((i & 1) == 0) { _aEven[i >> 1] = _x[i]; _dEven[i >> 1] = _dx[i]; }
                else { _aOdd[i >> 1] = _x[i]; _dOdd[i >> 1] = _dx[i]; }
            }
        }
        return -1;
    }

    /// <summary>Σ_j W_{row,j} a_j and Σ_j W_{row,j} δa_j with W_{row,2m} = Z₁, W_{row,2m+1} = Z₂ of counter (m, row, low, high).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RowDot(in PhiloxRoundKeys keys, uint row, uint low, uint high, int paddedPairs, out double dotA, out double dotD)
    {
        var c1 = Vector256.Create((ulong)row);
        var c2 = Vector256.Create((ulong)low);
        var c3 = Vector256.Create((ulong)high);
        ref double ae = ref MemoryMarshal.GetArrayDataReference(_aEven);
        ref double ao = ref MemoryMarshal.GetArrayDataReference(_aOdd);
        ref double de = ref MemoryMarshal.GetArrayDataReference(_dEven);
        ref double od = ref MemoryMarshal.GetArrayDataReference(_dOdd);
        var accA = Vector256<double>.Zero;
        var accD = Vector256<double>.Zero;
        for (int m = 0; m < paddedPairs; m += 4)
        {
            PhiloxGaussian.Pairs4(keys, PhiloxGaussian.Lanes((uint)m), c1, c2, c3, out var z1, out var z2);
            accA += z1 * Vector256.LoadUnsafe(ref ae, (nuint)m) + z2 * Vector256.LoadUnsafe(ref ao, (nuint)m);
            accD += z1 * Vector256.LoadUnsafe(ref de, (nuint)m) + z2 * Vector256.LoadUnsafe(ref od, (nuint)m);
        }
        dotA = AngleStep.HorizontalSum(accA);
        dotD = AngleStep.HorizontalSum(accD);
    }
}
