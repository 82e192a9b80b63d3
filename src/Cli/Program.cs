using System.CommandLine;
using Degeneracy.Cli.Commands;

namespace Degeneracy.Cli;

/// <summary>Entry point of the <c>degeneracy</c> command. Thin: parses arguments, calls the library, formats output.</summary>
public static class Program
{
    /// <summary>Runs the command line on the console; returns the exit code (see <see cref="CliRunner"/>).</summary>
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Runs the command line with explicit writers (used by tests, in-process).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, new CliContext(stdout, stderr));

    /// <summary>Runs the command line with a context (tests set its fault-injection hook).</summary>
    internal static int Run(string[] args, CliContext ctx)
    {
        var root = new RootCommand("Degeneracy: finite-width theory of angle collapse in random ReLU networks.");
        var verbose = CommonOptions.Verbose();
        root.Options.Add(verbose);
        foreach (var command in CommandRegistry.All(ctx))
            root.Subcommands.Add(command);
        root.SetAction(_ => DemoCommand.RunDemo(ctx));
        return CliRunner.Invoke(root, verbose, args, ctx);
    }
}
