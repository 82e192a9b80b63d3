using System.Globalization;
using Degeneracy.Series.Derivation;
using Degeneracy.Series.Evaluation;
using Degeneracy.Series.SmallAngle;
using Degeneracy.Verify.MonteCarlo;
using Degeneracy.Verify.Prediction;

namespace Degeneracy.Verify.Claims;

/// <summary>
/// The discrepancies found in the depth-degeneracy paper (Jakub &amp; Nica, Depth degeneracy in neural networks: vanishing
/// angles in fully connected ReLU networks on initialization, 2023), re-derived at run time: Theorem 3 eq. 6's θ²/n
/// coefficient, eq. 2's 1/n² coefficient, and the depths of Table 4 against Table 2.
/// </summary>
public sealed class DepthDegeneracyClaims : IClaimSource
{
    /// <summary>The source as cited in the report.</summary>
    public const string SourceName = "Jakub & Nica, Depth degeneracy in neural networks: vanishing angles in fully connected ReLU networks on initialization, 2023";

    /// <inheritdoc/>
    public string Name => "degeneracy";

    /// <inheritdoc/>
    public IReadOnlyList<Claim> Evaluate(ClaimOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Progress?.Invoke("degeneracy: Theorem 3 eq. 6");
        var eq6 = Eq6(options);
        options.Progress?.Invoke("degeneracy: eq. 2");
        var rho = Rho();
        options.Progress?.Invoke("degeneracy: Table 4");
        return [eq6, rho, Table4()];
    }

    private static string F(double x) => x.ToString("G5", CultureInfo.InvariantCulture);

    private static Claim Eq6(ClaimOptions options)
    {
        var printed = FormulaCheck.Check(Quantity.Sigma2, PublishedFormulas.Theorem3Sigma2, 2, 1);
        var authorsCode = FormulaCheck.Check(Quantity.Sigma2, PublishedFormulas.Sigma2ClosedForm, 2, 1);
        var wrong = printed.Coefficients.Where(c => !c.Match).ToList();
        var codeAgrees = authorsCode.Coefficients.All(c => c.Match);
        string evidence = $"Coefficients of θ^j/n^k for j ≤ 2, k ≤ 1, printed eq. 6 vs the library's exact derivation: "
                          + $"{printed.Coefficients.Count - wrong.Count} of {printed.Coefficients.Count} match; "
                          + string.Join("; ", wrong.Select(c => $"θ^{c.ThetaPower}/n^{c.InvNPower}: printed {c.Formula} = {F(c.Formula.ToDouble())}, derived {c.Derived} = {F(c.Derived.ToDouble())}"))
                          + $". The authors' own closed form σ²_pub expands to the derived coefficients ({(codeAgrees ? "all match" : "not all match")}), so the printed π is a misprint of π².";
        if (!options.Quick)
        {
            // One step from θ = 0.2 at n = 1024: Var[ln sin²θ¹] by Monte Carlo against the printed and corrected series.
            const double theta = 0.2;
            const int n = 1024;
            var mc = ReducedChainSampler.Run([n], theta, 1L << 20, options.Seed);
            var layer = mc.Layers[0];
            double derived = LayerLaws.Series(2).Sigma2(theta, n);
            double printedValue = (8 - 64 / (15 * Math.PI) * theta - (8 + 296 / (45 * Math.PI)) * theta * theta) / n;
            double corrected = (8 - 64 / (15 * Math.PI) * theta - (8 + 296 / (45 * Math.PI * Math.PI)) * theta * theta) / n;
            double se = layer.VarianceStdError;
            evidence += $" Monte Carlo (θ = {theta}, n = {n}, {layer.Count} one-step samples): Var = {F(layer.Variance)} ± {F(se)}; derived law (all θ, to 1/n²) {F(derived)} "
                        + $"({F((layer.Variance - derived) / se)} SE); eq. 6 as printed {F(printedValue)} ({F((layer.Variance - printedValue) / se)} SE); "
                        + $"eq. 6 with π² {F(corrected)} ({F((layer.Variance - corrected) / se)} SE; the rest is its θ³ and 1/n² truncation).";
        }
        else evidence += " [quick mode: derivation only; the full report adds a Monte Carlo check]";
        return new Claim("degeneracy.eq6-theta2", SourceName,
            "Theorem 3, eq. 6: σ²(θ, n) = 8/n − (64/(15π))θ/n − (8 + 296/(45π))θ²/n + O(θ³/n) + O(n⁻²).",
            wrong.Count == 0 ? ClaimVerdict.Holds : ClaimVerdict.Fails, evidence);
    }

