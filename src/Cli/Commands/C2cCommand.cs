using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Degeneracy.Cli.Plotting;
using Degeneracy.Verify.Variability;

namespace Degeneracy.Cli.Commands;

/// <summary>
/// <c>degeneracy c2c [--activation relu --activation abs] [--width 32] [--depth 1000] [--samples 200] [--weights …]
/// [--sigma-w2 V] [--sigma-b2 V] [--seed K] [--format text|json|csv] [--out FILE] [--plot FILE]</c>: spectral norms of
/// Zhang &amp; Yu's C- and G-matrices along depth (their Figure 2), averaged as log₁₀ over networks and input pairs.
/// </summary>
internal static class C2cCommand
{
    public static Command Create(CliContext ctx)
    {
        var network = new NetworkOptions();
        var width = CommonOptions.Integer("--width", "width d = input dimension of the square network ℝ^d → ℝ^d (1 … 4096)", 32, 1, BiasedNetworkSpec.MaxDimension);
        var depth = CommonOptions.Integer("--depth", $"largest depth L (1 … {BiasedNetworkSpec.MaxDepth})", 1000, 1, BiasedNetworkSpec.MaxDepth);
        var samples = CommonOptions.Samples("networks (each with its own random input pair)", required: false);
        var seed = CommonOptions.Seed();
        var threads = CommonOptions.Threads();
        var format = CommonOptions.Format("text", "json", "csv");
        var output = CommonOptions.Out();
        var plot = new Option<string?>("--plot") { Description = "also draw log₁₀ of the three norms against L (PNG or SVG)" };

        var cmd = new Command("c2c", "Collapse to constants: spectral norms of the C-matrix C_L(x, x̄) and the G-matrices G_L(x), G_L(x̄) along depth (Zhang & Yu, Figure 2).");
        foreach (var option in network.All.Concat(new Option[] { width, depth, samples, seed, threads, format, output, plot }))
            cmd.Options.Add(option);
        cmd.SetAction(parse =>
        {
            var activations = network.ParseActivations(parse, "relu", "abs");
            var weights = network.ParseWeights(parse);
            double biasVariance = network.BiasVarianceOf(parse);
            int d = parse.GetValue(width), l = parse.GetValue(depth);
            int s = (int)OptionCheck.Integer("--samples", parse.GetValue(samples) ?? 200, 2, CgMatrixSampler.MaxSamples);
            string? plotPath = parse.GetValue(plot);
            if (plotPath is not null) PlotFiles.CheckWritable(plotPath);
            var specs = activations.Select(act => new BiasedNetworkSpec(d, d, l, 0, act, weights, network.WeightVarianceFor(parse, act), biasVariance)).ToList();
            ulong k = parse.GetValue(seed);
            int? t = parse.GetValue(threads);
            var runs = ProgressDisplay.Run(ctx, "C/G matrices", next => specs.Select(spec =>
                (Spec: spec, Rows: CgMatrixSampler.Run(spec, s, k, t, next()))).ToList());
            string text = parse.GetValue(format) switch
            {
                "json" => Json(runs, s, k),
                "csv" => Csv(runs),
                _ => Text(runs, s, k),
            };
            AtomicFile.WriteTextOrPrint(parse.GetValue(output), text, ctx.Out);
            if (plotPath is not null) CgPlot.Save(plotPath, runs, s);
            return CliRunner.Ok;
        });
        return cmd;
    }

    /// <summary>Depths shown in the text table: 1, 2, 5, 10, 20, 50, … up to L, and L.</summary>
    private static IEnumerable<int> TableDepths(int depth)
    {
        for (int decade = 1; decade <= depth; decade *= 10)
            foreach (int m in new[] { 1, 2, 5 })
                if (m * decade < depth) yield return m * decade;
        yield return depth;
    }

