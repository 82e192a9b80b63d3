namespace Degeneracy.TestSupport.FiniteWidth;

/// <summary>
/// The real dilogarithm Li₂(z) = −∫₀^z ln(1 − u)/u du for z ≤ 1, in double precision: reduced to z ∈ [−1, ½] by
/// Li₂(z) = π²/6 − ln z ln(1 − z) − Li₂(1 − z) and Li₂(z) = −π²/6 − ½ ln²(−z) − Li₂(1/z), then the Bernoulli series
/// Li₂(z) = Σ_{n≥0} B_n uⁿ⁺¹/(n + 1)! in u = −ln(1 − z), |u| ≤ ln 2 (terms fall like (u/2π)²ᵏ; 10 even terms reach
/// 1e-17 relative).
/// </summary>
public static class Dilogarithm
{
    // B_{2k}/(2k+1)!, k = 1..10 (B₂ = 1/6, B₄ = −1/30, …, B₂₀ = −174611/330).
    private static readonly double[] EvenCoefficients = BuildCoefficients();

    /// <summary>Li₂(z) for z ∈ (−∞, 1].</summary>
    /// <exception cref="ArgumentOutOfRangeException">z &gt; 1 or NaN.</exception>
    public static double Li2(double z)
    {
        if (!(z <= 1)) throw new ArgumentOutOfRangeException(nameof(z), z, "z must be a real number ≤ 1.");
        const double zeta2 = Math.PI * Math.PI / 6;
        if (z == 1) return zeta2;
        if (z > 0.5) return zeta2 - Math.Log(z) * Math.Log(1 - z) - Series(-Math.Log(z));
        if (z >= -1) return Series(-Math.Log(1 - z));
        double l = Math.Log(-z);
        return -zeta2 - 0.5 * l * l - Series(-Math.Log(1 - 1 / z));
    }

    /// <summary>Li₂(1 − c) for c = e^λ &gt; 0, computed from λ = ln c (no rounding of c or 1 − c near c = 1 or 0).</summary>
    /// <exception cref="ArgumentOutOfRangeException">λ not finite.</exception>
    public static double Li2OneMinusExp(double lambda)
    {
        if (!double.IsFinite(lambda)) throw new ArgumentOutOfRangeException(nameof(lambda), lambda, "λ = ln c must be finite.");
        const double zeta2 = Math.PI * Math.PI / 6;
        const double ln2 = 0.69314718055994531;
        double c = Math.Exp(lambda);
        if (lambda < -ln2) // z = 1 − c ∈ (½, 1): reflection, Li₂(c) by the series in −ln(1 − c)
        {
            double l1 = LogOnePlus(-c);
            return zeta2 - lambda * l1 - Series(-l1);
        }
        if (lambda <= ln2) return Series(-lambda);
        // z = 1 − c < −1: inversion; −z = c − 1, 1/z = −1/(c − 1), 1 − 1/z = c/(c − 1).
        double l = LogOnePlus(-1 / c);
        double lnCm1 = lambda + l;
        return -zeta2 - 0.5 * lnCm1 * lnCm1 - Series(l);
    }

    /// <summary>e^x − 1 without cancellation for small |x| (Kahan's form).</summary>
    public static double ExpMinusOne(double x)
    {
        double u = Math.Exp(x);
        if (u == 1) return x;
        double um1 = u - 1;
        return um1 == -1 ? -1 : um1 * x / Math.Log(u);
    }

    /// <summary>ln(1 + x) for x &gt; −1 without cancellation for small |x|.</summary>
    public static double LogOnePlus(double x)
    {
        double u = 1 + x;
        return u == 1 ? x : Math.Log(u) * x / (u - 1);
    }

    private static double Series(double u)
    {
        double u2 = u * u, sum = 0;
        for (int k = EvenCoefficients.Length - 1; k >= 0; k--) sum = sum * u2 + EvenCoefficients[k];
        return u - u2 / 4 + u * u2 * sum;
    }

    private static double[] BuildCoefficients()
    {
        (double Num, double Den)[] bernoulli =
        [
            (1, 6), (-1, 30), (1, 42), (-1, 30), (5, 66), (-691, 2730), (7, 6), (-3617, 510), (43867, 798), (-174611, 330),
        ];
        var c = new double[bernoulli.Length];
        double factorial = 1; // (2k+1)!
        for (int k = 1; k <= bernoulli.Length; k++)
        {
            factorial *= 2 * k * (2 * k + 1);
            c[k - 1] = bernoulli[k - 1].Num / bernoulli[k - 1].Den / factorial;
        }
        return c;
    }
}
