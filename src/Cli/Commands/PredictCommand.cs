using System.CommandLine;
using Degeneracy.Cli.Plotting;
using Degeneracy.JFunctions;
using Degeneracy.Verify.MonteCarlo;
using Degeneracy.Verify.Prediction;

namespace Degeneracy.Cli.Commands;

/// <summary>
/// <c>degeneracy predict --widths SPEC --theta0 T [--method all|NAME,...] [--samples S] [--seed K] [--n-order K]
/// [--activation A] [--plot FILE.png|.svg] [--format text|json|csv]</c> (or <c>--parameters P --depths L,… </c> instead of
/// --widths: the family of networks with about P weights, width round(√(P/L)), final layer only): per-layer mean and sd of ln sin²θ^ℓ from each method (docs/THEORY.md §4), side by
/// side with Monte Carlo, the last layer's errors in nats and standard errors, the fraction of pairs collapsed (predicted by
/// <c>exact</c>, counted by Monte Carlo), and the KS p-values of <c>density</c> and of <c>exact</c>'s continuous part.
/// </summary>
internal static class PredictCommand
{
    public static Command Create(CliContext ctx)
    {
        var widths = CommonOptions.Widths();
        var theta0 = CommonOptions.Theta0();
        var method = new Option<string>("--method") { Description = "all, or a comma-separated list of " + string.Join(", ", PredictionMethods.Names), DefaultValueFactory = _ => "all" };
        var samples = CommonOptions.Samples("also run a Monte Carlo of this many samples (reduced chain)", required: false);
        samples.Aliases.Add("--mc"); // deprecated spelling
        var seed = CommonOptions.Seed();
        var nOrder = CommonOptions.NOrder();
        var plot = new Option<string?>("--plot") { Description = "write a Figure-3-style plot here (.png or .svg)" };
        var format = CommonOptions.Format("text", "json", "csv");
        var json = CommonOptions.JsonAlias();
        var csv = new Option<bool>("--csv") { Description = "deprecated: use --format csv", Hidden = true };
        var activation = CommonOptions.Activation();
        widths.Required = false; // or --parameters with --depths
        var parameters = new Option<int?>("--parameters") { Description = "a family of networks with about this many weights: depth L from --depths, width round(√(P/L)); needs --samples", CustomParser = r => InvariantNumber.ParseInt(r) };
        var depths = new Option<string?>("--depths") { Description = "with --parameters: comma-separated depths, e.g. 3,5,10,20,30,45" };

        var cmd = new Command("predict", "Predict ln sin²θ^ℓ layer by layer for a network, optionally against Monte Carlo.");
        foreach (var option in new Option[] { widths, theta0, method, samples, seed, nOrder, activation, parameters, depths, plot, format, json, csv })
            cmd.Options.Add(option);
        cmd.SetAction(parse => parse.GetValue(parameters) is int p
            ? RunFamily(ctx, parse.GetResult(widths) is not null, p, parse.GetValue(depths), parse.GetValue(theta0), parse.GetValue(method) ?? "all",
                parse.GetValue(samples), parse.GetValue(seed), parse.GetValue(nOrder), parse.GetValue(plot),
                CommonOptions.ResolveFormat(parse.GetValue(format)!, parse.GetValue(json), parse.GetValue(csv)), parse.GetValue(activation)!)
            : Run(ctx, parse.GetValue(widths), parse.GetValue(theta0), parse.GetValue(method) ?? "all",
            parse.GetValue(samples), parse.GetValue(seed), parse.GetValue(nOrder), parse.GetValue(plot),
            CommonOptions.ResolveFormat(parse.GetValue(format)!, parse.GetValue(json), parse.GetValue(csv)), parse.GetValue(activation)!));
        return cmd;
    }

