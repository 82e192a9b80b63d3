using System.CommandLine;
using System.Text;
using Degeneracy.Series.Derivation;

namespace Degeneracy.Cli.Commands;

/// <summary>
/// <c>degeneracy check --quantity mu|sigma2|rho --formula EXPR [--theta-order J] [--n-order K]</c>: expands EXPR to the
/// derivation's orders and compares every coefficient exactly. Exit 0 all match, 1 any mismatch, 2 bad input.
/// </summary>
internal static class CheckCommand
{
    public static Command Create(CliContext ctx)
    {
        var quantity = new Option<string>("--quantity") { Description = "mu, sigma2 or rho", Required = true };
        var formula = new Option<string>("--formula") { Description = "formula in theta, n, pi, J(a,b), ln exp sqrt sin cos arcsin", Required = true };
        var thetaOrder = new Option<int>("--theta-order") { Description = "highest power of θ compared", DefaultValueFactory = _ => 2 };
        var nOrder = new Option<int>("--n-order") { Description = "highest power of 1/n compared", DefaultValueFactory = _ => 1 };
        var cmd = new Command("check", "Hold a published formula against the derivation, coefficient by coefficient.");
        foreach (var o in new Option[] { quantity, formula, thetaOrder, nOrder }) cmd.Options.Add(o);
        cmd.SetAction(p => Run(ctx, p.GetValue(quantity)!, p.GetValue(formula)!, p.GetValue(thetaOrder), p.GetValue(nOrder)));
        return cmd;
    }

    private static int Run(CliContext ctx, string quantity, string formula, int thetaOrder, int nOrder)
    {
        var q = DeriveCommand.ParseQuantities(quantity, allowAll: false)[0];
        OptionCheck.Integer("--theta-order", thetaOrder, 0, Derivation.MaxThetaOrder);
        OptionCheck.Integer("--n-order", nOrder, 0, LogRatioExpansion.MaxOrder);
        FormulaCheckResult r;
        try { r = FormulaCheck.Check(q, formula, thetaOrder, nOrder); }
        catch (Degeneracy.Series.Algebra.SeriesOrderException e) { throw new ArgumentException("--formula: " + e.Message, "--formula", e); }
        catch (ArgumentException e) when (e.ParamName is "formula" or "divisor") { throw new ArgumentException("--formula: " + e.Message, "--formula", e); }
        var sb = new StringBuilder();
        sb.AppendLine($"check {DeriveCommand.Name(q)} through theta^{r.ThetaOrder}, n^-{r.NOrder}");
        foreach (var c in r.Coefficients)
            sb.AppendLine(c.Match
                ? $"  theta^{c.ThetaPower} n^-{c.InvNPower}: match     {c.Derived}"
                : $"  theta^{c.ThetaPower} n^-{c.InvNPower}: MISMATCH  formula {c.Formula}   derived {c.Derived}");
        foreach (var n in r.Notes) sb.AppendLine("  MISMATCH  " + n);
        sb.AppendLine(r.AllMatch ? "all coefficients match" : $"{r.MismatchCount} mismatch(es)");
        ctx.Out.Write(sb.ToString());
        return r.AllMatch ? CliRunner.Ok : CliRunner.Mismatch;
    }
}
