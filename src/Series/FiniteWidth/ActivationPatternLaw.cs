namespace Degeneracy.Series.FiniteWidth;

/// <summary>
/// Exact laws of one step of the ReLU angle chain that depend only on the activation pattern (docs/THEORY.md §6). Per
/// unit the pair (φ(G), φ(Ĝ)), corr(G, Ĝ) = cos θ, is both active or neither active with probability p = (π − θ)/2π each,
/// and only one active with probability q = θ/2π each. With k₁₁, k₁₀, k₀₁, k₀₀ the multinomial counts over n units:
/// <list type="bullet">
/// <item>collapse (sin²θ' = 0 or undefined) is {X = 0} ∪ {Y = 0} ∪ {k₁₁ = 1, k₁₀ = k₀₁ = 0}, so by inclusion–exclusion
/// P_c(θ, n) = 2·2⁻ⁿ − pⁿ + n·pⁿ = 2¹⁻ⁿ + (n − 1)pⁿ;</item>
/// <item>θ' = π/2 exactly (C = ΣXY = 0) is {k₁₁ = 0}; without collapse its probability is (1 − p)ⁿ − 2¹⁻ⁿ + pⁿ.</item>
/// </list>
/// Valid for every integer n ≥ 2 and θ ∈ [0, π].
/// </summary>
public static class ActivationPatternLaw
{
    /// <summary>p = (π − θ)/2π: probability that a unit is active in both (or in neither) of the pair.</summary>
    public static double BothActive(double theta)
    {
        Check(theta, 2);
        return (Math.PI - theta) / (2 * Math.PI);
    }

    /// <summary>P_c(θ, n) = 2¹⁻ⁿ + (n − 1)((π − θ)/2π)ⁿ, the probability that one step collapses (θ ∈ [0, π], n ≥ 2).</summary>
    public static double Collapse(double theta, int n)
    {
        Check(theta, n);
        double p = (Math.PI - theta) / (2 * Math.PI);
        return Math.Pow(2, 1 - n) + (n - 1) * Math.Pow(p, n);
    }

    /// <summary>1 − P_c(θ, n), the probability that one step survives.</summary>
    public static double Survival(double theta, int n) => 1 - Collapse(theta, n);

    /// <summary>
    /// P(θ' = π/2, no collapse) = (1 − p)ⁿ − 2¹⁻ⁿ + pⁿ, p = (π − θ)/2π (θ ∈ [0, π], n ≥ 2). Near θ = 0, where the terms
    /// cancel, it is evaluated as 2¹⁻ⁿ[expm1(s)·cosh d + 2 sinh²(d/2)] with x = θ/π, s = (n/2)·log1p(−x²), d = n·atanh x
    /// (the even part of (1 + x)ⁿ + (1 − x)ⁿ − 2), which loses at most one bit.
    /// </summary>
    public static double RightAngle(double theta, int n)
    {
        Check(theta, n);
        double x = theta / Math.PI;
        if (x > 0.5)
        {
            double p = (Math.PI - theta) / (2 * Math.PI);
            return Math.Max(0, Math.Pow(1 - p, n) - Math.Pow(2, 1 - n) + Math.Pow(p, n));
        }
        double s = 0.5 * n * LogOnePlus(-x * x);
        double d = n * Math.Atanh(x);
        double half = Math.Sinh(0.5 * d);
        return Math.Pow(2, 1 - n) * (ExpMinusOne(s) * Math.Cosh(d) + 2 * half * half);
    }

    /// <summary>P(θ' = π/2 | no collapse), the atom of the one-step law at sin²θ' = 1 (θ ∈ [0, π], n ≥ 2).</summary>
    public static double RightAngleGivenSurvival(double theta, int n) => RightAngle(theta, n) / Survival(theta, n);

    /// <summary>ln(1 + u) to a few ulps (Kahan: ln(w)·u/(w − 1) with w = 1 + u rounded).</summary>
    private static double LogOnePlus(double u)
    {
        double w = 1 + u;
        return w == 1 ? u : Math.Log(w) * u / (w - 1);
    }

    /// <summary>eᵘ − 1 to a few ulps (Kahan: (w − 1)·u/ln w with w = eᵘ rounded).</summary>
    private static double ExpMinusOne(double u)
    {
        if (Math.Abs(u) > 0.5) return Math.Exp(u) - 1;
        double w = Math.Exp(u);
        return w == 1 ? u : (w - 1) * u / Math.Log(w);
    }

    private static void Check(double theta, int n)
    {
        if (!(theta >= 0 && theta <= Math.PI))
            throw new ArgumentOutOfRangeException(nameof(theta), theta, "theta must lie in [0, pi] (and not be NaN).");
        if (n < 2) throw new ArgumentOutOfRangeException(nameof(n), n, "n must be a width >= 2 (one unit leaves no angle).");
    }
}
