namespace Degeneracy.Cli;

/// <summary>The output streams a command writes to (stdout for results, stderr for the one-line error).</summary>
public sealed record CliContext(TextWriter Out, TextWriter Err)
{
    /// <summary>Test hook: called with the command's name just before it runs; a test throws from it to simulate a bug.</summary>
    internal Action<string>? FaultInjection { get; init; }
}
