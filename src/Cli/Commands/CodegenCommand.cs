using System.CommandLine;
using Degeneracy.Series.CodeGen;

namespace Degeneracy.Cli.Commands;

/// <summary>
/// <c>degeneracy codegen [--out FILE] --theta-order J --n-order K [--activation A] [--namespace NS] [--class NAME]</c>: the
/// generated C# evaluator of μ, the drift, σ², ρ and the J's they use, printed on stdout or written to FILE (temporary
/// file, then rename) — <c>--out</c> names a file, as in every other command.
/// </summary>
internal static class CodegenCommand
{
    public static Command Create(CliContext ctx)
    {
        var output = CommonOptions.Out("write the generated C# source to this file (atomically) instead of stdout, e.g. gen/MyLaw.cs");
        var thetaOrder = CommonOptions.Integer("--theta-order", $"θ-order of the evaluator's series near θ = 0 (2 … {Degeneracy.Series.Derivation.Derivation.MaxThetaOrder - 2}; default 24, the order of the library's own evaluators)", 24, 2, Degeneracy.Series.Derivation.Derivation.MaxThetaOrder - 2);
        var nOrder = CommonOptions.NOrder();
        var ns = new Option<string>("--namespace") { Description = "namespace of the generated class", DefaultValueFactory = _ => EvaluatorSpec.DefaultNamespace };
        var cls = new Option<string?>("--class") { Description = "name of the generated static class (default LayerLawOrderK)" };
        var activation = CommonOptions.Activation();
        var cmd = new Command("codegen", "Generate a fast C# evaluator of the per-layer law (μ, drift, σ², ρ) from the derivation.");
        cmd.Options.Add(output);
        cmd.Options.Add(thetaOrder);
        cmd.Options.Add(nOrder);
        cmd.Options.Add(ns);
        cmd.Options.Add(cls);
        cmd.Options.Add(activation);
        cmd.SetAction(parse => Run(ctx, parse.GetValue(output), parse.GetValue(thetaOrder), parse.GetValue(nOrder),
            parse.GetValue(ns) ?? EvaluatorSpec.DefaultNamespace, parse.GetValue(cls), parse.GetValue(activation)!));
        return cmd;
    }

    private static int Run(CliContext ctx, string? path, int thetaOrder, int nOrder, string ns, string? cls, JFunctions.Activation activation)
    {
        var spec = new EvaluatorSpec(thetaOrder, nOrder, ns, cls ?? $"LayerLawOrder{nOrder}") { Activation = activation };
        OptionCheck.ClosedFormCost(nOrder);
        try { spec.Validate(); }
        catch (ArgumentException e) { throw new BadInputException((e.ParamName == "ClassName" ? "--class: " : "--namespace: ") + BadInputException.Plain(e), e); }
        var plan = EvaluatorPlan.Create(spec);
        string source = EvaluatorGenerator.Emit(plan);
        CodeGen.EvaluatorCompiler.Compile(source, spec); // the generated class must compile and bind before it is written
        AtomicFile.WriteTextOrPrint(path, source, ctx.Out);
        string act = activation.IsRelu ? "" : $", activation {activation.Name}";
        if (path is not null)
            ctx.Out.WriteLine($"wrote {path} (theta-order {spec.ThetaOrder}, n-order {spec.NOrder}{act}; drift switch {plan.Drift.Switch.Theta}, sigma2 switch {plan.Sigma2.Switch.Theta})");
        return CliRunner.Ok;
    }
}
