using System.Globalization;

namespace Degeneracy.Verify.Variability;

/// <summary>
/// A fully connected network with biases, ℝ^{n_in} → d → … → d (L hidden layers) → ℝ^{n_out}:
/// z_k = W_k s_{k−1} + b_k, s_k = φ(z_k) for k = 1 … L (W₁ is d×n_in, the others d×d), then a linear output layer
/// F = W_{L+1} s_L + b_{L+1} (n_out×d) when n_out &gt; 0, or F = s_L when n_out = 0 (Zhang &amp; Yu's eq. 2).
/// Weights: <see cref="WeightDistribution.Gaussian"/> N(0, σ_w²/fan-in) or σ_w times a Haar orthogonal matrix; biases N(0, σ_b²).
/// </summary>
public sealed record BiasedNetworkSpec
{
    /// <summary>Largest input, width and output dimension (4096).</summary>
    public const int MaxDimension = 4096;

    /// <summary>Largest number of hidden layers (4000: every layer needs its own Philox tag).</summary>
    public const int MaxDepth = 4000;

    /// <summary>Validates and builds a spec.</summary>
    /// <param name="inputDimension">n_in ∈ [1, 4096].</param>
    /// <param name="width">d ∈ [1, 4096].</param>
    /// <param name="depth">L ∈ [1, 4000].</param>
    /// <param name="outputDimension">n_out ∈ [0, 4096]; 0 means no output layer.</param>
    /// <param name="activation">φ.</param>
    /// <param name="weights">Gaussian or orthogonal.</param>
    /// <param name="weightVariance">σ_w² ∈ [0, 10⁶], finite.</param>
    /// <param name="biasVariance">σ_b² ∈ [0, 10⁶], finite.</param>
    public BiasedNetworkSpec(int inputDimension, int width, int depth, int outputDimension, NetworkActivation activation,
        WeightDistribution weights, double weightVariance, double biasVariance)
    {
        CheckRange(inputDimension, 1, MaxDimension, nameof(inputDimension));
        CheckRange(width, 1, MaxDimension, nameof(width));
        CheckRange(depth, 1, MaxDepth, nameof(depth));
        CheckRange(outputDimension, 0, MaxDimension, nameof(outputDimension));
        ArgumentNullException.ThrowIfNull(activation);
        if (!Enum.IsDefined(weights)) throw new ArgumentOutOfRangeException(nameof(weights), weights, "weights must be Gaussian or Orthogonal");
        CheckVariance(weightVariance, nameof(weightVariance));
        CheckVariance(biasVariance, nameof(biasVariance));
        InputDimension = inputDimension;
        Width = width;
        Depth = depth;
        OutputDimension = outputDimension;
        Activation = activation;
        Weights = weights;
        WeightVariance = weightVariance;
        BiasVariance = biasVariance;
    }

    /// <summary>n_in.</summary>
    public int InputDimension { get; }

    /// <summary>d, the width of every hidden layer.</summary>
    public int Width { get; }

    /// <summary>L, the number of hidden layers.</summary>
    public int Depth { get; }

    /// <summary>n_out (0: no output layer, F = s_L).</summary>
    public int OutputDimension { get; }

    /// <summary>φ.</summary>
    public NetworkActivation Activation { get; }

    /// <summary>Gaussian or orthogonal weights.</summary>
    public WeightDistribution Weights { get; }

    /// <summary>σ_w².</summary>
    public double WeightVariance { get; }

    /// <summary>σ_b².</summary>
    public double BiasVariance { get; }

    /// <summary>Number of weight-bias layers: L, plus one with an output layer.</summary>
    public int LayerCount => Depth + (OutputDimension > 0 ? 1 : 0);

    /// <summary>Rows of W_k (k = 1 … LayerCount).</summary>
    public int Rows(int layer) => layer <= Depth ? Width : OutputDimension;

    /// <summary>Columns of W_k (k = 1 … LayerCount).</summary>
    public int Columns(int layer) => layer == 1 ? InputDimension : Width;

    /// <summary>Total number of weights and biases: d·n_in + d + (L−1)(d² + d) + n_out·d + n_out.</summary>
    public long ParameterCount => ParameterCountOf(InputDimension, Width, Depth, OutputDimension);

    /// <summary>d·n_in + d + (L−1)(d² + d) + n_out·(d + 1) for any d ≥ 1.</summary>
    public static long ParameterCountOf(int inputDimension, int width, int depth, int outputDimension) =>
        (long)width * inputDimension + width + (long)(depth - 1) * ((long)width * width + width) + (long)outputDimension * (width + 1);

    /// <summary>
    /// The width d ≥ 1 whose <see cref="ParameterCountOf"/> is nearest to <paramref name="parameters"/> (the smaller d on a tie).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">parameters outside [1, 10⁹], depth outside [1, 4000], or the budget
    /// below the count of a width-1 network (the width would be &lt; 1), or the width above 4096.</exception>
    public static int WidthForBudget(long parameters, int depth, int inputDimension = 2, int outputDimension = 2)
    {
        CheckRange(parameters, 1, 1_000_000_000, nameof(parameters));
        CheckRange(depth, 1, MaxDepth, nameof(depth));
        long minimum = ParameterCountOf(inputDimension, 1, depth, outputDimension);
        if (parameters < minimum)
            throw new ArgumentOutOfRangeException(nameof(parameters), parameters,
                $"{parameters} parameters are too few for depth {depth}: even width 1 needs {minimum}");
        int d = 1;
        while (d < MaxDimension && ParameterCountOf(inputDimension, d + 1, depth, outputDimension) <= parameters) d++;
        if (d < MaxDimension && parameters - ParameterCountOf(inputDimension, d, depth, outputDimension)
            > ParameterCountOf(inputDimension, d + 1, depth, outputDimension) - parameters) d++;
        if (d >= MaxDimension && ParameterCountOf(inputDimension, MaxDimension, depth, outputDimension) < parameters)
            throw new ArgumentOutOfRangeException(nameof(parameters), parameters, $"the width for {parameters} parameters at depth {depth} exceeds {MaxDimension}");
        return d;
    }

    /// <summary>One-line description: "relu, gaussian, 2→39×3→2, σ_w² = 2, σ_b² = 1, 3298 parameters".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Activation.Name}, {Weights.ToString().ToLowerInvariant()}, {InputDimension}→{Width}×{Depth}{(OutputDimension > 0 ? "→" + OutputDimension : "")}, σ_w² = {WeightVariance}, σ_b² = {BiasVariance}, {ParameterCount} parameters");

    private static void CheckRange(long value, long min, long max, string name)
    {
        if (value < min || value > max)
            throw new ArgumentOutOfRangeException(name, value, $"{name} must lie in [{min}, {max}]");
    }

    private static void CheckVariance(double value, string name)
    {
        if (!double.IsFinite(value) || value < 0 || value > 1e6)
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number in [0, 1e6]");
    }
}
