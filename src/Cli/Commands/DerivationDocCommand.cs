using System.CommandLine;
using Degeneracy.Series.Derivation;

namespace Degeneracy.Cli.Commands;

/// <summary><c>degeneracy derivation-doc [--out FILE]</c>: writes docs/DERIVATION.md (the derivation and every published check).</summary>
internal static class DerivationDocCommand
{
    public static Command Create(CliContext ctx)
    {
        var output = new Option<string?>("--out") { Description = "file to write (default: stdout)" };
        var thetaOrder = new Option<int>("--theta-order") { DefaultValueFactory = _ => 4, Description = "θ-order of the tables" };
        var nOrder = new Option<int>("--n-order") { DefaultValueFactory = _ => 2, Description = "1/n-order of the tables" };
        var cmd = new Command("derivation-doc", "Generate docs/DERIVATION.md from the derivation.");
        foreach (var o in new Option[] { output, thetaOrder, nOrder }) cmd.Options.Add(o);
        cmd.SetAction(p =>
        {
            int j = p.GetValue(thetaOrder), k = p.GetValue(nOrder);
            OptionCheck.Integer("--theta-order", j, 0, Derivation.MaxThetaOrder);
            OptionCheck.Integer("--n-order", k, 0, LogRatioExpansion.MaxOrder);
            string text = DerivationReport.Build(j, k);
            var path = p.GetValue(output);
            if (path is null) { ctx.Out.Write(text); return CliRunner.Ok; }
            var full = Path.GetFullPath(path);
            var tmp = full + ".tmp" + Environment.ProcessId;
            File.WriteAllText(tmp, text);
            File.Move(tmp, full, overwrite: true);
            ctx.Out.WriteLine($"wrote {path}");
            return CliRunner.Ok;
        });
        return cmd;
    }
}
