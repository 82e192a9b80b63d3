namespace Degeneracy.Verify.Batches;

/// <summary>
/// Eigenvalues (and optionally eigenvectors) of a real symmetric k×k matrix by the cyclic Jacobi method with the
/// Rutishauser threshold strategy; absolute accuracy a few ulps of the largest |λ|. Deterministic (fixed sweep order).
/// </summary>
public static class SymmetricEigen
{
    /// <summary>Largest number of sweeps before giving up (convergence is quadratic; 6–10 sweeps are typical).</summary>
    public const int MaxSweeps = 60;

    /// <summary>
    /// Diagonalises <paramref name="a"/> (k×k row-major, symmetric; destroyed) and writes the eigenvalues, in descending
    /// order, to <paramref name="eigenvalues"/>; if <paramref name="vectors"/> is non-empty (k×k), column c holds the
    /// eigenvector of eigenvalue c.
    /// </summary>
    public static void Compute(Span<double> a, int k, Span<double> eigenvalues, Span<double> vectors = default)
    {
        if (k < 1 || a.Length < k * k || eigenvalues.Length < k)
            throw new ArgumentException($"a must hold {k}×{k} entries and eigenvalues {k}", nameof(a));
        bool withVectors = !vectors.IsEmpty;
        if (withVectors)
        {
            if (vectors.Length < k * k) throw new ArgumentException($"vectors must hold {k}×{k} entries", nameof(vectors));
            vectors[..(k * k)].Clear();
            for (int i = 0; i < k; i++) vectors[i * k + i] = 1;
        }
        for (int sweep = 0; sweep < MaxSweeps; sweep++)
        {
            double off = 0, diag = 0;
            for (int p = 0; p < k; p++)
            {
                diag += a[p * k + p] * a[p * k + p];
                for (int q = p + 1; q < k; q++) off += a[p * k + q] * a[p * k + q];
            }
            if (off == 0 || off <= 1e-34 * diag) break;
            double threshold = sweep < 3 ? 0.2 * Math.Sqrt(off) / (k * k) : 0;
            for (int p = 0; p < k - 1; p++)
                for (int q = p + 1; q < k; q++)
                {
                    double apq = a[p * k + q];
                    if (Math.Abs(apq) <= threshold || apq == 0) continue;
                    double app = a[p * k + p], aqq = a[q * k + q];
                    double theta = (aqq - app) / (2 * apq);
                    double t = Math.Sign(theta) / (Math.Abs(theta) + Math.Sqrt(theta * theta + 1));
                    if (theta == 0) t = 1;
                    if (double.IsInfinity(theta * theta)) t = 1 / (2 * theta);
                    double c = 1 / Math.Sqrt(t * t + 1), s = t * c;
                    for (int r = 0; r < k; r++)
                    {
                        double arp = a[r * k + p], arq = a[r * k + q];
                        a[r * k + p] = c * arp - s * arq;
                        a[r * k + q] = s * arp + c * arq;
                    }
                    for (int r = 0; r < k; r++)
                    {
                        double apr = a[p * k + r], aqr = a[q * k + r];
                        a[p * k + r] = c * apr - s * aqr;
                        a[q * k + r] = s * apr + c * aqr;
                    }
                    a[p * k + q] = 0;
                    a[q * k + p] = 0;
                    if (withVectors)
                        for (int r = 0; r < k; r++)
                        {
                            double vrp = vectors[r * k + p], vrq = vectors[r * k + q];
                            vectors[r * k + p] = c * vrp - s * vrq;
                            vectors[r * k + q] = s * vrp + c * vrq;
                        }
                }
        }
        // Descending order (insertion sort keeps it deterministic and cheap for small k).
        Span<int> order = k <= 1024 ? stackalloc int[k] : new int[k];
        for (int i = 0; i < k; i++) order[i] = i;
        for (int i = 1; i < k; i++)
        {
            int o = order[i];
            int j = i - 1;
            while (j >= 0 && a[order[j] * k + order[j]] < a[o * k + o]) { order[j + 1] = order[j]; j--; }
            order[j + 1] = o;
        }
        for (int i = 0; i < k; i++) eigenvalues[i] = a[order[i] * k + order[i]];
        if (withVectors)
        {
            var copy = vectors[..(k * k)].ToArray();
            for (int c = 0; c < k; c++)
                for (int r = 0; r < k; r++) vectors[r * k + c] = copy[r * k + order[c]];
        }
    }
}
