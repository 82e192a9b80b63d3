namespace Degeneracy.Series.SmallAngle;

/// <summary>
/// The exact small-angle law of the angle chain (docs/THEORY.md §3). As θ → 0 the k active neurons see an independent
/// Gaussian perturbation direction, so sin²θ'/sin²θ → χ²_{k−1}/χ²_k (independent chi-squares),
/// k ~ Binomial(n, 1/2) conditioned on k ≥ 2. With L = ln sin²θ' − ln sin²θ, E ln χ²_ν = ψ(ν/2) + ln 2 and
/// Var ln χ²_ν = ψ₁(ν/2) give, exactly for every n ≥ 2,
/// ρ_exact(n) = −lim E[L] = E_k[ψ(k/2) − ψ((k−1)/2)],
/// σ²_exact(0, n) = E_k[ψ₁((k−1)/2) + ψ₁(k/2)] + Var_k[ψ((k−1)/2) − ψ(k/2)].
/// Numerical values here; the exact 1/n expansions are <see cref="RhoSeries"/> and <see cref="VarianceSeries"/>.
/// </summary>
public static partial class SmallAngleLaw
{
    /// <summary>Terms whose contributions are all below this fraction of the running totals are skipped (and counted).</summary>
    public const double NegligibleFraction = 1e-18;

    /// <summary>ρ_exact(n) = E_k[ψ(k/2) − ψ((k−1)/2)] for n ≥ 2 (ρ(2) = 2 ln 2, ρ(3) = ln 2 + 1/2, ρ ~ 2/n); ~1e-15 relative.</summary>
    public static double Rho(int n) => Evaluate(n).Rho;

    /// <summary>σ²_exact(0, n) = E_k[ψ₁((k−1)/2) + ψ₁(k/2)] + Var_k[ψ(k/2) − ψ((k−1)/2)] for n ≥ 2 (σ²(0, 2) = 2π²/3, ~ 8/n).</summary>
    public static double Variance(int n) => Evaluate(n).Variance;

    /// <summary>lim_{θ→0} E[ln sin²θ' − ln sin²θ] = −ρ_exact(n) for n ≥ 2.</summary>
    public static double MeanDrift(int n) => -Evaluate(n).Rho;

    /// <summary>
    /// ρ_exact(n) and σ²_exact(0, n) for n ≥ 2, accurate to ~1e-15 relative for every n (checked to n = 10⁷).
    /// Sums over k outward from the mode max(2, ⌊n/2⌋) with unnormalised weights w_k = P(k)/P(mode) built from the exact
    /// ratios P(k+1)/P(k) = (n−k)/(k+1) (relative error ~ |k − mode|·ulp, harmless where the mass is; a log-pmf from
    /// lgamma would carry an absolute error ~ ulp(n ln n) ≈ 1e-8 at n = 10⁷), normalised by Σ w_k over k ≥ 2, i.e.
    /// conditioned on k ≥ 2. Each direction stops at the first k whose w·g, w·t and w all fall below
    /// <see cref="NegligibleFraction"/> of the running totals (terms decay geometrically from there); the count is
    /// reported. Var_k[g] is accumulated about g(mode) so that E[g²] − E[g]² does not cancel.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">n &lt; 2.</exception>
    public static SmallAngleEvaluation Evaluate(int n)
    {
        if (n < 2) throw new ArgumentOutOfRangeException(nameof(n), n, "The width n must satisfy 2 ≤ n ≤ int.MaxValue (k ≥ 2 active neurons are needed).");

        long mode = Math.Max(2L, n / 2L);
        double centre = HalfIntegerPolygamma.DigammaDifference(mode);
        var z = new CompensatedSum();
        var sg = new CompensatedSum();
        var st = new CompensatedSum();
        var sd = new CompensatedSum();
        int summed = 0;

        bool Accept(long k, double w)
        {
            double g = HalfIntegerPolygamma.DigammaDifference(k);
            double t = HalfIntegerPolygamma.TrigammaSum(k);
            if (summed > 0 && w < NegligibleFraction * z.Value && w * g < NegligibleFraction * sg.Value
                && w * t < NegligibleFraction * st.Value)
                return false;
            double d = g - centre;
            z.Add(w);
            sg.Add(w * g);
            st.Add(w * t);
            sd.Add(w * d * d);
            summed++;
            return true;
        }

        // upward from the mode: P(k+1)/P(k) = (n − k)/(k + 1)
        double weight = 1.0;
        for (long k = mode; k <= n; k++)
        {
            if (!Accept(k, weight)) break;
            weight *= (double)(n - k) / (k + 1);
        }
        // downward from the mode: P(k−1)/P(k) = k/(n − k + 1)
        weight = 1.0;
        for (long k = mode - 1; k >= 2; k--)
        {
            weight *= (double)(k + 1) / (n - k);
            if (!Accept(k, weight)) break;
        }

        double norm = z.Value;
        double rho = sg.Value / norm;
        double shift = rho - centre;
        double varG = Math.Max(0.0, sd.Value / norm - shift * shift);
        double variance = st.Value / norm + varG;
        return new SmallAngleEvaluation(n, rho, variance, summed, (n - 1) - summed);
    }

    /// <summary>Neumaier's compensated sum (error independent of the number of terms to first order).</summary>
    private struct CompensatedSum
    {
        private double _sum, _compensation;
        public readonly double Value => _sum + _compensation;

        public void Add(double x)
        {
            double t = _sum + x;
            if (Math.Abs(_sum) >= Math.Abs(x)) _compensation += (_sum - t) + x;
            else _compensation += (x - t) + _sum;
            _sum = t;
        }
    }
}
