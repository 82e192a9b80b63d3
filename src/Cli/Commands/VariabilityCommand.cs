using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Degeneracy.Cli.Plotting;
using Degeneracy.Verify.Variability;

namespace Degeneracy.Cli.Commands;

/// <summary>
/// <c>degeneracy variability [--activation A]… [--weights gaussian|orthogonal] [--params N] [--depths 3:45:3] [--grid 81]
/// [--samples 1000] [--seed K] [--format text|json|csv] [--out FILE] [--plot FILE.png|svg]</c>: Zhang &amp; Yu's V₃ along depth
/// at a fixed parameter count (their Figures 1 and 3).
/// </summary>
internal static class VariabilityCommand
{
    public static Command Create(CliContext ctx)
    {
        var network = new NetworkOptions();
        var parameters = new Option<long>("--params") { Description = "total parameter count to hold fixed (the width follows from it; 1 … 10⁹)", DefaultValueFactory = _ => 3300, CustomParser = r => InvariantNumber.ParseLong(r) };
        var depths = new Option<string>("--depths") { Description = "depths L: a list and/or start:end:step ranges, e.g. 3:45:3 or 2,10,20,40", DefaultValueFactory = _ => "3:45:3" };
        var grid = CommonOptions.Integer("--grid", $"grid points per axis on [−1, 1]² ({VariabilityMeasure.MinGridSize} … {VariabilityMeasure.MaxGridSize})", 81, VariabilityMeasure.MinGridSize, VariabilityMeasure.MaxGridSize);
        var samples = CommonOptions.Samples("parameter samples per depth", required: false, min: 1);
        var seed = CommonOptions.Seed();
        var threads = CommonOptions.Threads();
        var format = CommonOptions.Format("text", "json", "csv");
        var output = CommonOptions.Out();
        var plot = new Option<string?>("--plot") { Description = "also draw log₁₀ V₃ against L (PNG or SVG by extension)" };

        var cmd = new Command("variability", "Zhang & Yu's variability V₃ (third differences of ‖F_L‖² on a grid, geometric mean over parameter samples) along depth at a fixed parameter count.");
        foreach (var option in network.All.Concat(new Option[] { parameters, depths, grid, samples, seed, threads, format, output, plot }))
            cmd.Options.Add(option);
        cmd.SetAction(parse =>
        {
            var activations = network.ParseActivations(parse, "relu");
            var weights = network.ParseWeights(parse);
            double biasVariance = network.BiasVarianceOf(parse);
            var depthList = NetworkOptions.ParseDepths(parse.GetValue(depths)!);
            long budget = OptionCheck.Integer("--params", parse.GetValue(parameters), 1, 1_000_000_000);
            int s = (int)OptionCheck.Integer("--samples", parse.GetValue(samples) ?? 1000, 1, VariabilitySampler.MaxSamples);
            int m = parse.GetValue(grid);
            string? plotPath = parse.GetValue(plot);
            if (plotPath is not null) PlotFiles.CheckWritable(plotPath);
            var specs = activations.SelectMany(act => depthList.Select(l =>
            {
                int d = BadInputException.Check("--params", () => BiasedNetworkSpec.WidthForBudget(budget, l));
                return new BiasedNetworkSpec(2, d, l, 2, act, weights, network.WeightVarianceFor(parse, act), biasVariance);
            })).ToList();
            ulong k = parse.GetValue(seed);
            int? t = parse.GetValue(threads);
            var results = ProgressDisplay.Run(ctx, "V₃", next => specs.Select(spec =>
                VariabilitySampler.Run(spec, m, s, k, new VariabilityRunOptions { Threads = t, Progress = next() })).ToList());
            string text = parse.GetValue(format) switch
            {
                "json" => Json(results, budget),
                "csv" => Csv(results),
                _ => Text(results, budget),
            };
            AtomicFile.WriteTextOrPrint(parse.GetValue(output), text, ctx.Out);
            if (plotPath is not null) VariabilityPlot.Save(plotPath, results, budget);
            return CliRunner.Ok;
        });
        return cmd;
    }

