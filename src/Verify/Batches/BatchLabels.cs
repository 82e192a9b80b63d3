namespace Degeneracy.Verify.Batches;

/// <summary>
/// Class labels of a batch, as strings; classes are numbered in order of first appearance. The CDNV needs at least two
/// classes and at least two members per class (a class variance).
/// </summary>
public sealed class BatchLabels
{
    private BatchLabels(IReadOnlyList<string> labels, IReadOnlyList<string> names, int[] classOf, int[] sizes)
    {
        Labels = labels;
        ClassNames = names;
        ClassOf = classOf;
        ClassSizes = sizes;
    }

    /// <summary>The label of each input, as given.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>The distinct labels in order of first appearance; class c is ClassNames[c].</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>Class index of each input.</summary>
    public IReadOnlyList<int> ClassOf { get; }

    /// <summary>Members per class.</summary>
    public IReadOnlyList<int> ClassSizes { get; }

    /// <summary>Number of classes.</summary>
    public int ClassCount => ClassNames.Count;

    /// <summary>Builds the classes of <paramref name="labels"/>.</summary>
    /// <param name="labels">One label per input (non-empty strings).</param>
    /// <param name="source">Names the labels in error messages (e.g. the file).</param>
    /// <exception cref="ArgumentException">Fewer than two classes, a class with fewer than two members, or an empty label.</exception>
    public static BatchLabels Of(IReadOnlyList<string> labels, string source = "labels")
    {
        ArgumentNullException.ThrowIfNull(labels);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = new List<string>();
        var sizes = new List<int>();
        var classOf = new int[labels.Count];
        for (int i = 0; i < labels.Count; i++)
        {
            string label = labels[i] ?? throw new ArgumentException($"{source}: row {i + 1}: the label is missing", nameof(labels));
            if (label.Length == 0) throw new ArgumentException($"{source}: row {i + 1}: the label is empty", nameof(labels));
            if (!index.TryGetValue(label, out int c))
            {
                c = names.Count;
                index[label] = c;
                names.Add(label);
                sizes.Add(0);
            }
            classOf[i] = c;
            sizes[c]++;
        }
        if (names.Count < 2)
            throw new ArgumentException($"{source}: {names.Count} class(es) found; the CDNV needs at least 2 classes", nameof(labels));
        for (int c = 0; c < names.Count; c++)
            if (sizes[c] < 2)
            {
                int row = Array.IndexOf(classOf, c) + 1;
                throw new ArgumentException($"{source}: row {row}: class '{names[c]}' has {sizes[c]} sample; the CDNV needs at least 2 per class (a class variance)", nameof(labels));
            }
        return new BatchLabels(labels.ToArray(), names, classOf, sizes.ToArray());
    }
}
