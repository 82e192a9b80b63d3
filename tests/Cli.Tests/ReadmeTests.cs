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
