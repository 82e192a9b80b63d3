using System.CommandLine;
using Degeneracy.Series.Derivation;

namespace Degeneracy.Cli.Commands;

/// <summary><c>degeneracy derivation-doc [--out FILE]</c>: writes docs/DERIVATION.md (the derivation and every published check).</summary>
internal static class DerivationDocCommand
{
    public static Command Create(CliContext ctx)
    {
        var output = CommonOptions.Out("write the document to this file (atomically) instead of stdout");
        var thetaOrder = CommonOptions.ThetaOrder();
        var nOrder = CommonOptions.Integer("--n-order", $"1/n-order of the tables (0 … {LogRatioExpansion.MaxOrder})", 2, 0, LogRatioExpansion.MaxOrder);
        var activation = CommonOptions.Activation();
        var cmd = new Command("derivation-doc", "Generate docs/DERIVATION.md from the derivation.");
        foreach (var o in new Option[] { output, thetaOrder, nOrder, activation }) cmd.Options.Add(o);
        cmd.SetAction(p =>
        {
            string text = DerivationReport.Build(p.GetValue(thetaOrder), p.GetValue(nOrder), p.GetValue(activation)!);
            var path = p.GetValue(output);
            AtomicFile.WriteTextOrPrint(path, text, ctx.Out);
            if (path is not null) ctx.Out.WriteLine($"wrote {path}");
            return CliRunner.Ok;
        });
        return cmd;
    }
}
