using System.CommandLine;
using Degeneracy.Cli.Commands;

namespace Degeneracy.Cli;

/// <summary>Entry point of the <c>degeneracy</c> command. Thin: parses arguments, calls the library, formats output.</summary>
public static class Program
{
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Runs the command line with explicit writers (used by tests, in-process).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var ctx = new CliContext(stdout, stderr);
        var root = new RootCommand("Degeneracy: finite-width theory of angle collapse in random ReLU networks.");
        foreach (var command in CommandRegistry.All(ctx))
            root.Subcommands.Add(command);
        root.SetAction(_ => DemoCommand.RunDemo(ctx));
        return CliRunner.Invoke(root, args, ctx);
    }
}
