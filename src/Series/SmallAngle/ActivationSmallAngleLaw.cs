using Degeneracy.JFunctions;
using Degeneracy.Series.Algebra;
using Degeneracy.Series.Derivation;
using Degeneracy.Symbolic;

namespace Degeneracy.Series.SmallAngle;

/// <summary>
/// The exact small-angle law for φ_s (docs/THEORY.md §5). As θ → 0, Ĝ = G cos θ + H sin θ and Y − X ≈ θ·D H with
/// D = diag(φ_s'(G)), X = D G, so sin²θ'/sin²θ → R = ‖P⊥_u v‖²/‖u‖² with u = D G, v = D H. Flipping the sign of G_i
/// leaves the law of R unchanged, so u, v are independent N(0, Λ) given Λ = D², whose entries λ_i are 1 or s² with
/// probability ½ each, independently. Hence:
/// s = 0 — R = χ²_{k−1}/χ²_k, k ~ Binomial(n, ½) (<see cref="SmallAngleLaw"/>);
/// s = ±1 — Λ = I and R = χ²_{n−1}/χ²_n exactly: ρ = ψ(n/2) − ψ((n−1)/2), σ² = ψ₁((n−1)/2) + ψ₁(n/2);
/// other s — R = (āb̄ − c̄²)/ā² with ā, b̄, c̄ the sample means of the iid (λg², λh², λgh)/E[λ], whose 1/n expansion
/// <see cref="Series"/> is exact order by order (rational in s, any order: <see cref="SlopeDeltaSeries"/>); exact finite-n
/// values by <see cref="SlopeSmallAngleLaw"/>.
/// </summary>
public static class ActivationSmallAngleLaw
{
    /// <summary>
    /// ρ_exact(n; s) and σ²_exact(0, n; s) for n ≥ 2 and every slope s: closed forms for s ∈ {0, −1, 1} (~1e-15 relative),
    /// the quadrature of <see cref="SlopeSmallAngleLaw"/> otherwise (~1e-13 absolute).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">n &lt; 2.</exception>
    public static (double Rho, double Variance) Evaluate(int n, Activation activation)
    {
        ArgumentNullException.ThrowIfNull(activation);
        if (n < 2) throw new ArgumentOutOfRangeException(nameof(n), n, "The width n must satisfy 2 ≤ n ≤ int.MaxValue.");
        return SlopeSmallAngleLaw.Evaluate(n, activation.Slope);
    }

    /// <summary>
    /// Exact coefficients (c_i, d_i), i = 0 … order, of ρ_exact(n; s) ~ Σ c_i n^{−i} and σ²_exact(0, n; s) ~ Σ d_i n^{−i}.
    /// For s = 0 and s = ±1 they are the polygamma expansions, to any order ≤ <see cref="SmallAngleLaw.MaxSeriesOrder"/>
    /// (milliseconds at order 60); for other s the delta-method expansion of ln R = ln(āb̄ − c̄²) − 2 ln ā about (1, 1, 0)
    /// with the sample-mean moments from the cumulants (<see cref="SlopeDeltaSeries"/>), to any order whose estimated cost
    /// is within the guards of <see cref="DerivationCost"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">order negative, above <see cref="SmallAngleLaw.MaxSeriesOrder"/> for
    /// relu/abs/linear, or beyond the guards for other slopes (the message gives the estimate).</exception>
    public static (Rational[] Rho, Rational[] Variance) Series(int order, Activation activation)
    {
        ArgumentNullException.ThrowIfNull(activation);
        if (order < 0) throw new ArgumentOutOfRangeException(nameof(order), order, "order must be a non-negative integer.");
        if (HasClosedForm(activation))
        {
            if (order > SmallAngleLaw.MaxSeriesOrder)
                throw new ArgumentOutOfRangeException(nameof(order), order, $"order must be an integer in [0, {SmallAngleLaw.MaxSeriesOrder}] for {activation.Name}.");
            if (activation.IsRelu) return (SmallAngleLaw.RhoSeries(order), SmallAngleLaw.VarianceSeries(order));
            return (DigammaDifferenceAtN(order), PolygammaSeries.TrigammaSum(order));
        }
        return DeltaMethod(order, activation.Slope);
    }

    /// <summary>True for relu, abs and linear, whose series are polygamma expansions (any order ≤ <see cref="SmallAngleLaw.MaxSeriesOrder"/>).</summary>
    public static bool HasClosedForm(Activation activation)
    {
        ArgumentNullException.ThrowIfNull(activation);
        return activation.IsRelu || activation.Slope.Abs().IsOne;
    }

    /// <summary>The one-line refusal when <see cref="Series"/> at this order would exceed its limits, or null when it fits.</summary>
    public static string? Refusal(int order, Activation activation)
    {
        ArgumentNullException.ThrowIfNull(activation);
        if (HasClosedForm(activation))
            return order > SmallAngleLaw.MaxSeriesOrder ? $"the polygamma series of {activation.Name} is built to order {SmallAngleLaw.MaxSeriesOrder} at most; got {order}." : null;
        return DerivationCost.Refusal(SlopeDeltaSeries.EstimatedSeconds(order, activation.Slope), SlopeDeltaSeries.EstimatedBytes(order),
            $"the small-angle series of {activation.Name} at order {order}");
    }

    private static Rational[] DigammaDifferenceAtN(int order) => PolygammaSeries.DigammaDifference(order);

    /// <summary>The delta-method expansion through n^{−K} for any slope s, including s = 0 and ±1, where it reproduces the
    /// polygamma expansions: the cumulant route of <see cref="SlopeDeltaSeries"/>, refused up front beyond the guards.</summary>
    /// <exception cref="ArgumentOutOfRangeException">K negative or its estimated cost over the guards.</exception>
    public static (Rational[] Rho, Rational[] Variance) DeltaMethod(int K, Rational s)
    {
        if (K < 0) throw new ArgumentOutOfRangeException(nameof(K), K, "K must be a non-negative integer.");
        if (DerivationCost.Refusal(SlopeDeltaSeries.EstimatedSeconds(K, s), SlopeDeltaSeries.EstimatedBytes(K), $"the small-angle series at order {K}") is { } why)
            throw new ArgumentOutOfRangeException(nameof(K), K, why);
        return SlopeDeltaSeries.Compute(K, s);
    }
}
