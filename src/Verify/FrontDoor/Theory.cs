using Degeneracy.Series.Derivation;
using Degeneracy.Symbolic;

namespace Degeneracy;

/// <summary>
/// Front door to the exact derivation (docs/THEORY.md §3): the per-layer law of L = ln sin²θ' − ln sin²θ as double series
/// Σ c_{jk} θ^j n^−k with coefficients exact in ℚ[π, 1/π], and coefficient-by-coefficient checks of published formulas.
/// θ-order 0 … 40, n-order 0 … 5.
/// </summary>
public static class Theory
{
    /// <summary>Derives the drift E[L] = μ − ln sin²θ, the variance σ² = Var[L] and ρ(n) through θ^thetaOrder and n^−nOrder.</summary>
    /// <example><code>var d = Theory.Derive(thetaOrder: 4, nOrder: 2);</code></example>
    /// <exception cref="ArgumentOutOfRangeException">An order out of range.</exception>
    public static DerivationResult Derive(int thetaOrder, int nOrder) => Derivation.Derive(thetaOrder, nOrder);

    /// <summary>The exact coefficient of θ^j n^−k in the drift μ − ln sin²θ.</summary>
    /// <example><code>Console.WriteLine(Theory.DriftCoefficient(1, 0)); // -2/(3*pi)</code></example>
    /// <exception cref="ArgumentOutOfRangeException">j outside [0, 40] or k outside [0, 5].</exception>
    public static PiLaurent DriftCoefficient(int j, int k) => Derivation.Derive(j, k).Coefficient(Quantity.Drift, j, k);

    /// <summary>The exact coefficient of θ^j n^−k in the variance σ².</summary>
    /// <example><code>Console.WriteLine(Theory.VarianceCoefficient(2, 1)); // -8 - 296/(45*pi^2)</code></example>
    /// <exception cref="ArgumentOutOfRangeException">j outside [0, 40] or k outside [0, 5].</exception>
    public static PiLaurent VarianceCoefficient(int j, int k) => Derivation.Derive(j, k).Coefficient(Quantity.Sigma2, j, k);

    /// <summary>The exact coefficient of n^−k in ρ(n) = −lim_{θ→0} E[L].</summary>
    /// <example><code>Console.WriteLine(Theory.RhoCoefficient(2)); // 8</code></example>
    /// <exception cref="ArgumentOutOfRangeException">k outside [0, 5].</exception>
    public static PiLaurent RhoCoefficient(int k) => Derivation.Derive(0, k).Coefficient(Quantity.Rho, 0, k);

    /// <summary>Holds a formula for μ(θ, n) itself (text in theta, n, pi, J(a,b), ln, exp, sqrt, sin, cos, arcsin) against the derivation.</summary>
    /// <example><code>bool ok = Theory.CheckMu("ln(sin(theta)^2) - 2/(3*pi)*theta", 1, 0).AllMatch; // true</code></example>
    /// <exception cref="FormatException">The formula does not parse (the message gives the position).</exception>
    public static FormulaCheckResult CheckMu(string formula, int thetaOrder, int nOrder) => FormulaCheck.CheckMu(formula, thetaOrder, nOrder);

    /// <summary>Holds a formula for the drift μ − ln sin²θ against the derivation.</summary>
    /// <example><code>bool ok = Theory.CheckDrift("-2/(3*pi)*theta - 2/n - 8/(15*pi)*theta/n", 1, 1).AllMatch; // true</code></example>
    /// <exception cref="FormatException">The formula does not parse.</exception>
    public static FormulaCheckResult CheckDrift(string formula, int thetaOrder, int nOrder) => FormulaCheck.Check(Quantity.Drift, formula, thetaOrder, nOrder);

    /// <summary>Holds a formula for σ²(θ, n) against the derivation.</summary>
    /// <example><code>var r = Theory.CheckVariance("8/n", 0, 1); // r.AllMatch == true</code></example>
    /// <exception cref="FormatException">The formula does not parse.</exception>
    public static FormulaCheckResult CheckVariance(string formula, int thetaOrder, int nOrder) => FormulaCheck.Check(Quantity.Sigma2, formula, thetaOrder, nOrder);

    /// <summary>Holds a formula for ρ(n) (in n alone) against the derivation's 1/n coefficients.</summary>
    /// <example><code>var r = Theory.CheckRho("2/n + 8/n^2", 2); // r.AllMatch == true</code></example>
    /// <exception cref="FormatException">The formula does not parse.</exception>
    public static FormulaCheckResult CheckRho(string formula, int nOrder) => FormulaCheck.Check(Quantity.Rho, formula, 0, nOrder);
}
