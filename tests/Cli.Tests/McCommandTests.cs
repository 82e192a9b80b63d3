using System.Globalization;
using Degeneracy.Verify.MonteCarlo;
using Degeneracy.Verify.Prediction;
using static Degeneracy.Cli.Tests.CliHarness;
using System.Text.Json;

namespace Degeneracy.Cli.Tests;

public sealed class McCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("degeneracy-mc-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string PathOf(string name) => Path.Combine(_folder, name);

    [Fact]
    public void Mc_ValidRun_WritesDocumentedJsonShape()
    {
        var (code, stdout, stderr) = Run("mc", "--widths", "16,8x2", "--theta0", "0.5", "--samples", "2000", "--seed", "3");
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        Assert.Equal(["widths", "theta0", "samples", "seed", "backend", "complete", "layers", "state", "elapsedSeconds"],
            root.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal([16, 8, 8], root.GetProperty("widths").EnumerateArray().Select(e => e.GetInt32()).ToArray());
        Assert.Equal(0.5, root.GetProperty("theta0").GetDouble());
        Assert.Equal("chain", root.GetProperty("backend").GetString());
        var layers = root.GetProperty("layers").EnumerateArray().ToList();
        Assert.Equal(3, layers.Count);
        var first = layers[0];
        Assert.Equal(1, first.GetProperty("layer").GetInt32());
        Assert.Equal(16, first.GetProperty("width").GetInt32());
        long count = first.GetProperty("count").GetInt64();
        Assert.Equal(2000, count + first.GetProperty("degenerate").GetInt64());
        double mean = first.GetProperty("mean").GetDouble(), se = first.GetProperty("meanStdError").GetDouble();
        Assert.Equal(Math.Sqrt(first.GetProperty("variance").GetDouble() / count), se, 12);
        var quantiles = first.GetProperty("quantiles").EnumerateObject().Select(q => (P: double.Parse(q.Name, CultureInfo.InvariantCulture), Value: q.Value.GetDouble())).ToArray();
        Assert.Equal([0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99], quantiles.Select(q => q.P));
        Assert.True(quantiles.Zip(quantiles.Skip(1)).All(p => p.First.Value <= p.Second.Value), "quantiles must be non-decreasing");

        // Independent expectation: the finite-width one-step law of ln sin²θ¹ at n = 16 from θ⁰ = 0.5 (exact predictor).
        // Mean within 4 SE (false-alarm rate 6e-5 if the law is exact; the law's tabulation error is ≪ SE here).
        var law = new ExactPredictor().PredictMeasures([16, 8, 8], 0.5).Measures[0];
        Assert.True(Math.Abs(mean - law.Mean) <= 4 * se, $"layer 1 mean {mean:R} vs law {law.Mean:R} ± {se:R}");
        // Median: the law's CDF at the reported median (accurate to 2⁻⁸) must be ½ within 4 binomial SE, √(¼/N), false-alarm 6e-5.
        double median = quantiles.Single(q => q.P == 0.5).Value, delta = Math.Pow(2, -8), band = 4 * Math.Sqrt(0.25 / count);
        Assert.True(law.Cdf(median - delta) <= 0.5 + band && law.Cdf(median + delta) >= 0.5 - band,
            $"law CDF at the Monte Carlo median {median:R}: {law.Cdf(median - delta):F4} … {law.Cdf(median + delta):F4}, expected 0.5 ± {band:F4}");
    }

    [Fact]
    public void Mc_Json_ReportsExactlyTheLibraryStatistics()
    {
        // The CLI adds no arithmetic of its own: for the same configuration and seed its JSON carries the library's numbers
        // bit for bit (deterministic sampling; round-trip double formatting).
        var (code, stdout, _) = Run("mc", "--widths", "16,8x2", "--theta0", "0.5", "--samples", "2000", "--seed", "3");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(stdout);
        var library = MonteCarloSampler.Run(new MonteCarloConfiguration([16, 8, 8], 0.5, 2000, 3));
        var layers = doc.RootElement.GetProperty("layers").EnumerateArray().ToArray();
        for (int l = 0; l < 3; l++)
        {
            var expected = library.Layers[l];
            Assert.Equal(expected.Count, layers[l].GetProperty("count").GetInt64());
            Assert.Equal(expected.Mean, layers[l].GetProperty("mean").GetDouble());
            Assert.Equal(expected.Variance, layers[l].GetProperty("variance").GetDouble());
            foreach (var q in expected.Quantiles)
                Assert.Equal(q.Value, layers[l].GetProperty("quantiles").GetProperty(q.Probability.ToString(CultureInfo.InvariantCulture)).GetDouble());
        }
    }

    [Fact]
    public void Mc_ShardsThenMerge_EqualsUnshardedJsonExceptElapsed()
    {
        string[] common = ["mc", "--widths", "6,10x2,3", "--theta0", "0.8", "--samples", "3000", "--seed", "17"];
        var (code, whole, _) = Run(common);
        Assert.Equal(0, code);
        var files = new List<string>();
        for (int i = 0; i < 3; i++)
        {
            string file = PathOf($"shard{i}.json");
            var shard = Run([.. common, "--shard", $"{i}/3", "--threads", "1", "--out", file]);
            Assert.Equal(0, shard.Code);
            Assert.Equal("", shard.Out);
            files.Add(file);
        }
        var (mergeCode, merged, mergeErr) = Run(["merge", files[2], files[0], files[1]]);
        Assert.Equal("", mergeErr);
        Assert.Equal(0, mergeCode);
        Assert.Equal(WithoutElapsed(whole), WithoutElapsed(merged));
    }

    [Fact]
    public void Mc_ThreadCount_DoesNotChangeJson()
    {
        string[] common = ["mc", "--widths", "5x4", "--theta0", "0.3", "--samples", "1500", "--seed", "8"];
        var one = Run([.. common, "--threads", "1"]);
        var two = Run([.. common, "--threads", "2"]);
        Assert.Equal(WithoutElapsed(one.Out), WithoutElapsed(two.Out));
    }

    [Fact]
    public void Mc_NetworkBackend_RecordsInputDimension()
    {
        var (code, stdout, _) = Run("mc", "--widths", "8,8", "--theta0", "1", "--samples", "200", "--backend", "network", "--input-dim", "3");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal("network", doc.RootElement.GetProperty("backend").GetString());
        Assert.Equal(3, doc.RootElement.GetProperty("inputDim").GetInt32());
    }

    [Fact]
    public void Mc_OutFile_IsWrittenAndReadableByMerge()
    {
        string file = PathOf("run.json");
        Assert.Equal(0, Run("mc", "--widths", "4", "--theta0", "0.2", "--samples", "100", "--out", file).Code);
        var (code, merged, _) = Run("merge", file);
        Assert.Equal(0, code);
        Assert.Equal(WithoutElapsed(File.ReadAllText(file)), WithoutElapsed(merged));
        Assert.Single(Directory.GetFiles(_folder));
    }

    [Theory]
    [InlineData("--widths", "")]
    [InlineData("--widths", "abc")]
    [InlineData("--widths", "16,0,16")]
    [InlineData("--widths", "16x")]
    [InlineData("--samples", "0")]
    [InlineData("--samples", "-3")]
    [InlineData("--theta0", "NaN")]
    [InlineData("--theta0", "3.5")]
    [InlineData("--theta0", "-0.1")]
    [InlineData("--shard", "3/3")]
    [InlineData("--shard", "1of3")]
    [InlineData("--backend", "tpu")]
    [InlineData("--threads", "0")]
    [InlineData("--input-dim", "4")]
    public void Mc_BadInput_ExitsTwoWithOneLineAndNoFile(string option, string value)
    {
        var args = new Dictionary<string, string> { ["--widths"] = "8x2", ["--theta0"] = "0.5", ["--samples"] = "100" };
        args[option] = value;
        string file = PathOf("out.json");
        var argv = new List<string> { "mc" };
        foreach (var (k, v) in args) argv.AddRange([k, v]);
        argv.AddRange(["--out", file]);
        var (code, stdout, stderr) = Run([.. argv]);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("error:", stderr);
        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Fact]
    public void Mc_BadInput_MessageNamesArgumentAndRange()
    {
        Assert.Contains("strictly between 0 and π", Run("mc", "--widths", "4", "--theta0", "4", "--samples", "10").Err);
        Assert.Contains("samples", Run("mc", "--widths", "4", "--theta0", "1", "--samples", "0").Err);
        Assert.Contains("[0, 2]", Run("mc", "--widths", "4", "--theta0", "1", "--samples", "10", "--shard", "3/3").Err);
        Assert.Contains("at least 1", Run("mc", "--widths", "4,0", "--theta0", "1", "--samples", "10").Err);
    }

    [Fact]
    public void Mc_MissingOutFolder_ExitsTwoBeforeSampling()
    {
        var (code, _, stderr) = Run("mc", "--widths", "4", "--theta0", "1", "--samples", "10", "--out", PathOf("missing/out.json"));
        Assert.Equal(2, code);
        Assert.Contains("does not exist", stderr);
    }

    [Fact]
    public void Merge_DifferentConfigurations_ExitsTwoAndWritesNothing()
    {
        string a = PathOf("a.json"), b = PathOf("b.json"), merged = PathOf("merged.json");
        Assert.Equal(0, Run("mc", "--widths", "4", "--theta0", "1", "--samples", "100", "--seed", "1", "--out", a).Code);
        Assert.Equal(0, Run("mc", "--widths", "4", "--theta0", "1", "--samples", "100", "--seed", "2", "--out", b).Code);
        var (code, stdout, stderr) = Run("merge", a, b, "--out", merged);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Contains("different configurations", stderr);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.False(File.Exists(merged));
        Assert.Equal(2, Directory.GetFiles(_folder).Length);
    }

    [Theory]
    [InlineData(0, 2)] // a node count of layer 1
    [InlineData(1, 2)] // a node count of layer 2
    public void Merge_ShardWithEditedStateCounts_ExitsTwoAndWritesNothing(int layer, int field)
    {
        // Before the consistency check, merge wrote impossible statistics (e.g. layer 1 with 507 samples, layer 2 with 1000).
        string a = PathOf("a.json"), b = PathOf("b.json"), merged = PathOf("merged.json");
        Assert.Equal(0, Run("mc", "--widths", "6x2", "--theta0", "0.7", "--samples", "1000", "--shard", "0/2", "--out", a).Code);
        Assert.Equal(0, Run("mc", "--widths", "6x2", "--theta0", "0.7", "--samples", "1000", "--shard", "1/2", "--out", b).Code);
        var doc = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(a))!;
        var node = doc["state"]!["layers"]![layer]!["nodes"]![0]!.AsArray();
        node[field] = node[field]!.GetValue<long>() + 7;
        File.WriteAllText(a, doc.ToJsonString());
        var (code, stdout, stderr) = Run("merge", a, b, "--out", merged);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Contains("state is inconsistent", stderr);
        Assert.False(File.Exists(merged));
    }

    [Fact]
    public void Merge_OverlappingShards_ExitsTwo()
    {
        string a = PathOf("a.json");
        Assert.Equal(0, Run("mc", "--widths", "4", "--theta0", "1", "--samples", "500", "--shard", "0/2", "--out", a).Code);
        var (code, _, stderr) = Run("merge", a, a);
        Assert.Equal(2, code);
        Assert.Contains("overlap", stderr);
    }

    [Fact]
    public void Merge_MalformedOrMissingFile_ExitsTwo()
    {
        string bad = PathOf("bad.json");
        File.WriteAllText(bad, "{\"widths\": [4]}");
        Assert.Equal(2, Run("merge", bad).Code);
        File.WriteAllText(bad, "not json");
        Assert.Equal(2, Run("merge", bad).Code);
        Assert.Equal(2, Run("merge", PathOf("nope.json")).Code);
    }
}

