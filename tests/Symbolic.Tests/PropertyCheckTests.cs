using Degeneracy.TestSupport;
using Degeneracy.TestSupport.Properties;
using FsCheck;
using FsCheck.Fluent;

namespace Degeneracy.Symbolic.Tests;

/// <summary>The house property runner: a falsified property names its replay seed, and that seed reproduces the failure.</summary>
public class PropertyCheckTests
{
    private static Property FailsAboveFive() => Prop.ForAll(Gen.Choose(0, 1000).ToArbitrary(), x => x <= 5);

    [Fact]
    public void Failure_MessageStartsWithReplaySeed_AndTheSeedReproducesTheFailingCase()
    {
        var e = Assert.Throws<PropertyFailedException>(() => PropertyCheck.Run(FailsAboveFive(), 200));
        Assert.Matches(@"^\(\d+,\d+,\d+\)$", e.Replay);
        Assert.StartsWith($"Property falsified; replay with PropertyCheck.Run(property, maxTest, replay: \"{e.Replay}\")", e.Message);
        // The replayed run fails at its first case, with the same counterexample.
        var again = Assert.Throws<PropertyFailedException>(() => PropertyCheck.Run(FailsAboveFive(), 200, e.Replay));
        Assert.Contains("after 1 test", again.Message);
        string Original(string m) => m[(m.IndexOf("Original:", StringComparison.Ordinal) + 9)..].Split('\n', StringSplitOptions.RemoveEmptyEntries)[0];
        Assert.Equal(Original(e.Message), Original(again.Message));
    }

    [Fact]
    public void Success_IsQuiet() => PropertyCheck.Run(Prop.ForAll(Gen.Choose(0, 5).ToArbitrary(), x => x <= 5), 50);

    [Fact]
    public void EveryPropertyInTheTestProjects_RunsThroughPropertyCheck()
    {
        // House rule: a property is checked only by PropertyCheck.Run (replay seed first in the failure message), never by
        // FsCheck's own runners or the [Property] attribute.
        string[] forbidden = ["QuickCheckThrowOnFailure", "[Property", ".Check(Config.", "Check.Quick", "Check.One("];
        var offenders = Directory.EnumerateFiles(RepositoryFiles.PathOf("tests"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                        && !f.EndsWith("PropertyCheckTests.cs", StringComparison.Ordinal) && !f.EndsWith("PropertyCheck.cs", StringComparison.Ordinal))
            .SelectMany(f => forbidden.Where(File.ReadAllText(f).Contains).Select(w => $"{Path.GetRelativePath(RepositoryFiles.Root, f)}: {w}"))
            .ToList();
        Assert.True(offenders.Count == 0, "use PropertyCheck.Run instead of: " + string.Join("; ", offenders));
    }

    [Fact]
    public void ParseReplay_Malformed_ThrowsFormatException() =>
        Assert.Throws<FormatException>(() => PropertyCheck.ParseReplay("(1)"));
}
