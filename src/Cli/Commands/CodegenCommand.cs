using System.CommandLine;
using Degeneracy.Series.CodeGen;

namespace Degeneracy.Cli.Commands;

/// <summary>
/// <c>degeneracy codegen --out DIR --theta-order J --n-order K [--namespace NS] [--class NAME]</c>: writes the generated
/// C# evaluator of μ, the drift, σ², ρ and the J's they use to DIR/NAME.cs (temporary file, then rename).
/// </summary>
internal static class CodegenCommand
{
    public static Command Create(CliContext ctx)
    {
        var outDir = new Option<string>("--out") { Description = "folder to write NAME.cs into (created if missing)", Required = true };
        var thetaOrder = new Option<int>("--theta-order") { Description = "θ-order of the series used near θ = 0", DefaultValueFactory = _ => 24 };
        var nOrder = new Option<int>("--n-order") { Description = "order in ε = 1/n", DefaultValueFactory = _ => 1 };
        var ns = new Option<string>("--namespace") { Description = "namespace of the generated class", DefaultValueFactory = _ => EvaluatorSpec.DefaultNamespace };
        var cls = new Option<string?>("--class") { Description = "name of the generated static class (default LayerLawOrderK)" };
        var cmd = new Command("codegen", "Generate a fast C# evaluator of the per-layer law (μ, drift, σ², ρ) from the derivation.");
        cmd.Options.Add(outDir);
        cmd.Options.Add(thetaOrder);
        cmd.Options.Add(nOrder);
        cmd.Options.Add(ns);
        cmd.Options.Add(cls);
        cmd.SetAction(parse => Run(ctx, parse.GetValue(outDir)!, parse.GetValue(thetaOrder), parse.GetValue(nOrder),
            parse.GetValue(ns) ?? EvaluatorSpec.DefaultNamespace, parse.GetValue(cls)));
        return cmd;
    }

    private static int Run(CliContext ctx, string outDir, int thetaOrder, int nOrder, string ns, string? cls)
    {
        var spec = new EvaluatorSpec(thetaOrder, nOrder, ns, cls ?? $"LayerLawOrder{nOrder}");
        try { spec.Validate(); }
        catch (ArgumentOutOfRangeException e) { throw new ArgumentOutOfRangeException("--" + Option(e.ParamName), e.ActualValue, CliRunner.OneLine(e.Message)); }
        if (string.IsNullOrWhiteSpace(outDir)) throw new ArgumentException("--out must name a folder.");
        var plan = EvaluatorPlan.Create(spec);
        string source = EvaluatorGenerator.Emit(plan);
        Directory.CreateDirectory(outDir);
        string path = Path.Combine(outDir, spec.ClassName + ".cs");
        string tmp = path + ".tmp-" + Environment.ProcessId;
        try
        {
            File.WriteAllText(tmp, source, new System.Text.UTF8Encoding(false));
            File.Move(tmp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(tmp)) File.Delete(tmp);
        }
        ctx.Out.WriteLine($"wrote {path} (theta-order {spec.ThetaOrder}, n-order {spec.NOrder}; drift switch {plan.Drift.Switch.Theta}, sigma2 switch {plan.Sigma2.Switch.Theta})");
        return CliRunner.Ok;
    }

    private static string Option(string? param) => param switch
    {
        "ThetaOrder" => "theta-order",
        "NOrder" => "n-order",
        _ => param ?? "input",
    };
}
