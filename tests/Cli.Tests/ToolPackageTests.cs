using Degeneracy.TestSupport;
using System.Diagnostics;

namespace Degeneracy.Cli.Tests;

/// <summary>The `degeneracy` .NET tool: packed, installed into a temporary tool path and run (slow: a pack and an install).</summary>
public sealed class ToolPackageTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("degeneracy-tool-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Root() => RepositoryFiles.Root;

    private static (int Code, string Output) Run(string file, string arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        string stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Pack_InstallIntoToolPath_VersionRuns()
    {
        string packages = Path.Combine(_folder, "packages"), tools = Path.Combine(_folder, "tools");
        var pack = Run("dotnet", $"pack src/Cli -c Release -o \"{packages}\"", Root());
        Assert.True(pack.Code == 0, pack.Output);
        Assert.Single(Directory.GetFiles(packages, "Degeneracy.Cli.*.nupkg"), f => !f.EndsWith(".snupkg", StringComparison.Ordinal));
        var install = Run("dotnet", $"tool install Degeneracy.Cli --tool-path \"{tools}\" --add-source \"{packages}\"", _folder);
        Assert.True(install.Code == 0, install.Output);
        var version = Run(Path.Combine(tools, OperatingSystem.IsWindows() ? "degeneracy.exe" : "degeneracy"), "--version", _folder);
        Assert.Equal(0, version.Code);
        Assert.Matches(@"^\d+\.\d+\.\d+", version.Output.Trim());
    }
}
