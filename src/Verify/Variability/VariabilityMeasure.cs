namespace Degeneracy.Verify.Variability;

/// <summary>
/// One parameter sample's term of Zhang &amp; Yu's V₃ (eq. 5) on the m × m grid over [−1, 1]², h = 2/(m − 1):
/// v = ‖f‖⁻² ∫ Σᵢ |∂³f/∂xᵢ³|² dx discretised as Σ (Δ³f)²/h⁶ over every forward third difference
/// f(j+3) − 3f(j+2) + 3f(j+1) − f(j) along rows and columns, divided by Σ f² over the grid (the h² cell areas cancel).
/// Point p = r·m + c is x = (−1 + c·h, −1 + r·h).
/// </summary>
public static class VariabilityMeasure
{
    /// <summary>Smallest and largest grid size m (4: one stencil per line; 1024).</summary>
    public const int MinGridSize = 4, MaxGridSize = 1024;

    /// <summary>The grid coordinate −1 + 2i/(m − 1).</summary>
    public static double Coordinate(int index, int gridSize) => -1.0 + 2.0 * index / (gridSize - 1);

    /// <summary>
    /// v for the values f on the grid. When <paramref name="pattern"/> is non-empty (one activation-pattern hash per point),
    /// a stencil whose four points share a pattern lies in one linear region of a piecewise-linear network, where f = ‖F‖²
    /// is quadratic: its third difference is exactly 0 and is taken as 0 (not as rounding noise). v = 0 when Σ f² = 0.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">gridSize outside [4, 1024].</exception>
    /// <exception cref="ArgumentException">f (or a non-empty pattern) shorter than m².</exception>
    public static double SampleValue(ReadOnlySpan<double> f, ReadOnlySpan<ulong> pattern, int gridSize)
    {
        CheckGridSize(gridSize);
        int m = gridSize, n = m * m;
        if (f.Length < n) throw new ArgumentException($"f must hold {n} grid values", nameof(f));
        if (!pattern.IsEmpty && pattern.Length < n) throw new ArgumentException($"pattern must hold {n} hashes", nameof(pattern));
        double norm = 0;
        for (int p = 0; p < n; p++) norm += f[p] * f[p];
        if (norm == 0) return 0;
        double sum = 0;
        for (int line = 0; line < m; line++)
        {
            sum += LineSum(f, pattern, line * m, 1, m);   // along x₁ (a row)
            sum += LineSum(f, pattern, line, m, m);       // along x₂ (a column)
        }
        double h = 2.0 / (m - 1), h3 = h * h * h;
        return sum / (h3 * h3) / norm;
    }

    private static double LineSum(ReadOnlySpan<double> f, ReadOnlySpan<ulong> pattern, int start, int stride, int m)
    {
        double sum = 0;
        for (int j = 0; j + 3 < m; j++)
        {
            int p0 = start + j * stride, p1 = p0 + stride, p2 = p1 + stride, p3 = p2 + stride;
            if (!pattern.IsEmpty && pattern[p0] == pattern[p1] && pattern[p1] == pattern[p2] && pattern[p2] == pattern[p3]) continue;
            double d3 = f[p3] - 3 * f[p2] + 3 * f[p1] - f[p0];
            sum += d3 * d3;
        }
        return sum;
    }

    internal static void CheckGridSize(int gridSize)
    {
        if (gridSize is < MinGridSize or > MaxGridSize)
            throw new ArgumentOutOfRangeException(nameof(gridSize), gridSize, $"gridSize must lie in [{MinGridSize}, {MaxGridSize}]");
    }
}
