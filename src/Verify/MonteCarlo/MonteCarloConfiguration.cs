namespace Degeneracy.Verify.MonteCarlo;

/// <summary>
/// What a Monte Carlo run samples: layer widths n₁ … n_L, the input angle θ⁰, the number of samples S, the seed,
/// the backend and (network only) the input dimension. Two runs with equal configurations produce the same bits.
/// </summary>
public sealed class MonteCarloConfiguration : IEquatable<MonteCarloConfiguration>
{
    /// <summary>Largest number of samples, 2⁵² (the sample index must fit the Philox counter layout).</summary>
    public const long MaxSamples = 1L << 52;

    /// <summary>Largest number of layers, 4095.</summary>
    public const int MaxDepth = 4095;

    /// <summary>Largest layer width or input dimension, 2²⁴.</summary>
    public const int MaxWidth = 1 << 24;

    /// <summary>Validates and stores a configuration.</summary>
    /// <param name="widths">n₁ … n_L: 1 ≤ L ≤ 4095 widths, each in [1, 2²⁴]; layer ℓ has width n_ℓ.</param>
    /// <param name="theta0">θ⁰ ∈ [0, π], the angle between the two inputs.</param>
    /// <param name="samples">S ∈ [1, 2⁵²].</param>
    /// <param name="seed">Any 64-bit seed (the Philox key).</param>
    /// <param name="backend">Reduced chain or explicit network.</param>
    /// <param name="inputDimension">Network only: n_in ∈ [2, 2²⁴], default n₁; ignored (stored as null) for the chain.</param>
    /// <param name="activation">φ_s (default ReLU); the angle chain is exact for every s (docs/THEORY.md §5).</param>
    public MonteCarloConfiguration(IReadOnlyList<int> widths, double theta0, long samples, ulong seed,
        MonteCarloBackend backend = MonteCarloBackend.Chain, int? inputDimension = null, JFunctions.Activation? activation = null)
    {
        ArgumentNullException.ThrowIfNull(widths);
        if (widths.Count is < 1 or > MaxDepth)
            throw new ArgumentOutOfRangeException(nameof(widths), widths.Count, $"widths must list between 1 and {MaxDepth} layers");
        for (int i = 0; i < widths.Count; i++)
            if (widths[i] is < 1 or > MaxWidth)
                throw new ArgumentOutOfRangeException(nameof(widths), widths[i], $"width of layer {i + 1} must lie in [1, {MaxWidth}]");
        if (!(theta0 >= 0 && theta0 <= Math.PI))
            throw new ArgumentOutOfRangeException(nameof(theta0), theta0, "theta0 must lie in [0, π]");
        if (samples is < 1 or > MaxSamples)
            throw new ArgumentOutOfRangeException(nameof(samples), samples, $"samples must lie in [1, 2^52]");
        if (!Enum.IsDefined(backend))
            throw new ArgumentOutOfRangeException(nameof(backend), backend, "backend must be Chain or Network");
        if (backend == MonteCarloBackend.Network)
        {
            int dimension = inputDimension ?? widths[0];
            if (dimension is < 2 or > MaxWidth)
                throw new ArgumentOutOfRangeException(nameof(inputDimension), dimension, $"input dimension must lie in [2, {MaxWidth}]");
            InputDimension = dimension;
        }
        Widths = widths.ToArray();
        Theta0 = theta0;
        Samples = samples;
        Seed = seed;
        Backend = backend;
        Activation = activation ?? JFunctions.Activation.Relu;
    }

    /// <summary>The activation φ_s.</summary>
    public JFunctions.Activation Activation { get; }

    /// <summary>n₁ … n_L.</summary>
    public IReadOnlyList<int> Widths { get; }

    /// <summary>θ⁰ ∈ [0, π].</summary>
    public double Theta0 { get; }

    /// <summary>S, the number of samples; sample indices are 0 … S − 1.</summary>
    public long Samples { get; }

    /// <summary>The 64-bit seed.</summary>
    public ulong Seed { get; }

    /// <summary>The sampling backend.</summary>
    public MonteCarloBackend Backend { get; }

    /// <summary>Input dimension n_in of the network backend; null for the chain.</summary>
    public int? InputDimension { get; }

    /// <summary>Number of layers L.</summary>
    public int Depth => Widths.Count;

    /// <inheritdoc/>
    public bool Equals(MonteCarloConfiguration? other) =>
        other is not null && Widths.SequenceEqual(other.Widths) && Theta0.Equals(other.Theta0) && Samples == other.Samples
        && Seed == other.Seed && Backend == other.Backend && InputDimension == other.InputDimension && Activation == other.Activation;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as MonteCarloConfiguration);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Widths.Count, Theta0, Samples, Seed, Backend, InputDimension);

    /// <inheritdoc/>
    public override string ToString() =>
        $"widths [{string.Join(',', Widths)}], theta0 {Theta0:R}, samples {Samples}, seed {Seed}, backend {Backend}"
        + (InputDimension is int d ? $", input dimension {d}" : "") + (Activation.IsRelu ? "" : $", activation {Activation.Name}");
}
