using System.Numerics;
using Degeneracy.Symbolic;

namespace Degeneracy.Series.SmallAngle;

/// <summary>
/// Inverse factorial series f(k) ~ Σ_j b_j / ((k+1)(k+2)···(k+j)) and their binomial averages: the route by which the
/// small-angle 1/n expansions reach any order in O(K²) exact operations.
/// </summary>
/// <remarks>
/// For k ~ Binomial(n, ½), E[1/((k+1)···(k+j))] = (1/(j−1)!)∫₀¹(1−t)^{j−1}((1+t)/2)^n dt = 2^j/((n+1)···(n+j)) up to a
/// term O(n^j·2^{−n}), beyond every power of 1/n. The basis functions 1/((x+1)···(x+j)) have the same expansion in 1/x
/// whether x = k or x = n, namely x^{−j}Π_i(1 + i/x)^{−1} = Σ_m F_j[m] x^{−m} with F_j[m] = F_{j−1}[m−1] − j·F_j[m−1]
/// (integers, signed Stirling numbers of the second kind). So, with F the lower-triangular matrix of these
/// coefficients, a 1/k-series a of f becomes b = F⁻¹a, and E_k[f(k)] ~ Σ_i c_i n^{−i} with c = F·diag(2^j)·b.
/// </remarks>
public static class InverseFactorialSeries
{
    /// <summary>F[j][m], 0 ≤ j ≤ m ≤ order: the coefficient of x^{−m} in 1/((x+1)···(x+j)) (F[j][j] = 1, F[j][m] = 0 for m &lt; j).</summary>
    public static BigInteger[][] Basis(int order)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(order);
        var f = new BigInteger[order + 1][];
        f[0] = new BigInteger[order + 1];
        f[0][0] = BigInteger.One;
        for (int j = 1; j <= order; j++)
        {
            var row = new BigInteger[order + 1];
            for (int m = j; m <= order; m++) row[m] = f[j - 1][m - 1] - j * row[m - 1];
            f[j] = row;
        }
        return f;
    }

    /// <summary>The factorial-series coefficients b[0..K] of a 1/k-series a[0..K] (f ~ Σ a_m k^{−m} = Σ b_j/(k+1)_j), exact.</summary>
    public static Rational[] FromInversePowers(IReadOnlyList<Rational> a)
    {
        ArgumentNullException.ThrowIfNull(a);
        int order = a.Count - 1;
        var f = Basis(Math.Max(order, 0));
        return Solve(a, f);
    }

    /// <summary>
    /// E_k[f(k)] ~ Σ_i c_i n^{−i} for k ~ Binomial(n, ½), given f ~ Σ_m a_m k^{−m} (a[0..K]); exact c[0..K]. Valid up to
    /// O(poly(n)·2^{−n}) (the expectation may be restricted to k ≥ k₀ for any fixed k₀, see remarks).
    /// </summary>
    public static Rational[] BinomialExpectation(IReadOnlyList<Rational> a)
    {
        ArgumentNullException.ThrowIfNull(a);
        int order = a.Count - 1;
        if (order < 0) return [];
        var f = Basis(order);
        // Work on integers: A = a·D with D the lcm of the denominators; F has a unit diagonal, so b·D stays integral.
        BigInteger den = BigInteger.One;
        foreach (var x in a) den = den / BigInteger.GreatestCommonDivisor(den, x.Denominator) * x.Denominator;
        var b = new BigInteger[order + 1];
        for (int m = 0; m <= order; m++)
        {
            BigInteger s = a[m].Numerator * (den / a[m].Denominator);
            for (int j = 0; j < m; j++)
                if (!b[j].IsZero) s -= b[j] * f[j][m];
            b[m] = s;
        }
        var c = new Rational[order + 1];
        for (int m = 0; m <= order; m++)
        {
            BigInteger s = BigInteger.Zero;
            for (int j = 0; j <= m; j++)
                if (!b[j].IsZero) s += (b[j] << j) * f[j][m];
            c[m] = new Rational(s, den);
        }
        return c;
    }

    private static Rational[] Solve(IReadOnlyList<Rational> a, BigInteger[][] f)
    {
        int order = a.Count - 1;
        var b = new Rational[order + 1];
        for (int m = 0; m <= order; m++)
        {
            Rational s = a[m];
            for (int j = 0; j < m; j++)
                if (!f[j][m].IsZero && !b[j].IsZero) s -= b[j] * f[j][m];
            b[m] = s;
        }
        return b;
    }
}
