using static Degeneracy.Cli.Tests.CliHarness;
using System.Text.Json;

namespace Degeneracy.Cli.Tests;

public sealed class BatchCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("degeneracy-batch-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void McBatch_Json_HasDocumentedShape_AndShardsMergeToTheWholeRun()
    {
        string[] common = ["mc", "--batch", "clusters:2:6:0.4", "--widths", "12x3", "--samples", "640", "--seed", "4", "--sigma-b2", "0.1"];
        var (code, whole, err) = Run([.. common, "--predict"]);
        Assert.Equal(0, code);
        Assert.Equal("", err);
        using (var doc = JsonDocument.Parse(whole))
        {
            var root = doc.RootElement;
            Assert.Equal(["kind", "widths", "m", "gram", "configuration", "samples", "fingerprint", "complete", "layers", "predictions", "state", "elapsedSeconds"],
                root.EnumerateObject().Select(p => p.Name).ToArray());
            Assert.Equal("batch", root.GetProperty("kind").GetString());
            Assert.Equal(6, root.GetProperty("m").GetInt32());
            Assert.Equal(2, root.GetProperty("configuration").GetProperty("classes").GetInt32());
            var layer = root.GetProperty("layers")[2];
            Assert.Equal(640, layer.GetProperty("participationRatio").GetProperty("count").GetInt64());
            Assert.InRange(layer.GetProperty("participationRatio").GetProperty("mean").GetDouble(), 1, 6);
            Assert.True(layer.GetProperty("cdnv").GetProperty("mean").GetDouble() > 0);
            Assert.Equal(6, layer.GetProperty("gram").GetProperty("mean").GetArrayLength());
            Assert.Equal(3, root.GetProperty("predictions").GetProperty("infinite").GetArrayLength());
            Assert.False(root.GetProperty("predictions").TryGetProperty("finite", out _)); // bias: no finite-width law
        }
        var shards = Enumerable.Range(0, 3).Select(i =>
        {
            string path = Path.Combine(_folder, $"s{i}.json");
            Assert.Equal(0, Run([.. common, "--shard", $"{i}/3", "--out", path]).Code);
            return path;
        }).ToArray();
        var (mergeCode, merged, mergeErr) = Run(["merge", .. shards]);
        Assert.Equal("", mergeErr);
        Assert.Equal(0, mergeCode);
        var (_, plain, _) = Run(common);
        Assert.Equal(WithoutElapsed(plain), WithoutElapsed(merged));
    }

    [Fact]
    public void McBatch_Text_ListsEveryLayer()
    {
        var (code, stdout, _) = Run("mc", "--batch", "orthogonal:3", "--widths", "8x2", "--samples", "200", "--format", "text");
        Assert.Equal(0, code);
        Assert.StartsWith("batch Monte Carlo: m = 3 inputs (orthogonal, d = 3), relu", stdout);
        Assert.Matches(@"\n    2      8 ", stdout);
    }

    public static TheoryData<string, string, string> BadInputs => new()
    {
        { "random:1", "", "--batch: m '1' must be an integer in [2, 256]." },
        { "random:300", "", "--batch: m '300' must be an integer in [2, 256]." },
        { "ragged.csv", "1,2\n3\n", "ragged.csv: line 2: 1 column(s), but line 1 has 2 (ragged rows)" },
        { "nan.csv", "1,2\n3,NaN\n", "nan.csv: line 2, column 2: 'NaN' is not a finite number" },
        { "text.csv", "1,2\n3,abc\n", "text.csv: line 2, column 2: 'abc' is not a number" },
        { "one.csv", "1,2\n", "one.csv: 1 data row(s); at least 2 are needed" },
        { "gram:asym.csv", "1,0.5\n0.3,1\n", "asym.csv: row 1, column 2: 0.5 differs from row 2, column 1: 0.3; the Gram matrix must be symmetric" },
        { "gram:npsd.csv", "1,2\n2,1\n", "npsd.csv: the Gram matrix is not positive semidefinite: smallest eigenvalue -1" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void McBatch_BadInput_OneLineExit2AndNoFile(string spec, string content, string message)
    {
        if (content.Length > 0) Write(spec.Replace("gram:", ""), content);
        string batch = content.Length > 0 ? (spec.StartsWith("gram:") ? "gram:" : "") + Path.Combine(_folder, spec.Replace("gram:", "")) : spec;
        string output = Path.Combine(_folder, "out.json");
        var (code, stdout, stderr) = Run("mc", "--batch", batch, "--widths", "4x2", "--samples", "10", "--out", output);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.Contains(message, stderr);
        Assert.False(File.Exists(output));
        Assert.Empty(Directory.GetFiles(_folder, "*.tmp*"));
    }

    [Fact]
    public void McBatch_LabelsOfWrongCount_AreRejected()
    {
        string labels = Write("y.csv", "a\na\nb\n");
        var (code, _, stderr) = Run("mc", "--batch", "random:4", "--labels", labels, "--widths", "4", "--samples", "10");
        Assert.Equal(2, code);
        Assert.Contains("y.csv: 3 label(s) for 4 input(s)", stderr);
    }

    [Fact]
    public void McBatch_OrthogonalWeightsOnTheChain_AreRejected()
    {
        var (code, _, stderr) = Run("mc", "--batch", "random:4", "--weights", "orthogonal", "--widths", "4", "--samples", "10");
        Assert.Equal(2, code);
        Assert.Contains("orthogonal weights need the explicit network backend", stderr);
    }

    [Fact]
    public void Cdnv_Json_MatchesHandComputationPerFile()
    {
        // Layer 1: a = {(0,0), (2,0)}, b = {(0,4), (0,6), (0,8)}: V = (1 + 8/3)/(2·37) = 11/222.
        // Layer 2: every feature doubled: the CDNV is scale-free, so again 11/222.
        string f1 = Write("f1.csv", "0,0\n0,4\n2,0\n0,6\n0,8\n");
        string f2 = Write("f2.csv", "0,0\n0,8\n4,0\n0,12\n0,16\n");
        string y = Write("y.csv", "a\nb\na\nb\nb\n");
        string plot = Path.Combine(_folder, "cdnv.png");
        var (code, stdout, stderr) = Run("cdnv", "--features", f1, f2, "--labels", y, "--format", "json", "--plot", plot);
        Assert.Equal("", stderr);
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(stdout);
        var files = doc.RootElement.GetProperty("files");
        Assert.Equal(2, files.GetArrayLength());
        foreach (var file in files.EnumerateArray())
        {
            Assert.Equal(11.0 / 222, file.GetProperty("average").GetDouble(), 14);
            var pair = Assert.Single(file.GetProperty("pairs").EnumerateArray());
            Assert.Equal(new[] { "a", "b" }, pair.GetProperty("classes").EnumerateArray().Select(c => c.GetString()!).ToArray());
            Assert.Equal(11.0 / 222, pair.GetProperty("cdnv").GetDouble(), 14);
        }
        Assert.Equal(f1, files[0].GetProperty("file").GetString());
        Assert.True(new FileInfo(plot).Length > 1000);
    }

    [Theory]
    [InlineData("a\nb\na\nb\n", "has 4 label(s) but")]
    [InlineData("a\nb\na\nb\nc\n", "y.csv: row 5: class 'c' has 1 sample; the CDNV needs at least 2 per class")]
    public void Cdnv_BadLabels_OneLineExit2AndNoFile(string labels, string message)
    {
        string f1 = Write("f1.csv", "0,0\n0,4\n2,0\n0,6\n0,8\n");
        string y = Write("y.csv", labels);
        string output = Path.Combine(_folder, "cdnv.json");
        var (code, _, stderr) = Run("cdnv", "--features", f1, "--labels", y, "--out", output);
        Assert.Equal(2, code);
        Assert.Contains(message, stderr);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Claims_UnknownSource_Exit2ListingTheSources()
    {
        var (code, _, stderr) = Run("claims", "--source", "nope", "--quick");
        Assert.Equal(2, code);
        Assert.Contains("known: degeneracy, oscillation", stderr);
    }

    [Fact]
    public void Claims_Json_HasTheDocumentedShape()
    {
        var (code, stdout, _) = Run("claims", "--source", "degeneracy", "--quick", "--format", "json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(stdout);
        foreach (var claim in doc.RootElement.GetProperty("claims").EnumerateArray())
        {
            Assert.Equal(["id", "source", "statement", "verdict", "evidence"], claim.EnumerateObject().Select(p => p.Name).ToArray());
            Assert.Contains(claim.GetProperty("verdict").GetString(), new[] { "holds", "fails", "partly", "untestable" });
        }
    }
}
