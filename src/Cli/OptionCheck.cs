namespace Degeneracy.Cli;

/// <summary>Range and choice checks for command-line values: a <see cref="BadInputException"/> naming the option and what is allowed.</summary>
internal static class OptionCheck
{
    /// <summary>Throws unless <paramref name="min"/> ≤ value ≤ <paramref name="max"/>.</summary>
    public static int Integer(string option, int value, int min, int max) =>
        value >= min && value <= max ? value : throw new BadInputException($"{option} must be an integer in [{min}, {max}]; got {value}.");

    /// <summary>Throws unless <paramref name="min"/> ≤ value ≤ <paramref name="max"/>.</summary>
    public static long Integer(string option, long value, long min, long max) =>
        value >= min && value <= max ? value : throw new BadInputException($"{option} must be an integer in [{min}, {max}]; got {value}.");

    /// <summary>Throws unless the value is one of <paramref name="allowed"/>.</summary>
    public static string OneOf(string option, string value, IReadOnlyCollection<string> allowed) =>
        allowed.Contains(value) ? value : throw new BadInputException($"{option} must be one of {string.Join(", ", allowed)}; got '{value}'.");

    /// <summary>Throws with <paramref name="message"/> unless <paramref name="condition"/> holds.</summary>
    public static void That(bool condition, string message)
    {
        if (!condition) throw new BadInputException(message);
    }
}