    private static Claim Rho()
    {
        var check = FormulaCheck.Check(Quantity.Rho, PublishedFormulas.Rho, 0, 2);
        var claimed = check.Coefficients.Where(c => c.InvNPower <= 1).ToList();
        var second = check.Coefficients.First(c => c.InvNPower == 2);
        var rows = new[] { 4, 8, 16, 64, 256 }.Select(n =>
        {
            double exact = SmallAngleLaw.Rho(n), paper = PublishedLaw.Rho(n), leading = 2.0 / n;
            return $"n = {n}: exact {F(exact)}, eq. 2 {F(paper)} (error {F(paper - exact)}), 2/n error {F(leading - exact)}";
        });
        bool ordersHold = claimed.All(c => c.Match);
        string evidence = $"Expanded exactly in 1/n, eq. 2 gives {string.Join(", ", check.Coefficients.Select(c => $"({c.Formula})/n^{c.InvNPower}"))}; "
                          + $"the derivation gives {string.Join(", ", check.Coefficients.Select(c => $"({c.Derived})/n^{c.InvNPower}"))}: "
                          + $"orders n⁰ and n⁻¹ {(ordersHold ? "match" : "differ")}, the n⁻² coefficient is {second.Formula} where the exact small-angle law has {second.Derived}. "
                          + "Exact ρ(n) = E_k[ψ(k/2) − ψ((k−1)/2)] (k ~ Bin(n, ½), k ≥ 2) against eq. 2 and 2/n: " + string.Join("; ", rows)
                          + ". So eq. 2 is 2/n + O(n⁻²) as claimed, but its resummation is further from the truth than 2/n alone at small widths.";
        return new Claim("degeneracy.eq2-rho", SourceName,
            "Eq. 2: the small-angle drift is ρ(n) = ln((n+5)/(n−1)) − 10n/(n+5)² + 6n/(n−1)², accurate to O(n⁻²).",
            ordersHold ? ClaimVerdict.Partly : ClaimVerdict.Fails, evidence);
    }

    private static Claim Table4()
    {
        var networks = PaperArchitecture.Shipped();
        var depthMismatch = networks.Where(a => a.ListedDepth != a.Widths.Count).ToList();
        var widthMismatch = networks.Where(a => Math.Abs(a.ListedAverageWidth - a.Widths.Average()) > 0.01).ToList();
        string evidence = $"{networks.Count} networks read from the shipped table: "
                          + (depthMismatch.Count == 0 ? "every listed depth equals the number of widths" :
                              string.Join("; ", depthMismatch.Select(a => $"network {a.Network} lists {a.Widths.Count} widths in Table 4 but depth {a.ListedDepth} in Table 2")))
                          + "; " + (widthMismatch.Count == 0 ? "every listed average width equals the mean of the widths (to 0.01)" :
                              string.Join("; ", widthMismatch.Select(a => $"network {a.Network}: listed average {a.ListedAverageWidth}, mean of widths {F(a.Widths.Average())}")))
                          + ". The library uses the widths as listed (the final angle of a 14-layer network, not a 15-layer one).";
        var verdict = depthMismatch.Count + widthMismatch.Count == 0 ? ClaimVerdict.Holds
            : depthMismatch.Count + widthMismatch.Count < networks.Count ? ClaimVerdict.Partly : ClaimVerdict.Fails;
        return new Claim("degeneracy.table4-depths", SourceName,
            "Table 4 lists the hidden widths of the networks whose depth and average width Table 2 gives.", verdict, evidence);
    }
}
