namespace Degeneracy.Verify.MonteCarlo;

/// <summary>
/// One layer step of the angle: sin²θ′ and cos θ′ between X = φ(G) and Y = φ(Ĝ), and the support sizes
/// |supp X|, |supp Y|, |supp X ∪ supp Y| that decide degeneracy exactly.
/// </summary>
/// <param name="SinSquared">sin²θ′ ∈ (0, 1] when not degenerate; 0 when degenerate.</param>
/// <param name="Cos">cos θ′ ∈ [0, 1] (X, Y ≥ 0 so θ′ ≤ π/2); 1 when degenerate.</param>
/// <param name="ActiveAlpha">|supp X|, the number of i with G_i &gt; 0.</param>
/// <param name="ActiveBeta">|supp Y|, the number of i with Ĝ_i &gt; 0.</param>
/// <param name="ActiveUnion">|supp X ∪ supp Y|.</param>
public readonly record struct AngleStepResult(double SinSquared, double Cos, int ActiveAlpha, int ActiveBeta, int ActiveUnion)
{
    /// <summary>
    /// True iff sin²θ′ = 0 or θ′ is undefined: X = 0, Y = 0, or the supports' union is one index (then X ∥ Y);
    /// also when the incoming angle was exactly 0 (Ĝ = G, an absorbing state) so sin²θ′ is exactly 0.
    /// </summary>
    public bool IsDegenerate => ActiveAlpha == 0 || ActiveBeta == 0 || ActiveUnion == 1 || !(SinSquared > 0);
}
