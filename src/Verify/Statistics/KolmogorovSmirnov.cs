namespace Degeneracy.Verify.Statistics;

/// <summary>One-sample Kolmogorov–Smirnov test of a sample against a continuous CDF F.</summary>
public static class KolmogorovSmirnov
{
    /// <summary>
    /// D = max_i max(i/n − F(x₍ᵢ₎), F(x₍ᵢ₎) − (i−1)/n) and its p-value from the Kolmogorov distribution with
    /// Stephens' finite-n correction, P(D ≥ d) ≈ Q((√n + 0.12 + 0.11/√n)·d) (absolute error below ~0.01 for n ≥ 5).
    /// </summary>
    /// <param name="sample">At least one finite value.</param>
    /// <param name="cdf">A continuous CDF with values in [0, 1].</param>
    public static KolmogorovSmirnovResult Test(IReadOnlyCollection<double> sample, Func<double, double> cdf)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(cdf);
        if (sample.Count == 0) throw new ArgumentException("sample must contain at least one value", nameof(sample));
        var sorted = sample.ToArray();
        foreach (double x in sorted)
            if (!double.IsFinite(x)) throw new ArgumentException("sample values must be finite", nameof(sample));
        Array.Sort(sorted);
        int n = sorted.Length;
        double d = 0;
        for (int i = 0; i < n; i++)
        {
            double f = cdf(sorted[i]);
            if (!(f >= 0 && f <= 1)) throw new ArgumentException($"cdf({sorted[i]}) = {f} lies outside [0, 1]", nameof(cdf));
            d = Math.Max(d, Math.Max((i + 1.0) / n - f, f - (double)i / n));
        }
        double sqrtN = Math.Sqrt(n);
        return new KolmogorovSmirnovResult(d, KolmogorovComplementaryCdf((sqrtN + 0.12 + 0.11 / sqrtN) * d), n);
    }

    /// <summary>Q(λ) = P(K ≥ λ) = 2 Σ_{k≥1} (−1)^{k−1} e^{−2k²λ²} for the Kolmogorov distribution K, λ ≥ 0.</summary>
    public static double KolmogorovComplementaryCdf(double lambda)
    {
        if (double.IsNaN(lambda)) throw new ArgumentOutOfRangeException(nameof(lambda), lambda, "λ must not be NaN");
        if (lambda < 0.2) return 1.0;
        if (lambda < 1.0)
        {
            // Small λ: the theta-function form 1 − (√(2π)/λ) Σ_{k≥1} e^{−(2k−1)²π²/(8λ²)} converges fast.
            double sum = 0;
            for (int k = 1; k <= 20; k++)
                sum += Math.Exp(-(2 * k - 1) * (2 * k - 1) * Math.PI * Math.PI / (8 * lambda * lambda));
            return Math.Clamp(1 - Math.Sqrt(2 * Math.PI) / lambda * sum, 0, 1);
        }
        double q = 0, sign = 1;
        for (int k = 1; k <= 100; k++)
        {
            double term = Math.Exp(-2.0 * k * k * lambda * lambda);
            q += sign * term;
            if (term < 1e-17 * q) break;
            sign = -sign;
        }
        return Math.Clamp(2 * q, 0, 1);
    }
}
