using System.CommandLine;
using System.Text;
using Degeneracy.Series.Derivation;

namespace Degeneracy.Cli.Commands;

/// <summary>
/// <c>degeneracy check --quantity mu|drift|sigma2|rho --formula EXPR [--theta-order J] [--n-order K]</c>: expands EXPR to
/// the derivation's orders and compares every coefficient exactly. Exit 0 all match, 1 any mismatch, 2 bad input.
/// </summary>
internal static class CheckCommand
{
    public static Command Create(CliContext ctx)
    {
        var quantity = new Option<string>("--quantity") { Description = "mu (a formula for μ itself), drift (μ − ln sin²θ), sigma2 or rho", Required = true };
        var formula = new Option<string>("--formula") { Description = "formula in theta, n, pi, J(a,b), ln exp sqrt sin cos arcsin", Required = true };
        var thetaOrder = CommonOptions.ThetaOrder();
        var nOrder = CommonOptions.NOrder();
        var activation = CommonOptions.Activation();
        var cmd = new Command("check", "Hold a published formula against the derivation, coefficient by coefficient.");
        foreach (var o in new Option[] { quantity, formula, thetaOrder, nOrder, activation }) cmd.Options.Add(o);
        cmd.SetAction(p => Run(ctx, p.GetValue(quantity)!, p.GetValue(formula)!, p.GetValue(thetaOrder), p.GetValue(nOrder), p.GetValue(activation)!));
        return cmd;
    }

    private static int Run(CliContext ctx, string quantity, string formula, int thetaOrder, int nOrder, JFunctions.Activation activation)
    {
        var q = DeriveCommand.ParseQuantities(quantity, allowAll: false)[0];
        OptionCheck.SeriesCost(thetaOrder, nOrder, activation);
        FormulaCheckResult r;
        try { r = q.IsMu ? FormulaCheck.CheckMu(formula, thetaOrder, nOrder, activation) : FormulaCheck.Check(q.Quantity, formula, thetaOrder, nOrder, activation); }
        catch (Degeneracy.Series.Algebra.SeriesOrderException e) { throw new BadInputException("--formula: " + e.Message, e); }
        catch (FormatException e) { throw new BadInputException("--formula: " + e.Message, e); }
        catch (ArgumentException e) when (e.ParamName is "formula" or "divisor") { throw new BadInputException("--formula: " + BadInputException.Plain(e), e); }
        var sb = new StringBuilder();
        if (!activation.IsRelu) sb.AppendLine(DeriveCommand.ActivationNote(activation));
        sb.AppendLine($"check {q.Name} through theta^{r.ThetaOrder}, n^-{r.NOrder}");
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
