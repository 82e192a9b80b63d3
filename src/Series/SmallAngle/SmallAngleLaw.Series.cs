using Degeneracy.Symbolic;

namespace Degeneracy.Series.SmallAngle;

public static partial class SmallAngleLaw
{
    /// <summary>
    /// Exact coefficients c_0..c_order of ρ_exact(n) ~ Σ_i c_i n^{−i} (n → ∞), 0 ≤ order ≤ <see cref="MaxSeriesOrder"/>;
    /// c_0 = 0, c_1 = 2, c_2 = 8. Method: g(k) = ψ(k/2) − ψ((k−1)/2) ~ Σ_j a_j k^{−j}
    /// (<see cref="PolygammaSeries.DigammaDifference"/>), re-expanded as an inverse factorial series in k and averaged
    /// over k ~ Binomial(n, ½) exactly (<see cref="InverseFactorialSeries.BinomialExpectation"/>): O(order²) exact
    /// operations (order 60 in milliseconds). The conditioning on k ≥ 2 and the divergence of the 1/k-expansion at
    /// k = 0, 1 change ρ_exact only by O(n·2^{−n}), beyond every power of 1/n: the series is asymptotic, not convergent,
    /// and exact order by order.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">order outside [0, <see cref="MaxSeriesOrder"/>].</exception>
    public static Rational[] RhoSeries(int order)
    {
        CheckOrder(order);
        return InverseFactorialSeries.BinomialExpectation(PolygammaSeries.DigammaDifference(order));
    }

    /// <summary>
    /// Exact coefficients d_0..d_order of σ²_exact(0, n) ~ Σ_i d_i n^{−i} (n → ∞), 0 ≤ order ≤ <see cref="MaxSeriesOrder"/>;
    /// d_0 = 0, d_1 = 8, d_2 = 32. σ² = E_k[t] + E_k[g²] − E_k[g]² with t(k) = ψ₁((k−1)/2) + ψ₁(k/2); each expectation is
    /// expanded as in <see cref="RhoSeries"/> (g² as the truncated square of the 1/k-series of g), E[g]² as the truncated
    /// square of the ρ-series. Same O(n²·2^{−n}) caveat as <see cref="RhoSeries"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">order outside [0, <see cref="MaxSeriesOrder"/>].</exception>
    public static Rational[] VarianceSeries(int order)
    {
        CheckOrder(order);
        var g = PolygammaSeries.DigammaDifference(order);
        var meanT = InverseFactorialSeries.BinomialExpectation(PolygammaSeries.TrigammaSum(order));
        var meanG = InverseFactorialSeries.BinomialExpectation(g);
        var meanG2 = InverseFactorialSeries.BinomialExpectation(TruncatedProduct(g, g));
        var meanGSquared = TruncatedProduct(meanG, meanG);
        var d = new Rational[order + 1];
        for (int i = 0; i <= order; i++) d[i] = meanT[i] + meanG2[i] - meanGSquared[i];
        return d;
    }

    /// <summary>
    /// The largest 1/n order the exact small-angle series accept — a time guard: order 60 costs ≈ 15 ms warm (≈ 0.1 s
    /// cold), order 200 ≈ 0.5 s warm and 1–4 s cold on the shared 2-core machine (docs/BENCHMARKS.md), the cost growing
    /// roughly as order³ because the coefficients grow factorially in size.
    /// </summary>
    public const int MaxSeriesOrder = 200;

    internal static void CheckOrder(int order)
    {
        if (order < 0 || order > MaxSeriesOrder)
            throw new ArgumentOutOfRangeException(nameof(order), order, $"order must be an integer in [0, {MaxSeriesOrder}].");
    }

    /// <summary>Σ_{i=0}^{K} c_i n^{−i} summed exactly, then correctly rounded; n ≥ 1. Evaluates a truncated series.</summary>
    public static double SumSeries(IReadOnlyList<Rational> coefficients, int n)
    {
        ArgumentNullException.ThrowIfNull(coefficients);
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        Rational acc = Rational.Zero;
        for (int i = coefficients.Count - 1; i >= 0; i--) acc = acc / n + coefficients[i]; // Horner in 1/n
        return acc.ToDouble();
    }

    /// <summary>Σ_{i+j=m} a_i b_j for m ≤ min order (Cauchy product truncated to the shorter series).</summary>
    public static Rational[] TruncatedProduct(Rational[] a, Rational[] b)
    {
        int order = Math.Min(a.Length, b.Length) - 1;
        var p = new Rational[order + 1];
        Array.Fill(p, Rational.Zero);
        for (int i = 0; i <= order; i++)
            for (int j = 0; i + j <= order; j++)
                if (!a[i].IsZero && !b[j].IsZero) p[i + j] += a[i] * b[j];
        return p;
    }
}
