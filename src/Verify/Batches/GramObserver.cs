namespace Degeneracy.Verify.Batches;

/// <summary>
/// Computes every <see cref="BatchObservable"/> (and optionally the entries Kᵢⱼ, i ≤ j) of one layer from a factor R of
/// the post-activations (RᵀR = HᵀH, m×m column-major) and the support of each column of H. One instance per worker
/// thread (it owns its buffers).
/// </summary>
internal sealed class GramObserver
{
    private const double Machine = 2.220446049250313e-16; // 2⁻⁵²

    /// <summary>sin²θ at or below which a pair is numerically parallel ((2⁻⁴⁴)², sin θ below 2⁸ ulps).</summary>
    private const double NumericallyParallel = 3.2311742677852644e-27;
    private readonly int _m;
    private readonly double _tolerance;
    private readonly BatchLabels? _labels;
    private readonly bool _trackGram;
    private readonly double[] _k, _scratch, _eigenvalues, _classMean;
    private readonly bool[] _collapsed;
    private readonly bool _absorbing;

    /// <param name="m">Batch size.</param>
    /// <param name="tolerance">τ of the numerical rank.</param>
    /// <param name="labels">Class labels (CDNV) or null.</param>
    /// <param name="trackGram">Also write the Gram entries.</param>
    /// <param name="absorbing">Collapse is absorbing (no bias: a zero or positively collinear pair stays so); then a pair
    /// collapsed at an earlier layer of the sample stays collapsed.</param>
    public GramObserver(int m, double tolerance, BatchLabels? labels, bool trackGram, bool absorbing)
    {
        _absorbing = absorbing;
        _collapsed = new bool[m * m];
        _m = m;
        _tolerance = tolerance;
        _labels = labels;
        _trackGram = trackGram;
        _k = new double[m * m];
        _scratch = new double[m * m + m];
        _eigenvalues = new double[m];
        int classes = labels?.ClassCount ?? 0;
        _classMean = new double[classes * classes];
    }

    /// <summary>Values written per layer: the observables, then m(m+1)/2 Gram entries when tracked.</summary>
    public static int ValuesPerLayer(int m, bool trackGram) => BatchObservables.Count + (trackGram ? m * (m + 1) / 2 : 0);

    /// <summary>Forgets the collapsed pairs of the previous sample.</summary>
    public void StartSample() => Array.Clear(_collapsed);

    /// <summary>
    /// Writes the layer's values to <paramref name="output"/> (NaN where undefined). <paramref name="nonZero"/>[i] is the
    /// number of non-zero entries of column i of H and <paramref name="firstNonZero"/>[i] the index of one of them.
    /// </summary>
    public void Observe(ReadOnlySpan<double> r, int n, ReadOnlySpan<int> nonZero, ReadOnlySpan<int> firstNonZero, Span<double> output)
    {
        int m = _m;
        var k = _k.AsSpan();
        for (int i = 0; i < m; i++)
            for (int j = i; j < m; j++)
            {
                // Columns of an upper-triangular R: only the first min(i, j) + 1 entries of column i can meet column j's.
                double dot = Orthonormalizer.Dot(r.Slice(i * m, i + 1), r.Slice(j * m, i + 1));
                k[i * m + j] = k[j * m + i] = dot / n;
            }
        Spectral(k, m, _tolerance, _scratch, _eigenvalues, output);

        int collapsed = 0, alive = 0;
        double lnSum = 0, lnMin = double.PositiveInfinity, lnMax = double.NegativeInfinity;
        for (int i = 0; i < m; i++)
            for (int j = i + 1; j < m; j++)
            {
                bool exact = nonZero[i] == 0 || nonZero[j] == 0 || (nonZero[i] == 1 && nonZero[j] == 1 && firstNonZero[i] == firstNonZero[j]);
                double s2 = exact ? 0 : SinSquared(r, i, j);
                if (exact || s2 <= NumericallyParallel || (_absorbing && _collapsed[i * m + j]))
                {
                    // antiparallel pairs (Kᵢⱼ < 0) can separate again under φ_s with s ≠ 0: not absorbing
                    _collapsed[i * m + j] |= exact || k[i * m + j] > 0;
                    collapsed++;
                    continue;
                }
                double ln = Math.Log(s2);
                alive++;
                lnSum += ln;
                lnMin = Math.Min(lnMin, ln);
                lnMax = Math.Max(lnMax, ln);
            }
        output[(int)BatchObservable.LnSin2Mean] = alive > 0 ? lnSum / alive : double.NaN;
        output[(int)BatchObservable.LnSin2Min] = alive > 0 ? lnMin : double.NaN;
        output[(int)BatchObservable.LnSin2Max] = alive > 0 ? lnMax : double.NaN;
        output[(int)BatchObservable.CollapsedPairs] = collapsed;
        output[(int)BatchObservable.Cdnv] = _labels is null ? double.NaN : GramCdnv(k, m, _labels, _classMean);

        if (_trackGram)
        {
            int at = BatchObservables.Count;
            for (int i = 0; i < m; i++)
                for (int j = i; j < m; j++) output[at++] = k[i * m + j];
        }
    }

