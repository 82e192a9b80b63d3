using Degeneracy.Symbolic;

namespace Degeneracy.Series.SmallAngle;

/// <summary>
/// Exact Bernoulli numbers B_m (convention B_1 = −1/2), from the recurrence Σ_{j=0}^{m} C(m+1, j) B_j = 0 (m ≥ 1), B_0 = 1.
/// They carry the exact coefficients of the asymptotic expansions of ψ and ψ₁ used by <see cref="PolygammaSeries"/>.
/// </summary>
public static class BernoulliNumbers
{
    /// <summary>B_0 … B_count−1 as exact rationals; valid for count ≥ 1 (cost O(count²) rational operations).</summary>
    public static Rational[] UpTo(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        lock (Cache)
        {
            while (Cache.Count < count)
            {
                int m = Cache.Count;
                if (m == 0) { Cache.Add(Rational.One); continue; }
                // Σ_{j<m} C(m+1, j) B_j over the common denominator of the B_j (odd B_j beyond B_1 vanish).
                Rational s = Rational.Zero;
                System.Numerics.BigInteger binom = System.Numerics.BigInteger.One; // C(m+1, 0)
                for (int j = 0; j < m; j++)
                {
                    if (!Cache[j].IsZero) s += (Rational)binom * Cache[j];
                    binom = binom * (m + 1 - j) / (j + 1);
                }
                Cache.Add(m > 1 && m % 2 == 1 ? Rational.Zero : -s / (m + 1));
            }
            return Cache.GetRange(0, count).ToArray();
        }
    }

    private static readonly List<Rational> Cache = [];
}
