using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Degeneracy.Cli.Plotting;
using Degeneracy.Verify.Variability;

namespace Degeneracy.Cli.Commands;

/// <summary>
/// <c>degeneracy landscape --depth L [--activation A] [--params 10000] [--grid 81] [--seed K] [--format text|json]
/// [--out FILE] [--plot FILE.png]</c>: the landscapes z = ‖F_L(x)‖² of nine sampled networks on [−1, 1]² (Zhang &amp; Yu,
/// Appendix A) as a 3 × 3 grid of heat maps, with each sample's range, constancy and V₃ term.
/// </summary>
internal static class LandscapeCommand
{
    private const int Panels = 9;

    public static Command Create(CliContext ctx)
    {
        var network = new NetworkOptions();
        var depth = new Option<int>("--depth") { Description = $"depth L (1 … {BiasedNetworkSpec.MaxDepth})", Required = true, CustomParser = r => InvariantNumber.ParseInt(r) };
        var parameters = new Option<long>("--params") { Description = "total parameter count (the width follows from it; 1 … 10⁹)", DefaultValueFactory = _ => 10_000, CustomParser = r => InvariantNumber.ParseLong(r) };
        var grid = CommonOptions.Integer("--grid", $"grid points per axis ({VariabilityMeasure.MinGridSize} … {VariabilityMeasure.MaxGridSize})", 81, VariabilityMeasure.MinGridSize, VariabilityMeasure.MaxGridSize);
        var seed = CommonOptions.Seed();
        var format = CommonOptions.Format("text", "json");
        var output = CommonOptions.Out();
        var plot = new Option<string?>("--plot") { Description = "draw the nine landscapes as a 3×3 grid of heat maps (PNG)" };

        var cmd = new Command("landscape", "Landscapes ‖F_L(x)‖² over [−1, 1]² of nine sampled networks with biases (Zhang & Yu, Appendix A).");
        foreach (var option in network.All.Concat(new Option[] { depth, parameters, grid, seed, format, output, plot }))
            cmd.Options.Add(option);
        cmd.SetAction(parse =>
        {
            var activations = network.ParseActivations(parse, "relu");
            OptionCheck.That(activations.Count == 1, "--activation: give one activation for landscapes.");
            var act = activations[0];
            int l = OptionCheck.Integer("--depth", parse.GetValue(depth), 1, BiasedNetworkSpec.MaxDepth);
            long budget = OptionCheck.Integer("--params", parse.GetValue(parameters), 1, 1_000_000_000);
            int d = BadInputException.Check("--params", () => BiasedNetworkSpec.WidthForBudget(budget, l));
            int m = parse.GetValue(grid);
            string? plotPath = parse.GetValue(plot);
            if (plotPath is not null)
            {
                OptionCheck.That(Path.GetExtension(plotPath).Equals(".png", StringComparison.OrdinalIgnoreCase), $"--plot: '{plotPath}' must end in .png.");
                AtomicFile.CheckWritable("--plot", plotPath);
            }
            var spec = new BiasedNetworkSpec(2, d, l, 2, act, network.ParseWeights(parse), network.WeightVarianceFor(parse, act), network.BiasVarianceOf(parse));
            ulong k = parse.GetValue(seed);
            var maps = Enumerable.Range(0, Panels).Select(i => VariabilitySampler.Landscape(spec, m, k, i)).ToList();
            var v3 = VariabilitySampler.Run(spec, m, Panels, k);
            string text = parse.GetValue(format) == "json" ? Json(spec, maps, v3, k) : Text(spec, maps, v3, k);
            AtomicFile.WriteTextOrPrint(parse.GetValue(output), text, ctx.Out);
            if (plotPath is not null) LandscapePlot.Save(plotPath, spec, maps, v3);
            return CliRunner.Ok;
        });
        return cmd;
    }

    private static (double Min, double Max) Range(double[,] f)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (double v in f) { min = Math.Min(min, v); max = Math.Max(max, v); }
        return (min, max);
    }

    private static string Text(BiasedNetworkSpec spec, IReadOnlyList<double[,]> maps, VariabilityResult v3, ulong seed)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"landscapes ‖F_L(x)‖² on [−1, 1]², {maps[0].GetLength(0)}×{maps[0].GetLength(0)} grid: {spec}, seed {seed}\n");
        sb.Append("sample        min ‖F‖²        max ‖F‖²   (max − min)/max  constant  V₃ term\n");
        for (int i = 0; i < maps.Count; i++)
        {
            var (min, max) = Range(maps[i]);
            sb.Append(CultureInfo.InvariantCulture, $"{i,6}  {min,14:G6}  {max,14:G6}  {(max > 0 ? (max - min) / max : 0),16:G3}  {(v3.Constant[i] ? "yes" : "no"),8}  {v3.Values[i]:G4}\n");
        }
        return sb.ToString();
    }

    private static string Json(BiasedNetworkSpec spec, IReadOnlyList<double[,]> maps, VariabilityResult v3, ulong seed) =>
        JsonSerializer.Serialize(new
        {
            activation = spec.Activation.Name,
            weights = spec.Weights.ToString().ToLowerInvariant(),
            depth = spec.Depth,
            width = spec.Width,
            parameters = spec.ParameterCount,
            sigmaW2 = spec.WeightVariance,
            sigmaB2 = spec.BiasVariance,
            grid = maps[0].GetLength(0),
            seed,
            samples = maps.Select((f, i) => new { sample = i, min = Range(f).Min, max = Range(f).Max, constant = v3.Constant[i], v3 = v3.Values[i] }),
        }, new JsonSerializerOptions { WriteIndented = true }) + "\n";
}
