using Degeneracy.Series.Evaluation;

namespace Degeneracy.Verify.Prediction;

/// <summary>
/// Drift(θ, n) and σ²(θ, n) of a law at a fixed width n, interpolated in θ on [a, b] through K Chebyshev points of
/// the first kind (barycentric form). Both are analytic in θ on [0, π/2], so the error falls geometrically in K; it
/// lets the density method evaluate the law K times per layer instead of once per grid point.
/// </summary>
internal sealed class ChebyshevLawTable
{
    private readonly double[] _nodes, _weights, _drift, _variance;

    public ChebyshevLawTable(ILayerLaw law, double n, double a, double b, int k = 32)
    {
        _nodes = new double[k];
        _weights = new double[k];
        _drift = new double[k];
        _variance = new double[k];
        double mid = 0.5 * (a + b), half = 0.5 * (b - a);
        for (int i = 0; i < k; i++)
        {
            double angle = Math.PI * (i + 0.5) / k;
            _nodes[i] = mid + half * Math.Cos(angle);
            _weights[i] = (i % 2 == 0 ? 1 : -1) * Math.Sin(angle);
            _drift[i] = law.Drift(_nodes[i], n);
            _variance[i] = law.Sigma2(_nodes[i], n);
        }
    }

    public (double Drift, double Variance) Evaluate(double theta)
    {
        double num1 = 0, num2 = 0, den = 0;
        for (int i = 0; i < _nodes.Length; i++)
        {
            double d = theta - _nodes[i];
            if (d == 0) return (_drift[i], _variance[i]);
            double w = _weights[i] / d;
            num1 += w * _drift[i];
            num2 += w * _variance[i];
            den += w;
        }
        return (num1 / den, num2 / den);
    }
}
