using System.Text;

namespace Degeneracy.Cli;

/// <summary>
/// The one way the CLI writes files: a temporary file in the target's folder, renamed over the target when complete,
/// and removed on every failure path, so no partial output is ever left. <see cref="CheckWritable"/> runs before
/// the work starts, so a bad path fails in milliseconds, not after a long computation.
/// </summary>
internal static class AtomicFile
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Bad input unless <paramref name="path"/> names a file that can be created: not empty, its folder exists, it is
    /// not a folder, and a probe file can be created (and is removed) next to it.
    /// </summary>
    public static void CheckWritable(string option, string path)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new BadInputException($"{option}: the path is empty.");
        string full;
        try { full = Path.GetFullPath(path); }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new BadInputException($"{option}: '{path}' is not a valid path.", e);
        }
        string folder = Path.GetDirectoryName(full) ?? ".";
        if (!Directory.Exists(folder)) throw new BadInputException($"{option}: folder '{folder}' does not exist.");
        if (Directory.Exists(full)) throw new BadInputException($"{option}: '{path}' is a folder, not a file.");
        string probe = TempName(full, ".probe");
        try
        {
            using (File.Create(probe)) { }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BadInputException($"{option}: cannot write in '{folder}' ({BadInputException.Plain(e)}).", e);
        }
        finally
        {
            TryDelete(probe);
        }
    }

    /// <summary>Writes <paramref name="text"/> (UTF-8, no byte-order mark) to <paramref name="path"/> atomically.</summary>
    public static void WriteText(string path, string text) => Write(path, temp => File.WriteAllText(temp, text, Utf8));

    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/> atomically, or to <paramref name="stdout"/> when the path is null.</summary>
    public static void WriteTextOrPrint(string? path, string text, TextWriter stdout)
    {
        if (path is null) stdout.Write(text);
        else WriteText(path, text);
    }

    /// <summary>
    /// Lets <paramref name="writeTemp"/> write a temporary file (same folder and extension as <paramref name="path"/>),
    /// then renames it over <paramref name="path"/>; the temporary file is removed if anything fails.
    /// </summary>
    public static void Write(string path, Action<string> writeTemp)
    {
        ArgumentNullException.ThrowIfNull(writeTemp);
        string full = Path.GetFullPath(path);
        string temp = TempName(full, Path.GetExtension(full));
        try
        {
            writeTemp(temp);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            TryDelete(temp);
        }
    }

    private static string TempName(string full, string extension) =>
        Path.Combine(Path.GetDirectoryName(full) ?? ".", $".{Path.GetFileNameWithoutExtension(full)}.{Guid.NewGuid():N}.tmp{extension}");

    private static void TryDelete(string file)
    {
        try
        {
            if (File.Exists(file)) File.Delete(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the original failure (if any) is the one to report.
        }
    }
}
