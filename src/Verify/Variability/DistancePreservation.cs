namespace Degeneracy.Verify.Variability;

/// <summary>
/// When does a layer keep a distance? A difference quotient D_ii = (φ(u_i) − φ(v_i))/(u_i − v_i) of φ_s has |D_ii| = 1
/// exactly when u_i, v_i are both ≥ 0 (quotient 1), or both &lt; 0 and |s| = 1 (quotient s), or always when s = 1; otherwise
/// |D_ii| &lt; 1 for |s| &lt; 1. Zhang &amp; Yu's Proposition 2 takes u, v independent with P(≥ 0) = p; inside a network
/// the pair (z_k, z̄_k) of one unit is instead bivariate normal with correlation cos θ (θ the angle of its covariance),
/// for which P(both ≥ 0) = P(both &lt; 0) = (π − θ)/(2π) (the orthant probability ¼ + arcsin(cos θ)/(2π)).
/// </summary>
public static class DistancePreservation
{
    /// <summary>P(|D_ii| = 1) for one unit with independent u, v, P(u ≥ 0) = P(v ≥ 0) = p ∈ [0, 1]: p² (ReLU), p² + (1 − p)² (|x|).</summary>
    public static double IndependentUnitProbability(NetworkActivation activation, double p)
    {
        Check(activation);
        if (!(p >= 0 && p <= 1)) throw new ArgumentOutOfRangeException(nameof(p), p, "p must lie in [0, 1]");
        return Combine(activation, p * p, (1 - p) * (1 - p));
    }

    /// <summary>Proposition 2: P(|φ(u) − φ(v)| = |u − v| componentwise) = (unit probability)^d for iid components.</summary>
    public static double IndependentLayerProbability(NetworkActivation activation, double p, int width)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        return Math.Pow(IndependentUnitProbability(activation, p), width);
    }

    /// <summary>
    /// P(|D_ii| = 1) for one unit whose (u, v) is centred bivariate normal with correlation cos θ, θ ∈ [0, π]:
    /// (π − θ)/(2π) for ReLU, 1 − θ/π for |x|.
    /// </summary>
    public static double CorrelatedUnitProbability(NetworkActivation activation, double theta)
    {
        Check(activation);
        if (!(theta >= 0 && theta <= Math.PI)) throw new ArgumentOutOfRangeException(nameof(theta), theta, "theta must lie in [0, π]");
        double same = (Math.PI - theta) / (2 * Math.PI);
        return Combine(activation, same, same);
    }

    /// <summary>The layer of d units, iid given the previous layer: (unit probability)^d.</summary>
    public static double CorrelatedLayerProbability(NetworkActivation activation, double theta, int width)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        return Math.Pow(CorrelatedUnitProbability(activation, theta), width);
    }

    private static double Combine(NetworkActivation activation, double bothNonNegative, double bothNegative)
    {
        double s = activation.PiecewiseLinear!.SlopeValue;
        if (s == 1) return 1;
        return Math.Abs(s) == 1 ? bothNonNegative + bothNegative : bothNonNegative;
    }

    private static void Check(NetworkActivation activation)
    {
        ArgumentNullException.ThrowIfNull(activation);
        if (activation.IsSigmoid) throw new ArgumentOutOfRangeException(nameof(activation), activation.Name, "distance preservation is defined here for piecewise-linear φ_s only");
    }
}
