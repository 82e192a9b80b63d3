using Degeneracy.Symbolic;

namespace Degeneracy.Series.SmallAngle;

/// <summary>
/// Exact large-n series of the inverse moments E[k^{−j}] of k ~ Binomial(n, 1/2), and the exact central moments
/// E[(2k − n)^m] they are built from.
/// </summary>
/// <remarks>
/// Write k = (n/2)(1 + u) with u = S/n, S = 2k − n a sum of n independent ±1 (Rademacher) signs. Then
/// E[k^{−j}] ~ (2/n)^j Σ_{m≥0} C(−j, m) n^{−m} E[S^m], and E[S^m] is a polynomial in n of degree ⌊m/2⌋ (zero for odd m),
/// so the m-th term is O(n^{−j−⌈m/2⌉}) and order K needs m ≤ 2(K − j).
/// Strictly E[k^{−j}] is infinite (k = 0 has mass 2^{−n}); the series describes the expectation restricted to, or
/// conditioned on, k ≥ k₀ for any fixed k₀ ≥ 1, and those variants differ only by O(n^{k₀}·2^{−n}), i.e. by terms
/// beyond every power of 1/n. The same holds for any f(k) whose 1/k-expansion diverges at small k.
/// </remarks>
public static class InverseBinomialMoments
{
    /// <summary>
    /// E[S^m] for S = Σ_{i=1}^n ε_i, ε_i = ±1 with probability 1/2, as polynomial coefficients p[0..⌊m/2⌋] in n
    /// (E[S^m] = Σ_d p[d] n^d), exact for every n ≥ 0; m ≥ 0.
    /// Built from the cumulants κ_r of one sign (log cosh t: κ₂ = 1, κ₄ = −2, κ₆ = 16, …), the cumulants of S being n·κ_r,
    /// and the moment–cumulant recurrence M_m = Σ_{i=1}^{m} C(m−1, i−1) κ_i(S) M_{m−i}.
    /// </summary>
    public static Rational[] RademacherSumMoment(int m)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        // cumulants of a single sign from its moments μ_r = [r even]
        var kappa = new Rational[m + 1];
        kappa[0] = Rational.Zero;
        for (int r = 1; r <= m; r++)
        {
            Rational mu = r % 2 == 0 ? Rational.One : Rational.Zero;
            Rational s = Rational.Zero;
            for (int i = 1; i < r; i++)
            {
                Rational mui = (r - i) % 2 == 0 ? Rational.One : Rational.Zero;
                if (!mui.IsZero && !kappa[i].IsZero) s += (Rational)Rational.Binomial(r - 1, i - 1) * kappa[i] * mui;
            }
            kappa[r] = mu - s;
        }
        // moments of S as polynomials in n (index = power of n)
        var moments = new Rational[m + 1][];
        moments[0] = [Rational.One];
        for (int r = 1; r <= m; r++)
        {
            var poly = new Rational[r / 2 + 1];
            Array.Fill(poly, Rational.Zero);
            for (int i = 1; i <= r; i++)
            {
                if (kappa[i].IsZero) continue;
                Rational c = (Rational)Rational.Binomial(r - 1, i - 1) * kappa[i];
                var prev = moments[r - i];
                for (int d = 0; d < prev.Length; d++)
                    if (!prev[d].IsZero) poly[d + 1] += c * prev[d]; // κ_i(S) = n κ_i
            }
            moments[r] = poly;
        }
        return moments[m];
    }

    /// <summary>
    /// E[k^{−j}] ~ Σ_{i=0}^{order} e[i] n^{−i} for k ~ Binomial(n, 1/2) (up to O(poly(n)·2^{−n}), see remarks), exact
    /// coefficients; j ≥ 0, order ≥ 0. Leading term (2/n)^j.
    /// </summary>
    public static Rational[] Series(int j, int order)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(j);
        ArgumentOutOfRangeException.ThrowIfNegative(order);
        var e = new Rational[order + 1];
        Array.Fill(e, Rational.Zero);
        if (j > order) return e;
        Rational twoPowJ = Rational.FromInteger(System.Numerics.BigInteger.Pow(2, j));
        for (int m = 0; m <= 2 * (order - j); m += 2) // odd central moments vanish
        {
            // C(−j, m) = (−1)^m C(j+m−1, m); m even here. For j = 0 only m = 0 contributes.
            Rational binom = j == 0 ? (m == 0 ? Rational.One : Rational.Zero) : (Rational)Rational.Binomial(j + m - 1, m);
            if (binom.IsZero) continue;
            var p = RademacherSumMoment(m);
            for (int d = 0; d < p.Length; d++)
            {
                int power = j + m - d;
                if (power <= order && !p[d].IsZero) e[power] += twoPowJ * binom * p[d];
            }
        }
        return e;
    }
}
