namespace Degeneracy.Verify.Batches;

/// <summary>
/// Eigenvalues of a real symmetric k×k matrix: Householder reduction to tridiagonal form, then the implicit QL iteration
/// with Wilkinson shifts (tred2/tqli without eigenvectors, Press et al., Numerical Recipes, 3rd ed., §11.3–11.4).
/// About (4/3)k³ flops, several times fewer than cyclic Jacobi; absolute accuracy a few ulps of the largest |λ|.
/// Deterministic (fixed operation order).
/// </summary>
public static class TridiagonalEigen
{
    /// <summary>Largest number of QL iterations per eigenvalue before giving up.</summary>
    public const int MaxIterations = 60;

    /// <summary>
    /// Writes the eigenvalues of <paramref name="a"/> (k×k row-major, symmetric; destroyed) in descending order to
    /// <paramref name="eigenvalues"/>, using <paramref name="offDiagonal"/> (length ≥ k) as workspace.
    /// </summary>
    /// <exception cref="ArithmeticException">The QL iteration did not converge (non-finite input).</exception>
    public static void Compute(Span<double> a, int k, Span<double> eigenvalues, Span<double> offDiagonal)
    {
        if (k < 1 || a.Length < k * k || eigenvalues.Length < k || offDiagonal.Length < k)
            throw new ArgumentException($"a must hold {k}×{k} entries, eigenvalues and offDiagonal {k}", nameof(a));
        var d = eigenvalues[..k];
        var e = offDiagonal[..k];
        Tridiagonalise(a, k, d, e);
        QlImplicit(d, e, k);
        d.Sort();
        d.Reverse();
    }

    private static void Tridiagonalise(Span<double> z, int n, Span<double> d, Span<double> e)
    {
        for (int i = n - 1; i > 0; i--)
        {
            int l = i - 1;
            double h = 0, scale = 0;
            if (l > 0)
            {
                for (int k = 0; k < i; k++) scale += Math.Abs(z[i * n + k]);
                if (scale == 0) e[i] = z[i * n + l];
                else
                {
                    for (int k = 0; k < i; k++)
                    {
                        z[i * n + k] /= scale;
                        h += z[i * n + k] * z[i * n + k];
                    }
                    double f = z[i * n + l];
                    double g = f >= 0 ? -Math.Sqrt(h) : Math.Sqrt(h);
                    e[i] = scale * g;
                    h -= f * g;
                    z[i * n + l] = f - g;
                    f = 0;
                    for (int j = 0; j < i; j++)
                    {
                        g = 0;
                        for (int k = 0; k < j + 1; k++) g += z[j * n + k] * z[i * n + k];
                        for (int k = j + 1; k < i; k++) g += z[k * n + j] * z[i * n + k];
                        e[j] = g / h;
                        f += e[j] * z[i * n + j];
                    }
                    double hh = f / (h + h);
                    for (int j = 0; j < i; j++)
                    {
                        f = z[i * n + j];
                        e[j] = g = e[j] - hh * f;
                        for (int k = 0; k < j + 1; k++) z[j * n + k] -= f * e[k] + g * z[i * n + k];
                    }
                }
            }
            else e[i] = z[i * n + l];
            d[i] = h;
        }
        e[0] = 0;
        for (int i = 0; i < n; i++) d[i] = z[i * n + i];
    }

    private static void QlImplicit(Span<double> d, Span<double> e, int n)
    {
        for (int i = 1; i < n; i++) e[i - 1] = e[i];
        e[n - 1] = 0;
        for (int l = 0; l < n; l++)
        {
            int iterations = 0, m;
            do
            {
                for (m = l; m < n - 1; m++)
                {
                    double dd = Math.Abs(d[m]) + Math.Abs(d[m + 1]);
                    if (Math.Abs(e[m]) <= double.Epsilon + 2.220446049250313e-16 * dd) break;
                }
                if (m == l) break;
                if (iterations++ == MaxIterations) throw new ArithmeticException("the tridiagonal QL iteration did not converge");
                double g = (d[l + 1] - d[l]) / (2 * e[l]);
                double r = Hypot(g, 1);
                g = d[m] - d[l] + e[l] / (g + (g >= 0 ? Math.Abs(r) : -Math.Abs(r)));
                double s = 1, c = 1, p = 0;
                int i;
                bool underflow = false;
                for (i = m - 1; i >= l; i--)
                {
                    double f = s * e[i], b = c * e[i];
                    e[i + 1] = r = Hypot(f, g);
                    if (r == 0)
                    {
                        d[i + 1] -= p;
                        e[m] = 0;
                        underflow = true;
                        break;
                    }
                    s = f / r;
                    c = g / r;
                    g = d[i + 1] - p;
                    r = (d[i] - g) * s + 2 * c * b;
                    d[i + 1] = g + (p = s * r);
                    g = c * r - b;
                }
                if (underflow) continue;
                d[l] -= p;
                e[l] = g;
                e[m] = 0;
            }
            while (true);
        }
    }

    private static double Hypot(double a, double b)
    {
        double x = Math.Abs(a), y = Math.Abs(b);
        if (x < y) (x, y) = (y, x);
        if (x == 0) return 0;
        double t = y / x;
        return x * Math.Sqrt(1 + t * t);
    }
}
