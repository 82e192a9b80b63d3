namespace Degeneracy.Series.SmallAngle;

/// <summary>
/// Double-precision values of the two polygamma combinations of the small-angle law at integer k ≥ 2:
/// g(k) = ψ(k/2) − ψ((k−1)/2) and t(k) = ψ₁((k−1)/2) + ψ₁(k/2), to a few ulps for every k.
/// </summary>
/// <remarks>
/// g is never formed as a difference of two digammas (which loses log10(k) digits): it is the alternating series
/// g(k) = 2β(k−1), β(x) = Σ_{j≥0} (−1)^j/(x+j) = ½[ψ((x+1)/2) − ψ(x/2)], equivalently the exact closed forms
/// g(2m) = 2 Σ_{i≥2m−1} (−1)^{i+1}/i = 2 ln 2 − 2Σ_{i&lt;2m−1} (−1)^{i+1}/i and g(k) + g(k+1) = 2/(k−1) — evaluated by
/// summing the first terms explicitly until x ≥ <see cref="AsymptoticThreshold"/> and then the asymptotic expansion
/// β(x) ~ 1/(2x) + Σ_{m≥1} (4^m − 1) B_{2m}/(2m) x^{−2m}. Likewise ψ₁(y) = Σ_{j&lt;M} 1/(y+j)² + ψ₁(y+M) with
/// ψ₁(y) ~ 1/y + 1/(2y²) + Σ_{j≥1} B_{2j}/y^{2j+1}. All sums are short and of terms of one size, so no digits are lost.
/// </remarks>
public static class HalfIntegerPolygamma
{
    /// <summary>Arguments at or above this use the asymptotic expansions directly (truncation error below 1e-19 relative).</summary>
    public const double AsymptoticThreshold = 20.0;

    // (4^m − 1) B_{2m} / m for m = 1..12 — the coefficients of 2β(x) = 1/x + Σ c_m x^{−2m}.
    private static readonly double[] AlternatingCoefficients = BuildAlternatingCoefficients();
    // B_{2j} for j = 1..12 — the coefficients of ψ₁(y) = 1/y + 1/(2y²) + Σ B_{2j} y^{−2j−1}.
    private static readonly double[] TrigammaCoefficients = BuildTrigammaCoefficients();

    /// <summary>g(k) = ψ(k/2) − ψ((k−1)/2) = 2β(k−1) &gt; 0 for integer k ≥ 2 (g(2) = 2 ln 2, g(k) ~ 1/k).</summary>
    public static double DigammaDifference(long k)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 2L);
        double x = k - 1;
        double head = 0.0, sign = 1.0;
        while (x < AsymptoticThreshold)
        {
            head += sign * (2.0 / x);
            sign = -sign;
            x += 1.0;
        }
        return head + sign * TwoBetaAsymptotic(x);
    }

    /// <summary>t(k) = ψ₁((k−1)/2) + ψ₁(k/2) for integer k ≥ 2 (t(2) = 2π²/3, t(k) ~ 4/k).</summary>
    public static double TrigammaSum(long k)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 2L);
        return Trigamma(0.5 * (k - 1)) + Trigamma(0.5 * k);
    }

    /// <summary>ψ₁(y) for y &gt; 0 (used here at integers and half-integers), by upward recurrence and the asymptotic series.</summary>
    public static double Trigamma(double y)
    {
        if (!(y > 0) || !double.IsFinite(y)) throw new ArgumentOutOfRangeException(nameof(y), y, "y must be finite and > 0.");
        double head = 0.0;
        while (y < AsymptoticThreshold)
        {
            head += 1.0 / (y * y);
            y += 1.0;
        }
        double inv = 1.0 / y, inv2 = inv * inv;
        double tail = 0.0;
        for (int j = TrigammaCoefficients.Length - 1; j >= 0; j--) tail = tail * inv2 + TrigammaCoefficients[j];
        // 1/y + 1/(2y²) + (1/y³)·Σ B_{2j} y^{−2(j−1)}
        double asym = inv + 0.5 * inv2 + inv * inv2 * tail;
        return asym + head;
    }

    private static double TwoBetaAsymptotic(double x)
    {
        double inv = 1.0 / x, inv2 = inv * inv;
        double tail = 0.0;
        for (int m = AlternatingCoefficients.Length - 1; m >= 0; m--) tail = tail * inv2 + AlternatingCoefficients[m];
        return inv + inv2 * tail;
    }

    private static double[] BuildAlternatingCoefficients()
    {
        var b = BernoulliNumbers.UpTo(26);
        var c = new double[12];
        for (int m = 1; m <= 12; m++)
            c[m - 1] = ((Symbolic.Rational.FromInteger(System.Numerics.BigInteger.Pow(4, m)) - 1) * b[2 * m] / m).ToDouble();
        return c;
    }

    private static double[] BuildTrigammaCoefficients()
    {
        var b = BernoulliNumbers.UpTo(26);
        var c = new double[12];
        for (int j = 1; j <= 12; j++) c[j - 1] = b[2 * j].ToDouble();
        return c;
    }
}