    private static int Run(CliContext ctx, IReadOnlyList<int>? widthsOrNull, double theta0, string methodSpec, long? samples, ulong seed,
        int nOrder, string? plotPath, string format, Activation activation)
    {
        OptionCheck.That(widthsOrNull is not null, "--widths is required (or --parameters with --depths).");
        var widths = widthsOrNull!;
        BadInputException.Check("--widths/--theta0", () => AngleCoordinates.CheckNetwork(widths, theta0));
        var (methods, omitted) = Methods(methodSpec, activation);
        if (!activation.IsRelu && methods.Contains("exact"))
        {
            int max = Degeneracy.Verify.FiniteWidth.OneStepLawTable.For(activation).MaxWidth;
            OptionCheck.That(widths.All(n => n <= max), $"--widths: the {activation.Name} one-step law of --method exact is tabulated up to width {max}.");
        }
        OptionCheck.That(samples is null || widths.Count <= MonteCarloConfiguration.MaxDepth,
            $"--samples: Monte Carlo supports at most {MonteCarloConfiguration.MaxDepth} layers; the network has {widths.Count}.");
        if (plotPath is not null) PredictionPlot.CheckWritable(plotPath);
        bool json = format == "json", csv = format == "csv";

        if (methods.Any(m => m is "series" or "moment" or "density" or "exact-small-angle")) EvalCommand.PrepareSeries(ctx, nOrder, activation ?? Activation.Relu);
        var report = PredictionReport.Compute(widths, theta0, methods, nOrder, samples, seed, activation, omitted);
        foreach (var warning in report.Warnings) ctx.Err.WriteLine("warning: " + warning);
        if (json) ctx.Out.Write(report.ToJson());
        else if (csv) ctx.Out.Write(report.ToCsv());
        else report.WriteTable(ctx.Out);
        if (plotPath is not null)
        {
            PredictionPlot.Save(plotPath, report.Title, report.Theta0, report.Predictions, report.MonteCarlo);
            if (!json && !csv) ctx.Out.WriteLine($"plot written to {Path.GetFullPath(plotPath)}");
        }
        return CliRunner.Ok;
    }

    /// <summary>The methods to run for φ_s and those omitted (ReLU-only methods under "all"; asked for by name: bad input).</summary>
    private static (IReadOnlyList<string> Methods, IReadOnlyList<string> Omitted) Methods(string methodSpec, Activation activation)
    {
        var methods = BadInputException.Check("--method", () => PredictionMethods.ParseList(methodSpec));
        var omitted = methods.Where(m => !PredictionMethods.Supports(m, activation)).ToList();
        if (methodSpec.Trim() != "all")
            OptionCheck.That(omitted.Count == 0, $"--method {string.Join(",", omitted)}: not available for --activation {activation.Name} " +
                "(paper is ReLU only; exact needs a tabulated one-step law: relu, abs).");
        return (methods.Where(m => PredictionMethods.Supports(m, activation)).ToList(), omitted);
    }

    private static int RunFamily(CliContext ctx, bool widthsGiven, int parameters, string? depthSpec, double theta0, string methodSpec,
        long? samples, ulong seed, int nOrder, string? plotPath, string format, Activation activation)
    {
        OptionCheck.That(!widthsGiven, "--parameters and --widths are exclusive.");
        OptionCheck.That(parameters >= 8 && parameters <= 100_000_000, $"--parameters must lie in [8, 10^8]; got {parameters}.");
        OptionCheck.That(!string.IsNullOrWhiteSpace(depthSpec), "--parameters needs --depths (e.g. 3,5,10,20,30,45).");
        OptionCheck.That(samples is not null, "--parameters needs --samples (each network is compared with Monte Carlo).");
        var depths = new List<int>();
        foreach (var part in depthSpec!.Split(','))
        {
            bool ok = int.TryParse(part.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int L);
            OptionCheck.That(ok && L >= 1 && L <= MonteCarloConfiguration.MaxDepth, $"--depths: '{part.Trim()}' is not a depth in [1, {MonteCarloConfiguration.MaxDepth}].");
            depths.Add(L);
        }
        BadInputException.Check("--theta0", () => AngleCoordinates.CheckNetwork([2], theta0));
        var (methods, omitted) = Methods(methodSpec, activation);
        if (plotPath is not null) PredictionPlot.CheckWritable(plotPath);
        var report = ParameterFamilyReport.Compute(parameters, depths, theta0, methods, nOrder, samples!.Value, seed, activation, omitted);
        foreach (var warning in report.Warnings) ctx.Err.WriteLine("warning: " + warning);
        if (format == "json") ctx.Out.Write(report.ToJson());
        else if (format == "csv") ctx.Out.Write(report.ToCsv());
        else report.WriteTable(ctx.Out);
        if (plotPath is not null)
        {
            report.SavePlot(plotPath);
            if (format == "text") ctx.Out.WriteLine($"plot written to {Path.GetFullPath(plotPath)}");
        }
        return CliRunner.Ok;
    }
}
