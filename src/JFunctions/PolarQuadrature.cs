namespace Degeneracy.JFunctions;

/// <summary>
/// J_{a,b}(θ)/κ = ∫_{θ−π/2}^{π/2} cos^a α · cos^b(θ − α) dα (the polar form of docs/THEORY.md §2) by composite
/// 20-point Gauss–Legendre quadrature. The integrand is positive, so the sum has no cancellation: this is the
/// evaluator's fallback in the middle of [0, π] for large a + b, where the closed form and the series about π both cancel
/// catastrophically and fixed-point Taylor patches cannot be made well conditioned. Relative error ≈ (a + b)·2^−53 from
/// the powers of rounded cosines; 64 panels resolve the integrand's peak (width ≈ 1/√(a + b) ≥ 0.05) many times over.
/// </summary>
internal static class PolarQuadrature
{
    private const int Nodes = 20, Panels = 64;
    private static readonly (double[] X, double[] W) Rule = Legendre(Nodes);

    /// <summary>
    /// ∫_{θ−π/2}^{π/2} cos^a α cos^b(θ − α) dα = result·2^exponent for θ ∈ [0, π]. Each cosine is split as m·2^e
    /// (m ∈ [½, 1)), so cos^a = m^a·2^{a·e} exactly up to the rounding of m^a: no underflow even where the integral is
    /// far below the smallest double (θ near π with a + b in the hundreds).
    /// </summary>
    public static double Integral(int a, int b, double theta, out int exponent)
    {
        double lo = theta - Math.PI / 2, hi = Math.PI / 2, h = (hi - lo) / Panels;
        var (x, w) = Rule;
        Span<double> terms = stackalloc double[Nodes * Panels];
        Span<int> exponents = stackalloc int[Nodes * Panels];
        int top = int.MinValue;
        for (int p = 0; p < Panels; p++)
        {
            double mid = lo + (p + 0.5) * h;
            for (int i = 0; i < Nodes; i++)
            {
                int k = p * Nodes + i;
                double alpha = mid + 0.5 * h * x[i];
                double u = Math.Cos(alpha), v = Math.Cos(theta - alpha);
                if (!(u > 0 && v > 0)) { terms[k] = 0; continue; }
                int eu = Math.ILogB(u) + 1, ev = Math.ILogB(v) + 1; // u = mu·2^eu, mu ∈ [½, 1)
                terms[k] = w[i] * Math.Pow(Math.ScaleB(u, -eu), a) * Math.Pow(Math.ScaleB(v, -ev), b);
                exponents[k] = a * eu + b * ev;
                if (terms[k] > 0) top = Math.Max(top, exponents[k]);
            }
        }
        exponent = top == int.MinValue ? 0 : top;
        double sum = 0;
        for (int k = 0; k < terms.Length; k++)
            if (terms[k] > 0) sum += Math.ScaleB(terms[k], exponents[k] - exponent);
        return 0.5 * h * sum;
    }

    /// <summary>Gauss–Legendre nodes and weights on [−1, 1] by Newton's method on P_n.</summary>
    private static (double[] X, double[] W) Legendre(int n)
    {
        var x = new double[n]; var w = new double[n];
        for (int i = 0; i < n; i++)
        {
            double z = Math.Cos(Math.PI * (i + 0.75) / (n + 0.5)), dp = 0;
            for (int iteration = 0; iteration < 100; iteration++)
            {
                double p0 = 1, p1 = z;
                for (int k = 2; k <= n; k++) { double p2 = ((2 * k - 1) * z * p1 - (k - 1) * p0) / k; p0 = p1; p1 = p2; }
                dp = n * (z * p1 - p0) / (z * z - 1);
                double step = p1 / dp;
                z -= step;
                if (Math.Abs(step) < 1e-16) break;
            }
            x[i] = z; w[i] = 2 / ((1 - z * z) * dp * dp);
        }
        return (x, w);
    }
}