public class McGpuCommandTests
{
    [Fact]
    public void Mc_GpuBackend_ReportsAcceleratorAndMatchesChain_GpuShardsMergeKeepingTheLabel()
    {
        var (code, gpuJson, err) = Degeneracy.Cli.Tests.CliHarness.Run("mc", "--widths", "8x3", "--theta0", "0.4", "--samples", "300", "--seed", "3", "--backend", "gpu");
        Assert.True(code == 0, err);
        using var gpu = System.Text.Json.JsonDocument.Parse(gpuJson);
        Assert.Equal("gpu", gpu.RootElement.GetProperty("backend").GetString());
        Assert.False(string.IsNullOrEmpty(gpu.RootElement.GetProperty("accelerator").GetString()));
        var (_, chainJson, _) = Degeneracy.Cli.Tests.CliHarness.Run("mc", "--widths", "8x3", "--theta0", "0.4", "--samples", "300", "--seed", "3");
        using var chain = System.Text.Json.JsonDocument.Parse(chainJson);
        // On the CPU accelerator the kernel reproduces the chain's samples bit for bit (GpuSamplerTests), so the
        // per-layer statistics are identical.
        for (int l = 0; l < 3; l++)
            Assert.Equal(chain.RootElement.GetProperty("layers")[l].GetProperty("mean").GetDouble(),
                         gpu.RootElement.GetProperty("layers")[l].GetProperty("mean").GetDouble());
        var dir = Directory.CreateTempSubdirectory("gpu-merge");
        try
        {
            var a = Path.Combine(dir.FullName, "a.json"); var b = Path.Combine(dir.FullName, "b.json");
            Assert.Equal(0, Degeneracy.Cli.Tests.CliHarness.Run("mc", "--widths", "8x3", "--theta0", "0.4", "--samples", "300", "--seed", "3", "--backend", "gpu", "--shard", "0/2", "--out", a).Code);
            var c = Path.Combine(dir.FullName, "c.json");
            Assert.Equal(0, Degeneracy.Cli.Tests.CliHarness.Run("mc", "--widths", "8x3", "--theta0", "0.4", "--samples", "300", "--seed", "3", "--backend", "gpu", "--shard", "1/2", "--out", b).Code);
            Assert.Equal(0, Degeneracy.Cli.Tests.CliHarness.Run("mc", "--widths", "8x3", "--theta0", "0.4", "--samples", "300", "--seed", "3", "--shard", "1/2", "--out", c).Code);
            var (mcode, merged, merr) = Degeneracy.Cli.Tests.CliHarness.Run("merge", a, b);
            Assert.True(mcode == 0, merr);
            using var m = System.Text.Json.JsonDocument.Parse(merged);
            Assert.Equal("gpu", m.RootElement.GetProperty("backend").GetString());
            Assert.Equal(gpu.RootElement.GetProperty("accelerator").GetString(), m.RootElement.GetProperty("accelerator").GetString());
            Assert.Equal(chain.RootElement.GetProperty("layers")[2].GetProperty("mean").GetDouble(),
                         m.RootElement.GetProperty("layers")[2].GetProperty("mean").GetDouble());
            // A gpu shard with a chain shard: refused (before, the result was labelled chain and the accelerator dropped).
            var (xcode, xout, xerr) = Degeneracy.Cli.Tests.CliHarness.Run("merge", a, c);
            Assert.Equal(2, xcode);
            Assert.Equal("", xout);
            Assert.Contains("cannot mix gpu shards with chain shards", xerr);
        }
        finally { dir.Delete(true); }
    }
}
