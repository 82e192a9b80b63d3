namespace Degeneracy.Verify.Tests.FiniteWidth;

/// <summary>
/// One step of a width-n layer sampled straight from the Gaussian definition, with no library code: for each pair and
/// each unit i, (gᵢ, hᵢ) iid N(0, 1) (Marsaglia's polar method on a seeded <see cref="Random"/>), uᵢ = gᵢ,
/// vᵢ = gᵢ cos θ + hᵢ sin θ, Xᵢ = φ(uᵢ), Yᵢ = φ(vᵢ), φ(x) = max(x, 0) + α min(x, 0); then
/// ln R = ln Σ_{i&lt;j}(XᵢYⱼ − XⱼYᵢ)² − ln ‖X‖² − ln ‖Y‖² (Lagrange's identity: no cancellation near θ' = 0).
/// For ReLU only the continuous part is kept: at least two units active in both inputs, or one such unit and another
/// active in one input (otherwise X or Y vanishes, X ∥ Y, or X ⊥ Y); for α ≠ 0 every pair is kept.
/// </summary>
internal static class DirectOneStepSampler
{
    /// <summary>Kept pairs, and the mean and variance of ln R over them with standard errors (the variance's from the
    /// fourth central moment).</summary>
    public readonly record struct Estimate(int Kept, double Mean, double MeanSe, double Variance, double VarianceSe);

    public static Estimate Run(int n, double theta, double slope, int pairs, int seed)
    {
        double cos = Math.Cos(theta), sin = Math.Sin(theta);
        var rng = new Random(seed);
        var x = new double[n];
        var y = new double[n];
        var logR = new List<double>(pairs);
        for (int s = 0; s < pairs; s++)
        {
            int both = 0, one = 0;
            double k11 = 0, k22 = 0;
            for (int i = 0; i < n; i++)
            {
                var (g, h) = NormalPair(rng);
                double u = g, v = g * cos + h * sin;
                x[i] = u >= 0 ? u : slope * u;
                y[i] = v >= 0 ? v : slope * v;
                k11 += x[i] * x[i];
                k22 += y[i] * y[i];
                if (u > 0 && v > 0) both++;
                else if (u > 0 || v > 0) one++;
            }
            if (slope == 0 && !(both >= 2 || (both == 1 && one >= 1))) continue;
            double det = 0;
            for (int i = 0; i < n; i++)
                for (int j = i + 1; j < n; j++)
                {
                    double d = x[i] * y[j] - x[j] * y[i];
                    det += d * d;
                }
            logR.Add(Math.Log(det) - Math.Log(k11) - Math.Log(k22));
        }
        int count = logR.Count;
        double mean = logR.Average(), m2 = 0, m4 = 0;
        foreach (double l in logR)
        {
            double d = (l - mean) * (l - mean);
            m2 += d;
            m4 += d * d;
        }
        m2 /= count;
        m4 /= count;
        double variance = m2 * count / (count - 1);
        return new Estimate(count, mean, Math.Sqrt(variance / count), variance, Math.Sqrt((m4 - m2 * m2) / count));
    }

    private static (double, double) NormalPair(Random rng)
    {
        while (true)
        {
            double a = 2 * rng.NextDouble() - 1, b = 2 * rng.NextDouble() - 1, s = a * a + b * b;
            if (s > 0 && s < 1)
            {
                double f = Math.Sqrt(-2 * Math.Log(s) / s);
                return (a * f, b * f);
            }
        }
    }
}
