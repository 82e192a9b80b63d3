using System.Globalization;
using Degeneracy.Series.Derivation;
using Degeneracy.Symbolic;

namespace Degeneracy.Bench;

/// <summary>
/// The "expand-published" mode of the bench executable (used by <c>bench/sympy_compare.py</c>): expands μ_pub − ln sin²θ
/// and σ²_pub to θ⁴ ε¹ with <see cref="ExpressionExpansion"/>, timing the first (cold, JIT included) expansion and the
/// best of five warm repeats, and prints the timings and every coefficient as parseable text.
/// </summary>
public static class PublishedExpansion
{
    public const int ThetaOrder = 4, NOrder = 1;

    /// <summary>The two expressions expanded: μ_pub − ln(sin(θ)²) and σ²_pub.</summary>
    public static readonly (string Name, string Formula)[] Formulas =
    [
        ("mu", "(" + PublishedFormulas.MuClosedForm + ") - ln(sin(theta)^2)"),
        ("sigma2", PublishedFormulas.Sigma2ClosedForm),
    ];

    /// <summary>Parses and expands both formulas; returns, per formula, the coefficients (θ power, ε power, value).</summary>
    public static List<List<(int J, int K, PiLaurent C)>> ExpandBoth() => ExpandBoth(ThetaOrder);

    /// <summary>As <see cref="ExpandBoth()"/>, to θ^<paramref name="thetaOrder"/> (ε⁰ and ε¹).</summary>
    public static List<List<(int J, int K, PiLaurent C)>> ExpandBoth(int thetaOrder)
    {
        var all = new List<List<(int, int, PiLaurent)>>();
        foreach (var (_, formula) in Formulas)
        {
            var x = ExpressionExpansion.Expand(ExpressionParser.Parse(formula), thetaOrder, NOrder);
            if (x.HasLogs) throw new InvalidOperationException($"unexpected log terms: ln theta {x.LnTheta}, ln eps {x.LnEps}");
            var list = new List<(int, int, PiLaurent)>();
            for (int k = Math.Min(0, x.Series.EpsValuation); k <= NOrder; k++)
            {
                var s = x.Series[k];
                for (int j = Math.Min(0, s.IsZero ? 0 : s.Valuation); j <= thetaOrder; j++) list.Add((j, k, s[j]));
            }
            all.Add(list);
        }
        return all;
    }

    /// <summary>
    /// The command line <c>expand-published [--cold-only] [--theta-order K]</c> (K in 0 … 64, default 4); exit code 2 on a bad
    /// order. Shared by the bench executable and the small <c>bench/PeersExpand</c> launcher (publishable ahead of time).
    /// </summary>
    public static int CommandLine(string[] args)
    {
        int i = Array.IndexOf(args, "--theta-order");
        int order = ThetaOrder;
        if (i >= 0 && (i + 1 >= args.Length
                       || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out order)
                       || order > 64))
        {
            Console.Error.WriteLine("expand-published: --theta-order must be an integer in [0, 64]");
            return 2;
        }
        return Run(args.Contains("--cold-only"), order);
    }

    /// <summary>
    /// Runs the mode: prints <c>cold_ms</c>, <c>warm_ms</c> and one <c>coef NAME J K TEXT</c> line per coefficient.
    /// With <paramref name="coldOnly"/> (<c>expand-published --cold-only</c>) the warm repeats are skipped, so that the
    /// process wall-clock measures one expansion of each formula. <paramref name="thetaOrder"/> (<c>--theta-order K</c>,
    /// default 4) sets the θ order; the ε order is always 1 (used by <c>bench/peers/run.sh</c>).
    /// </summary>
    public static int Run(bool coldOnly = false, int thetaOrder = ThetaOrder)
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var result = ExpandBoth(thetaOrder);
        double cold = sw.Elapsed.TotalMilliseconds;
        double warm = double.NaN;
        for (int i = 0; i < (coldOnly ? 0 : 5); i++)
        {
            sw.Restart();
            ExpandBoth(thetaOrder);
            warm = double.IsNaN(warm) ? sw.Elapsed.TotalMilliseconds : Math.Min(warm, sw.Elapsed.TotalMilliseconds);
        }
        var ci = CultureInfo.InvariantCulture;
        Console.WriteLine("cold_ms " + cold.ToString("F3", ci));
        Console.WriteLine("warm_ms " + warm.ToString("F3", ci));
        for (int f = 0; f < Formulas.Length; f++)
            foreach (var (j, k, c) in result[f])
                Console.WriteLine($"coef {Formulas[f].Name} {j} {k} {c.Print(PrintFormat.Text)}");
        return 0;
    }
}
