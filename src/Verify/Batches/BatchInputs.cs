using System.Globalization;
using System.Security.Cryptography;
using Degeneracy.Verify.MonteCarlo;

namespace Degeneracy.Verify.Batches;

/// <summary>
/// The m inputs x₁ … x_m ∈ ℝ^d of a batch, their normalised Gram matrix K⁰ = XXᵀ/d (so inputs of squared norm d have
/// K⁰ᵢᵢ = 1) and optional class labels. Built from vectors, from a Gram matrix (factorised as X = √m·V√Λ, d = m), or
/// generated: random on the sphere, orthogonal, or k clusters.
/// </summary>
public sealed class BatchInputs
{
    /// <summary>Largest batch, 256 (the per-layer cost has an m³ eigenvalue term).</summary>
    public const int MaxBatch = 256;

    /// <summary>Largest input dimension, 2²⁰ (and m·d ≤ 2²⁶).</summary>
    public const int MaxDimension = 1 << 20;

    /// <summary>Relative tolerance of the symmetry and positive-semidefiniteness checks of a Gram matrix.</summary>
    public const double GramTolerance = 1e-9;

    /// <summary>Mixed into the seed to key input generation, so inputs never share random numbers with the sampler.</summary>
    public const ulong InputKeyMix = 0x9E3779B97F4A7C15UL;

    private BatchInputs(double[][] vectors, string description, BatchLabels? labels)
    {
        Vectors = vectors;
        Description = description;
        Labels = labels;
        Gram = new double[Count, Count];
        for (int i = 0; i < Count; i++)
            for (int j = 0; j <= i; j++)
                Gram[i, j] = Gram[j, i] = Orthonormalizer.Dot(vectors[i], vectors[j]) / Dimension;
    }

    /// <summary>The inputs, m arrays of length d.</summary>
    public IReadOnlyList<double[]> Vectors { get; }

    /// <summary>m.</summary>
    public int Count => Vectors.Count;

    /// <summary>d.</summary>
    public int Dimension => Vectors[0].Length;

    /// <summary>K⁰ = XXᵀ/d.</summary>
    public double[,] Gram { get; }

    /// <summary>Class labels, or null.</summary>
    public BatchLabels? Labels { get; }

    /// <summary>How the inputs were made (e.g. <c>random</c>, <c>clusters:4</c>, a file name).</summary>
    public string Description { get; }

