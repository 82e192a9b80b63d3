using Degeneracy.TestSupport;
using System.Text.RegularExpressions;
using Degeneracy;

namespace Degeneracy.Cli.Tests;

public class ReadmeTests
{
    private static string Root() => RepositoryFiles.Root;

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

/// <summary>README's C# section: compiled with Roslyn and run exactly as printed; its output must be the block below it.</summary>
public class ReadmeLibraryExampleTests
{
    private static string Readme()
    {
        return File.ReadAllText(RepositoryFiles.PathOf("README.md"));
    }

    private static (string Code, string Output) Section()
    {
        string readme = Readme();
        string section = readme[readme.IndexOf("## Using the library from C#", StringComparison.Ordinal)..];
        var code = Regex.Match(section, "```csharp\n(.*?)```", RegexOptions.Singleline).Groups[1].Value;
        var output = Regex.Match(section, "prints[^\n]*\n\n```\n(.*?)```", RegexOptions.Singleline).Groups[1].Value;
        return (code, output);
    }

    [Fact]
    public void LibraryExample_CompiledAndRun_PrintsWhatReadmeShows()
    {
        var (code, expected) = Section();
        Assert.Contains("using Degeneracy;", code);
        Assert.DoesNotMatch("using Degeneracy\\.", code); // the front door only
        var tree = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("using System;\n" + code);
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Concat(Directory.GetFiles(AppContext.BaseDirectory, "Degeneracy.*.dll"))
            .Distinct().Select(p => Microsoft.CodeAnalysis.MetadataReference.CreateFromFile(p));
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("ReadmeExample", [tree], references,
            new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.ConsoleApplication));
        using var pe = new MemoryStream();
        var emitted = compilation.Emit(pe);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        var assembly = System.Reflection.Assembly.Load(pe.ToArray());
        var writer = new StringWriter();
        var previous = Console.Out;
        try
        {
            Console.SetOut(writer);
            assembly.EntryPoint!.Invoke(null, [Array.Empty<string>()]);
        }
        finally
        {
            Console.SetOut(previous);
        }
        string actual = writer.ToString().Replace("\r\n", "\n");
        Assert.True(expected == actual, "README's example prints:\n" + actual);
    }

    [Fact]
    public void LibraryExample_Values_AgreeWithIndependentExpectations()
    {
        Assert.Equal(1 / (2 * Math.PI), J.Value(1, 1, Math.PI / 2), 1e-16);
        Assert.Equal("-8 - 296/(45*pi^2)", Theory.VarianceCoefficient(2, 1).ToString());
        Assert.Equal(2.0 / 16 + 8.0 / 256 + 40.0 / 4096, Laws.Rho(16, nOrder: 3), 1e-15);
        var widths = Simulation.Widths("64x3");
        var mc = Simulation.Run(widths, 0.3, 20_000, seed: 1);
        double mu = Laws.Mu(0.3, 64);
        // μ(0.3, 64) is the first layer's mean: 20 000 samples, SE ≈ 0.005; 5 SE two-sided (false alarm ≈ 6e-7).
        Assert.True(Math.Abs(mc.Layers[0].Mean - mu) < 5 * mc.Layers[0].MeanStdError, $"{mc.Layers[0].Mean} vs {mu}");
        Assert.Equal(3, Predict.Network(widths, 0.3).Layers.Count);
    }
}
