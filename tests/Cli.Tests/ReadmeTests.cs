using System.Text.RegularExpressions;

namespace Degeneracy.Cli.Tests;

public class ReadmeTests
{
    private static string Root()
    {
        string root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Symbolic.sln"))) root = Path.GetDirectoryName(root)!;
        return root;
    }

    [Fact]
    public void CiRun_ContainsReadmeTestCommandVerbatim()
    {
        var readme = File.ReadAllText(Path.Combine(Root(), "README.md"));
        var command = Regex.Match(readme, "dotnet test[^`\\n#]*").Value.TrimEnd();
        Assert.StartsWith("dotnet test Symbolic.sln", command);
        Assert.Contains(command, File.ReadAllText(Path.Combine(Root(), ".ci", "run")));
    }

    [Fact]
    public void Readme_ShowsMainJobCommand() =>
        Assert.Contains("dotnet run --project src/Cli", File.ReadAllText(Path.Combine(Root(), "README.md")));
}

public class ReadmeLibraryExampleTests
{
    [Fact]
    public void LibraryExample_FromReadme_RunsAndPrintsTheDerivedCoefficient()
    {
        // The calls of README's "Using the library from C#" section, verbatim but for the smaller sample count.
        var d = Degeneracy.Series.Derivation.Derivation.Derive(thetaOrder: 4, nOrder: 2);
        Assert.Equal("-8 - 296/(45*pi^2)", d.Coefficient(Degeneracy.Series.Derivation.Quantity.Sigma2, 2, 1).ToString());
        var law = Degeneracy.Series.Evaluation.LayerLaws.Series(1);
        double mu = Degeneracy.Series.Evaluation.LayerLaws.Mu(law, 0.3, 64);
        var mc = Degeneracy.Verify.MonteCarlo.ReducedChainSampler.Run([64, 64, 64], 0.3, 20_000, seed: 1);
        var pred = Degeneracy.Verify.Prediction.PredictionMethods.Create("moment").Predict([64, 64, 64], 0.3);
        // μ(0.3, 64) is the first layer's mean: 20 000 samples, SE ≈ 0.005; 5 SE two-sided (false alarm ≈ 6e-7).
        Assert.True(Math.Abs(mc.Layers[0].Mean - mu) < 5 * mc.Layers[0].MeanStdError, $"{mc.Layers[0].Mean} vs {mu}");
        Assert.Equal(3, pred.Layers.Count);
    }
}
