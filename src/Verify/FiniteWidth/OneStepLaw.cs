using Degeneracy.Series.FiniteWidth;

namespace Degeneracy.Verify.FiniteWidth;

/// <summary>
/// The law of one step of the angle chain at finite width n from angle θ: L = ln sin²θ' − ln sin²θ given no collapse.
/// It is a mixture of an atom at θ' = π/2 (L = −ln sin²θ, no unit active in both, <see cref="RightAngle"/>) and a
/// continuous part represented by <see cref="CellMasses"/>.Length cells of fixed probability (finer in the tails), each
/// with its conditional mean, standard deviation and end points. Collapse and the atom are exact (<see cref="ActivationPatternLaw"/>).
/// </summary>
public sealed class OneStepLaw
{
    internal OneStepLaw(double theta, int width, double[] cellMasses, double[] cellMeans, double[] breaks,
        double continuousMean, double continuousVariance, double[] cellSpreads, bool relu = true)
    {
        CellSpreads = cellSpreads;
        Theta = theta;
        Width = width;
        CellMasses = cellMasses;
        CellMeans = cellMeans;
        Breaks = breaks;
        ContinuousMean = continuousMean;
        ContinuousVariance = Math.Max(0, continuousVariance);
        // For φ_s with s ≠ 0 every unit is active in both inputs' images: no collapse, no atom.
        Collapse = relu ? ActivationPatternLaw.Collapse(theta, width) : 0;
        RightAngle = relu ? ActivationPatternLaw.RightAngleGivenSurvival(theta, width) : 0;
        RightAngleL = theta == 0 ? double.PositiveInfinity : -AngleLog(theta);
    }

    /// <summary>θ ∈ [0, π].</summary>
    public double Theta { get; }

    /// <summary>n, the width of the layer produced.</summary>
    public int Width { get; }

    /// <summary>P(collapse) = 2¹⁻ⁿ + (n − 1)((π − θ)/2π)ⁿ for ReLU, exact; 0 for φ_s with s ≠ 0.</summary>
    public double Collapse { get; }

    /// <summary>P(θ' = π/2 | no collapse), exact.</summary>
    public double RightAngle { get; }

    /// <summary>The value of L at the atom, −ln sin²θ.</summary>
    public double RightAngleL { get; }

    /// <summary>Probability of each cell of the continuous part (they sum to 1).</summary>
    public IReadOnlyList<double> CellMasses { get; }

    /// <summary>E[L | continuous part, L in cell j].</summary>
    public IReadOnlyList<double> CellMeans { get; }

    /// <summary>Standard deviation of L within cell j (the cells' second moments).</summary>
    public IReadOnlyList<double> CellSpreads { get; }

    /// <summary>Cell end points of L (one more than cells; the outer ones are the extreme values seen).</summary>
    public IReadOnlyList<double> Breaks { get; }

    /// <summary>E[L | no collapse, θ' ≠ π/2].</summary>
    public double ContinuousMean { get; }

    /// <summary>Var[L | no collapse, θ' ≠ π/2].</summary>
    public double ContinuousVariance { get; }

    /// <summary>E[L | no collapse] (the drift).</summary>
    public double Mean => RightAngle == 0 ? ContinuousMean : (1 - RightAngle) * ContinuousMean + RightAngle * RightAngleL;

    /// <summary>Var[L | no collapse].</summary>
    public double Variance
    {
        get
        {
            double a = RightAngle;
            if (a == 0) return ContinuousVariance;
            double d = RightAngleL - ContinuousMean;
            return (1 - a) * ContinuousVariance + a * (1 - a) * d * d;
        }
    }

    /// <summary>P(L ≤ l | no collapse): the atom plus the continuous part, linear in l within each cell.</summary>
    public double Cdf(double l)
    {
        if (double.IsNaN(l)) throw new ArgumentOutOfRangeException(nameof(l), l, "l must not be NaN");
        double c = 0;
        var b = Breaks;
        if (l >= b[^1]) c = 1;
        else if (l > b[0])
        {
            for (int j = 0; j < CellMasses.Count; j++)
            {
                if (l >= b[j + 1]) { c += CellMasses[j]; continue; }
                double width = b[j + 1] - b[j];
                c += width > 0 ? CellMasses[j] * (l - b[j]) / width : CellMasses[j];
                break;
            }
        }
        double atom = l >= RightAngleL ? 1 : 0;
        return (1 - RightAngle) * Math.Min(1, c) + RightAngle * atom;
    }

    /// <summary>ln sin²θ, computed as 2 ln sin θ.</summary>
    internal static double AngleLog(double theta) => 2 * Math.Log(Math.Sin(theta));
}
