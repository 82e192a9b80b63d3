namespace Degeneracy.Verify.FiniteWidth;

/// <summary>
/// Running count, means and centred co-moment matrix of a d-vector (Welford's update; Chan et al.'s pairwise merge),
/// so that partial sums from chunks merge deterministically and without cancellation.
/// </summary>
internal sealed class CoMoments(int dimension)
{
    public int Dimension { get; } = dimension;
    public long Count { get; private set; }
    public double[] Mean { get; } = new double[dimension];
    /// <summary>Σ (x − x̄)(x − x̄)ᵀ, row-major.</summary>
    public double[] M { get; } = new double[dimension * dimension];

    public void Add(ReadOnlySpan<double> x)
    {
        Count++;
        int d = Dimension;
        Span<double> delta = stackalloc double[d];
        for (int i = 0; i < d; i++)
        {
            delta[i] = x[i] - Mean[i];
            Mean[i] += delta[i] / Count;
        }
        for (int i = 0; i < d; i++)
        {
            double r = x[i] - Mean[i];
            for (int j = 0; j < d; j++) M[i * d + j] += delta[j] * r;
        }
    }

    public void Merge(CoMoments other)
    {
        if (other.Count == 0) return;
        if (Count == 0)
        {
            Count = other.Count;
            other.Mean.CopyTo(Mean, 0);
            other.M.CopyTo(M, 0);
            return;
        }
        long n = Count + other.Count;
        int d = Dimension;
        double f = (double)Count * other.Count / n;
        Span<double> delta = stackalloc double[d];
        for (int i = 0; i < d; i++) delta[i] = other.Mean[i] - Mean[i];
        for (int i = 0; i < d; i++)
            for (int j = 0; j < d; j++) M[i * d + j] += other.M[i * d + j] + f * delta[i] * delta[j];
        for (int i = 0; i < d; i++) Mean[i] += delta[i] * other.Count / n;
        Count = n;
    }

    /// <summary>Covariance entry (i, j) with divisor N − 1.</summary>
    public double Cov(int i, int j) => M[i * Dimension + j] / Math.Max(1, Count - 1);
}
