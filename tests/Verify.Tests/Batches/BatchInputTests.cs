using Degeneracy.Verify.Batches;

namespace Degeneracy.Verify.Tests.Batches;

public class BatchInputTests
{
    [Theory]
    [InlineData("1,2\n3,x\n", "in.csv: line 2, column 2: 'x' is not a number")]
    [InlineData("1,2\n3,NaN\n", "in.csv: line 2, column 2: 'NaN' is not a finite number")]
    [InlineData("1,2\n3,4,5\n", "in.csv: line 2: 3 column(s), but line 1 has 2 (ragged rows)")]
    [InlineData("1,2\n", "in.csv: 1 data row(s); at least 2 are needed")]
    [InlineData("# comment\n\n1,2\n\n1,\n", "in.csv: line 5, column 2: '' is not a number")]
    public void CsvMatrix_BadInput_NamesFileLineAndColumn(string text, string message)
    {
        var e = Assert.Throws<FormatException>(() => CsvMatrix.Parse(text, "in.csv"));
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void CsvMatrix_InvariantCulture_ReadsDotsAndExponents()
    {
        var rows = CsvMatrix.Parse("1.5, -2e-3\n# c\n 3 ,4\r\n", "a.csv");
        Assert.Equal([[1.5, -2e-3], [3, 4]], rows);
    }

    [Fact]
    public void FromGram_NotSymmetric_NamesRowAndColumn()
    {
        var e = Assert.Throws<ArgumentException>(() => BatchInputs.FromGram([[1, 0.5], [0.4, 1]], "g.csv"));
        Assert.StartsWith("g.csv: row 1, column 2: 0.5 differs from row 2, column 1: 0.4", e.Message);
    }

    [Fact]
    public void FromGram_NotPositiveSemidefinite_IsRejected()
    {
        var e = Assert.Throws<ArgumentException>(() => BatchInputs.FromGram([[1, 2], [2, 1]], "g.csv"));
        Assert.Contains("g.csv: the Gram matrix is not positive semidefinite: smallest eigenvalue -1", e.Message);
    }

    [Fact]
    public void FromGram_Factorises_ToTheSameGram()
    {
        double[][] gram = [[2, 1, 0], [1, 2, 1], [0, 1, 2]];
        var inputs = BatchInputs.FromGram(gram);
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++) Assert.Equal(gram[i][j], inputs.Gram[i, j], 13);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(257)]
    public void BatchSize_OutsideBounds_IsRejected(int m)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => BatchInputs.Random(m, 300, 1));
        Assert.Contains("must lie in [2, 256]", e.Message);
    }

    [Fact]
    public void WithLabels_WrongCount_IsRejected()
    {
        var e = Assert.Throws<ArgumentException>(() => BatchInputs.Orthogonal(4, 4).WithLabels(["a", "a", "b"], "y.csv"));
        Assert.StartsWith("y.csv: 3 label(s) for 4 input(s)", e.Message);
    }

    [Fact]
    public void Random_IsOnTheSphereAndDeterministic()
    {
        var a = BatchInputs.Random(5, 7, 42);
        var b = BatchInputs.Random(5, 7, 42);
        Assert.Equal(a.Fingerprint(), b.Fingerprint());
        for (int i = 0; i < 5; i++) Assert.Equal(1, a.Gram[i, i], 14);
        Assert.NotEqual(a.Fingerprint(), BatchInputs.Random(5, 7, 43).Fingerprint());
    }

    [Fact]
    public void Clusters_HaveTheStatedAngleToTheirCentre()
    {
        var inputs = BatchInputs.Clusters(6, 3, 0.5, 9, 1);
        for (int i = 0; i < 6; i++)
        {
            double cos = inputs.Vectors[i][i % 3] / Math.Sqrt(9);
            Assert.Equal(Math.Cos(0.5), cos, 14);
            Assert.Equal((i % 3).ToString(System.Globalization.CultureInfo.InvariantCulture), inputs.Labels!.Labels[i]);
        }
    }
}
