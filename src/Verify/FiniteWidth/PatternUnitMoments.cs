using MathNet.Numerics.Integration;

namespace Degeneracy.Verify.FiniteWidth;

/// <summary>
/// Exact first and second moments of one unit's contribution w = (e², f², e·f) to the statistics (E, F, G) of one step of
/// the ReLU angle chain, per activation class. With the pair of pre-activations written in polar form,
/// (g, ĝ) = R(cos(φ + θ/2), cos(φ − θ/2)), R² ~ Exp(1) independent of the phase φ (uniform on the circle), the pattern
/// class fixes the arc of φ: both active ⇔ |φ| &lt; (π − θ)/2; one only (X or Y) ⇔ the other value is R·sin u, u ~ U(0, θ).
/// Here e = X + Y, f = X − Y, X = φ(g), Y = φ(ĝ): for both active e = 2R cos(θ/2) cos φ, f = −2R sin(θ/2) sin φ; for
/// X only e = f = R sin u; for Y only e = −f = R sin u. Angular means by 32-point Gauss–Legendre (exact to rounding for
/// these trigonometric polynomials of degree ≤ 4); E R² = 1, E R⁴ = 2. Valid for θ ∈ (0, π).
/// </summary>
public sealed class PatternUnitMoments
{
    /// <summary>Mean of w, both active.</summary>
    public double[] BothMean { get; } = new double[3];
    /// <summary>Covariance of w (3×3, row-major), both active.</summary>
    public double[] BothCov { get; } = new double[9];
    /// <summary>Mean of w, first input only active.</summary>
    public double[] XMean { get; } = new double[3];
    /// <summary>Covariance of w, first input only active.</summary>
    public double[] XCov { get; } = new double[9];
    /// <summary>Mean of w, second input only active.</summary>
    public double[] YMean { get; } = new double[3];
    /// <summary>Covariance of w, second input only active.</summary>
    public double[] YCov { get; } = new double[9];

    /// <summary>The angle θ ∈ (0, π).</summary>
    public double Theta { get; }

    /// <summary>Moments at θ ∈ (0, π).</summary>
    /// <exception cref="ArgumentOutOfRangeException">θ outside (0, π).</exception>
    public PatternUnitMoments(double theta)
    {
        if (!(theta > 0 && theta < Math.PI)) throw new ArgumentOutOfRangeException(nameof(theta), theta, "theta must lie in (0, pi)");
        Theta = theta;
        double c = Math.Cos(0.5 * theta), s = Math.Sin(0.5 * theta), a = 0.5 * (Math.PI - theta);
        Accumulate(-a, a, phi =>
        {
            double cp = Math.Cos(phi), sp = Math.Sin(phi);
            return (4 * c * c * cp * cp, 4 * s * s * sp * sp, -4 * c * s * sp * cp);
        }, BothMean, BothCov);
        Accumulate(0, theta, u => { double v = Math.Sin(u); v *= v; return (v, v, v); }, XMean, XCov);
        Accumulate(0, theta, u => { double v = Math.Sin(u); v *= v; return (v, v, -v); }, YMean, YCov);
    }

    private static void Accumulate(double lo, double hi, Func<double, (double, double, double)> w, double[] mean, double[] cov)
    {
        var rule = new GaussLegendreRule(lo, hi, 32);
        double total = hi - lo;
        var second = new double[9];
        for (int i = 0; i < rule.Abscissas.Length; i++)
        {
            var (w0, w1, w2) = w(rule.Abscissas[i]);
            double q = rule.Weights[i] / total;
            Span<double> v = [w0, w1, w2];
            for (int r = 0; r < 3; r++)
            {
                mean[r] += q * v[r];
                for (int t = 0; t < 3; t++) second[3 * r + t] += q * v[r] * v[t];
            }
        }
        // E R² = 1 scales the mean; E R⁴ = 2 the second moment.
        for (int r = 0; r < 3; r++)
            for (int t = 0; t < 3; t++) cov[3 * r + t] = 2 * second[3 * r + t] - mean[r] * mean[t];
    }
}
