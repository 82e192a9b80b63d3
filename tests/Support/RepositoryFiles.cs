namespace Degeneracy.TestSupport;

/// <summary>Files of the repository the tests run from (found by walking up from the test binaries to Symbolic.sln).</summary>
public static class RepositoryFiles
{
    /// <summary>The repository root, the folder holding Symbolic.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>A path inside the repository, e.g. <c>PathOf("docs", "CLAIMS.md")</c>.</summary>
    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>A text file of the repository with line endings normalised to \n.</summary>
    public static string ReadText(params string[] parts) => File.ReadAllText(PathOf(parts)).Replace("\r\n", "\n");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Symbolic.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root (Symbolic.sln) not found above " + AppContext.BaseDirectory);
    }
}
