using Degeneracy.JFunctions;
using Degeneracy.Series.Derivation;

namespace Degeneracy.Series.Evaluation;

/// <summary>
/// Reference evaluator straight from a <see cref="DerivationResult"/>: Σ_k ε^k m_k(θ) with the closed forms in J's
/// for θ ≥ <see cref="SeriesBelow"/> and the exact θ-series (coefficients rounded once) below it. Slower than the
/// generated evaluators; used as their cross-check and until one is generated.
/// </summary>
public sealed class DerivedLaw : ILayerLaw
{
    private readonly DerivationResult _d;
    private readonly double[,] _drift, _var; // [k, j]

    public DerivedLaw(DerivationResult d, double seriesBelow = 0.02)
    {
        _d = d;
        SeriesBelow = seriesBelow;
        _drift = new double[d.NOrder + 1, d.ThetaOrder + 1];
        _var = new double[d.NOrder + 1, d.ThetaOrder + 1];
        foreach (var t in d.Drift) _drift[t.InvNPower, t.ThetaPower] = t.Value;
        foreach (var t in d.Variance) _var[t.InvNPower, t.ThetaPower] = t.Value;
    }

    public string Name => "series";
    public double SeriesBelow { get; }

    public double Drift(double theta, double n) => Evaluate(theta, n, _drift, _d.DriftClosedForm);
    public double Sigma2(double theta, double n) => Evaluate(theta, n, _var, _d.VarianceClosedForm);

    private double Evaluate(double theta, double n, double[,] series, IReadOnlyList<ClosedFormTerm> cf)
    {
        LawArguments.Check(theta, n);
        double eps = 1 / n, total = 0, ek = 1;
        for (int k = 0; k <= _d.NOrder; k++, ek *= eps)
        {
            double v;
            if (theta < SeriesBelow)
            {
                v = 0;
                for (int j = _d.ThetaOrder; j >= 0; j--) v = v * theta + series[k, j];
            }
            else
            {
                var term = cf.FirstOrDefault(c => c.InvNPower == k);
                v = term is null ? 0 : term.Evaluate(theta, (a, b) => JFunction.Evaluate(a, b, theta));
            }
            total += ek * v;
        }
        return total;
    }
}
