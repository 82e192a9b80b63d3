using Degeneracy.TestSupport;
using static Degeneracy.Cli.Tests.CliHarness;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Degeneracy.Cli.Tests;

/// <summary>
/// docs/CLAIMS.md is the full report (minutes of Monte Carlo), so CI cannot regenerate it; instead CI runs
/// `claims --quick` (the ≤ 60 s mode) and checks that the document lists exactly the registered claims, in order, with the
/// verdicts the quick run reaches, and that every derivation-only evidence is verbatim in it. The Slow test regenerates
/// the whole document and compares it byte for byte.
/// </summary>
public class ClaimsDocTests
{
    private static string Root() => RepositoryFiles.Root;

    private static string Doc() => File.ReadAllText(Path.Combine(Root(), "docs", "CLAIMS.md")).Replace("\r\n", "\n");

    /// <summary>The sources whose quick and full modes must agree on every verdict .</summary>
    private static readonly string[] VerdictSources = ["degeneracy", "oscillation"];

    [Fact]
    public void ClaimsDoc_ListsTheRegisteredClaims_WithTheQuickVerdicts()
    {
        var (code, stdout, stderr) = Run("claims", "--quick", "--format", "json");
        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var quick = json.RootElement.GetProperty("claims").EnumerateArray()
            .Select(c => (Id: c.GetProperty("id").GetString()!, Verdict: c.GetProperty("verdict").GetString()!, Evidence: c.GetProperty("evidence").GetString()!))
            .ToList();
        string doc = Doc();
        Assert.Contains("(full mode)", doc);
        var table = Regex.Matches(doc, @"^\| `([^`]+)` \| (\w+) \|$", RegexOptions.Multiline).Select(m => (Id: m.Groups[1].Value, Verdict: m.Groups[2].Value)).ToList();
        const string stale = "docs/CLAIMS.md is stale: run `degeneracy claims --markdown docs/CLAIMS.md` (full mode, minutes).";
        Assert.True(quick.Select(c => c.Id).SequenceEqual(table.Select(t => t.Id)), stale + $" Registered: {string.Join(", ", quick.Select(c => c.Id))}; document: {string.Join(", ", table.Select(t => t.Id))}");
        foreach (var (c, t) in quick.Zip(table))
            if (VerdictSources.Contains(c.Id.Split('.')[0]))
                Assert.True(c.Verdict == t.Verdict, $"{c.Id}: quick mode says {c.Verdict}, the full report {t.Verdict}");
        foreach (var c in quick.Where(c => c.Id.StartsWith("degeneracy.", StringComparison.Ordinal)))
        {
            string derivation = Regex.Replace(c.Evidence, @" \[quick mode[^\]]*\]$", "");
            Assert.True(doc.Contains(derivation, StringComparison.Ordinal), $"{c.Id}: the derivation evidence is not in docs/CLAIMS.md. " + stale);
        }
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void ClaimsDoc_RegeneratedInFullMode_IsIdentical()
    {
        string folder = Directory.CreateTempSubdirectory("degeneracy-claims-").FullName;
        try
        {
            string path = Path.Combine(folder, "CLAIMS.md");
            var (code, _, stderr) = Run("claims", "--markdown", path);
            Assert.True(code == 0, stderr);
            Assert.True(File.ReadAllText(path) == Doc(), "docs/CLAIMS.md is stale: run `degeneracy claims --markdown docs/CLAIMS.md`.");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
