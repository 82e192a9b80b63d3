using Degeneracy.Series.Evaluation;

namespace Degeneracy.Series.CodeGen;

/// <summary>
/// A generated evaluator (checked in under Evaluation/Generated, or compiled by the `codegen` command's check) seen as an
/// <see cref="ILayerLaw"/>, with its μ(θ, n) and ρ(n) as well. The delegates validate their own arguments.
/// </summary>
public sealed class GeneratedLaw : ILayerLaw
{
    private readonly Func<double, double, double> _mu, _drift, _sigma2;
    private readonly Func<double, double> _rho;

    /// <summary>Wraps a generated evaluator's μ, drift, σ² and ρ (each validating its own arguments).</summary>
    public GeneratedLaw(int thetaOrder, int nOrder, Func<double, double, double> mu, Func<double, double, double> drift,
        Func<double, double, double> sigma2, Func<double, double> rho)
    {
        ThetaOrder = thetaOrder; NOrder = nOrder; _mu = mu; _drift = drift; _sigma2 = sigma2; _rho = rho;
    }

    /// <inheritdoc/>
    public string Name => "series";
    /// <summary>θ-order of the series used near 0.</summary>
    public int ThetaOrder { get; }
    /// <summary>Order in ε = 1/n.</summary>
    public int NOrder { get; }

    /// <summary>μ(θ, n) = ln sin²θ + E[L].</summary>
    public double Mu(double theta, double n) => _mu(theta, n);
    /// <inheritdoc/>
    public double Drift(double theta, double n) => _drift(theta, n);
    /// <inheritdoc/>
    public double Sigma2(double theta, double n) => _sigma2(theta, n);
    /// <summary>ρ(n) = −Drift(0, n).</summary>
    public double Rho(double n) => _rho(n);
}
