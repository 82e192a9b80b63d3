using static Degeneracy.Cli.Tests.CliHarness;
using System.Text.Json;
using Degeneracy.Verify.Variability;

namespace Degeneracy.Cli.Tests;

public sealed class VariabilityCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("degeneracy-c2c-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string PathOf(string name) => Path.Combine(_folder, name);

    [Fact]
    public void Variability_Json_MatchesLibraryRun()
    {
        var (code, stdout, stderr) = Run("variability", "--activation", "abs", "--depths", "3,9", "--grid", "17", "--samples", "12", "--seed", "5", "--format", "json");
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        using var doc = JsonDocument.Parse(stdout);
        var rows = doc.RootElement.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal([3, 9], rows.Select(r => r.GetProperty("depth").GetInt32()));
        int d = BiasedNetworkSpec.WidthForBudget(3300, 9);
        Assert.Equal(d, rows[1].GetProperty("width").GetInt32());
        var spec = new BiasedNetworkSpec(2, d, 9, 2, NetworkActivation.Abs, WeightDistribution.Gaussian, 1, 1);
        var lib = VariabilitySampler.Run(spec, 17, 12, 5);
        Assert.Equal(lib.GeometricMean, rows[1].GetProperty("v3").GetDouble());
        Assert.Equal(lib.ZeroCount, rows[1].GetProperty("zeroSamples").GetInt32());
    }

    [Fact]
    public void Variability_TextAndCsv_HaveOneRowPerDepth()
    {
        var (code, text, _) = Run("variability", "--depths", "2:6:2", "--grid", "9", "--samples", "4");
        Assert.Equal(0, code);
        Assert.Contains("V₃ (Zhang & Yu eq. 5): relu", text);
        var (code2, csv, _) = Run("variability", "--depths", "2:6:2", "--grid", "9", "--samples", "4", "--format", "csv");
        Assert.Equal(0, code2);
        Assert.Equal(4, csv.Trim().Split('\n').Length);
    }

    [Theory]
    [InlineData("variability", "--params", "50", "--depths", "45")]
    [InlineData("variability", "--grid", "3")]
    [InlineData("variability", "--samples", "0")]
    [InlineData("variability", "--depths", "0")]
    [InlineData("variability", "--depths", "3:x:3")]
    [InlineData("variability", "--sigma-b2", "-1")]
    [InlineData("variability", "--sigma-w2", "NaN")]
    [InlineData("variability", "--activation", "tanh")]
    [InlineData("variability", "--weights", "uniform")]
    [InlineData("c2c", "--depth", "0")]
    [InlineData("c2c", "--width", "5000")]
    [InlineData("c2c", "--samples", "1")]
    [InlineData("landscape", "--depth", "4", "--activation", "relu", "--activation", "abs")]
    [InlineData("landscape", "--depth", "45", "--params", "60")]
    public void BadInput_OneLineExit2_NoFile(params string[] args)
    {
        string outFile = PathOf("out.txt");
        var (code, stdout, stderr) = Run([.. args, "--out", outFile]);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.False(File.Exists(outFile));
        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Fact]
    public void C2c_Csv_MatchesLibraryAndPlotIsWritten()
    {
        string plot = PathOf("cg.png");
        var (code, csv, stderr) = Run("c2c", "--activation", "relu", "--width", "5", "--depth", "30", "--samples", "6", "--seed", "2", "--format", "csv", "--plot", plot);
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        var lines = csv.Trim().Split('\n');
        Assert.Equal(31, lines.Length);
        var stats = CgMatrixSampler.Run(new BiasedNetworkSpec(5, 5, 30, 0, NetworkActivation.Relu, WeightDistribution.Gaussian, 2, 1), 6, 2);
        var last = lines[^1].Split(',');
        Assert.Equal(stats[^1].MeanLog10C, double.Parse(last[7], System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(new FileInfo(plot).Length > 1000);
    }

    [Fact]
    public void Landscape_Plot_IsAPngAndTextListsNineSamples()
    {
        string plot = PathOf("land.png");
        var (code, text, stderr) = Run("landscape", "--depth", "3", "--params", "300", "--grid", "21", "--plot", plot);
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        Assert.Equal(11, text.Trim().Split('\n').Length);
        var bytes = File.ReadAllBytes(plot);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes.Take(4));
    }
}
