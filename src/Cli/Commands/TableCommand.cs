using System.CommandLine;
using System.Globalization;
using Degeneracy.Verify.MonteCarlo;
using Degeneracy.Verify.Prediction;
using MathNet.Numerics.Statistics;

namespace Degeneracy.Cli.Commands;

/// <summary>
/// <c>degeneracy table --samples S [--seed K] [--n-order K]</c>: for each of the depth-degeneracy paper's 25 architectures (Tables 2
/// and 4, orthogonal inputs θ⁰ = π/2) every method's predicted final ln sin²θ^L and the Monte Carlo value, then the
/// Spearman correlation of each with the published test accuracies (MNIST, FMNIST, CIFAR-10).
/// </summary>
internal static class TableCommand
{
    public static Command Create(CliContext ctx)
    {
        var mc = CommonOptions.Samples("Monte Carlo samples per architecture", required: true);
        mc.Aliases.Add("--mc"); // deprecated spelling
        var seed = CommonOptions.Seed();
        var nOrder = CommonOptions.NOrder();
        var cmd = new Command("table", "The depth-degeneracy paper's 25 architectures: predicted and Monte Carlo final ln sin²θ^L against published accuracy.");
        cmd.Options.Add(mc);
        cmd.Options.Add(seed);
        cmd.Options.Add(nOrder);
        cmd.SetAction(parse => Run(ctx, parse.GetValue(mc)!.Value, parse.GetValue(seed), parse.GetValue(nOrder)));
        return cmd;
    }

    /// <summary>The embedded <c>data/paper-architectures.csv</c>.</summary>
    public static IReadOnlyList<PaperArchitecture> LoadArchitectures()
    {
        using var stream = typeof(TableCommand).Assembly.GetManifestResourceStream("Degeneracy.Cli.paper-architectures.csv")
            ?? throw new InvalidOperationException("the embedded resource paper-architectures.csv is missing");
        using var reader = new StreamReader(stream);
        return PaperArchitecture.Parse(reader);
    }

    private static int Run(CliContext ctx, long samples, ulong seed, int nOrder)
    {
        var architectures = LoadArchitectures();
        var methods = PredictionMethods.Names.Select(m => PredictionMethods.Create(m, nOrder)).ToList();
        var columns = methods.Select(m => m.Name).Append("MC").ToList();
        var finals = columns.ToDictionary(c => c, _ => new List<double>());
        var rows = new List<string[]>();
        foreach (var a in architectures)
        {
            var row = new List<string> { a.Network.ToString(CultureInfo.InvariantCulture), Compact(a.Widths) };
            double? collapsed = null;
            foreach (var m in methods)
            {
                var final = m.Predict(a.Widths, a.Theta0).Final;
                finals[m.Name].Add(final.Mean);
                row.Add(F(final.Mean));
                collapsed ??= final.Collapsed;
            }
            var result = ReducedChainSampler.Run(a.Widths, a.Theta0, samples, seed);
            var last = result.Layers[^1];
            finals["MC"].Add(last.Mean);
            row.Add($"{F(last.Mean)} ± {F(last.MeanStdError)}");
            double mcCollapsed = (double)result.Layers.Sum(l => l.Degenerate) / samples;
            row.Add(collapsed is double c ? F(c, 4) : "");
            row.Add($"{F(mcCollapsed, 4)} ± {F(Math.Sqrt(mcCollapsed * (1 - mcCollapsed) / samples), 4)}");
            row.Add(F(a.Mnist.Mean, 3));
            row.Add(F(a.FashionMnist.Mean, 3));
            row.Add(F(a.Cifar.Mean, 3));
            rows.Add([.. row]);
        }
        string[] header = ["#", "hidden widths", .. columns.Select(c => c == "MC" ? "MC ± se" : c), "collapsed (exact)", "collapsed (MC) ± se", "MNIST", "FMNIST", "CIFAR"];
        ctx.Out.WriteLine($"Final ln sin²θ^L of the depth-degeneracy paper's architectures (θ⁰ = π/2; Monte Carlo {samples} samples, seed {seed}):");
        WriteAligned(ctx.Out, header, rows);
        ctx.Out.WriteLine();
        ctx.Out.WriteLine("Spearman correlation of the final ln sin²θ^L with the published mean test accuracy (n = " +
                          architectures.Count.ToString(CultureInfo.InvariantCulture) + "):");
        var accuracy = new Dictionary<string, double[]>
        {
            ["MNIST"] = architectures.Select(a => a.Mnist.Mean).ToArray(),
            ["FMNIST"] = architectures.Select(a => a.FashionMnist.Mean).ToArray(),
            ["CIFAR"] = architectures.Select(a => a.Cifar.Mean).ToArray(),
        };
        var corrRows = columns.Select(c => new[] { c }.Concat(accuracy.Values.Select(acc => F(Correlation.Spearman(finals[c], acc), 3))).ToArray()).ToList();
        WriteAligned(ctx.Out, ["prediction", .. accuracy.Keys], corrRows);
        return CliRunner.Ok;
    }

    private static string F(double x, int digits = 3) => x.ToString("F" + digits, CultureInfo.InvariantCulture);

    private static string Compact(IReadOnlyList<int> widths) => Degeneracy.Verify.WidthSpec.Parse(string.Join(',', widths)).ToString();

    private static void WriteAligned(TextWriter output, string[] header, List<string[]> rows)
    {
        var all = new List<string[]> { header };
        all.AddRange(rows);
        var widths = Enumerable.Range(0, header.Length).Select(c => all.Max(r => r[c].Length)).ToArray();
        foreach (var r in all)
            output.WriteLine(string.Join("  ", r.Select((cell, c) => c == 1 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))).TrimEnd());
    }
}
