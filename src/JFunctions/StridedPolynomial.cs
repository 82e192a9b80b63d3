namespace Degeneracy.JFunctions;

/// <summary>
/// Σ c_k x^k summed as four interleaved Horner chains in x⁴ (a quarter of the dependent latency of one chain), for the
/// series of the double evaluators (<see cref="JFunction"/> near π, <see cref="ActivationJFunction"/> near 0 and π).
/// </summary>
internal static class StridedPolynomial
{
    /// <summary>The coefficients c_0 … c_{m−1} padded with zeros to a multiple of four (the layout <see cref="Sum"/> reads).</summary>
    public static double[] Layout(double[] c)
    {
        int blocks = (c.Length + 3) / 4;
        var s = new double[4 * blocks];
        Array.Copy(c, s, c.Length);
        return s;
    }

    /// <summary>Σ c_k x^k from the padded layout: chains r_i = Σ_j c_{4j+i} x^{4j}, combined as (r₀ + x r₁) + x²(r₂ + x r₃).
    /// x⁴ is rounded once (from x² and its exact FMA residual), so that it carries no more error than x itself would.</summary>
    public static double Sum(double[] c, double x)
    {
        double x2 = x * x, x2l = Math.FusedMultiplyAdd(x, x, -x2);
        double x4 = Math.FusedMultiplyAdd(x2, x2, 2 * x2 * x2l);
        double r0 = 0, r1 = 0, r2 = 0, r3 = 0;
        for (int j = c.Length - 4; j >= 0; j -= 4)
        {
            r0 = Math.FusedMultiplyAdd(r0, x4, c[j]);
            r1 = Math.FusedMultiplyAdd(r1, x4, c[j + 1]);
            r2 = Math.FusedMultiplyAdd(r2, x4, c[j + 2]);
            r3 = Math.FusedMultiplyAdd(r3, x4, c[j + 3]);
        }
        return Math.FusedMultiplyAdd(x, r1, r0) + x2 * Math.FusedMultiplyAdd(x, r3, r2);
    }
}
