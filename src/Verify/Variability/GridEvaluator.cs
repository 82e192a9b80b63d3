using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Degeneracy.Verify.Variability;

/// <summary>
/// Evaluates sampled networks on the m × m grid over [−1, 1]² (n_in = 2) all points at once, layer by layer with
/// <see cref="BlockedAffine"/>, keeping f = ‖F(x)‖², a 64-bit hash of each point's activation pattern (piecewise-linear φ)
/// and whether F is exactly constant on the grid. One instance per thread; buffers are reused between samples.
/// </summary>
internal sealed class GridEvaluator
{
    private readonly BiasedNetworkSpec _spec;
    private readonly int _gridSize, _points, _padded;
    private readonly double[] _a, _b, _w, _bias;
    private readonly ulong[] _hash;
    private readonly bool _trackPattern, _hashSigns;

    public GridEvaluator(BiasedNetworkSpec spec, int gridSize)
    {
        if (spec.InputDimension != 2) throw new ArgumentException("grid evaluation needs input dimension 2", nameof(spec));
        VariabilityMeasure.CheckGridSize(gridSize);
        _spec = spec;
        _gridSize = gridSize;
        _points = gridSize * gridSize;
        _padded = (_points + BlockedAffine.PointBlock - 1) / BlockedAffine.PointBlock * BlockedAffine.PointBlock;
        int units = Math.Max(Math.Max(spec.Width, 2), spec.OutputDimension);
        _a = new double[units * _padded];
        _b = new double[units * _padded];
        _w = new double[Math.Max(spec.Width, spec.OutputDimension) * Math.Max(spec.Width, 2)];
        _bias = new double[units];
        _hash = new ulong[_padded];
        _trackPattern = !spec.Activation.IsSigmoid;
        _hashSigns = _trackPattern && !spec.Activation.PiecewiseLinear!.Slope.IsOne; // the identity has one region
        F = new double[_padded];
    }

    /// <summary>f = ‖F(x)‖² at each grid point (valid after <see cref="Evaluate"/>; length ≥ m²).</summary>
    public double[] F { get; }

    /// <summary>Pattern hashes of the last evaluation (all 0 for the identity), or empty for the sigmoid.</summary>
    public ReadOnlySpan<ulong> Pattern => _trackPattern ? _hash.AsSpan(0, _points) : ReadOnlySpan<ulong>.Empty;

    /// <summary>Evaluates sample <paramref name="sample"/>; returns true when F is exactly constant on the grid.</summary>
    public bool Evaluate(ulong seed, long sample)
    {
        int m = _gridSize, P = _padded;
        var s = _a;
        Array.Clear(s, 0, 2 * P);
        for (int r = 0; r < m; r++)
            for (int c = 0; c < m; c++)
            {
                s[r * m + c] = VariabilityMeasure.Coordinate(c, m);
                s[P + r * m + c] = VariabilityMeasure.Coordinate(r, m);
            }
        Array.Clear(_hash);
        var z = _b;
        for (int k = 1; k <= _spec.LayerCount; k++)
        {
            int rows = _spec.Rows(k), cols = _spec.Columns(k);
            NetworkParameters.Weights(_spec, seed, sample, k, _w);
            NetworkParameters.Biases(_spec, seed, sample, k, _bias);
            BlockedAffine.Apply(_w, _bias, rows, cols, s, z, P);
            if (k <= _spec.Depth) Activate(z, rows, k);
            (s, z) = (z, s);
        }
        int outputs = _spec.OutputDimension > 0 ? _spec.OutputDimension : _spec.Width;
        Array.Clear(F);
        bool constant = true;
        for (int o = 0; o < outputs; o++)
        {
            var row = s.AsSpan(o * P, _points);
            double first = row[0];
            for (int p = 0; p < _points; p++)
            {
                F[p] += row[p] * row[p];
                constant &= row[p] == first;
            }
        }
        return constant;
    }

    /// <summary>φ in place on rows × P values and the pattern hash update h[p] += [z ≥ 0]·r(k, i).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Activate(double[] z, int rows, int layer)
    {
        int P = _padded;
        var act = _spec.Activation;
        if (act.IsSigmoid)
        {
            for (int t = 0; t < rows * P; t++) z[t] = act.Apply(z[t]);
            return;
        }
        var slope = Vector256.Create(act.PiecewiseLinear!.SlopeValue);
        var zero = Vector256<double>.Zero;
        ref double zr = ref MemoryMarshal.GetArrayDataReference(z);
        ref ulong hr = ref MemoryMarshal.GetArrayDataReference(_hash);
        for (int i = 0; i < rows; i++)
        {
            var key = Vector256.Create(UnitKey(layer, i));
            nuint start = (nuint)(i * P);
            for (nuint p = 0; p < (nuint)P; p += 4)
            {
                var v = Vector256.LoadUnsafe(ref zr, start + p);
                var positive = Vector256.GreaterThanOrEqual(v, zero);
                Vector256.ConditionalSelect(positive, v, v * slope).StoreUnsafe(ref zr, start + p);
                if (_hashSigns)
                    (Vector256.LoadUnsafe(ref hr, p) + (positive.AsUInt64() & key)).StoreUnsafe(ref hr, p);
            }
        }
    }

    /// <summary>SplitMix64 of (layer, unit): the random weight of a unit's sign bit in the pattern hash.</summary>
    private static ulong UnitKey(int layer, int unit)
    {
        ulong x = ((ulong)(uint)layer << 32 | (uint)unit) + 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
