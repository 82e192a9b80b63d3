namespace Degeneracy.Series.SmallAngle;

/// <summary>
/// The exact small-angle law at width n (docs/THEORY.md §3): ρ_exact(n) = E_k[g(k)], σ²_exact(0, n) = E_k[t(k)] + Var_k[g(k)],
/// k ~ Binomial(n, 1/2) conditioned on k ≥ 2, with g(k) = ψ(k/2) − ψ((k−1)/2) and t(k) = ψ₁((k−1)/2) + ψ₁(k/2).
/// </summary>
/// <param name="N">The width n ≥ 2.</param>
/// <param name="Rho">ρ_exact(n) = −lim_{θ→0} E[ln sin²θ' − ln sin²θ].</param>
/// <param name="Variance">σ²_exact(0, n) = lim_{θ→0} Var[ln sin²θ' − ln sin²θ].</param>
/// <param name="TermsSummed">How many k in 2..n were summed.</param>
/// <param name="TermsSkipped">How many k in 2..n were skipped because every contribution (pmf·g, pmf·t, pmf) was below
/// 1e-18 of the running total; n − 1 = TermsSummed + TermsSkipped.</param>
public sealed record SmallAngleEvaluation(int N, double Rho, double Variance, int TermsSummed, int TermsSkipped)
{
    /// <summary>lim_{θ→0} E[ln sin²θ' − ln sin²θ] = −ρ_exact(n).</summary>
    public double MeanDrift => -Rho;
}
