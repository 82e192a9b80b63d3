using static Degeneracy.Cli.Tests.CliHarness;
using System.Globalization;
using System.Text.Json;

namespace Degeneracy.Cli.Tests;

/// <summary>The shared <c>--activation</c> option: exact spelling, bad input (exit 2, one line on stderr), ReLU default.</summary>
public class ActivationOptionTests
{
    public static readonly TheoryData<string, string> BadSpellings = new()
    {
        { "j", "leaky:" }, { "j", "leaky:abc" }, { "j", "leaky:1e999" }, { "j", "softmax" }, { "j", "leaky:1/10000001" },
        { "derive", "leaky:" }, { "derive", "softmax" }, { "rho", "leaky:abc" }, { "check", "leaky:1e999" }, { "derivation-doc", "softmax" },
    };

    [Theory]
    [MemberData(nameof(BadSpellings))]
    public void BadActivation_ExitsTwo_WithOneLineOnStderr_AndNoOutput(string command, string spelling)
    {
        string[] args = command switch
        {
            "j" => ["j", "1", "1", "--activation", spelling],
            "rho" => ["rho", "--n", "8", "--activation", spelling],
            "check" => ["check", "--quantity", "rho", "--formula", "2/n", "--activation", spelling],
            _ => [command, "--activation", spelling],
        };
        var (code, o, e) = Run(args);
        Assert.Equal(2, code);
        Assert.Equal("", o);
        Assert.Single(e.TrimEnd('\n').Split('\n'));
        Assert.Contains("--activation", e);
    }

    [Fact]
    public void Derive_DecimalAndFractionSlopes_GiveIdenticalOutput()
    {
        var a = Run("derive", "--theta-order", "2", "--n-order", "1", "--closed-form", "--activation", "leaky:0.01");
        var b = Run("derive", "--theta-order", "2", "--n-order", "1", "--closed-form", "--activation", "leaky:1/100");
        Assert.Equal(0, a.Code);
        Assert.Equal(a.Out, b.Out);
        Assert.StartsWith("activation: leaky:1/100 (s = 1/100)", a.Out);
    }

    [Fact]
    public void Derive_ExplicitRelu_IsTheDefaultOutput()
    {
        foreach (var format in new[] { "text", "json", "latex" })
        {
            var a = Run("derive", "--theta-order", "2", "--n-order", "1", "--closed-form", "--format", format);
            var b = Run("derive", "--theta-order", "2", "--n-order", "1", "--closed-form", "--format", format, "--activation", "relu");
            Assert.Equal(a.Out, b.Out);
            Assert.DoesNotContain("activation", a.Out);
        }
    }

    [Fact]
    public void Derive_Json_CarriesTheActivation_AndAbsRhoIsOneOverN()
    {
        var (code, o, _) = Run("derive", "--quantity", "rho", "--n-order", "2", "--format", "json", "--activation", "abs");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(o);
        Assert.Equal("abs", doc.RootElement.GetProperty("activation").GetString());
        // |x|: sin²θ'/sin²θ → χ²_{n−1}/χ²_n, ρ = ψ(n/2) − ψ((n−1)/2) = 1/n + 3/(2n²) + …
        var terms = doc.RootElement.GetProperty("terms").EnumerateArray().ToDictionary(t => t.GetProperty("invN").GetInt32(), t => t.GetProperty("coefficient").GetString());
        Assert.Equal("1", terms[1]);
        Assert.Equal("3/2", terms[2]);
    }

    [Fact]
    public void J_Linear_IsTheGaussianMoment()
    {
        var (code, o, _) = Run("j", "1", "1", "--activation", "linear", "--theta", "1", "--format", "json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(o);
        Assert.Equal("linear", doc.RootElement.GetProperty("activation").GetString());
        Assert.Equal(Math.Cos(1), doc.RootElement.GetProperty("values")[0].GetProperty("value").GetDouble(), 15);
    }

    [Fact]
    public void Rho_ExactForAbs_IsTheDigammaDifference()
    {
        var (code, o, _) = Run("rho", "--n", "2", "--exact", "--n-order", "0", "--activation", "abs");
        Assert.Equal(0, code);
        var line = o.Split('\n').Single(l => l.StartsWith("exact small-angle law:"));
        Assert.Equal(2 * Math.Log(2), double.Parse(line.Split(':')[1], CultureInfo.InvariantCulture), 14);
        Assert.DoesNotContain("published", o);
        // every slope has exact values now: n = 2 closed form ρ(2; s) = 2 ln(1 + |s|) − ln|s|
        var (leakyCode, leaky, _) = Run("rho", "--n", "2", "--exact", "--n-order", "0", "--activation", "leaky:1/2");
        Assert.Equal(0, leakyCode);
        var leakyLine = leaky.Split('\n').Single(l => l.StartsWith("exact small-angle law:"));
        Assert.Equal(2 * Math.Log(1.5) + Math.Log(2), double.Parse(leakyLine.Split(':')[1], CultureInfo.InvariantCulture), 13);
    }

    [Fact]
    public void Check_AgainstTheAbsSmallAngleExpansion_Matches()
    {
        // ρ(n) for |x| is ψ(n/2) − ψ((n−1)/2) = 1/n + 3/(2n²) + 2/n³ + O(n⁻⁵).
        var (code, o, _) = Run("check", "--quantity", "rho", "--formula", "1/n + 3/(2*n^2) + 2/n^3", "--n-order", "3", "--activation", "abs");
        Assert.True(code == 0, o);
        Assert.Contains("all coefficients match", o);
    }

    [Fact]
    public void DerivationDoc_ForLeaky_NamesTheActivation()
    {
        var (code, o, _) = Run("derivation-doc", "--theta-order", "1", "--n-order", "1", "--activation", "leaky:1/2");
        Assert.Equal(0, code);
        Assert.Contains("φ_s = leaky:1/2", o);
        Assert.Contains("J^{(s)}_{1,1} = `", o);
    }
}

public class McActivationTests
{
    [Fact]
    public void Mc_Abs_JsonCarriesTheActivation_AndMergesBack()
    {
        string dir = Directory.CreateTempSubdirectory("mc-act").FullName;
        string a = Path.Combine(dir, "a.json"), b = Path.Combine(dir, "b.json");
        Assert.Equal(0, Run("mc", "--widths", "8x2", "--theta0", "1", "--samples", "400", "--activation", "abs", "--shard", "0/2", "--out", a).Code);
        Assert.Equal(0, Run("mc", "--widths", "8x2", "--theta0", "1", "--samples", "400", "--activation", "abs", "--shard", "1/2", "--out", b).Code);
        var (code, merged, _) = Run("merge", a, b);
        Assert.Equal(0, code);
        var (_, whole, _) = Run("mc", "--widths", "8x2", "--theta0", "1", "--samples", "400", "--activation", "abs");
        using var m = JsonDocument.Parse(merged);
        using var w = JsonDocument.Parse(whole);
        Assert.Equal("abs", w.RootElement.GetProperty("activation").GetString());
        Assert.Equal(w.RootElement.GetProperty("layers").ToString(), m.RootElement.GetProperty("layers").ToString());
        Directory.Delete(dir, true);
    }

    [Fact]
    public void Mc_GpuWithLeaky_IsBadInput() =>
        Assert.Equal(2, Run("mc", "--widths", "8", "--theta0", "1", "--samples", "10", "--backend", "gpu", "--activation", "leaky:1/100").Code);
}
