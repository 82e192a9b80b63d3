using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Degeneracy.Series.Derivation;
using Degeneracy.Symbolic;

namespace Degeneracy.Cli.Commands;

/// <summary>
/// <c>degeneracy derive --quantity mu|sigma2|rho|all --theta-order J --n-order K [--closed-form] [--format …]</c>:
/// the exact double series Σ c_{jk} θ^j n^{−k} (for μ: of μ − ln sin²θ) and, with --closed-form, the closed forms in J's.
/// </summary>
internal static class DeriveCommand
{
    internal static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = true };
    private static readonly string[] Formats = ["text", "latex", "csharp", "json"];

    public static Command Create(CliContext ctx)
    {
        var quantity = new Option<string>("--quantity") { Description = "mu, sigma2, rho or all", DefaultValueFactory = _ => "all" };
        var thetaOrder = new Option<int>("--theta-order") { Description = $"highest power of θ (0 … {Derivation.MaxThetaOrder})", DefaultValueFactory = _ => 4 };
        var nOrder = new Option<int>("--n-order") { Description = $"highest power of 1/n (0 … {LogRatioExpansion.MaxOrder})", DefaultValueFactory = _ => 1 };
        var closed = new Option<bool>("--closed-form") { Description = "also print the closed form in J's of each 1/n order" };
        var format = new Option<string>("--format") { Description = "text, latex, csharp or json", DefaultValueFactory = _ => "text" };
        var cmd = new Command("derive", "Derive μ, σ², ρ as exact series in θ and 1/n (and closed forms in J's).");
        foreach (var o in new Option[] { quantity, thetaOrder, nOrder, closed, format }) cmd.Options.Add(o);
        cmd.SetAction(p => Run(ctx, p.GetValue(quantity)!, p.GetValue(thetaOrder), p.GetValue(nOrder), p.GetValue(closed), p.GetValue(format)!));
        return cmd;
    }

    internal static Quantity[] ParseQuantities(string q, bool allowAll) => q switch
    {
        "mu" => [Quantity.Mu],
        "sigma2" => [Quantity.Sigma2],
        "rho" => [Quantity.Rho],
        "all" when allowAll => [Quantity.Mu, Quantity.Sigma2, Quantity.Rho],
        _ => throw new ArgumentOutOfRangeException("--quantity", q, "--quantity must be one of mu, sigma2, rho" + (allowAll ? ", all." : ".")),
    };

    internal static string Name(Quantity q) => q switch { Quantity.Mu => "mu", Quantity.Sigma2 => "sigma2", _ => "rho" };

    private static int Run(CliContext ctx, string quantity, int thetaOrder, int nOrder, bool closedForm, string format)
    {
        var qs = ParseQuantities(quantity, allowAll: true);
        OptionCheck.OneOf("--format", format, Formats);
        OptionCheck.Integer("--theta-order", thetaOrder, 0, Derivation.MaxThetaOrder);
        OptionCheck.Integer("--n-order", nOrder, 0, LogRatioExpansion.MaxOrder);
        var d = Derivation.Derive(thetaOrder, nOrder);
        var pf = format switch { "latex" => PrintFormat.Latex, "csharp" => PrintFormat.CSharp, _ => PrintFormat.Text };
        if (format == "json")
        {
            var docs = qs.Select(q => new Dictionary<string, object?>
            {
                ["quantity"] = Name(q),
                ["thetaOrder"] = q == Quantity.Rho ? 0 : thetaOrder,
                ["nOrder"] = nOrder,
                ["terms"] = d.Terms(q).Select(t => new Dictionary<string, object>
                {
                    ["theta"] = t.ThetaPower, ["invN"] = t.InvNPower, ["coefficient"] = t.Coefficient.ToString(), ["value"] = t.Value,
                }).ToList(),
                ["closedForm"] = closedForm ? d.ClosedForm(q).Select(c => new Dictionary<string, object> { ["invN"] = c.InvNPower, ["expression"] = c.Print(pf) }).ToList() : [],
            }).ToList();
            ctx.Out.WriteLine(JsonSerializer.Serialize(docs.Count == 1 ? docs[0] : (object)docs, Json));
            return CliRunner.Ok;
        }
        var sb = new StringBuilder();
        foreach (var q in qs)
        {
            string title = q switch { Quantity.Mu => "mu - ln sin^2(theta) = E[L]", Quantity.Sigma2 => "sigma^2 = Var[L]", _ => "rho(n) = -lim E[L]" };
            sb.AppendLine($"{title}   (theta^j n^-k, theta-order {(q == Quantity.Rho ? 0 : thetaOrder)}, n-order {nOrder})");
            foreach (var t in d.Terms(q).Where(t => !t.Coefficient.IsZero))
                sb.AppendLine($"  theta^{t.ThetaPower} n^-{t.InvNPower}:  {t.Coefficient.Print(pf)}   ({t.Value.ToString("R", CultureInfo.InvariantCulture)})");
            if (closedForm)
                foreach (var c in d.ClosedForm(q))
                    sb.AppendLine($"  closed form, n^-{c.InvNPower}:  {c.Print(pf)}");
            sb.AppendLine();
        }
        ctx.Out.Write(sb.ToString());
        return CliRunner.Ok;
    }
}
