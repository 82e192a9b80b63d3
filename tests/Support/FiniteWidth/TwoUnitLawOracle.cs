using Degeneracy.TestSupport.Quadrature;

namespace Degeneracy.TestSupport.FiniteWidth;

/// <summary>
/// The one-step ReLU angle law at width n = 2 by deterministic quadrature, independent of the library's sampled table:
/// P(cont), E[ln R | cont] and Var[ln R | cont] for R = sin²θ' = 1 − K₁₂²/(K₁₁K₂₂), where "cont" is the continuous part
/// (no collapse, K₁₂ &gt; 0, so 0 &lt; R &lt; 1).
/// <para>
/// Method. Each unit's pre-activations are (u, v) = r(cos φ, cos(φ − θ)) with r²/2 ~ Exp(1), φ ~ U(0, 2π); write
/// α = π/2 − φ. A unit is both-active for α ∈ (0, L), L = π − θ, where (X, Y) = r(sin α, sin(α + θ)); x-only for
/// φ + π/2 = β ∈ (0, θ), where X = r sin β, Y = 0 (y-only is its mirror image φ → θ − φ and has the same law). The
/// continuous part is {both, both} (probability p², p = L/2π) or {both, one-only} (4pq, q = θ/2π), so
/// P(cont) = L(L + 4θ)/4π². With t = r₂²/r₁² (density 1/(1 + t)², independent of the phases):
/// </para>
/// <para>
/// both–both: R = t sin²θ sin²(α₂ − α₁)/((a₁² + t a₂²)(b₁² + t b₂²)), a = sin α, b = sin(α + θ). The t-average is a
/// trapezoid rule in y = ln t (logistic weight; the integrand is analytic in |Im y| &lt; π, so the error falls like
/// e^{−2π²/h}); the phase average uses the unit-swap symmetry (t ↔ 1/t) to integrate over Δ = α₂ − α₁ ∈ (0, L) and
/// α₁ ∈ (0, L − Δ) with tanh-sinh rules, the inner one split at distance min(Δ, (L − Δ)/3) from each end so the scale-Δ
/// structure near the arc ends is resolved. ln sin²θ is carried outside, so small θ loses nothing.
/// </para>
/// <para>
/// both–x-only: R = 1/(1 + c/t), c = sin²α/sin²β, so R has the law F(r) = cr/(1 + (c − 1)r) on (0, 1) and, exactly,
/// E[ln R | c] = −c ln c/(c − 1), E[ln²R | c] = −2c Li₂(1 − c)/(c − 1). The (α, β) ∈ (0, L) × (0, θ) average is
/// tanh-sinh in β split at min(L, θ/3) from 0 and from θ (where sin β = sin(L + θ − β)), and in α split at min(β, L/3)
/// from 0 and min(θ, L/3) from L (where sin α = sin(θ + L − α)).
/// </para>
/// <para>
/// Refinement level k halves every step k times (tanh-sinh h = 2^−(3+k) for both–both and 2^−(4+k) for both–one-only,
/// trapezoid h = 2^−(1+k), |y| ≤ 46); level 0 agrees with level 1 to ≤ 1e-11 in the mean and variance for θ from 1e-6
/// to π − 1e-4, and levels 1 and 2 to ≤ 2e-14; about 0.05 s per θ at level 0 (Release).
/// </para>
/// </summary>
public static class TwoUnitLawOracle
{
    private const double YMax = 46; // logistic tail beyond |y| = 46: ~ y²e^{−46} ≈ 2e-17

    /// <summary>(P(cont), E[ln R | cont], Var[ln R | cont]) at width 2 for θ ∈ (0, π); refinement ∈ [0, 3] halves every
    /// quadrature step that many times.</summary>
    /// <exception cref="ArgumentOutOfRangeException">θ outside (0, π) or refinement outside [0, 3].</exception>
    public static (double Probability, double Mean, double Variance) Moments(double theta, int refinement = 0)
    {
        if (!(theta > 0 && theta < Math.PI))
            throw new ArgumentOutOfRangeException(nameof(theta), theta, "θ must be in (0, π).");
        if (refinement < 0 || refinement > 3)
            throw new ArgumentOutOfRangeException(nameof(refinement), refinement, "refinement must be in [0, 3].");
        double hy = 0.5 / (1 << refinement);
        double L = Math.PI - theta, sinTheta = Math.Sin(theta), lnSin2Theta = Math.Log(sinTheta * sinTheta);
        // Moments are accumulated for ln R − shift: ln R ≈ ln sin²θ + O(1) as θ → 0, ln R → 0 as θ → π.
        double shift = theta <= Math.PI / 2 ? lnSin2Theta : 0;
        var (b1, b2) = BothBoth(theta, L, new TanhSinhRule(1.0 / (8 << refinement)), hy, lnSin2Theta - shift);
        var (x1, x2) = BothOneOnly(theta, L, new TanhSinhRule(1.0 / (16 << refinement))); // moments of ln R
        double xs1 = x1 - shift, xs2 = x2 - 2 * shift * x1 + shift * shift;
        double wBoth = L / (L + 4 * theta), wMixed = 4 * theta / (L + 4 * theta);
        double m1 = wBoth * b1 + wMixed * xs1, m2 = wBoth * b2 + wMixed * xs2;
        return (L * (L + 4 * theta) / (4 * Math.PI * Math.PI), m1 + shift, m2 - m1 * m1);
    }