    private static string G(double v) => double.IsFinite(v) ? v.ToString("0.###e+00", CultureInfo.InvariantCulture) : "—";

    private static string Text(IReadOnlyList<VariabilityResult> results, long budget)
    {
        var sb = new StringBuilder();
        foreach (var group in results.GroupBy(r => r.Spec.Activation.Name))
        {
            var first = group.First();
            sb.Append(CultureInfo.InvariantCulture, $"V₃ (Zhang & Yu eq. 5): {first.Spec.Activation.Name}, {first.Spec.Weights.ToString().ToLowerInvariant()} weights, σ_w² = {first.Spec.WeightVariance.ToString(CultureInfo.InvariantCulture)}, σ_b² = {first.Spec.BiasVariance.ToString(CultureInfo.InvariantCulture)}, ≈{budget} parameters, {first.GridSize}×{first.GridSize} grid, {first.Count} samples, seed {first.Seed}\n");
            sb.Append("   L     d   params  V₃ (geo. mean)  zero  constant  geo. mean of v > 0  SE of mean ln v\n");
            foreach (var r in group)
                sb.Append(CultureInfo.InvariantCulture, $"{r.Spec.Depth,4}  {r.Spec.Width,4}  {r.Spec.ParameterCount,7}  {G(r.GeometricMean),14}  {r.ZeroCount,4}  {r.ConstantCount,8}  {G(r.GeometricMeanOfPositive),18}  {r.MeanLogStdError,15:F3}\n");
            var vanish = group.FirstOrDefault(r => r.ZeroCount > 0);
            sb.Append(vanish is null ? "no depth with a zero sample\n" : $"first depth with a zero sample (geometric mean 0): L = {vanish.Spec.Depth}\n");
        }
        return sb.ToString();
    }

    private static string Csv(IReadOnlyList<VariabilityResult> results)
    {
        var sb = new StringBuilder("activation,weights,sigma_w2,sigma_b2,depth,width,parameters,grid,samples,v3,zero,constant,v3_positive,mean_ln_v,se_mean_ln_v\n");
        foreach (var r in results)
            sb.Append(CultureInfo.InvariantCulture, $"{r.Spec.Activation.Name},{r.Spec.Weights.ToString().ToLowerInvariant()},{r.Spec.WeightVariance:R},{r.Spec.BiasVariance:R},{r.Spec.Depth},{r.Spec.Width},{r.Spec.ParameterCount},{r.GridSize},{r.Count},{r.GeometricMean:R},{r.ZeroCount},{r.ConstantCount},{r.GeometricMeanOfPositive:R},{r.MeanLog:R},{r.MeanLogStdError:R}\n");
        return sb.ToString();
    }

    private static string Json(IReadOnlyList<VariabilityResult> results, long budget)
    {
        var rows = results.Select(r => new Dictionary<string, object?>
        {
            ["activation"] = r.Spec.Activation.Name,
            ["weights"] = r.Spec.Weights.ToString().ToLowerInvariant(),
            ["sigmaW2"] = r.Spec.WeightVariance,
            ["sigmaB2"] = r.Spec.BiasVariance,
            ["depth"] = r.Spec.Depth,
            ["width"] = r.Spec.Width,
            ["parameters"] = r.Spec.ParameterCount,
            ["grid"] = r.GridSize,
            ["samples"] = r.Count,
            ["seed"] = r.Seed,
            ["v3"] = r.GeometricMean,
            ["zeroSamples"] = r.ZeroCount,
            ["constantSamples"] = r.ConstantCount,
            ["v3OfPositive"] = Finite(r.GeometricMeanOfPositive),
            ["meanLnV"] = Finite(r.MeanLog),
            ["meanLnVStdError"] = Finite(r.MeanLogStdError),
            ["elapsedSeconds"] = Math.Round(r.Elapsed.TotalSeconds, 3),
        });
        return JsonSerializer.Serialize(new { parameterBudget = budget, rows }, new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    internal static double? Finite(double v) => double.IsFinite(v) ? v : null;
}
