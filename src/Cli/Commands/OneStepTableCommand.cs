using System.CommandLine;
using Degeneracy.Verify.FiniteWidth;

namespace Degeneracy.Cli.Commands;

/// <summary>
/// <c>degeneracy one-step-table --out FILE [--widths SPEC] [--order 16] [--cells 64] [--pairs 6000000] [--seed 1]
/// [--threads T]</c>: regenerates the finite-width one-step table shipped as data/one-step-law.csv.
/// </summary>
internal static class OneStepTableCommand
{
    public static Command Create(CliContext ctx)
    {
        var output = new Option<string>("--out") { Description = "CSV file to write (atomically)", Required = true };
        var widths = new Option<string>("--widths") { Description = "increasing widths in [2, 4096] (the shipped table's by default)", DefaultValueFactory = _ => DefaultWidths };
        var order = new Option<int>("--order") { Description = "K: K + 1 Chebyshev–Lobatto nodes in θ, 2 … 64", DefaultValueFactory = _ => 16 };
        var cells = new Option<int>("--cells") { Description = "cells of the continuous part, 4 … 1024", DefaultValueFactory = _ => 64 };
        var pairs = new Option<long>("--pairs") { Description = "Gaussian pairs sampled per node, 1e4 … 1e11", DefaultValueFactory = _ => 6_000_000 };
        var seed = new Option<ulong>("--seed") { Description = "base seed", DefaultValueFactory = _ => 1UL };
        var threads = new Option<int?>("--threads") { Description = "worker threads (default all cores); does not change the table" };
        var cmd = new Command("one-step-table", "Regenerate the tabulated finite-width one-step law (continuous part) by sampling the exact chain.");
        foreach (var o in new Option[] { output, widths, order, cells, pairs, seed, threads }) cmd.Options.Add(o);
        cmd.SetAction(p => Run(ctx, p.GetValue(output)!, p.GetValue(widths) ?? DefaultWidths, p.GetValue(order), p.GetValue(cells),
            p.GetValue(pairs), p.GetValue(seed), p.GetValue(threads)));
        return cmd;
    }

    /// <summary>The widths of the shipped table: every n ≤ 64, then a sparser set up to 512 (others interpolate in 1/n).</summary>
    public const string DefaultWidths = "2-64,72,80,96,112,128,160,192,256,384,512";

    private static int Run(CliContext ctx, string path, string widthSpec, int order, int cells, long pairs, ulong seed, int? threads)
    {
        var widths = ParseWidths(widthSpec);
        OptionCheck.Integer("--order", order, 2, 64);
        OptionCheck.Integer("--cells", cells, 4, 1024);
        if (pairs < 10_000 || pairs > 100_000_000_000) throw new ArgumentOutOfRangeException("--pairs", pairs, "--pairs must lie in [10000, 100000000000].");
        if (threads is int t) OptionCheck.Integer("--threads", t, 1, 1024);
        string full = Path.GetFullPath(path);
        string temp = full + ".tmp";
        try
        {
            using (var writer = new StreamWriter(temp))
                OneStepLawTableBuilder.Write(writer, widths, order, cells, pairs, seed, threads,
                    (n, j) => { if (j == order) ctx.Err.WriteLine($"width {n} done"); });
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
        ctx.Out.WriteLine($"table written to {full}");
        return CliRunner.Ok;
    }

    /// <summary>"a-b" ranges and single widths, comma-separated, increasing, each in [2, 4096].</summary>
    internal static List<int> ParseWidths(string spec)
    {
        var result = new List<int>();
        foreach (var raw in spec.Split(','))
        {
            var part = raw.Trim();
            var ends = part.Split('-');
            if (ends.Length is < 1 or > 2 || !ends.All(e => int.TryParse(e, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _)))
                throw new FormatException($"--widths: '{part}' is not a width or a range a-b");
            int a = int.Parse(ends[0], System.Globalization.CultureInfo.InvariantCulture), b = ends.Length == 2 ? int.Parse(ends[1], System.Globalization.CultureInfo.InvariantCulture) : a;
            for (int n = a; n <= b; n++)
            {
                if (n < 2 || n > 4096 || (result.Count > 0 && n <= result[^1]))
                    throw new ArgumentOutOfRangeException("--widths", n, "--widths must list increasing integers in [2, 4096].");
                result.Add(n);
            }
        }
        return result;
    }
}
