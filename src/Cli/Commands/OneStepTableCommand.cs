using System.CommandLine;
using Degeneracy.Verify.FiniteWidth;

namespace Degeneracy.Cli.Commands;

/// <summary>
/// <c>degeneracy one-step-table --out FILE [--min-width 2] [--max-width 40] [--order 20] [--cells 64] [--pairs 8000000]
/// [--seed 1] [--threads T]</c>: regenerates the finite-width one-step table shipped as data/one-step-law.csv.
/// </summary>
internal static class OneStepTableCommand
{
    public static Command Create(CliContext ctx)
    {
        var output = new Option<string>("--out") { Description = "CSV file to write (atomically)", Required = true };
        var minWidth = new Option<int>("--min-width") { Description = "smallest width ≥ 2", DefaultValueFactory = _ => 2 };
        var maxWidth = new Option<int>("--max-width") { Description = "largest width ≤ 4096", DefaultValueFactory = _ => 40 };
        var order = new Option<int>("--order") { Description = "K: K + 1 Chebyshev–Lobatto nodes in θ, 2 … 64", DefaultValueFactory = _ => 20 };
        var cells = new Option<int>("--cells") { Description = "cells of the continuous part, 4 … 1024", DefaultValueFactory = _ => 64 };
        var pairs = new Option<long>("--pairs") { Description = "Gaussian pairs sampled per node, 1e4 … 1e11", DefaultValueFactory = _ => 8_000_000 };
        var seed = new Option<ulong>("--seed") { Description = "base seed", DefaultValueFactory = _ => 1UL };
        var threads = new Option<int?>("--threads") { Description = "worker threads (default all cores); does not change the table" };
        var cmd = new Command("one-step-table", "Regenerate the tabulated finite-width one-step law (continuous part) by sampling the exact chain.");
        foreach (var o in new Option[] { output, minWidth, maxWidth, order, cells, pairs, seed, threads }) cmd.Options.Add(o);
        cmd.SetAction(p => Run(ctx, p.GetValue(output)!, p.GetValue(minWidth), p.GetValue(maxWidth), p.GetValue(order), p.GetValue(cells),
            p.GetValue(pairs), p.GetValue(seed), p.GetValue(threads)));
        return cmd;
    }

    private static int Run(CliContext ctx, string path, int minWidth, int maxWidth, int order, int cells, long pairs, ulong seed, int? threads)
    {
        OptionCheck.Integer("--min-width", minWidth, 2, 4096);
        OptionCheck.Integer("--max-width", maxWidth, minWidth, 4096);
        OptionCheck.Integer("--order", order, 2, 64);
        OptionCheck.Integer("--cells", cells, 4, 1024);
        if (pairs < 10_000 || pairs > 100_000_000_000) throw new ArgumentOutOfRangeException("--pairs", pairs, "--pairs must lie in [10000, 100000000000].");
        if (threads is int t) OptionCheck.Integer("--threads", t, 1, 1024);
        string full = Path.GetFullPath(path);
        string temp = full + ".tmp";
        try
        {
            using (var writer = new StreamWriter(temp))
                OneStepLawTableBuilder.Write(writer, minWidth, maxWidth, order, cells, pairs, seed, threads,
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
}
