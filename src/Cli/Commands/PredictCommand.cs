using System.CommandLine;
using Degeneracy.Verify.FiniteWidth;
using Degeneracy.Cli.Plotting;
using Degeneracy.Verify.MonteCarlo;
using Degeneracy.Verify.Prediction;

namespace Degeneracy.Cli.Commands;

/// <summary>
/// <c>degeneracy predict --widths SPEC --theta0 T [--method all|NAME,...] [--samples S] [--seed K] [--n-order K]
/// [--plot FILE.png|.svg] [--format text|json|csv]</c>: per-layer mean and sd of ln sin²θ^ℓ from each method (docs/THEORY.md §4), side by
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
        activation.Description = "activation φ_s: relu (all methods) or abs (--method exact only)";

        var cmd = new Command("predict", "Predict ln sin²θ^ℓ layer by layer for a network, optionally against Monte Carlo.");
        foreach (var option in new Option[] { widths, theta0, method, samples, seed, nOrder, plot, format, json, csv, activation })
            cmd.Options.Add(option);
        cmd.SetAction(parse => Run(ctx, parse.GetValue(widths)!, parse.GetValue(theta0), parse.GetValue(method) ?? "all",
            parse.GetValue(samples), parse.GetValue(seed), parse.GetValue(nOrder), parse.GetValue(plot),
            CommonOptions.ResolveFormat(parse.GetValue(format)!, parse.GetValue(json), parse.GetValue(csv)), parse.GetValue(activation)!));
        return cmd;
    }

    private static int Run(CliContext ctx, IReadOnlyList<int> widths, double theta0, string methodSpec, long? samples, ulong seed,
        int nOrder, string? plotPath, string format, JFunctions.Activation activation)
    {
        BadInputException.Check("--widths/--theta0", () => AngleCoordinates.CheckNetwork(widths, theta0));
        var methods = BadInputException.Check("--method", () => PredictionMethods.ParseList(methodSpec));
        if (!activation.IsRelu)
        {
            OptionCheck.That(OneStepLawTable.IsAvailable(activation),
                $"--activation: predictions are available for relu and abs, not {activation.Name}.");
            OptionCheck.That(methodSpec.Trim() == "all" || methods.All(m => m == "exact"),
                $"--activation {activation.Name}: only --method exact supports it.");
            methods = ["exact"];
            OptionCheck.That(widths.All(n => n <= OneStepLawTable.For(activation).MaxWidth),
                $"--widths: the {activation.Name} one-step law is tabulated up to width {OneStepLawTable.For(activation).MaxWidth}.");
        }
        OptionCheck.That(samples is null || widths.Count <= MonteCarloConfiguration.MaxDepth,
            $"--samples: Monte Carlo supports at most {MonteCarloConfiguration.MaxDepth} layers; the network has {widths.Count}.");
        if (plotPath is not null) PredictionPlot.CheckWritable(plotPath);
        bool json = format == "json", csv = format == "csv";

        var report = PredictionReport.Compute(widths, theta0, methods, nOrder, samples, seed, activation);
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
}
