namespace Degeneracy.Cli.Json;

/// <summary>Writes a JSON document to stdout, or to a file atomically (temp file in the same folder, then rename).</summary>
internal static class JsonOutput
{
    /// <summary>Fails early, before any long computation, when the folder of <paramref name="path"/> does not exist.</summary>
    /// <exception cref="DirectoryNotFoundException">The target folder is missing.</exception>
    public static void CheckWritable(string? path)
    {
        if (path is null) return;
        if (string.IsNullOrWhiteSpace(path)) throw new ArgumentException("--out: the output path is empty", nameof(path));
        string full = Path.GetFullPath(path);
        string? folder = Path.GetDirectoryName(full);
        if (folder is not null && !Directory.Exists(folder))
            throw new DirectoryNotFoundException($"--out: folder '{folder}' does not exist");
        if (Directory.Exists(full)) throw new IOException($"--out: '{path}' is a folder");
    }

    /// <summary>Writes <paramref name="json"/> to <paramref name="path"/> (never leaving a partial file) or, if null, to <paramref name="stdout"/>.</summary>
    public static void Write(string json, string? path, TextWriter stdout)
    {
        if (path is null)
        {
            stdout.Write(json);
            return;
        }
        string full = Path.GetFullPath(path);
        string temp = Path.Combine(Path.GetDirectoryName(full) ?? ".", $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temp, json);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
