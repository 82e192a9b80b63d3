using System.Collections.Concurrent;
using Degeneracy.Series.Evaluation;
using Degeneracy.Series.SmallAngle;

namespace Degeneracy.Verify.Prediction;

/// <summary>
/// A law that is exact at θ → 0 and follows a base (series) law elsewhere:
/// Drift(θ, n) = Drift_base(θ, n) + w(θ)·(−ρ_exact(n) − Drift_base(0, n)),
/// σ²(θ, n) = σ²_base(θ, n) + w(θ)·(σ²_exact(0, n) − σ²_base(0, n)), with the smooth weight
/// w(θ) = cos²(πθ/(2θ_b)) for θ &lt; θ_b and 0 beyond (default θ_b = π/2, i.e. w = cos²θ on [0, π/2]). ρ_exact and
/// σ²_exact(0, n) come from <see cref="SmallAngleLaw"/> (exact for every n ≥ 2); the width n is rounded to an integer.
/// </summary>
public sealed class SmallAngleBlendedLaw : ILayerLaw
{
    private readonly ILayerLaw _base;
    private readonly ConcurrentDictionary<int, (double Drift, double Variance)> _corrections = new();

    /// <param name="baseLaw">The law used away from θ = 0.</param>
    /// <param name="blendAngle">θ_b ∈ (0, π]: where the exact correction has faded out.</param>
    /// <param name="activation">φ_s whose exact small-angle values are used (default ReLU); the base law must be that
    /// activation's.</param>
    public SmallAngleBlendedLaw(ILayerLaw baseLaw, double blendAngle = Math.PI / 2, JFunctions.Activation? activation = null)
    {
        ArgumentNullException.ThrowIfNull(baseLaw);
        Activation = activation ?? JFunctions.Activation.Relu;
        if (!(blendAngle > 0 && blendAngle <= Math.PI))
            throw new ArgumentOutOfRangeException(nameof(blendAngle), blendAngle, "blendAngle must lie in (0, pi]");
        _base = baseLaw;
        BlendAngle = blendAngle;
    }

    /// <inheritdoc/>
    public string Name => "exact-small-angle";

    /// <summary>The activation φ_s.</summary>
    public JFunctions.Activation Activation { get; }

    /// <summary>θ_b.</summary>
    public double BlendAngle { get; }

    /// <summary>w(θ) = cos²(πθ/(2θ_b)) below θ_b, else 0.</summary>
    public double Weight(double theta)
    {
        if (theta >= BlendAngle) return 0;
        double c = Math.Cos(0.5 * Math.PI * theta / BlendAngle);
        return c * c;
    }

    /// <inheritdoc/>
    public double Drift(double theta, double n)
    {
        double w = Weight(theta);
        double d = _base.Drift(theta, n);
        return w == 0 ? d : d + w * Correction(n).Drift;
    }

    /// <inheritdoc/>
    public double Sigma2(double theta, double n)
    {
        double w = Weight(theta);
        double v = _base.Sigma2(theta, n);
        return w == 0 ? v : Math.Max(0, v + w * Correction(n).Variance);
    }

    /// <summary>(−ρ_exact(n) − Drift_base(0, n), σ²_exact(0, n) − σ²_base(0, n)).</summary>
    public (double Drift, double Variance) Correction(double n)
    {
        LawArguments.Check(0, n);
        int width = (int)Math.Round(n);
        return _corrections.GetOrAdd(width, k =>
        {
            var (rho, variance) = ActivationSmallAngleLaw.Evaluate(k, Activation); // SmallAngleLaw's values for ReLU
            return (-rho - _base.Drift(0, k), variance - _base.Sigma2(0, k));
        });
    }
}