    /// <summary>
    /// Participation ratio, entropy rank, numerical rank at <paramref name="tolerance"/> and machine rank of K (m×m,
    /// row-major); <paramref name="scratch"/> holds at least m² + m values, <paramref name="eigenvalues"/> exactly m.
    /// </summary>
    internal static void Spectral(ReadOnlySpan<double> k, int m, double tolerance, Span<double> scratch, Span<double> eigenvalues, Span<double> output)
    {
        double trace = 0, frobenius = 0;
        for (int i = 0; i < m; i++) trace += k[i * m + i];
        for (int i = 0; i < m * m; i++) frobenius += k[i] * k[i];
        output[(int)BatchObservable.ParticipationRatio] = frobenius > 0 ? trace * trace / frobenius : double.NaN;

        k[..(m * m)].CopyTo(scratch);
        TridiagonalEigen.Compute(scratch[..(m * m)], m, eigenvalues, scratch.Slice(m * m, m));
        double lambdaMax = eigenvalues[0];
        if (lambdaMax > 0)
        {
            double sum = 0, entropy = 0;
            int numerical = 0, rank = 0;
            foreach (double l in eigenvalues)
            {
                if (l > 0) sum += l;
                if (l > tolerance * lambdaMax) numerical++;
                if (l > m * Machine * lambdaMax) rank++;
            }
            foreach (double l in eigenvalues)
                if (l > 0) { double p = l / sum; entropy -= p * Math.Log(p); }
            output[(int)BatchObservable.EntropyRank] = Math.Exp(entropy);
            output[(int)BatchObservable.NumericalRank] = numerical;
            output[(int)BatchObservable.Rank] = rank;
        }
        else
        {
            output[(int)BatchObservable.EntropyRank] = double.NaN;
            output[(int)BatchObservable.NumericalRank] = 0;
            output[(int)BatchObservable.Rank] = 0;
        }

    }

    /// <summary>
    /// sin²θᵢⱼ between columns i &lt; j: (KᵢᵢKⱼⱼ − Kᵢⱼ²)/(KᵢᵢKⱼⱼ), or, below 10⁻⁶ where that cancels, the stable
    /// ‖rⱼ − (rᵢ·rⱼ/‖rᵢ‖²)rᵢ‖²/‖rⱼ‖² on the factor's columns.
    /// </summary>
    private double SinSquared(ReadOnlySpan<double> r, int i, int j)
    {
        int m = _m;
        double kii = _k[i * m + i], kjj = _k[j * m + j], kij = _k[i * m + j];
        double s2 = (kii * kjj - kij * kij) / (kii * kjj);
        if (s2 < 1e-6)
        {
            var ri = r.Slice(i * m, m);
            var rj = r.Slice(j * m, m);
            double c = Orthonormalizer.Dot(ri, rj) / Orthonormalizer.Dot(ri, ri), residual = 0;
            for (int p = 0; p < m; p++) { double e = rj[p] - c * ri[p]; residual += e * e; }
            s2 = residual / Orthonormalizer.Dot(rj, rj);
        }
        return Math.Min(s2, 1.0);
    }

    /// <summary>
    /// Average CDNV over class pairs from the Gram matrix: with G_ab the mean of Kᵢⱼ over i ∈ a, j ∈ b,
    /// Var_a = mean_{i∈a} Kᵢᵢ − G_aa and ‖μ_a − μ_b‖² = G_aa + G_bb − 2G_ab (features scaled by 1/√n; CDNV is scale-free).
    /// </summary>
    internal static double GramCdnv(ReadOnlySpan<double> k, int m, BatchLabels labels, Span<double> classMean)
    {
        int c = labels.ClassCount;
        classMean[..(c * c)].Clear();
        for (int i = 0; i < m; i++)
            for (int j = 0; j < m; j++) classMean[labels.ClassOf[i] * c + labels.ClassOf[j]] += k[i * m + j];
        Span<double> diag = c <= 256 ? stackalloc double[c] : new double[c];
        diag.Clear();
        for (int i = 0; i < m; i++) diag[labels.ClassOf[i]] += k[i * m + i];
        for (int a = 0; a < c; a++)
        {
            double size = labels.ClassSizes[a];
            diag[a] /= size;
            for (int b = 0; b < c; b++) classMean[a * c + b] /= size * labels.ClassSizes[b];
        }
        double total = 0;
        for (int a = 0; a < c; a++)
            for (int b = a + 1; b < c; b++)
            {
                double variance = diag[a] - classMean[a * c + a] + diag[b] - classMean[b * c + b];
                double distance = classMean[a * c + a] + classMean[b * c + b] - 2 * classMean[a * c + b];
                if (!(distance > 0)) return double.NaN;
                total += variance / (2 * distance);
            }
        return total / (c * (c - 1) / 2);
    }
}
