using Degeneracy.Symbolic;

namespace Degeneracy.Series.SmallAngle;

public static partial class SmallAngleLaw
{
    /// <summary>
    /// Exact coefficients c_0..c_order of ρ_exact(n) ~ Σ_i c_i n^{−i} (n → ∞), order ≥ 0; c_0 = 0, c_1 = 2, c_2 = 8.
    /// Method: g(k) = ψ(k/2) − ψ((k−1)/2) ~ Σ_j a_j k^{−j} (<see cref="PolygammaSeries.DigammaDifference"/>), then
    /// E_k[k^{−j}] ~ Σ_i e_{j,i} n^{−i} from the exact central moments of Binomial(n, 1/2)
    /// (<see cref="InverseBinomialMoments.Series"/>), so c_i = Σ_j a_j e_{j,i}.
    /// The conditioning on k ≥ 2 and the divergence of the 1/k-expansion at k = 0, 1 change ρ_exact only by
    /// O(n·2^{−n}), beyond every power of 1/n: the series is asymptotic, not convergent, and exact order by order.
    /// </summary>
    public static Rational[] RhoSeries(int order)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(order);
        var inverseMoments = InverseMomentTable(order);
        return Expectation(PolygammaSeries.DigammaDifference(order), inverseMoments);
    }

    /// <summary>
    /// Exact coefficients d_0..d_order of σ²_exact(0, n) ~ Σ_i d_i n^{−i} (n → ∞), order ≥ 0; d_0 = 0, d_1 = 8, d_2 = 32.
    /// σ² = E_k[t] + E_k[g²] − E_k[g]² with t(k) = ψ₁((k−1)/2) + ψ₁(k/2); each expectation is expanded as in
    /// <see cref="RhoSeries"/> (g² as the truncated square of the 1/k-series of g), E[g]² as the truncated square of the
    /// ρ-series. Same O(n²·2^{−n}) caveat as <see cref="RhoSeries"/>.
    /// </summary>
    public static Rational[] VarianceSeries(int order)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(order);
        var inverseMoments = InverseMomentTable(order);
        var g = PolygammaSeries.DigammaDifference(order);
        var meanT = Expectation(PolygammaSeries.TrigammaSum(order), inverseMoments);
        var meanG = Expectation(g, inverseMoments);
        var meanG2 = Expectation(TruncatedProduct(g, g), inverseMoments);
        var meanGSquared = TruncatedProduct(meanG, meanG);
        var d = new Rational[order + 1];
        for (int i = 0; i <= order; i++) d[i] = meanT[i] + meanG2[i] - meanGSquared[i];
        return d;
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

    private static Rational[][] InverseMomentTable(int order)
    {
        var table = new Rational[order + 1][];
        for (int j = 0; j <= order; j++) table[j] = InverseBinomialMoments.Series(j, order);
        return table;
    }

    /// <summary>E_k[Σ_j a_j k^{−j}] ~ Σ_i (Σ_j a_j e_{j,i}) n^{−i}.</summary>
    private static Rational[] Expectation(Rational[] inverseKSeries, Rational[][] inverseMoments)
    {
        int order = inverseMoments.Length - 1;
        var c = new Rational[order + 1];
        Array.Fill(c, Rational.Zero);
        for (int j = 0; j <= order; j++)
        {
            if (inverseKSeries[j].IsZero) continue;
            for (int i = j; i <= order; i++)
                if (!inverseMoments[j][i].IsZero) c[i] += inverseKSeries[j] * inverseMoments[j][i];
        }
        return c;
    }

    private static Rational[] TruncatedProduct(Rational[] a, Rational[] b)
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
