using Degeneracy.Symbolic;

namespace Degeneracy.Series.SmallAngle;

/// <summary>
/// Exact asymptotic series in 1/k (k → ∞) of the two polygamma combinations of the small-angle law:
/// g(k) = ψ(k/2) − ψ((k−1)/2) and t(k) = ψ₁((k−1)/2) + ψ₁(k/2).
/// A returned array a[0..order] means f(k) ~ Σ_j a[j] k^{−j} with error O(k^{−order−1}); all coefficients exact.
/// </summary>
/// <remarks>
/// Built from the Stirling-type expansions ψ(x) ~ ln x − 1/(2x) − Σ_{j≥1} B_{2j}/(2j x^{2j}) and
/// ψ₁(x) ~ 1/x + 1/(2x²) + Σ_{j≥1} B_{2j}/x^{2j+1}; the logarithms combine into ln(k/(k−1)) = Σ_{i≥1} 1/(i k^i)
/// and powers of 1/(k−1) are re-expanded as (k−1)^{−p} = Σ_i C(p+i−1, i) k^{−p−i}.
/// </remarks>
public static class PolygammaSeries
{
    /// <summary>g(k) = ψ(k/2) − ψ((k−1)/2) ~ Σ_j a_j k^{−j}, via the digamma expansion; order ≥ 0.</summary>
    public static Rational[] DigammaDifference(int order)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(order);
        var a = new Rational[order + 1];
        Array.Fill(a, Rational.Zero);
        // ln(k/2) − ln((k−1)/2) = −ln(1 − 1/k) = Σ_{i≥1} k^{−i}/i
        for (int i = 1; i <= order; i++) a[i] += new Rational(1, i);
        // −1/(2·(k/2)) + 1/(2·((k−1)/2)) = −1/k + 1/(k−1)
        if (order >= 1) a[1] -= Rational.One;
        AddScaled(a, InversePowerOfKMinusOne(1, order), Rational.One);
        // −Σ B_{2j}/(2j) [(k/2)^{−2j} − ((k−1)/2)^{−2j}]
        var bern = BernoulliNumbers.UpTo(order + 2);
        for (int j = 1; 2 * j <= order; j++)
        {
            Rational c = bern[2 * j] / (2 * j) * Rational.FromInteger(System.Numerics.BigInteger.Pow(2, 2 * j));
            a[2 * j] -= c;
            AddScaled(a, InversePowerOfKMinusOne(2 * j, order), c);
        }
        return a;
    }

    /// <summary>
    /// The same g(k) from an independent route: g(k) = 2β(k−1) with β(x) = Σ_{j≥0} (−1)^j/(x+j)
    /// ~ 1/(2x) + Σ_{m≥1} (4^m − 1) B_{2m}/(2m) x^{−2m} (Boole summation), re-expanded in 1/k; order ≥ 0.
    /// </summary>
    public static Rational[] DigammaDifferenceViaAlternatingSeries(int order)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(order);
        var a = new Rational[order + 1];
        Array.Fill(a, Rational.Zero);
        AddScaled(a, InversePowerOfKMinusOne(1, order), Rational.One);
        var bern = BernoulliNumbers.UpTo(order + 2);
        for (int m = 1; 2 * m <= order; m++)
        {
            Rational c = (Rational.FromInteger(System.Numerics.BigInteger.Pow(4, m)) - 1) * bern[2 * m] / m;
            AddScaled(a, InversePowerOfKMinusOne(2 * m, order), c);
        }
        return a;
    }

    /// <summary>t(k) = ψ₁((k−1)/2) + ψ₁(k/2) ~ Σ_j a_j k^{−j}, via the trigamma expansion; order ≥ 0.</summary>
    public static Rational[] TrigammaSum(int order)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(order);
        var a = new Rational[order + 1];
        Array.Fill(a, Rational.Zero);
        var bern = BernoulliNumbers.UpTo(order + 2);
        // ψ₁(y/2) ~ 2/y + 2/y² + Σ_j B_{2j} 2^{2j+1} / y^{2j+1}, applied to y = k and to y = k − 1.
        for (int p = 1; p <= order; p++)
        {
            Rational c = p switch
            {
                1 => 2,
                2 => 2,
                _ when p % 2 == 1 => bern[p - 1] * Rational.FromInteger(System.Numerics.BigInteger.Pow(2, p)),
                _ => Rational.Zero,
            };
            if (c.IsZero) continue;
            a[p] += c;
            AddScaled(a, InversePowerOfKMinusOne(p, order), c);
        }
        return a;
    }

    /// <summary>(k−1)^{−p} = Σ_{i≥0} C(p+i−1, i) k^{−p−i}, truncated after k^{−order}; p ≥ 1.</summary>
    public static Rational[] InversePowerOfKMinusOne(int p, int order)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(p, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(order);
        var a = new Rational[order + 1];
        Array.Fill(a, Rational.Zero);
        for (int i = 0; p + i <= order; i++) a[p + i] = Rational.Binomial(p + i - 1, i);
        return a;
    }

    private static void AddScaled(Rational[] target, Rational[] source, Rational scale)
    {
        for (int i = 0; i < target.Length; i++)
            if (!source[i].IsZero) target[i] += scale * source[i];
    }
}
