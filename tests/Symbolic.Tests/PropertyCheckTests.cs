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
    public void ParseReplay_Malformed_ThrowsFormatException() =>
        Assert.Throws<FormatException>(() => PropertyCheck.ParseReplay("(1)"));
}
