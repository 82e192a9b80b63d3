using System.CommandLine;
using Degeneracy.Verify.Variability;

namespace Degeneracy.Cli.Commands;

/// <summary>
/// The options shared by the commands on networks with biases (<c>variability</c>, <c>landscape</c>, <c>c2c</c>):
/// activation, weight distribution and the two variances.
/// </summary>
internal sealed class NetworkOptions
{
    public Option<string[]> Activations { get; } = new("--activation")
    {
        Description = "relu, abs, linear, leaky:S or sigmoid (repeatable)",
        AllowMultipleArgumentsPerToken = true,
    };

    public Option<string> Weights { get; } = new("--weights") { Description = "gaussian (N(0, σ_w²/fan-in)) or orthogonal (σ_w·Haar)", DefaultValueFactory = _ => "gaussian" };

    public Option<double?> WeightVariance { get; } = new("--sigma-w2")
    {
        Description = "σ_w² (default 2/(1 + s²) for φ_s: 2 for relu, 1 for abs; 1 for sigmoid)",
        CustomParser = r => InvariantNumber.ParseReal(r),
    };

    public Option<double> BiasVariance { get; } = new("--sigma-b2") { Description = "σ_b², the bias variance (default 1)", DefaultValueFactory = _ => 1.0, CustomParser = r => InvariantNumber.ParseReal(r) };

    public IEnumerable<Option> All => [Activations, Weights, WeightVariance, BiasVariance];

    /// <summary>The activations given (or <paramref name="defaults"/>), parsed; bad spelling is bad input.</summary>
    public IReadOnlyList<NetworkActivation> ParseActivations(ParseResult parse, params string[] defaults)
    {
        var given = parse.GetValue(Activations) is { Length: > 0 } a ? a : defaults;
        return given.Select(name => BadInputException.Check("--activation", () => NetworkActivation.Parse(name))).ToList();
    }

    public WeightDistribution ParseWeights(ParseResult parse) =>
        OptionCheck.OneOf("--weights", parse.GetValue(Weights) ?? "gaussian", ["gaussian", "orthogonal"]) == "gaussian"
            ? WeightDistribution.Gaussian : WeightDistribution.Orthogonal;

    /// <summary>σ_w² given or the activation's default; σ's outside [0, 10⁶] or NaN are bad input.</summary>
    public double WeightVarianceFor(ParseResult parse, NetworkActivation activation)
    {
        double v = parse.GetValue(WeightVariance) ?? (activation.IsSigmoid ? 1 : 2 / (1 + Math.Pow(activation.PiecewiseLinear!.SlopeValue, 2)));
        OptionCheck.That(double.IsFinite(v) && v >= 0 && v <= 1e6, $"--sigma-w2 must be a finite number in [0, 1e6]; got {v.ToString(System.Globalization.CultureInfo.InvariantCulture)}.");
        return v;
    }

    public double BiasVarianceOf(ParseResult parse)
    {
        double v = parse.GetValue(BiasVariance);
        OptionCheck.That(double.IsFinite(v) && v >= 0 && v <= 1e6, $"--sigma-b2 must be a finite number in [0, 1e6]; got {v.ToString(System.Globalization.CultureInfo.InvariantCulture)}.");
        return v;
    }

    /// <summary>Parses a depth list: "3,6,9", "3:45:3" (start:end:step) or a mix "1,2,10:50:10"; every depth in [1, 4000].</summary>
    public static IReadOnlyList<int> ParseDepths(string text)
    {
        var depths = new List<int>();
        foreach (var raw in text.Split(','))
        {
            var term = raw.Trim();
            var parts = term.Split(':');
            int[] values = parts.Select(p => int.TryParse(p, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int v) ? v : -1).ToArray();
            if (values.Any(v => v < 1) || parts.Length is not (1 or 3))
                throw new BadInputException($"--depths: '{term}' is not a depth or start:end:step of positive integers.");
            if (parts.Length == 1) depths.Add(values[0]);
            else
            {
                OptionCheck.That(values[0] <= values[1], $"--depths: '{term}' has start > end.");
                for (int l = values[0]; l <= values[1]; l += values[2]) depths.Add(l);
            }
        }
        foreach (int l in depths) OptionCheck.Integer("--depths", l, 1, BiasedNetworkSpec.MaxDepth);
        OptionCheck.That(depths.Count <= 1000, "--depths: at most 1000 depths.");
        return depths;
    }
}
