namespace Degeneracy.Verify.Variability;

/// <summary>
/// Layer k of <see cref="InNetworkDistancePreservation"/>: how often every unit (and each unit) kept |D_ii| = 1, against the
/// exact conditional probability given the realised pre-activation angle θ_k, and against the infinite-width prediction.
/// </summary>
/// <param name="Layer">k ≥ 1.</param>
/// <param name="MeanTheta">Mean over samples of the realised θ_k (angle of the conditional covariance of (z_k, z̄_k)).</param>
/// <param name="KernelTheta">θ_k of the infinite-width <see cref="BiasedKernelMap"/>.</param>
/// <param name="ObservedAll">Fraction of samples with |D_ii| = 1 for all d units.</param>
/// <param name="ExpectedAll">Mean of the exact conditional probability p(θ_k)^d.</param>
/// <param name="StdErrorAll">√(Σ p(1 − p))/S, the standard error of ObservedAll − ExpectedAll (independent Bernoulli trials).</param>
/// <param name="ObservedUnit">Fraction of units with |D_ii| = 1.</param>
/// <param name="ExpectedUnit">Mean of the exact conditional unit probability p(θ_k).</param>
/// <param name="StdErrorUnit">Standard error of ObservedUnit − ExpectedUnit.</param>
/// <param name="KernelAll">p(θ_k^∞)^d from the kernel-map angle.</param>
public sealed record DistancePreservationLayer(int Layer, double MeanTheta, double KernelTheta, double ObservedAll, double ExpectedAll,
    double StdErrorAll, double ObservedUnit, double ExpectedUnit, double StdErrorUnit, double KernelAll)
{
    /// <summary>(ObservedAll − ExpectedAll)/StdErrorAll (0 when both agree exactly with zero error).</summary>
    public double ZAll => StdErrorAll > 0 ? (ObservedAll - ExpectedAll) / StdErrorAll : ObservedAll == ExpectedAll ? 0 : double.PositiveInfinity;

    /// <summary>(ObservedUnit − ExpectedUnit)/StdErrorUnit.</summary>
    public double ZUnit => StdErrorUnit > 0 ? (ObservedUnit - ExpectedUnit) / StdErrorUnit : ObservedUnit == ExpectedUnit ? 0 : double.PositiveInfinity;
}
