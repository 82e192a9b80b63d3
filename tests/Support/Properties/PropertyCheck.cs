using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;

namespace Degeneracy.TestSupport.Properties;

/// <summary>
/// The one way the test projects run an FsCheck property: <see cref="Run"/> checks it quietly and, on failure, throws a
/// <see cref="PropertyFailedException"/> whose first line is the replay seed, ready to paste back as
/// <c>PropertyCheck.Run(property, maxTest, replay: "(seed,gamma,size)")</c>, which re-runs exactly the failing case.
/// </summary>
public static partial class PropertyCheck
{
    /// <summary>Checks <paramref name="property"/> on <paramref name="maxTest"/> generated cases (or replays one failing case).</summary>
    public static void Run(Property property, int maxTest = 100, string? replay = null)
    {
        var config = Config.QuickThrowOnFailure.WithMaxTest(maxTest).WithQuietOnSuccess(true);
        if (replay is not null) config = config.WithReplay(FSharpOption<Replay>.Some(ParseReplay(replay)));
        try
        {
            property.Check(config);
        }
        catch (Exception e) when (e.Message.Contains("Falsifiable", StringComparison.Ordinal))
        {
            // FsCheck names the failing step's generator state as "size of N and seed of (seed,gamma)".
            var step = LastStep().Match(e.Message);
            string seed = step.Success ? $"({step.Groups[2].Value},{step.Groups[3].Value},{step.Groups[1].Value})" : "(not found in FsCheck's message)";
            throw new PropertyFailedException($"Property falsified; replay with PropertyCheck.Run(property, maxTest, replay: \"{seed}\").\n{e.Message}", seed, e);
        }
    }

    /// <summary>"(seed,gamma,size)" or "(seed,gamma)" as FsCheck prints it.</summary>
    public static Replay ParseReplay(string text)
    {
        var parts = text.Trim().TrimStart('(').TrimEnd(')').Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length is not (2 or 3))
            throw new FormatException($"replay must be \"(seed,gamma)\" or \"(seed,gamma,size)\"; got '{text}'.");
        var rnd = new Rnd(ulong.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture),
                          ulong.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
        var size = parts.Length == 3 ? FSharpOption<int>.Some(int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture)) : FSharpOption<int>.None;
        return new Replay(rnd, size);
    }

    [GeneratedRegex(@"size of (\d+) and seed of \((\d+),(\d+)\)")]
    private static partial Regex LastStep();
}

/// <summary>A falsified property; <see cref="Replay"/> is the "(seed,gamma,size)" that reproduces the failing case.</summary>
public sealed class PropertyFailedException(string message, string replay, Exception inner) : Exception(message, inner)
{
    /// <summary>The replay seed, "(seed,gamma,size)".</summary>
    public string Replay { get; } = replay;
}
