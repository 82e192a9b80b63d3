using System.Globalization;

namespace Degeneracy.Verify;

/// <summary>
/// Layer widths n₁ … n_L written compactly: comma-separated terms, each a width <c>n</c> or a repeated width
/// <c>n x k</c> (k copies), e.g. <c>256x32</c>, <c>784,100,100</c>, <c>10x5,20x5</c>. Widths and repeat counts are ≥ 1.
/// </summary>
public sealed class WidthSpec
{
    /// <summary>Largest total number of layers a spec may expand to (1 000 000).</summary>
    public const int MaxLayers = 1_000_000;

    private WidthSpec(IReadOnlyList<int> widths) => Widths = widths;

    /// <summary>The expanded widths n₁ … n_L (L ≥ 1).</summary>
    public IReadOnlyList<int> Widths { get; }

    /// <summary>Parses a width spec.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="spec"/> is null.</exception>
    /// <exception cref="FormatException">Empty, malformed, a width or repeat count below 1, or more than 10⁶ layers.</exception>
    public static WidthSpec Parse(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (string.IsNullOrWhiteSpace(spec))
            throw new FormatException("width spec is empty; expected e.g. 256x32, 784,100,100 or 10x5,20x5 (widths ≥ 1)");
        var widths = new List<int>();
        foreach (string rawTerm in spec.Split(','))
        {
            string term = rawTerm.Trim();
            var parts = term.Split('x', 'X', '×');
            if (term.Length == 0 || parts.Length > 2)
                throw new FormatException($"width spec '{spec}': term '{term}' must be a width n or n x k (n, k ≥ 1)");
            int width = Positive(parts[0], spec, "width");
            int repeat = parts.Length == 2 ? Positive(parts[1], spec, "repeat count") : 1;
            if ((long)widths.Count + repeat > MaxLayers)
                throw new FormatException($"width spec '{spec}' expands to more than {MaxLayers} layers");
            widths.AddRange(Enumerable.Repeat(width, repeat));
        }
        return new WidthSpec(widths);
    }

    /// <summary>Parses, returning false (and null) instead of throwing <see cref="FormatException"/>.</summary>
    public static bool TryParse(string? spec, out WidthSpec? result)
    {
        result = null;
        if (spec is null) return false;
        try
        {
            result = Parse(spec);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Run-length canonical form, e.g. <c>10x5,20x5</c> or <c>784,100x2</c>.</summary>
    public override string ToString()
    {
        var terms = new List<string>();
        for (int i = 0; i < Widths.Count;)
        {
            int j = i;
            while (j < Widths.Count && Widths[j] == Widths[i]) j++;
            terms.Add(j - i == 1 ? Widths[i].ToString(CultureInfo.InvariantCulture) : $"{Widths[i]}x{j - i}");
            i = j;
        }
        return string.Join(',', terms);
    }

    private static int Positive(string text, string spec, string what)
    {
        string trimmed = text.Trim();
        if (!int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out int value))
            throw new FormatException($"width spec '{spec}': {what} '{trimmed}' is not an integer in [1, {int.MaxValue}]");
        if (value < 1)
            throw new FormatException($"width spec '{spec}': {what} {value} is out of range; it must be at least 1");
        return value;
    }
}
