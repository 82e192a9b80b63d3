using System.CommandLine;
using System.Globalization;
using Degeneracy.Verify.FiniteWidth;

namespace Degeneracy.Cli.Commands;

/// <summary>
/// <c>degeneracy one-step-table --out FILE [--widths SPEC] [--order 32] [--cells 64] [--pairs 10000000] [--seed 1]
/// [--threads T] [--activation relu|abs]</c>: regenerates the finite-width one-step tables shipped as data/one-step-law.csv
/// (ReLU) and data/one-step-law-abs.csv (abs).
/// </summary>
internal static class OneStepTableCommand
{
    /// <summary>The widths of the shipped table: every n ≤ 40, then a sparser set up to 512 (others interpolate in 1/n).</summary>
    public const string DefaultWidths = "2-40,44,48,52,56,64,72,80,96,112,128,160,192,256,384,512";

    /// <summary>The widths of the shipped abs table.</summary>
    public const string DefaultAbsWidths = "2-16,20,24,28,32,40,48,64,96,128,192,256,384,512,768,1024";

    public static Command Create(CliContext ctx)
    {
        var output = CommonOptions.Out("CSV file to write (atomically)");
        output.Required = true;
        var widths = new Option<string>("--widths") { Description = $"increasing widths in [2, 4096]: single values and ranges a-b, comma-separated (default relu: {DefaultWidths}; abs: {DefaultAbsWidths})" };
        var order = CommonOptions.Integer("--order", "K: K + 1 Chebyshev–Lobatto nodes in θ (2 … 64; the shipped tables use 32)", 32, 2, 64);
        var cells = CommonOptions.Integer("--cells", "cells of the continuous part (4 … 1024)", 64, 4, 1024);
        var pairs = new Option<long>("--pairs") { Description = "sampling budget per node (1e4 … 1e11): ⌈pairs/n⌉ samples for n ≤ 16, fewer beyond (control variates)", DefaultValueFactory = _ => 10_000_000, CustomParser = r => InvariantNumber.ParseLong(r) };
        var seed = CommonOptions.Seed();
        var threads = CommonOptions.Threads();
        var activation = CommonOptions.Activation();
        var cmd = new Command("one-step-table", "Regenerate the tabulated finite-width one-step law (continuous part): node moments by deterministic quadrature, cells by sampling the exact chain.");
        foreach (var o in new Option[] { output, widths, order, cells, pairs, seed, threads, activation }) cmd.Options.Add(o);
        cmd.SetAction(p =>
        {
            var act = p.GetValue(activation)!;
            return Run(ctx, p.GetValue(output)!, p.GetValue(widths) ?? (act.IsRelu ? DefaultWidths : DefaultAbsWidths), p.GetValue(order),
                p.GetValue(cells), p.GetValue(pairs), p.GetValue(seed), p.GetValue(threads), act);
        });
        return cmd;
    }

    private static int Run(CliContext ctx, string path, string widthSpec, int order, int cells, long pairs, ulong seed, int? threads,
        JFunctions.Activation activation)
    {
        OptionCheck.That(OneStepLawTable.IsAvailable(activation), $"--activation: tables are built for relu and abs only, not {activation.Name}.");
        var widths = ParseWidths(widthSpec);
        OptionCheck.Integer("--pairs", pairs, 10_000, 100_000_000_000);
        AtomicFile.Write(path, temp =>
        {
            using var writer = new StreamWriter(temp);
            OneStepLawTableBuilder.Write(writer, widths, order, cells, pairs, seed, threads,
                (n, j) =>
                {
                    if (n == 0) ctx.Err.WriteLine($"moments at node {j} done (quadrature)");
                    else if (j == order) ctx.Err.WriteLine($"width {n} done");
                }, activation);
        });
        ctx.Out.WriteLine($"table written to {Path.GetFullPath(path)}");
        return CliRunner.Ok;
    }

    /// <summary>"a-b" ranges and single widths, comma-separated, increasing, each in [2, 4096].</summary>
    internal static List<int> ParseWidths(string spec)
    {
        var result = new List<int>();
        foreach (var raw in spec.Split(','))
        {
            var ends = raw.Trim().Split('-');
            OptionCheck.That(ends.Length is 1 or 2 && ends.All(e => int.TryParse(e, NumberStyles.None, CultureInfo.InvariantCulture, out _)),
                $"--widths: '{raw.Trim()}' is not a width or a range a-b.");
            int a = int.Parse(ends[0], CultureInfo.InvariantCulture), b = ends.Length == 2 ? int.Parse(ends[1], CultureInfo.InvariantCulture) : a;
            for (int n = a; n <= b; n++)
            {
                OptionCheck.That(n >= 2 && n <= 4096 && (result.Count == 0 || n > result[^1]),
                    $"--widths must list increasing integers in [2, 4096]; got {n} after {(result.Count > 0 ? result[^1] : 0)}.");
                result.Add(n);
            }
        }
        return result;
    }
}
