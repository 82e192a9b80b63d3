using Degeneracy.TestSupport;
using Degeneracy.Verify.Prediction;

namespace Degeneracy.Verify.Tests.Prediction;

public sealed class PaperArchitectureTests
{
    private static IReadOnlyList<PaperArchitecture> Load()
    {
        using var reader = new StreamReader(RepositoryFiles.PathOf("data", "paper-architectures.csv"));
        return PaperArchitecture.Parse(reader);
    }

    [Fact]
    public void DataFile_HasTable4Architectures_WithConsistentAverages()
    {
        var all = Load();
        Assert.Equal(Enumerable.Range(1, 25), all.Select(a => a.Network));
        foreach (var a in all)
        {
            Assert.Equal(a.ListedAverageWidth, a.Widths.Average(), 0.01);
            // Networks 23 and 25 list 14 widths but Depth 15 (data/README.md).
            Assert.Equal(a.Network is 23 or 25 ? a.ListedDepth - 1 : a.ListedDepth, a.Widths.Count);
            Assert.Equal(Math.PI / 2, a.Theta0, 15);
            Assert.Equal(784, a.InputDimension);
            Assert.InRange(a.Mnist.Mean, 0, 1);
        }
        Assert.Equal([20, 30], all[3].Widths);
    }

    [Fact]
    public void Parse_MalformedLine_ThrowsWithLineNumber()
    {
        var e = Assert.Throws<InvalidDataException>(() => PaperArchitecture.Parse(new StringReader(PaperArchitecture.Header + "\n1,50;x,2,50,1,784,1,1,1,1,1,1\n")));
        Assert.Contains("line 2", e.Message);
    }
}
