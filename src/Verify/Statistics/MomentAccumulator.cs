namespace Degeneracy.Verify.Statistics;

/// <summary>
/// Count, mean, central moment sums M₂, M₃, M₄, minimum and maximum of a stream of finite values:
/// Welford's one-pass update and the Chan–Pébay pairwise merge, so partial accumulations combine.
/// </summary>
/// <remarks>
/// Floating-point merging is not associative; callers that need bit-identical results from partial runs
/// must merge in a fixed order (see <see cref="DyadicReduction"/>). Merging with an empty accumulator
/// returns the other operand unchanged, bit for bit.
/// </remarks>
public readonly record struct MomentAccumulator(long Count, double Mean, double M2, double M3, double M4, double Min, double Max)
{
    /// <summary>The accumulator of no values.</summary>
    public static MomentAccumulator Empty => new(0, 0, 0, 0, 0, double.PositiveInfinity, double.NegativeInfinity);

    /// <summary>Sample variance M₂/(n − 1); NaN for fewer than two values.</summary>
    public double Variance => Count > 1 ? M2 / (Count - 1) : double.NaN;

    /// <summary>Standard error of the mean, √(s²/n); NaN for fewer than two values.</summary>
    public double MeanStdError => Count > 1 ? Math.Sqrt(Variance / Count) : double.NaN;

    /// <summary>
    /// Standard error of the sample variance, √((m₄ − s⁴(n − 3)/(n − 1))/n) with m₄ = M₄/n, s² = M₂/(n − 1);
    /// NaN for fewer than four values.
    /// </summary>
    public double VarianceStdError
    {
        get
        {
            if (Count < 4) return double.NaN;
            double n = Count, s2 = Variance, m4 = M4 / n;
            return Math.Sqrt(Math.Max(0, (m4 - s2 * s2 * (n - 3) / (n - 1)) / n));
        }
    }

    /// <summary>Accumulates one more value (Welford/Terriberry update of the mean and M₂…M₄).</summary>
    /// <param name="x">A finite value.</param>
    public MomentAccumulator Add(double x)
    {
        long n1 = Count, n = n1 + 1;
        double delta = x - Mean, deltaN = delta / n, deltaN2 = deltaN * deltaN, term1 = delta * deltaN * n1;
        double m4 = M4 + term1 * deltaN2 * ((double)n * n - 3.0 * n + 3) + 6 * deltaN2 * M2 - 4 * deltaN * M3;
        double m3 = M3 + term1 * deltaN * (n - 2) - 3 * deltaN * M2;
        return new MomentAccumulator(n, Mean + deltaN, M2 + term1, m3, m4, Math.Min(Min, x), Math.Max(Max, x));
    }

    /// <summary>Pairwise merge (Chan et al. for M₂, Pébay 2008 for M₃ and M₄) of the accumulations of two disjoint sets.</summary>
    public static MomentAccumulator Combine(in MomentAccumulator a, in MomentAccumulator b)
    {
        if (b.Count == 0) return a;
        if (a.Count == 0) return b;
        double na = a.Count, nb = b.Count, n = na + nb;
        double delta = b.Mean - a.Mean, delta2 = delta * delta;
        double mean = a.Mean + delta * (nb / n);
        double m2 = a.M2 + b.M2 + delta2 * na * nb / n;
        double m3 = a.M3 + b.M3 + delta2 * delta * na * nb * (na - nb) / (n * n)
                    + 3 * delta * (na * b.M2 - nb * a.M2) / n;
        double m4 = a.M4 + b.M4 + delta2 * delta2 * na * nb * (na * na - na * nb + nb * nb) / (n * n * n)
                    + 6 * delta2 * (na * na * b.M2 + nb * nb * a.M2) / (n * n)
                    + 4 * delta * (na * b.M3 - nb * a.M3) / n;
        return new MomentAccumulator(a.Count + b.Count, mean, m2, m3, m4, Math.Min(a.Min, b.Min), Math.Max(a.Max, b.Max));
    }

    /// <summary>The accumulation of <paramref name="values"/> in order.</summary>
    public static MomentAccumulator Of(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var acc = Empty;
        foreach (double x in values) acc = acc.Add(x);
        return acc;
    }
}
