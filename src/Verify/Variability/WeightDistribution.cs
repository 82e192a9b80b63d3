namespace Degeneracy.Verify.Variability;

/// <summary>How the weight matrices of a network with biases are drawn.</summary>
public enum WeightDistribution
{
    /// <summary>Independent N(0, σ_w²/fan-in) entries.</summary>
    Gaussian,

    /// <summary>σ_w·Q with Q Haar-distributed: orthonormal columns (rows ≥ columns) or orthonormal rows (rows &lt; columns).</summary>
    Orthogonal,
}
