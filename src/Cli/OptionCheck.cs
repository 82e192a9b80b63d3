namespace Degeneracy.Cli;

/// <summary>Range and choice checks for command-line options: a typed exception naming the option and what is allowed.</summary>
internal static class OptionCheck
{
    /// <summary>Throws unless <paramref name="min"/> ≤ value ≤ <paramref name="max"/>.</summary>
    public static int Integer(string option, int value, int min, int max) =>
        value >= min && value <= max ? value
            : throw new ArgumentOutOfRangeException(option, value, $"{option} must be an integer in [{min}, {max}].");

    /// <summary>Throws unless the value is one of <paramref name="allowed"/>.</summary>
    public static string OneOf(string option, string value, IReadOnlyCollection<string> allowed) =>
        allowed.Contains(value) ? value
            : throw new ArgumentOutOfRangeException(option, value, $"{option} must be one of {string.Join(", ", allowed)}.");
}
