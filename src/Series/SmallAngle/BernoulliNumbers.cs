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
        var b = new Rational[count];
        b[0] = Rational.One;
        for (int m = 1; m < count; m++)
        {
            Rational s = Rational.Zero;
            for (int j = 0; j < m; j++) s += (Rational)Rational.Binomial(m + 1, j) * b[j];
            b[m] = -s / (m + 1);
        }
        return b;
    }
}
