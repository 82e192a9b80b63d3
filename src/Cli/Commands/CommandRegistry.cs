using System.CommandLine;

namespace Degeneracy.Cli.Commands;

/// <summary>All subcommands of <c>degeneracy</c>; each lives in its own file with a static <c>Create(CliContext)</c>.</summary>
internal static class CommandRegistry
{
    public static IEnumerable<Command> All(CliContext ctx)
    {
        yield return JCommand.Create(ctx);
        yield return DeriveCommand.Create(ctx);
        yield return CheckCommand.Create(ctx);
        yield return RhoCommand.Create(ctx);
        yield return DerivationDocCommand.Create(ctx);
        yield return McCommand.Create(ctx);
        yield return MergeCommand.Create(ctx);
        yield return CodegenCommand.Create(ctx);
        yield return EvalCommand.Create(ctx);
        yield return PredictCommand.Create(ctx);
        yield return TableCommand.Create(ctx);
        yield return OneStepTableCommand.Create(ctx);
        yield return VariabilityCommand.Create(ctx);
        yield return LandscapeCommand.Create(ctx);
        yield return C2cCommand.Create(ctx);
    }
}