    private static string Text(IReadOnlyList<(BiasedNetworkSpec Spec, IReadOnlyList<CgDepthStatistics> Rows)> runs, int samples, ulong seed)
    {
        var sb = new StringBuilder();
        foreach (var (spec, rows) in runs)
        {
            sb.Append(CultureInfo.InvariantCulture, $"C- and G-matrices (Zhang & Yu eqs. 7–9): {spec}, {samples} networks with random input pairs, seed {seed}\n");
            sb.Append("     L  log₁₀‖C_L‖ ± SE    log₁₀‖G_L(x)‖ ± SE  log₁₀‖G_L(x̄)‖ ± SE  log₁₀(‖C‖/‖G‖) ± SE  met  C=0  G=0\n");
            foreach (int l in TableDepths(spec.Depth))
            {
                var r = rows[l - 1];
                sb.Append(CultureInfo.InvariantCulture, $"{l,6}  {r.MeanLog10C,8:F3} ± {r.StdErrorLog10C,5:F3}  {r.MeanLog10G,8:F3} ± {r.StdErrorLog10G,5:F3}    {r.MeanLog10GBar,8:F3} ± {r.StdErrorLog10GBar,5:F3}   {r.MeanLog10COverG,8:F3} ± {r.StdErrorLog10COverG,5:F3}  {r.Collapsed,4}  {r.ZeroC,3}  {r.ZeroG,3}\n");
            }
        }
        if (runs.Count >= 2)
        {
            var a = runs[0].Rows[^1];
            var b = runs[1].Rows[^1];
            sb.Append(CultureInfo.InvariantCulture, $"at L = {runs[0].Spec.Depth}: log₁₀‖C‖ of {runs[1].Spec.Activation.Name} − {runs[0].Spec.Activation.Name} = {b.MeanLog10C - a.MeanLog10C:F2} ± {Math.Sqrt(a.StdErrorLog10C * a.StdErrorLog10C + b.StdErrorLog10C * b.StdErrorLog10C):F2} decades\n");
        }
        sb.Append("met: networks whose two inputs have met exactly (z = z̄) by depth L; from there the convention 0/0 = 1 makes D_φ = I.\n");
        sb.Append("C=0, G=0: networks whose matrix is exactly 0 (a layer with every unit negative); means are over the others.\n");
        return sb.ToString();
    }

    private static string Csv(IReadOnlyList<(BiasedNetworkSpec Spec, IReadOnlyList<CgDepthStatistics> Rows)> runs)
    {
        var sb = new StringBuilder("activation,weights,width,sigma_w2,sigma_b2,depth,samples,log10_c,se_log10_c,log10_g,se_log10_g,log10_gbar,se_log10_gbar,log10_c_over_g,se_log10_c_over_g,met,zero_c,zero_g\n");
        foreach (var (spec, rows) in runs)
            foreach (var r in rows)
                sb.Append(CultureInfo.InvariantCulture, $"{spec.Activation.Name},{spec.Weights.ToString().ToLowerInvariant()},{spec.Width},{spec.WeightVariance:R},{spec.BiasVariance:R},{r.Depth},{r.Count},{r.MeanLog10C:R},{r.StdErrorLog10C:R},{r.MeanLog10G:R},{r.StdErrorLog10G:R},{r.MeanLog10GBar:R},{r.StdErrorLog10GBar:R},{r.MeanLog10COverG:R},{r.StdErrorLog10COverG:R},{r.Collapsed},{r.ZeroC},{r.ZeroG}\n");
        return sb.ToString();
    }

    private static string Json(IReadOnlyList<(BiasedNetworkSpec Spec, IReadOnlyList<CgDepthStatistics> Rows)> runs, int samples, ulong seed)
    {
        var body = runs.Select(run => new
        {
            activation = run.Spec.Activation.Name,
            weights = run.Spec.Weights.ToString().ToLowerInvariant(),
            width = run.Spec.Width,
            sigmaW2 = run.Spec.WeightVariance,
            sigmaB2 = run.Spec.BiasVariance,
            samples,
            seed,
            depths = run.Rows.Select(r => new
            {
                depth = r.Depth,
                log10C = VariabilityCommand.Finite(r.MeanLog10C),
                log10CStdError = VariabilityCommand.Finite(r.StdErrorLog10C),
                log10G = VariabilityCommand.Finite(r.MeanLog10G),
                log10GStdError = VariabilityCommand.Finite(r.StdErrorLog10G),
                log10GBar = VariabilityCommand.Finite(r.MeanLog10GBar),
                log10GBarStdError = VariabilityCommand.Finite(r.StdErrorLog10GBar),
                log10COverG = VariabilityCommand.Finite(r.MeanLog10COverG),
                log10COverGStdError = VariabilityCommand.Finite(r.StdErrorLog10COverG),
                met = r.Collapsed,
                zeroC = r.ZeroC,
                zeroG = r.ZeroG,
            }),
        });
        return JsonSerializer.Serialize(new { runs = body }, new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }
}