    /// <summary>SHA-256 of m, d and every coordinate's bits (and the labels): equal fingerprints mean equal inputs.</summary>
    public string Fingerprint()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(BitConverter.GetBytes(Count));
        hash.AppendData(BitConverter.GetBytes(Dimension));
        foreach (var v in Vectors)
            foreach (double x in v) hash.AppendData(BitConverter.GetBytes(x));
        if (Labels is not null)
            foreach (var l in Labels.Labels) hash.AppendData(System.Text.Encoding.UTF8.GetBytes(l + "\n"));
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }

    /// <summary>The same inputs with class labels (one per input).</summary>
    /// <exception cref="ArgumentException">The count differs from m, or see <see cref="BatchLabels.Of"/>.</exception>
    public BatchInputs WithLabels(IReadOnlyList<string> labels, string source = "labels")
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Count != Count)
            throw new ArgumentException($"{source}: {labels.Count} label(s) for {Count} input(s); there must be one label per input", nameof(labels));
        return new BatchInputs(Vectors.Select(v => v).ToArray(), Description, BatchLabels.Of(labels, source));
    }

    /// <summary>Inputs given as vectors (rows of a CSV).</summary>
    /// <param name="vectors">m ∈ [2, 256] vectors of one length d ∈ [1, 2²⁰], finite, not all zero.</param>
    /// <param name="source">Names the data in error messages.</param>
    public static BatchInputs FromVectors(IReadOnlyList<double[]> vectors, string source = "inputs")
    {
        ArgumentNullException.ThrowIfNull(vectors);
        CheckCount(vectors.Count, source);
        int d = vectors[0].Length;
        if (d is < 1 or > MaxDimension || (long)d * vectors.Count > 1L << 26)
            throw new ArgumentOutOfRangeException(nameof(vectors), d, $"{source}: the dimension d = {d} must lie in [1, {MaxDimension}] with m·d ≤ 2^26");
        for (int i = 0; i < vectors.Count; i++)
        {
            if (vectors[i].Length != d)
                throw new ArgumentException($"{source}: row {i + 1} has {vectors[i].Length} columns, row 1 has {d}", nameof(vectors));
            for (int j = 0; j < d; j++)
                if (!double.IsFinite(vectors[i][j]))
                    throw new ArgumentException($"{source}: row {i + 1}, column {j + 1}: {vectors[i][j]} is not finite", nameof(vectors));
        }
        if (vectors.All(v => v.All(x => x == 0)))
            throw new ArgumentException($"{source}: every input is zero", nameof(vectors));
        return new BatchInputs(vectors.Select(v => v.ToArray()).ToArray(), source, null);
    }

    /// <summary>Inputs given by their normalised Gram matrix K⁰ (symmetric positive semidefinite within 10⁻⁹ relative).</summary>
    /// <param name="gram">m×m, m ∈ [2, 256], rows as read.</param>
    /// <param name="source">Names the data in error messages.</param>
    public static BatchInputs FromGram(IReadOnlyList<double[]> gram, string source = "gram")
    {
        ArgumentNullException.ThrowIfNull(gram);
        int m = gram.Count;
        CheckCount(m, source);
        for (int i = 0; i < m; i++)
            if (gram[i].Length != m)
                throw new ArgumentException($"{source}: row {i + 1} has {gram[i].Length} columns; a Gram matrix with {m} rows needs {m}", nameof(gram));
        double scale = gram.Max(row => row.Max(Math.Abs));
        if (!(scale > 0)) throw new ArgumentException($"{source}: the Gram matrix is zero", nameof(gram));
        for (int i = 0; i < m; i++)
        {
            if (gram[i][i] < 0)
                throw new ArgumentException($"{source}: row {i + 1}, column {i + 1}: negative diagonal entry {Text(gram[i][i])}; not positive semidefinite", nameof(gram));
            for (int j = i + 1; j < m; j++)
                if (Math.Abs(gram[i][j] - gram[j][i]) > GramTolerance * scale)
                    throw new ArgumentException($"{source}: row {i + 1}, column {j + 1}: {Text(gram[i][j])} differs from row {j + 1}, column {i + 1}: {Text(gram[j][i])}; the Gram matrix must be symmetric", nameof(gram));
        }
        var a = new double[m * m];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < m; j++) a[i * m + j] = 0.5 * (gram[i][j] + gram[j][i]);
        var lambda = new double[m];
        var v = new double[m * m];
        SymmetricEigen.Compute(a, m, lambda, v);
        if (lambda[m - 1] < -GramTolerance * Math.Max(lambda[0], scale))
            throw new ArgumentException($"{source}: the Gram matrix is not positive semidefinite: smallest eigenvalue {Text(lambda[m - 1])} (tolerance {Text(-GramTolerance * Math.Max(lambda[0], scale))})", nameof(gram));
        var vectors = new double[m][];
        for (int i = 0; i < m; i++)
        {
            vectors[i] = new double[m];
            for (int c = 0; c < m; c++) vectors[i][c] = Math.Sqrt(m * Math.Max(lambda[c], 0)) * v[i * m + c];
        }
        return new BatchInputs(vectors, source, null);
    }

    /// <summary>m independent points uniform on the sphere of radius √d in ℝ^d (K⁰ᵢᵢ = 1), from the seed.</summary>
    public static BatchInputs Random(int m, int dimension, ulong seed)
    {
        CheckCount(m, "random inputs");
        CheckDimension(dimension, 2, m);
        var vectors = new double[m][];
        for (int i = 0; i < m; i++) vectors[i] = Normalised(Gaussian(seed, i, dimension), Math.Sqrt(dimension));
        return new BatchInputs(vectors, "random", null);
    }

    /// <summary>√d·e₁ … √d·e_m: m mutually orthogonal inputs (d ≥ m).</summary>
    public static BatchInputs Orthogonal(int m, int dimension)
    {
        CheckCount(m, "orthogonal inputs");
        CheckDimension(dimension, m, m);
        var vectors = new double[m][];
        for (int i = 0; i < m; i++) { vectors[i] = new double[dimension]; vectors[i][i] = Math.Sqrt(dimension); }
        return new BatchInputs(vectors, "orthogonal", null);
    }

    /// <summary>
    /// k clusters with orthogonal centres e₁ … e_k: input i belongs to class i mod k (label "i mod k") and is
    /// √d(cos α·e_c + sin α·u), u a random unit vector on the coordinates k+1 … d; so each input is at angle α from its
    /// centre. Needs 2 ≤ k, m ≥ 2k (two members per class), d ≥ k + 1, α ∈ [0, π].
    /// </summary>
    public static BatchInputs Clusters(int m, int k, double angle, int dimension, ulong seed)
    {
        CheckCount(m, "cluster inputs");
        if (k < 2 || 2 * k > m)
            throw new ArgumentOutOfRangeException(nameof(k), k, $"clusters: k must lie in [2, m/2] = [2, {m / 2}] (two inputs per class)");
        if (!(angle >= 0 && angle <= Math.PI))
            throw new ArgumentOutOfRangeException(nameof(angle), angle, "clusters: the within-cluster angle must lie in [0, π]");
        CheckDimension(dimension, k + 1, m);
        var vectors = new double[m][];
        var labels = new string[m];
        double root = Math.Sqrt(dimension);
        for (int i = 0; i < m; i++)
        {
            var u = Gaussian(seed, i, dimension);
            for (int c = 0; c < k; c++) u[c] = 0;
            u = Normalised(u, root * Math.Sin(angle));
            u[i % k] = root * Math.Cos(angle);
            vectors[i] = u;
            labels[i] = (i % k).ToString(CultureInfo.InvariantCulture);
        }
        return new BatchInputs(vectors, $"clusters:{k}", BatchLabels.Of(labels, "clusters"));
    }

    private static double[] Gaussian(ulong seed, int input, int dimension)
    {
        int pairs = (dimension + 1) / 2;
        var z1 = new double[pairs];
        var z2 = new double[pairs];
        PhiloxGaussian.FillPairs(PhiloxKey.FromSeed(seed ^ InputKeyMix), (uint)input, 0, 0, z1, z2);
        var x = new double[dimension];
        for (int j = 0; j < dimension; j++) x[j] = (j & 1) == 0 ? z1[j >> 1] : z2[j >> 1];
        return x;
    }

    private static double[] Normalised(double[] x, double norm)
    {
        double length = Math.Sqrt(Orthonormalizer.Dot(x, x));
        for (int j = 0; j < x.Length; j++) x[j] = length > 0 ? x[j] * (norm / length) : 0;
        return x;
    }

    private static void CheckCount(int m, string source)
    {
        if (m is < 2 or > MaxBatch)
            throw new ArgumentOutOfRangeException("m", m, $"{source}: the batch size m = {m} must lie in [2, {MaxBatch}]");
    }

    private static void CheckDimension(int d, int min, int m)
    {
        if (d < min || d > MaxDimension || (long)d * m > 1L << 26)
            throw new ArgumentOutOfRangeException("dimension", d, $"the input dimension must lie in [{min}, {MaxDimension}] with m·d ≤ 2^26");
    }

    private static string Text(double x) => x.ToString("G6", CultureInfo.InvariantCulture);
}
