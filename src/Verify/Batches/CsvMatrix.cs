using System.Globalization;

namespace Degeneracy.Verify.Batches;

/// <summary>
/// Reads a numeric CSV (comma-separated doubles, invariant culture, one row per line; blank lines and lines starting
/// with '#' skipped; no header). Every error names the source, the 1-based line and column.
/// </summary>
public static class CsvMatrix
{
    /// <summary>Parses <paramref name="text"/> into rows of equal length.</summary>
    /// <param name="text">The CSV text.</param>
    /// <param name="source">The file name used in error messages.</param>
    /// <param name="minRows">Fewest rows allowed (≥ 1).</param>
    /// <exception cref="FormatException">A non-numeric, NaN or infinite cell, a ragged row, or fewer than <paramref name="minRows"/> rows.</exception>
    public static double[][] Parse(string text, string source, int minRows = 2)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(source);
        var rows = new List<double[]>();
        int width = -1, firstLine = 0;
        var lines = text.Split('\n');
        for (int l = 0; l < lines.Length; l++)
        {
            string line = lines[l].TrimEnd('\r');
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#')) continue;
            var cells = line.Split(',');
            var row = new double[cells.Length];
            for (int c = 0; c < cells.Length; c++)
            {
                string cell = cells[c].Trim();
                if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
                    throw new FormatException($"{source}: line {l + 1}, column {c + 1}: '{Shorten(cell)}' is not a number");
                if (!double.IsFinite(value))
                    throw new FormatException($"{source}: line {l + 1}, column {c + 1}: '{Shorten(cell)}' is not a finite number");
                row[c] = value;
            }
            if (width < 0) { width = cells.Length; firstLine = l + 1; }
            else if (cells.Length != width)
                throw new FormatException($"{source}: line {l + 1}: {cells.Length} column(s), but line {firstLine} has {width} (ragged rows)");
            rows.Add(row);
        }
        if (rows.Count < minRows)
            throw new FormatException($"{source}: {rows.Count} data row(s); at least {minRows} are needed");
        return rows.ToArray();
    }

    /// <summary>One label per non-blank, non-comment line (trimmed), as written.</summary>
    public static string[] ParseLabels(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Split('\n').Select(l => l.TrimEnd('\r').Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToArray();
    }

    private static string Shorten(string cell) => cell.Length <= 40 ? cell : cell[..37] + "...";
}
