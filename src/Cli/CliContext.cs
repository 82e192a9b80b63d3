namespace Degeneracy.Cli;

/// <summary>The output streams a command writes to (stdout for results, stderr for the one-line error).</summary>
public sealed record CliContext(TextWriter Out, TextWriter Err);
