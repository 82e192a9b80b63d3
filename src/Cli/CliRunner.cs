using System.CommandLine;

namespace Degeneracy.Cli;

/// <summary>
/// The exit-code contract: 0 success, 1 a check found a mismatch, 2 bad input (a parse error or
/// <see cref="BadInputException"/>; one line on stderr), 3 internal error (one line on stderr; the stack trace only
/// with <c>--verbose</c>).
/// </summary>
public static class CliRunner
{
    /// <summary>Exit codes.</summary>
    public const int Ok = 0, Mismatch = 1, BadInput = 2, InternalError = 3;

    /// <summary>Parses <paramref name="args"/>, runs the chosen command and maps its outcome to an exit code.</summary>
    public static int Invoke(RootCommand root, Option<bool> verbose, string[] args, CliContext ctx)
    {
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            ctx.Err.WriteLine("error: " + OneLine(parse.Errors[0].Message));
            return BadInput;
        }
        try
        {
            ctx.FaultInjection?.Invoke(parse.CommandResult.Command.Name);
            return parse.Invoke(new InvocationConfiguration { Output = ctx.Out, Error = ctx.Err, EnableDefaultExceptionHandler = false });
        }
        catch (BadInputException e)
        {
            ctx.Err.WriteLine("error: " + OneLine(e.Message));
            return BadInput;
        }
        catch (Exception e)
        {
            ctx.Err.WriteLine($"internal error: {e.GetType().Name}: {BadInputException.Plain(e)} (a bug, not bad input; " +
                              (parse.GetValue(verbose) ? "stack trace follows)" : "rerun with --verbose for the stack trace)"));
            if (parse.GetValue(verbose)) ctx.Err.WriteLine(e.ToString());
            return InternalError;
        }
    }

    /// <summary>A message on one line.</summary>
    public static string OneLine(string message) => message.Replace('\r', ' ').Replace('\n', ' ');
}
