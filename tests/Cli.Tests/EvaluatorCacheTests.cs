using Degeneracy.Cli.CodeGen;
using Degeneracy.Series.CodeGen;
using Degeneracy.Series.Evaluation;
using static Degeneracy.Cli.Tests.CliHarness;

namespace Degeneracy.Cli.Tests;

/// <summary>
/// The on-disk cache of generated evaluators (n-orders above the checked-in 0 … 5): miss → generate and store, hit → load
/// without generating, corrupt entries → rebuilt. Uses a cheap spec (θ¹⁰, n⁻¹) in a temporary folder; the values are
/// checked against the checked-in order-1 evaluator (same closed forms, independent compile).
/// </summary>
public class EvaluatorCacheTests
{
    private static readonly EvaluatorSpec Spec = new(10, 1, "Cache.Probe", "LawProbe");
    private static readonly CliContext Ctx = new(TextWriter.Null, TextWriter.Null);

    private static string TempFolder() => Path.Combine(Path.GetTempPath(), "degeneracy-cache-" + Guid.NewGuid().ToString("N"));

    private static void AssertMatchesCheckedIn(GeneratedLaw law)
    {
        var reference = LayerLaws.Series(1);
        foreach (double theta in new[] { 0.3, 1.1, 2.5 })
            Assert.Equal(reference.Sigma2(theta, 20), law.Sigma2(theta, 20), 12);
    }

    [Fact]
    public void Miss_Generates_ThenHit_Loads()
    {
        string dir = TempFolder();
        try
        {
            var first = EvaluatorCache.Get(Ctx, Spec, dir);
            Assert.Equal("generated", EvaluatorCache.LastOutcome);
            AssertMatchesCheckedIn(first);
            Assert.Equal(3, Directory.GetFiles(dir).Length); // index, assembly, hash; no temporary file left behind
            var second = EvaluatorCache.Get(Ctx, Spec, dir);
            Assert.Equal("cache hit", EvaluatorCache.LastOutcome);
            AssertMatchesCheckedIn(second);
        }
        finally { if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true); }
    }

    [Theory]
    [InlineData("*.dll", "rebuilt: corrupt assembly")]
    [InlineData("spec-*.txt", "rebuilt: corrupt index")]
    public void CorruptEntry_IsRebuilt_NotFatal(string pattern, string reason)
    {
        string dir = TempFolder();
        try
        {
            EvaluatorCache.Get(Ctx, Spec, dir);
            foreach (var f in Directory.GetFiles(dir, pattern)) File.WriteAllText(f, "garbage");
            var law = EvaluatorCache.Get(Ctx, Spec, dir);
            Assert.Equal($"generated ({reason})", EvaluatorCache.LastOutcome);
            AssertMatchesCheckedIn(law);
            EvaluatorCache.Get(Ctx, Spec, dir);
            Assert.Equal("cache hit", EvaluatorCache.LastOutcome);
        }
        finally { if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true); }
    }

    /// <summary>Which laws the CLI takes from this cache: ReLU above its checked-in orders only; other activations from
    /// n-order 3 on (tabulating them costs 4–25 s per process there), never below.</summary>
    [Fact]
    public void Serves_ReluAboveCheckedIn_OtherActivationsFromOrderThree()
    {
        var leaky = Degeneracy.JFunctions.Activation.Parse("leaky:1/100");
        foreach (int k in new[] { 0, 1, 2, 3, 4, 5 }) Assert.False(EvaluatorCache.Serves(k, Degeneracy.JFunctions.Activation.Relu));
        foreach (int k in new[] { 6, 7, 12 }) Assert.True(EvaluatorCache.Serves(k, null));
        foreach (int k in new[] { 0, 1, 2 }) Assert.False(EvaluatorCache.Serves(k, leaky));
        foreach (int k in new[] { 3, 4, 5, 6, 9 }) Assert.True(EvaluatorCache.Serves(k, Degeneracy.JFunctions.Activation.Abs));
        Assert.Throws<ArgumentOutOfRangeException>(() => LayerLaws.ActivationSourceFromOrder = 0);
    }

    [Fact]
    public void EachActivation_HasItsOwnEntry_GeneratedOnce_ThenHit()
    {
        // Same spec (order, namespace, class) for three activations in one folder: the key must keep them apart, and
        // each compiled evaluator must give its own law (checked against the in-process tabulated law, an independent path
        // from the same closed forms).
        string dir = TempFolder();
        try
        {
            AssertMatchesCheckedIn(EvaluatorCache.Get(Ctx, Spec, dir));
            Assert.Equal("generated", EvaluatorCache.LastOutcome);
            foreach (var name in new[] { "leaky:1/100", "abs" })
            {
                var act = Degeneracy.JFunctions.Activation.Parse(name);
                var spec = Spec with { Activation = act };
                var law = EvaluatorCache.Get(Ctx, spec, dir);
                Assert.Equal("generated", EvaluatorCache.LastOutcome);
                var again = EvaluatorCache.Get(Ctx, spec, dir);
                Assert.Equal("cache hit", EvaluatorCache.LastOutcome);
                var tabulated = LayerLaws.Series(1, act);
                foreach (double theta in new[] { 0.3, 1.1, 2.5 })
                {
                    Assert.Equal(tabulated.Sigma2(theta, 20), law.Sigma2(theta, 20), 12);
                    Assert.Equal(tabulated.Drift(theta, 20), again.Drift(theta, 20), 12);
                    Assert.NotEqual(LayerLaws.Series(1).Sigma2(theta, 20), law.Sigma2(theta, 20), 6);
                }
            }
            EvaluatorCache.Get(Ctx, Spec, dir);
            Assert.Equal("cache hit", EvaluatorCache.LastOutcome);
            Assert.Equal(9, Directory.GetFiles(dir).Length); // three entries of three files each
        }
        finally { if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public void Derive_BeyondTheGuard_OneLine_Exit2()
    {
        var (code, o, e) = Run("derive", "--theta-order", "4", "--n-order", "30");
        Assert.Equal(2, code);
        Assert.Equal("", o);
        var line = Assert.Single(e.TrimEnd().Split('\n'));
        Assert.Contains("--n-order", line);
        Assert.Contains("estimate", line);
        Assert.Contains("600 s guard", line);
    }

    [Fact]
    public void Derive_AboveTheOldCap_Works()
    {
        var (code, o, _) = Run("derive", "--quantity", "rho", "--theta-order", "0", "--n-order", "6");
        Assert.Equal(0, code);
        var expected = Degeneracy.Series.SmallAngle.SmallAngleLaw.RhoSeries(6)[6]; // the polygamma route, independent of the engine
        Assert.Contains($"theta^0 n^-6:  {expected}   (", o);
    }
}
