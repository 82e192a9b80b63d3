using Degeneracy.JFunctions;
using Degeneracy.Series.Derivation;
using Degeneracy.Symbolic;

namespace Degeneracy.TestSupport.Derivation;

/// <summary>
/// The first derivation engine, kept as a test oracle: the closed forms m_k, v_k of the symbolic
/// <see cref="LogRatioExpansion"/> (J-polynomials in D⁻¹, sample-mean moments by a sum over set partitions), then the
/// exact θ-series of every J̄_{a,b} and of D⁻¹ substituted with ℚ[π, 1/π] coefficients (<see cref="ClosedFormSeries"/>).
/// A different algorithm from the multi-modular engine behind <see cref="Series.Derivation.Derivation.Derive(int, int, Activation)"/>
/// (no cumulants, no modular arithmetic, no interpolation), so agreement checks both.
/// </summary>
public static class SubstitutionDerivation
{
    /// <summary>c_{jk} of the drift (quantity 0) and σ² (quantity 1): result[q][k][j], k = 0 … K, j = 0 … J.</summary>
    public static PiLaurent[][][] Derive(int thetaOrder, int nOrder, Activation activation)
    {
        var exp = LogRatioExpansion.Derive(nOrder, activation);
        var result = new PiLaurent[2][][];
        for (int q = 0; q < 2; q++)
        {
            result[q] = new PiLaurent[nOrder + 1][];
            for (int k = 0; k <= nOrder; k++)
            {
                var s = q == 0
                    ? (k == 0 ? ClosedFormSeries.InfiniteWidthDrift(thetaOrder, activation) : ClosedFormSeries.Expand(exp.Mean[k], thetaOrder, activation))
                    : ClosedFormSeries.Expand(exp.Variance[k], thetaOrder, activation);
                result[q][k] = Enumerable.Range(0, thetaOrder + 1).Select(j => s[j]).ToArray();
            }
        }
        return result;
    }
}