    /// <summary>E[ℓ] and E[ℓ²] for ℓ = ln R − ln sin²θ + offset given both units both-active.</summary>
    private static (double, double) BothBoth(double theta, double L, TanhSinhRule phase, double hy, double offset)
    {
        int ny = (int)Math.Floor(YMax / hy), count = 2 * ny + 1;
        var t = new double[count];
        var wy = new double[count];
        var y = new double[count];
        for (int i = 0; i < count; i++)
        {
            y[i] = (i - ny) * hy;
            t[i] = Math.Exp(y[i]);
            double c = Math.Cosh(y[i] / 2);
            wy[i] = hy / (4 * c * c);
        }
        double s1 = 0, s2 = 0;
        for (int k = 0; k < phase.Count; k++)
        {
            var (delta, m, wd) = phase.Node(0, L, k); // Δ and M = L − Δ
            double sinDelta = delta <= Math.PI / 2 ? Math.Sin(delta) : Math.Sin(theta + m);
            double lnSin2Delta = Math.Log(sinDelta * sinDelta) + offset;
            double cut = Math.Min(delta, m / 3);
            double i1 = 0, i2 = 0;
            // u = α₁ ∈ (0, M), w = M − u: a₁ = sin u, a₂ = sin(u + Δ), b₁ = sin(w + Δ), b₂ = sin w.
            for (int panel = 0; panel < 3; panel++)
            {
                double lo = panel == 0 ? 0 : panel == 1 ? cut : m - cut, hi = panel == 0 ? cut : panel == 1 ? m - cut : m;
                for (int j = 0; j < phase.Count; j++)
                {
                    var (dl, du, wu) = phase.Node(lo, hi, j);
                    // each of u and w exact near its own end (first and last panel)
                    double u = panel == 0 ? dl : panel == 1 ? cut + dl : m - du;
                    double w = panel == 0 ? m - dl : panel == 1 ? cut + du : du;
                    double a1 = Math.Sin(u), a2 = Math.Sin(u + delta), bb1 = Math.Sin(w + delta), bb2 = Math.Sin(w);
                    double a1s = a1 * a1, a2s = a2 * a2, b1s = bb1 * bb1, b2s = bb2 * bb2;
                    double e1 = 0, e2 = 0;
                    for (int i = 0; i < count; i++)
                    {
                        double l = y[i] + lnSin2Delta - Math.Log((a1s + t[i] * a2s) * (b1s + t[i] * b2s));
                        e1 += wy[i] * l;
                        e2 += wy[i] * l * l;
                    }
                    i1 += wu * e1;
                    i2 += wu * e2;
                }
            }
            s1 += wd * i1;
            s2 += wd * i2;
        }
        double norm = 2 / (L * L); // the triangle α₁ < α₂ is half the square
        return (norm * s1, norm * s2);
    }

    /// <summary>E[ln R] and E[ln²R] given one unit both-active and the other x-only (equivalently y-only).</summary>
    private static (double, double) BothOneOnly(double theta, double L, TanhSinhRule phase)
    {
        double s1 = 0, s2 = 0;
        double top = Math.Min(theta, L / 3), edge = Math.Min(L, theta / 3);
        for (int k = 0; k < 3 * phase.Count; k++)
        {
            // β panels (0, edge), (edge, θ − edge), (θ − edge, θ); near β = θ, sin β = sin(π − β) = sin(L + (θ − β)).
            int bp = k / phase.Count;
            double blo = bp == 0 ? 0 : bp == 1 ? edge : theta - edge, bhi = bp == 0 ? edge : bp == 1 ? theta - edge : theta;
            var (bl, bu, wb) = phase.Node(blo, bhi, k % phase.Count);
            double beta = blo + bl;
            double lnSinBeta = Math.Log(bp == 2 ? Math.Sin(L + bu) : Math.Sin(beta));
            double bottom = Math.Min(beta, L / 3);
            double i1 = 0, i2 = 0;
            for (int panel = 0; panel < 3; panel++)
            {
                double lo = panel == 0 ? 0 : panel == 1 ? bottom : L - top, hi = panel == 0 ? bottom : panel == 1 ? L - top : L;
                for (int j = 0; j < phase.Count; j++)
                {
                    var (dl, du, wa) = phase.Node(lo, hi, j);
                    // sin α with α = lo + dl; near α = L use sin α = sin(π − α) = sin(θ + (L − α)).
                    double sinAlpha = panel == 0 ? Math.Sin(dl) : panel == 2 ? Math.Sin(theta + du) : Math.Sin(lo + dl);
                    var (m1, m2) = ConditionalMoments(2 * (Math.Log(sinAlpha) - lnSinBeta));
                    i1 += wa * m1;
                    i2 += wa * m2;
                }
            }
            s1 += wb * i1;
            s2 += wb * i2;
        }
        double norm = 1 / (L * theta);
        return (norm * s1, norm * s2);
    }

    /// <summary>E[ln R] and E[ln²R] for R = 1/(1 + c/t), t with density 1/(1 + t)², from λ = ln c: −c ln c/(c − 1) and
    /// −2c Li₂(1 − c)/(c − 1) (→ −1 and 2 at c = 1), with c − 1 = expm1(λ) so that c near 1 keeps full accuracy.</summary>
    internal static (double, double) ConditionalMoments(double lnc)
    {
        if (lnc == 0) return (-1, 2);
        double c = Math.Exp(lnc), x = Dilogarithm.ExpMinusOne(lnc);
        return (-c * lnc / x, -2 * c * Dilogarithm.Li2OneMinusExp(lnc) / x);
    }
}
