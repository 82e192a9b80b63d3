using Degeneracy.JFunctions;
using MathNet.Numerics.Integration;

namespace Degeneracy.TestSupport.Quadrature;

/// <summary>
/// J_{a,b}(θ) = E[φ(G)^a φ(Ĝ)^b] by direct two-dimensional integration, independent of the closed form: in polar
/// coordinates (G, Ĝ) = (r cos α, r cos(α − θ)), the density r e^{−r²/2}/(2π) is integrated over r ∈ [0, 24]
/// (tail below 1e-40 of the total for a + b ≤ 40) and α ∈ [θ − π/2, π/2] (the region where both are positive) with
/// MathNet's tensor-product Gauss–Legendre rule: 3 radial panels [0,6],[6,12],[12,24] × 96 nodes each, 96 angular
/// nodes. The integrand is positive, so the result is accurate to about 1e-13 relative for a + b ≤ 24 (checked
/// against closed forms in tests; required: 1e-10).
/// </summary>
public static class JQuadrature
{
    private const int Order = 96;

    public static double Evaluate(int a, int b, double theta)
    {
        JArguments.CheckIndex(a, nameof(a));
        JArguments.CheckIndex(b, nameof(b));
        JArguments.CheckTheta(theta);
        double lo = b == 0 ? -Math.PI / 2 : theta - Math.PI / 2, hi = a == 0 ? theta + Math.PI / 2 : Math.PI / 2;
        if (a == 0 && b == 0) { lo = -Math.PI; hi = Math.PI; }
        if (hi <= lo) return 0;
        int k = a + b;
        double total = 0;
        foreach (var (r0, r1) in new[] { (0.0, 6.0), (6.0, 12.0), (12.0, 24.0) })
            total += GaussLegendreRule.Integrate(
                (r, alpha) => Math.Pow(r, k + 1) * Math.Exp(-0.5 * r * r) / (2 * Math.PI)
                              * IntPow(Math.Cos(alpha), a) * IntPow(Math.Cos(alpha - theta), b),
                r0, r1, lo, hi, Order);
        return total;
    }

    private static double IntPow(double x, int k)
    {
        double r = 1;
        for (int i = 0; i < k; i++) r *= x;
        return r;
    }
}
