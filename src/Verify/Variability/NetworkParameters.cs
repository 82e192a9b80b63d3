using Degeneracy.Verify.MonteCarlo;

namespace Degeneracy.Verify.Variability;

/// <summary>
/// The weights and biases of sample <c>sample</c> of a <see cref="BiasedNetworkSpec"/>, drawn from Philox keyed by the seed
/// (the counter layout of the explicit-network Monte Carlo): W_k[i, j] uses Z₁ (j even) or Z₂ (j odd) of counter
/// (⌊j/2⌋, i, sample mod 2³², (k ≪ 20) | ⌊sample/2³²⌋) — the same standard normals as <see cref="FullNetworkSampler.Weight"/> —
/// and b_k[i] the pair ⌊i/2⌋ of row 2³² − 1 of the same tag. Random input pairs use tag 0, rows 2³² − 2 and 2³² − 3.
/// </summary>
public static class NetworkParameters
{
    private const uint BiasRow = uint.MaxValue, FirstInputRow = uint.MaxValue - 1, SecondInputRow = uint.MaxValue - 2;

    /// <summary>Writes W_k (row-major, Rows(k) × Columns(k)) of the sample into <paramref name="weights"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">layer outside [1, LayerCount] or sample outside [0, 2⁵²).</exception>
    public static void Weights(BiasedNetworkSpec spec, ulong seed, long sample, int layer, Span<double> weights)
    {
        ArgumentNullException.ThrowIfNull(spec);
        CheckLayer(spec, sample, layer);
        int rows = spec.Rows(layer), cols = spec.Columns(layer);
        if (weights.Length < rows * cols) throw new ArgumentException("weights is shorter than rows × columns", nameof(weights));
        var key = PhiloxKey.FromSeed(seed);
        uint low = CounterLayout.SampleLow(sample), high = CounterLayout.NetworkHigh(sample, layer);
        int pairs = (cols + 1) / 2;
        Span<double> z1 = pairs <= 2048 ? stackalloc double[pairs] : new double[pairs];
        Span<double> z2 = pairs <= 2048 ? stackalloc double[pairs] : new double[pairs];
        for (int i = 0; i < rows; i++)
        {
            PhiloxGaussian.FillPairs(key, (uint)i, low, high, z1, z2);
            var row = weights.Slice(i * cols, cols);
            for (int j = 0; j < cols; j++) row[j] = (j & 1) == 0 ? z1[j >> 1] : z2[j >> 1];
        }
        if (spec.Weights == WeightDistribution.Gaussian)
        {
            double scale = Math.Sqrt(spec.WeightVariance / cols);
            for (int t = 0; t < rows * cols; t++) weights[t] *= scale;
            return;
        }
        Orthonormal(weights[..(rows * cols)], rows, cols);
        double gain = Math.Sqrt(spec.WeightVariance);
        for (int t = 0; t < rows * cols; t++) weights[t] *= gain;
    }

    /// <summary>Writes b_k (length Rows(k)) of the sample into <paramref name="biases"/>: σ_b times standard normals.</summary>
    public static void Biases(BiasedNetworkSpec spec, ulong seed, long sample, int layer, Span<double> biases)
    {
        ArgumentNullException.ThrowIfNull(spec);
        CheckLayer(spec, sample, layer);
        int rows = spec.Rows(layer);
        if (biases.Length < rows) throw new ArgumentException("biases is shorter than the layer's rows", nameof(biases));
        StandardNormals(seed, BiasRow, CounterLayout.SampleLow(sample), CounterLayout.NetworkHigh(sample, layer), biases[..rows]);
        double sd = Math.Sqrt(spec.BiasVariance);
        for (int i = 0; i < rows; i++) biases[i] *= sd;
    }

    /// <summary>The sample's random input pair (x, x̄), each with iid N(0, 1) entries (length = the spans' lengths).</summary>
    public static void InputPair(ulong seed, long sample, Span<double> x, Span<double> xBar)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sample);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(sample, MonteCarloConfiguration.MaxSamples);
        StandardNormals(seed, FirstInputRow, CounterLayout.SampleLow(sample), CounterLayout.NetworkHigh(sample, 0), x);
        StandardNormals(seed, SecondInputRow, CounterLayout.SampleLow(sample), CounterLayout.NetworkHigh(sample, 0), xBar);
    }

    private static void StandardNormals(ulong seed, uint row, uint low, uint high, Span<double> values)
    {
        int pairs = (values.Length + 1) / 2;
        var z1 = new double[pairs];
        var z2 = new double[pairs];
        PhiloxGaussian.FillPairs(PhiloxKey.FromSeed(seed), row, low, high, z1, z2);
        for (int i = 0; i < values.Length; i++) values[i] = (i & 1) == 0 ? z1[i >> 1] : z2[i >> 1];
    }

    /// <summary>
    /// Replaces the Gaussian matrix (row-major rows × cols) by its orthonormal factor: columns orthonormal when rows ≥ cols
    /// (Q of A = QR with R's diagonal positive), rows orthonormal otherwise — Haar-distributed for Gaussian input.
    /// Modified Gram–Schmidt applied twice.
    /// </summary>
    internal static void Orthonormal(Span<double> a, int rows, int cols)
    {
        if (rows < cols)
        {
            OrthonormalizeVectors(a, rows, cols);
            return;
        }
        var t = new double[rows * cols];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++) t[j * rows + i] = a[i * cols + j];
        OrthonormalizeVectors(t, cols, rows);
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++) a[i * cols + j] = t[j * rows + i];
    }

    /// <summary>Orthonormalises <paramref name="count"/> consecutive vectors of length <paramref name="length"/> in place.</summary>
    private static void OrthonormalizeVectors(Span<double> v, int count, int length)
    {
        for (int k = 0; k < count; k++)
        {
            var vk = v.Slice(k * length, length);
            for (int pass = 0; pass < 2; pass++)
                for (int m = 0; m < k; m++)
                {
                    var vm = v.Slice(m * length, length);
                    double dot = System.Numerics.Tensors.TensorPrimitives.Dot<double>(vk, vm);
                    for (int t = 0; t < length; t++) vk[t] -= dot * vm[t];
                }
            double norm = Math.Sqrt(System.Numerics.Tensors.TensorPrimitives.Dot<double>(vk, vk));
            if (norm == 0) throw new InvalidOperationException("Gaussian matrix was rank deficient (probability zero)");
            for (int t = 0; t < length; t++) vk[t] /= norm;
        }
    }

    private static void CheckLayer(BiasedNetworkSpec spec, long sample, int layer)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sample);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(sample, MonteCarloConfiguration.MaxSamples);
        if (layer < 1 || layer > spec.LayerCount)
            throw new ArgumentOutOfRangeException(nameof(layer), layer, $"layer must lie in [1, {spec.LayerCount}]");
    }
}
