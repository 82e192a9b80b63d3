using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Degeneracy.JFunctions;
using Degeneracy.Series.Derivation;
using Degeneracy.Symbolic;

namespace Degeneracy.Cli.Commands;

/// <summary>
/// <c>degeneracy derive --quantity drift|mu|sigma2|rho|all --theta-order J --n-order K [--closed-form] [--format …]</c>:
/// the exact double series Σ c_{jk} θ^j n^{−k} (for μ: ln sin²θ plus the drift's series) and, with --closed-form, the
/// closed forms in J's.
/// </summary>
internal static class DeriveCommand
{
    internal static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = true };

    public static Command Create(CliContext ctx)
    {
        var quantity = new Option<string>("--quantity") { Description = "drift (μ − ln sin²θ), mu, sigma2, rho or all", DefaultValueFactory = _ => "all" };
        var thetaOrder = CommonOptions.ThetaOrder();
        var nOrder = CommonOptions.NOrder();
        var closed = new Option<bool>("--closed-form") { Description = "also print the closed form in J's of each 1/n order" };
        var format = CommonOptions.Format("text", "latex", "csharp", "json");
        var activation = CommonOptions.Activation();
        var cmd = new Command("derive", "Derive μ, σ², ρ as exact series in θ and 1/n (and closed forms in J's).");
        foreach (var o in new Option[] { quantity, thetaOrder, nOrder, closed, format, activation }) cmd.Options.Add(o);
        cmd.SetAction(p => Run(ctx, p.GetValue(quantity)!, p.GetValue(thetaOrder), p.GetValue(nOrder), p.GetValue(closed), p.GetValue(format)!, p.GetValue(activation)!));
        return cmd;
    }

    /// <summary>A quantity as the command line names it: μ itself is the drift's series plus ln sin²θ.</summary>
    internal sealed record Choice(string Name, Quantity Quantity, bool IsMu);

    internal static Choice[] ParseQuantities(string q, bool allowAll) => q switch
    {
        "drift" => [new("drift", Quantity.Drift, false)],
        "mu" => [new("mu", Quantity.Drift, true)],
        "sigma2" => [new("sigma2", Quantity.Sigma2, false)],
        "rho" => [new("rho", Quantity.Rho, false)],
        "all" when allowAll => [new("drift", Quantity.Drift, false), new("sigma2", Quantity.Sigma2, false), new("rho", Quantity.Rho, false)],
        _ => throw new BadInputException($"--quantity must be one of drift, mu, sigma2, rho{(allowAll ? ", all" : "")}; got '{q}'."),
    };

    /// <summary>The line that says which activation a non-ReLU result is for and what its J(a,b) symbols mean.</summary>
    internal static string ActivationNote(Activation a) =>
        $"activation: {a.Name} (s = {a.Slope}); J(a,b) = J^(s)_(a,b)/(1 + s^2)^((a+b)/2), the J of phi_s/sqrt(1 + s^2)";

    private static int Run(CliContext ctx, string quantity, int thetaOrder, int nOrder, bool closedForm, string format, Activation activation)
    {
        var qs = ParseQuantities(quantity, allowAll: true);
        OptionCheck.SeriesCost(thetaOrder, nOrder, activation);
        if (closedForm) OptionCheck.ClosedFormCost(nOrder);
        var d = Derivation.Derive(thetaOrder, nOrder, activation);
        var pf = format switch { "latex" => PrintFormat.Latex, "csharp" => PrintFormat.CSharp, _ => PrintFormat.Text };
        if (format == "json")
        {
            var docs = qs.Select(c => (c, q: c.Quantity)).Select(x => new Dictionary<string, object?>
            {
                ["quantity"] = x.c.Name,
                ["activation"] = activation.IsRelu ? null : activation.Name,
                ["thetaOrder"] = x.q == Quantity.Rho ? 0 : thetaOrder,
                ["nOrder"] = nOrder,
                ["terms"] = d.Terms(x.q).Select(t => new Dictionary<string, object>
                {
                    ["theta"] = t.ThetaPower, ["invN"] = t.InvNPower, ["coefficient"] = t.Coefficient.ToString(), ["value"] = t.Value,
                }).ToList(),
                ["closedForm"] = closedForm ? d.ClosedForm(x.q).Select(c => new Dictionary<string, object> { ["invN"] = c.InvNPower, ["expression"] = c.Print(pf) }).ToList() : [],
            }).ToList();
            foreach (var doc in docs) if (activation.IsRelu) doc.Remove("activation");
            ctx.Out.WriteLine(JsonSerializer.Serialize(docs.Count == 1 ? docs[0] : (object)docs, Json));
            return CliRunner.Ok;
        }
        var sb = new StringBuilder();
        if (!activation.IsRelu)
        {
            string note = ActivationNote(activation);
            sb.AppendLine(pf == PrintFormat.Latex ? "% " + note : pf == PrintFormat.CSharp ? "// " + note : note);
            sb.AppendLine();
        }
        foreach (var c in qs)
        {
            var q = c.Quantity;
            string title = c.IsMu ? "mu = ln sin^2(theta) + (the drift below)" : q switch { Quantity.Drift => "drift = mu - ln sin^2(theta) = E[L]", Quantity.Sigma2 => "sigma^2 = Var[L]", _ => "rho(n) = -lim E[L]" };
            sb.AppendLine($"{title}   (theta^j n^-k, theta-order {(q == Quantity.Rho ? 0 : thetaOrder)}, n-order {nOrder})");
            foreach (var t in d.Terms(q).Where(t => !t.Coefficient.IsZero))
                sb.AppendLine($"  theta^{t.ThetaPower} n^-{t.InvNPower}:  {t.Coefficient.Print(pf)}   ({t.Value.ToString("R", CultureInfo.InvariantCulture)})");
            if (closedForm)
                foreach (var cf in d.ClosedForm(q))
                    sb.AppendLine($"  closed form, n^-{cf.InvNPower}:  {cf.Print(pf)}");
            sb.AppendLine();
        }
        ctx.Out.Write(sb.ToString());
        return CliRunner.Ok;
    }
}
