using System.Globalization;
using Degeneracy.JFunctions;
using Degeneracy.Verify.MonteCarlo;

namespace Degeneracy.Verify.Batches;

/// <summary>How the batch Monte Carlo samples a network: the reduced Gram chain or explicit weight matrices.</summary>
public enum BatchBackend
{
    /// <summary>The Gram chain: per layer n iid rows N(0, σ_w²K/n_prev + σ_b²11ᵀ), O(n·m²) per layer (exact in distribution).</summary>
    GramChain,
    /// <summary>Explicit weight matrices (Gaussian or orthogonal), O(n_out·n_in·m) per layer: the reference.</summary>
    Network,
}

/// <summary>The law of the weight matrices.</summary>
public enum WeightLaw
{
    /// <summary>iid N(0, 1) entries, scaled by σ_w/√n_in.</summary>
    Gaussian,
    /// <summary>Haar semi-orthogonal Q (n_out×n_in) times √max(n_out, n_in), scaled by σ_w/√n_in (explicit backend only).</summary>
    Orthogonal,
}

/// <summary>
/// A batch Monte Carlo run: m inputs through z^ℓ = (σ_w/√n_{ℓ−1}) W^ℓ h^{ℓ−1} + σ_b b^ℓ, h^ℓ = φ_s(z^ℓ) (h⁰ = the inputs,
/// n₀ = d), observed per layer on K^ℓ = (h^ℓ)ᵀh^ℓ/n_ℓ. Two runs with equal configurations give the same bits.
/// </summary>
public sealed class BatchConfiguration
{
    /// <summary>Largest n_ℓ·m, 2²⁶ (memory of one layer's features).</summary>
    public const long MaxLayerSize = 1L << 26;

    /// <summary>Default relative tolerance of the numerical rank: λᵢ &gt; 10⁻³·λ_max.</summary>
    public const double DefaultTolerance = 1e-3;

