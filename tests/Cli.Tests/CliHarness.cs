namespace Degeneracy.Cli.Tests;

/// <summary>Runs the <c>degeneracy</c> command line in-process and captures its exit code, stdout and stderr.</summary>
internal static class CliHarness
{
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = Program.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
