using System.CommandLine;

namespace Degeneracy.Cli;

/// <summary>Exit codes: 0 success, 1 a check found a mismatch, 2 bad input (one line on stderr).</summary>
public static class CliRunner
{
    public const int Ok = 0, Mismatch = 1, BadInput = 2;

    public static int Invoke(RootCommand root, string[] args, CliContext ctx)
    {
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            ctx.Err.WriteLine("error: " + OneLine(parse.Errors[0].Message));
            return BadInput;
        }
        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = ctx.Out, Error = ctx.Err, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (IsBadInput(e))
        {
            ctx.Err.WriteLine("error: " + OneLine(e.Message));
            return BadInput;
        }
    }

    /// <summary>Exceptions that mean the user's input was wrong (as opposed to a bug).</summary>
    public static bool IsBadInput(Exception e) =>
        e is ArgumentException or FormatException or IOException or UnauthorizedAccessException or InvalidDataException or OverflowException;

    public static string OneLine(string message) => message.Replace('\r', ' ').Replace('\n', ' ');
}