    /// <summary>Validates and stores a configuration.</summary>
    /// <param name="widths">n₁ … n_L: 1 ≤ L ≤ 4095, each n ≥ 1 with n·m ≤ 2²⁶.</param>
    /// <param name="inputs">The batch (m ∈ [2, 256]).</param>
    /// <param name="samples">S ∈ [1, 2⁵²].</param>
    /// <param name="seed">Philox key of the sampler (inputs use their own key).</param>
    /// <param name="activation">φ_s, default ReLU.</param>
    /// <param name="weightVariance">σ_w² ∈ (0, 10⁶], default 2.</param>
    /// <param name="biasVariance">σ_b² ∈ [0, 10⁶], default 0.</param>
    /// <param name="weights">Gaussian (default) or orthogonal (explicit backend only).</param>
    /// <param name="backend">Gram chain (default) or explicit network.</param>
    /// <param name="tolerance">Relative tolerance τ ∈ (0, 1) of the numerical rank.</param>
    /// <param name="trackGram">Also accumulate every entry Kᵢⱼ (default: m ≤ 16).</param>
    public BatchConfiguration(IReadOnlyList<int> widths, BatchInputs inputs, long samples, ulong seed, Activation? activation = null,
        double weightVariance = 2, double biasVariance = 0, WeightLaw weights = WeightLaw.Gaussian,
        BatchBackend backend = BatchBackend.GramChain, double tolerance = DefaultTolerance, bool? trackGram = null)
    {
        ArgumentNullException.ThrowIfNull(widths);
        ArgumentNullException.ThrowIfNull(inputs);
        if (widths.Count is < 1 or > MonteCarloConfiguration.MaxDepth)
            throw new ArgumentOutOfRangeException(nameof(widths), widths.Count, $"widths must list between 1 and {MonteCarloConfiguration.MaxDepth} layers");
        for (int i = 0; i < widths.Count; i++)
            if (widths[i] < 1 || (long)widths[i] * inputs.Count > MaxLayerSize)
                throw new ArgumentOutOfRangeException(nameof(widths), widths[i], $"width of layer {i + 1} must be at least 1 with width·m ≤ 2^26 (m = {inputs.Count})");
        if (samples is < 1 or > MonteCarloConfiguration.MaxSamples)
            throw new ArgumentOutOfRangeException(nameof(samples), samples, "samples must lie in [1, 2^52]");
        if (!(weightVariance > 0 && weightVariance <= 1e6))
            throw new ArgumentOutOfRangeException(nameof(weightVariance), weightVariance, "the weight variance σ_w² must lie in (0, 1e6]");
        if (!(biasVariance >= 0 && biasVariance <= 1e6))
            throw new ArgumentOutOfRangeException(nameof(biasVariance), biasVariance, "the bias variance σ_b² must lie in [0, 1e6]");
        if (!Enum.IsDefined(weights)) throw new ArgumentOutOfRangeException(nameof(weights), weights, "weights must be Gaussian or Orthogonal");
        if (!Enum.IsDefined(backend)) throw new ArgumentOutOfRangeException(nameof(backend), backend, "backend must be GramChain or Network");
        if (weights == WeightLaw.Orthogonal && backend != BatchBackend.Network)
            throw new ArgumentException("orthogonal weights need the explicit network backend (the Gram chain is exact for Gaussian weights only)", nameof(weights));
        if (!(tolerance > 0 && tolerance < 1))
            throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "the numerical-rank tolerance must lie in (0, 1)");
        Widths = widths.ToArray();
        Inputs = inputs;
        Samples = samples;
        Seed = seed;
        Activation = activation ?? Activation.Relu;
        WeightVariance = weightVariance;
        BiasVariance = biasVariance;
        Weights = weights;
        Backend = backend;
        Tolerance = tolerance;
        TrackGram = trackGram ?? inputs.Count <= 16;
    }

    /// <summary>n₁ … n_L.</summary>
    public IReadOnlyList<int> Widths { get; }

    /// <summary>The batch.</summary>
    public BatchInputs Inputs { get; }

    /// <summary>S.</summary>
    public long Samples { get; }

    /// <summary>The seed.</summary>
    public ulong Seed { get; }

    /// <summary>φ_s.</summary>
    public Activation Activation { get; }

    /// <summary>σ_w².</summary>
    public double WeightVariance { get; }

    /// <summary>σ_b².</summary>
    public double BiasVariance { get; }

    /// <summary>Weight law.</summary>
    public WeightLaw Weights { get; }

    /// <summary>Backend.</summary>
    public BatchBackend Backend { get; }

    /// <summary>τ of the numerical rank.</summary>
    public double Tolerance { get; }

    /// <summary>Whether every Kᵢⱼ is accumulated.</summary>
    public bool TrackGram { get; }

    /// <summary>L.</summary>
    public int Depth => Widths.Count;

    /// <summary>m.</summary>
    public int BatchSize => Inputs.Count;

    /// <summary>The layout of the accumulated values.</summary>
    public BatchLayout Layout => new(Widths, BatchSize, TrackGram);

    /// <summary>Everything that determines the sampled bits, as one string (two runs merge only when these agree).</summary>
    public string Fingerprint() => string.Join(';', new[]
    {
        "widths=" + string.Join(',', Widths), "inputs=" + Inputs.Fingerprint(), "activation=" + Activation.Name,
        "sw2=" + WeightVariance.ToString("R", CultureInfo.InvariantCulture), "sb2=" + BiasVariance.ToString("R", CultureInfo.InvariantCulture),
        "weights=" + Weights, "backend=" + Backend, "samples=" + Samples, "seed=" + Seed,
        "tolerance=" + Tolerance.ToString("R", CultureInfo.InvariantCulture), "gram=" + TrackGram,
    });
}

/// <summary>Where each accumulated value lives: per layer the observables, then (if tracked) Kᵢⱼ for i ≤ j row by row.</summary>
/// <param name="Widths">n₁ … n_L.</param>
/// <param name="BatchSize">m.</param>
/// <param name="TrackGram">Whether the Gram entries follow the observables.</param>
public sealed record BatchLayout(IReadOnlyList<int> Widths, int BatchSize, bool TrackGram)
{
    /// <summary>L.</summary>
    public int Depth => Widths.Count;

    /// <summary>Values per layer.</summary>
    public int ValuesPerLayer => GramObserver.ValuesPerLayer(BatchSize, TrackGram);

    /// <summary>Values per sample, L × <see cref="ValuesPerLayer"/>.</summary>
    public int Slots => Depth * ValuesPerLayer;

    /// <summary>Slot of an observable at layer ℓ ∈ [1, L].</summary>
    public int Slot(int layer, BatchObservable observable) => (layer - 1) * ValuesPerLayer + (int)observable;

    /// <summary>Slot of Kᵢⱼ (i ≤ j) at layer ℓ; only when tracked.</summary>
    public int GramSlot(int layer, int i, int j)
    {
        if (!TrackGram) throw new InvalidOperationException("the Gram entries were not tracked");
        if (i > j) (i, j) = (j, i);
        int before = i * BatchSize - i * (i - 1) / 2; // entries of rows 0 … i−1 (upper triangle incl. diagonal)
        return (layer - 1) * ValuesPerLayer + BatchObservables.Count + before + (j - i);
    }
}
