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
    /// <exception cref="ArgumentOutOfRangeException">j outside [0, 40], k negative, or the cost estimate over the guard (<see cref="DerivationCost"/>).</exception>
    public static PiLaurent DriftCoefficient(int j, int k) => Derivation.Derive(j, k).Coefficient(Quantity.Drift, j, k);

    /// <summary>The exact coefficient of θ^j n^−k in the variance σ².</summary>
    /// <example><code>Console.WriteLine(Theory.VarianceCoefficient(2, 1)); // -8 - 296/(45*pi^2)</code></example>
    /// <exception cref="ArgumentOutOfRangeException">j outside [0, 40], k negative, or the cost estimate over the guard (<see cref="DerivationCost"/>).</exception>
    public static PiLaurent VarianceCoefficient(int j, int k) => Derivation.Derive(j, k).Coefficient(Quantity.Sigma2, j, k);

    /// <summary>The exact coefficient of n^−k in ρ(n) = −lim_{θ→0} E[L].</summary>
    /// <example><code>Console.WriteLine(Theory.RhoCoefficient(2)); // 8</code></example>
    /// <exception cref="ArgumentOutOfRangeException">k negative or the cost estimate over the guard.</exception>
    public static PiLaurent RhoCoefficient(int k) => Derivation.Derive(0, k).Coefficient(Quantity.Rho, 0, k);

    /// <summary>
    /// Exact coefficients of ρ(n; s) ~ Σ c_k n^{−k} and σ²(0, n; s) ~ Σ d_k n^{−k} (the θ⁰ coefficients of −drift and σ²)
    /// from the exact small-angle law, k = 0 … order: any order ≤ 200 for relu, abs and linear (order 60 in ≈ 0.1 s),
    /// for other slopes any order within the time guard (cumulant delta method: order 12 in ≈ 0.2 s, about order⁷ beyond).
    /// Default activation ReLU.
    /// </summary>
    /// <example><code>var (c, d) = Theory.SmallAngleSeries(60); // c[1] = 2, c[2] = 8, d[1] = 8</code></example>
    /// <exception cref="ArgumentOutOfRangeException">order outside the range above.</exception>
    public static (Rational[] Rho, Rational[] Variance) SmallAngleSeries(int order, JFunctions.Activation? activation = null) =>
        Series.SmallAngle.ActivationSmallAngleLaw.Series(order, activation ?? JFunctions.Activation.Relu);

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
