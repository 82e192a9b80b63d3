namespace Degeneracy.Series.Derivation;

/// <summary>
/// The published formulas of the depth-degeneracy paper (Jakub &amp; Nica, Theorem 3, eqs. 2, 5, 6) and of the authors' code
/// (docs/THEORY.md §3), as text for <see cref="FormulaCheck"/>. Transcribed to be checked, never used as the truth.
/// </summary>
public static class PublishedFormulas
{
    private const string D = "(1 - 4*J(1,1)^2)";
    /// <summary>K = 8J11²J22 − 8J11⁴ + 4J11² − 8J11J31 + J22 + 1.</summary>
    public const string K = "(8*J(1,1)^2*J(2,2) - 8*J(1,1)^4 + 4*J(1,1)^2 - 8*J(1,1)*J(3,1) + J(2,2) + 1)";
    /// <summary>K₂ = 2J11² − 4J11J31 + J22 + 1.</summary>
    public const string K2 = "(2*J(1,1)^2 - 4*J(1,1)*J(3,1) + J(2,2) + 1)";

    /// <summary>Eq. 2: ρ(n) = ln((n+5)/(n−1)) − 10n/(n+5)² + 6n/(n−1)².</summary>
    public const string Rho = "ln((n+5)/(n-1)) - 10*n/(n+5)^2 + 6*n/(n-1)^2";

    /// <summary>Eq. 5, through θ².</summary>
    public const string Theorem3Mu =
        "ln(sin(theta)^2) - 2/(3*pi)*theta - (" + Rho + ") - 8*theta/(15*pi*n) - (2/(9*pi^2) - 68/(45*pi^2*n))*theta^2";

    /// <summary>Eq. 6, through θ².</summary>
    public const string Theorem3Sigma2 = "8/n - 64/(15*pi)*theta/n - (8 + 296/(45*pi))*theta^2/n";

    /// <summary>μ_pub of the authors' code (docs/THEORY.md §3).</summary>
    public const string MuClosedForm =
        "ln((n-1)*" + D + "/(4*J(2,2) - 1 + n)) + 4*(J(2,2)+1)/(n*((4*J(2,2)-1)/n + 1)^2) - 4*" + K + "/(n*(1 - 1/n)^2*" + D + "^2)";

    /// <summary>σ²_pub of the authors' code (docs/THEORY.md §3).</summary>
    public const string Sigma2ClosedForm =
        "8*" + K + "/(n*(1 - 1/n)^2*" + D + "^2) + 8*(J(2,2)+1)/(n*((4*J(2,2)-1)/n + 1)^2) - 16*" + K2 + "/(n*(1 - 1/n)*" + D + "*((4*J(2,2)-1)/n + 1))";
}
