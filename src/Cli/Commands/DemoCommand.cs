namespace Degeneracy.Cli.Commands;

/// <summary>The embedded default main job (no arguments).</summary>
internal static class DemoCommand
{
    public static int RunDemo(CliContext ctx)
    {
        ctx.Out.WriteLine("Degeneracy demo: run `degeneracy --help` for the commands.");
        return CliRunner.Ok;
    }
}
