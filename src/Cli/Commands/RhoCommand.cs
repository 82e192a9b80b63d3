using System.CommandLine;
using System.Globalization;
using Degeneracy.JFunctions;
using Degeneracy.Series.Derivation;
using Degeneracy.Series.Evaluation;
using Degeneracy.Series.SmallAngle;

namespace Degeneracy.Cli.Commands;

/// <summary><c>degeneracy rho --n N [--exact] [--n-order K] [--activation A]</c>: ρ(N) from the derived 1/n-series and/or the exact small-angle law.</summary>
internal static class RhoCommand
{
    public static Command Create(CliContext ctx)
    {
        var n = new Option<int>("--n") { Description = "layer width N ≥ 2", Required = true, CustomParser = r => InvariantNumber.ParseInt(r) };
        var exact = new Option<bool>("--exact") { Description = "also (or only, with --n-order 0) the exact small-angle law" };
        var order = CommonOptions.Integer("--n-order", $"1/n order of the series (1 … {LogRatioExpansion.MaxOrder}); 0 = series off", 3, 0, LogRatioExpansion.MaxOrder);
        order.Aliases.Add("--order");
        var activation = CommonOptions.Activation();
        var cmd = new Command("rho", "ρ(n): width-only drift of ln sin²θ at small angles.");
        foreach (var o in new Option[] { n, exact, order, activation }) cmd.Options.Add(o);
        cmd.SetAction(p => Run(ctx, p.GetValue(n), p.GetValue(exact), p.GetValue(order), p.GetValue(activation)!));
        return cmd;
    }

    private static int Run(CliContext ctx, int n, bool exact, int order, Activation activation)
    {
        OptionCheck.Integer("--n", n, 2, int.MaxValue);
        if ((exact || order == 0) && !ActivationSmallAngleLaw.HasExactValues(activation))
            throw new BadInputException($"--exact: exact small-angle values are available for relu, abs and linear; for {activation.Name} use the series (--n-order 1 … {LogRatioExpansion.MaxOrder}).");
        string F(double x) => x.ToString("R", CultureInfo.InvariantCulture);
        if (!activation.IsRelu) ctx.Out.WriteLine($"activation: {activation.Name}");
        if (order > 0)
        {
            var terms = Derivation.Derive(0, order, activation).Terms(Quantity.Rho);
            double eps = 1.0 / n, sum = 0;
            foreach (var t in terms) sum += t.Value * Math.Pow(eps, t.InvNPower);
            ctx.Out.WriteLine($"series (order {order}): {F(sum)}   = " + string.Join(" + ", terms.Where(t => !t.Coefficient.IsZero).Select(t => $"{t.Coefficient}/n^{t.InvNPower}")));
        }
        if (exact || order == 0)
        {
            var e = ActivationSmallAngleLaw.Evaluate(n, activation);
            ctx.Out.WriteLine($"exact small-angle law: {F(e.Rho)}");
        }
        if (activation.IsRelu) ctx.Out.WriteLine($"published eq. 2: {F(PublishedLaw.Rho(n))}");
        return CliRunner.Ok;
    }
}
