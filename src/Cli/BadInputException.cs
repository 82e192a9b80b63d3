using System.Text.RegularExpressions;

namespace Degeneracy.Cli;

/// <summary>
/// The user's input was wrong: thrown by the CLI's own option checks, or wrapped around a library argument check at
/// the public boundary with <see cref="Check{T}"/>. The only exception (besides a parse error) that exits with 2;
/// anything else escaping a command is an internal error (exit 3).
/// </summary>
internal sealed partial class BadInputException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>
    /// Runs a library call that only validates or parses user input (a constructor, a <c>Parse</c>) and reports its
    /// documented argument exceptions as bad input of <paramref name="option"/>. Never wrap a computation with this.
    /// </summary>
    public static T Check<T>(string option, Func<T> validate)
    {
        try
        {
            return validate();
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException or InvalidDataException)
        {
            throw new BadInputException($"{option}: {Plain(e)}", e);
        }
    }

    /// <summary><see cref="Check{T}"/> for a check that returns nothing.</summary>
    public static void Check(string option, Action validate) => Check(option, () => { validate(); return 0; });

    /// <summary>An exception's message on one line, without .NET's "(Parameter 'x')" and "Actual value was …" suffixes.</summary>
    public static string Plain(Exception e)
    {
        string m = e.Message.Replace('\r', ' ').Replace('\n', ' ');
        m = ParameterSuffix().Replace(m, "");
        m = ActualValueSuffix().Replace(m, "");
        return m.Trim();
    }

    [GeneratedRegex(@"\s*\(Parameter '[^']*'\)")]
    private static partial Regex ParameterSuffix();

    [GeneratedRegex(@"\s*Actual value was [^.]*\.?\s*$")]
    private static partial Regex ActualValueSuffix();
}
