namespace Degeneracy.Verify.Batches;

/// <summary>The CDNV of one pair of classes.</summary>
/// <param name="First">The first class's label.</param>
/// <param name="Second">The second class's label.</param>
/// <param name="Value">V = (Var₁ + Var₂)/(2‖μ₁ − μ₂‖²); +∞ when the class means coincide.</param>
public sealed record CdnvPair(string First, string Second, double Value);

/// <summary>The CDNV of every class pair of one feature matrix and their average.</summary>
/// <param name="Pairs">Class pairs (i &lt; j in order of first appearance of the labels).</param>
/// <param name="Average">Mean over the pairs.</param>
public sealed record CdnvResult(IReadOnlyList<CdnvPair> Pairs, double Average);

/// <summary>
/// Class-distance normalised variance (Galanti, György &amp; Hutter, On the role of neural collapse in transfer learning,
/// 2022): V(P_a, P_b) = (Var_a + Var_b)/(2‖μ_a − μ_b‖²) with μ_c the class mean of the features and
/// Var_c = (1/|c|)Σ_{i∈c}‖fᵢ − μ_c‖² (mean squared distance to the class mean); averaged over the class pairs.
/// Invariant under scaling all features, permuting samples within a class, and renaming classes. A pair whose class means
/// differ by no more than their rounding (≈ 4(|a| + |b|)·2⁻⁵²·max|f|) has V = +∞ (coincident means).
/// </summary>
public static class Cdnv
{
    /// <summary>2⁻⁵², the spacing of doubles at 1 (not <see cref="double.Epsilon"/>, the smallest subnormal).</summary>
    private static readonly double MachineEpsilon = Math.BitIncrement(1.0) - 1.0;

    /// <summary>Computes the CDNV of <paramref name="features"/> (one row per sample) labelled by <paramref name="labels"/>.</summary>
    /// <param name="features">N rows of one length p ≥ 1, finite.</param>
    /// <param name="labels">One label per row; ≥ 2 classes, ≥ 2 samples each.</param>
    /// <param name="source">Names the data in error messages.</param>
    /// <exception cref="ArgumentException">Row/label count mismatch, ragged rows, or see <see cref="BatchLabels.Of"/>.</exception>
    public static CdnvResult Compute(IReadOnlyList<double[]> features, BatchLabels labels, string source = "features")
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        if (features.Count != labels.Labels.Count)
            throw new ArgumentException($"{source}: {features.Count} row(s) but {labels.Labels.Count} label(s); there must be one label per row", nameof(labels));
        int p = features[0].Length, c = labels.ClassCount;
        for (int i = 0; i < features.Count; i++)
            if (features[i].Length != p)
                throw new ArgumentException($"{source}: row {i + 1} has {features[i].Length} columns, row 1 has {p}", nameof(features));
        var means = new double[c][];
        for (int a = 0; a < c; a++) means[a] = new double[p];
        for (int i = 0; i < features.Count; i++)
        {
            var mean = means[labels.ClassOf[i]];
            for (int q = 0; q < p; q++) mean[q] += features[i][q];
        }
        for (int a = 0; a < c; a++)
            for (int q = 0; q < p; q++) means[a][q] /= labels.ClassSizes[a];
        var variance = new double[c];
        for (int i = 0; i < features.Count; i++)
        {
            var mean = means[labels.ClassOf[i]];
            double s = 0;
            for (int q = 0; q < p; q++) { double d = features[i][q] - mean[q]; s += d * d; }
            variance[labels.ClassOf[i]] += s;
        }
        for (int a = 0; a < c; a++) variance[a] /= labels.ClassSizes[a];
        // Rounding of the class means: a mean of m values of size ≤ M is off by ≲ m·ε·M per coordinate; means that differ
        // by no more than that are indistinguishable (their difference is rounding), and the CDNV of the pair is +∞.
        var magnitude = new double[p];
        foreach (var row in features)
            for (int q = 0; q < p; q++) magnitude[q] = Math.Max(magnitude[q], Math.Abs(row[q]));
        var pairs = new List<CdnvPair>();
        for (int a = 0; a < c; a++)
            for (int b = a + 1; b < c; b++)
            {
                double distance = 0, rounding = 0;
                for (int q = 0; q < p; q++)
                {
                    double d = means[a][q] - means[b][q];
                    distance += d * d;
                    double r = 4 * (labels.ClassSizes[a] + labels.ClassSizes[b]) * MachineEpsilon * magnitude[q];
                    rounding += r * r;
                }
                double value = distance > rounding ? (variance[a] + variance[b]) / (2 * distance) : double.PositiveInfinity;
                pairs.Add(new CdnvPair(labels.ClassNames[a], labels.ClassNames[b], value));
            }
        return new CdnvResult(pairs, pairs.Average(x => x.Value));
    }
}
