using Degeneracy.JFunctions;

namespace Degeneracy.Verify.Variability;

/// <summary>
/// The infinite-width law of one input pair in a Gaussian network with biases and φ_s: the pre-activation covariance
/// q = [[q₁₁, q₁₂], [q₁₂, q₂₂]] of (z_k, z̄_k) per unit evolves as q′_aa = σ_w²(1 + s²)/2·q_aa + σ_b²,
/// q′₁₂ = σ_w²√(q₁₁q₂₂)·[(1 + s²)J₁₁(θ) − 2s·J₁₁(π − θ)] + σ_b² with cos θ = q₁₂/√(q₁₁q₂₂), J₁₁(θ) = (sin θ + (π − θ)cos θ)/(2π);
/// the first layer has q_ab = σ_w²⟨x_a, x_b⟩/n_in + σ_b².
/// </summary>
public static class BiasedKernelMap
{
    /// <summary>θ₁ … θ_L, the angle of the pre-activation covariance at each layer, for inputs x, x̄ (same length n_in).</summary>
    public static double[] Angles(NetworkActivation activation, double weightVariance, double biasVariance, ReadOnlySpan<double> x, ReadOnlySpan<double> xBar, int depth)
    {
        ArgumentNullException.ThrowIfNull(activation);
        if (activation.IsSigmoid) throw new ArgumentOutOfRangeException(nameof(activation), activation.Name, "the kernel map is implemented for φ_s only");
        if (x.Length != xBar.Length || x.Length == 0) throw new ArgumentException("x and xBar must have the same positive length", nameof(xBar));
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 1);
        if (!(weightVariance >= 0) || !(biasVariance >= 0) || double.IsInfinity(weightVariance) || double.IsInfinity(biasVariance))
            throw new ArgumentOutOfRangeException(nameof(weightVariance), "variances must be finite and ≥ 0");
        double s = activation.PiecewiseLinear!.SlopeValue, a = weightVariance / x.Length;
        double xx = 0, yy = 0, xy = 0, dd = 0, xd = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double di = xBar[i] - x[i];
            xx += x[i] * x[i]; yy += xBar[i] * xBar[i]; xy += x[i] * xBar[i]; dd += di * di; xd += x[i] * di;
        }
        double q11 = a * xx + biasVariance, q22 = a * yy + biasVariance, q12 = a * xy + biasVariance;
        // det q = a²(‖x‖²‖δ‖² − (x·δ)²) + a·σ_b²‖δ‖², free of cancellation.
        double det = a * a * Math.Max(0, xx * dd - xd * xd) + a * biasVariance * dd;
        var angles = new double[depth];
        for (int k = 0; k < depth; k++)
        {
            double theta = Math.Atan2(Math.Sqrt(det), q12);
            angles[k] = theta;
            double r = Math.Sqrt(q11 * q22);
            double jSame = JFunction.Evaluate(1, 1, theta), jOpposite = JFunction.Evaluate(1, 1, Math.PI - theta);
            double e12 = r * ((1 + s * s) * jSame - 2 * s * jOpposite);
            double n11 = weightVariance * (1 + s * s) / 2 * q11 + biasVariance;
            double n22 = weightVariance * (1 + s * s) / 2 * q22 + biasVariance;
            double n12 = weightVariance * e12 + biasVariance;
            det = Math.Max(0, n11 * n22 - n12 * n12);
            (q11, q22, q12) = (n11, n22, n12);
        }
        return angles;
    }
}
