using System.CommandLine;
using System.Globalization;
using Degeneracy.JFunctions;
using Degeneracy.Series.Evaluation;
using Degeneracy.Series.SmallAngle;
using Degeneracy.Symbolic;

namespace Degeneracy.Cli.Commands;

/// <summary>
/// <c>degeneracy rho --n N [--exact] [--n-order K] [--variance] [--activation A]</c>: ρ(N) (and σ²(0, N)) from the exact
/// 1/n expansion of the small-angle law and/or its exact finite-N value.
/// </summary>
internal static class RhoCommand
{
    public static Command Create(CliContext ctx)
    {
        var n = new Option<int>("--n") { Description = "layer width N ≥ 2", Required = true, CustomParser = r => InvariantNumber.ParseInt(r) };
        var exact = new Option<bool>("--exact") { Description = "also (or only, with --n-order 0) the exact small-angle law at width N" };
        var order = new Option<int>("--n-order")
        {
            Description = $"1/n order of the series: relu, abs, linear 1 … {SmallAngleLaw.MaxSeriesOrder}, other slopes any order within the time guard (DEGENERACY_MAX_SECONDS); 0 = series off",
            DefaultValueFactory = _ => 3,
            CustomParser = r => InvariantNumber.ParseInt(r),
        };
        order.Aliases.Add("--order");
        var variance = new Option<bool>("--variance") { Description = "also σ²(0, N) = lim_{θ→0} Var[ln sin²θ' − ln sin²θ]" };
        var activation = CommonOptions.Activation();
        var cmd = new Command("rho", "ρ(n): width-only drift of ln sin²θ at small angles (and σ²(0, n)).");
        foreach (var o in new Option[] { n, exact, order, variance, activation }) cmd.Options.Add(o);
        cmd.SetAction(p => Run(ctx, p.GetValue(n), p.GetValue(exact), p.GetValue(order), p.GetValue(variance), p.GetValue(activation)!));
        return cmd;
    }

    private static int Run(CliContext ctx, int n, bool exact, int order, bool withVariance, Activation activation)
    {
        OptionCheck.Integer("--n", n, 2, int.MaxValue);
        OptionCheck.That(order >= 0, $"--n-order must be a non-negative integer; got {order}.");
        if (ActivationSmallAngleLaw.Refusal(order, activation) is { } why) OptionCheck.That(false, $"--n-order {order}: {why}");
        string F(double x) => x.ToString("R", CultureInfo.InvariantCulture);
        if (!activation.IsRelu) ctx.Out.WriteLine($"activation: {activation.Name}");
        if (order > 0)
        {
            var (rho, sigma2) = ActivationSmallAngleLaw.Series(order, activation);
            ctx.Out.WriteLine($"series (order {order}): {F(SmallAngleLaw.SumSeries(rho, n))}   = {Terms(rho)}");
            if (withVariance) ctx.Out.WriteLine($"sigma2 series (order {order}): {F(SmallAngleLaw.SumSeries(sigma2, n))}   = {Terms(sigma2)}");
        }
        if (exact || order == 0)
        {
            var (rho, sigma2) = ActivationSmallAngleLaw.Evaluate(n, activation);
            ctx.Out.WriteLine($"exact small-angle law: {F(rho)}");
            if (withVariance) ctx.Out.WriteLine($"sigma2 exact small-angle law: {F(sigma2)}");
        }
        if (activation.IsRelu) ctx.Out.WriteLine($"published eq. 2: {F(PublishedLaw.Rho(n))}");
        return CliRunner.Ok;
    }

    private static string Terms(Rational[] coefficients) =>
        string.Join(" + ", coefficients.Select((c, i) => (c, i)).Where(t => t.i > 0 && !t.c.IsZero).Select(t => $"{t.c}/n^{t.i}"));
}
