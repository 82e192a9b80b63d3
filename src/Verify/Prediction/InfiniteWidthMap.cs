namespace Degeneracy.Verify.Prediction;

/// <summary>
/// Approximation 2 (infinite width): cos θ' = 2J_{1,1}(θ) = (sin θ + (π − θ) cos θ)/π, so
/// ln sin²θ' = ln[(1 − 2J_{1,1})(1 + 2J_{1,1})] with 1 − 2J_{1,1} = (2π sin²(θ/2) − (sin θ − θ cos θ))/π, which keeps
/// full relative accuracy as θ → 0. Valid on 0 ≤ θ ≤ π.
/// </summary>
public static class InfiniteWidthMap
{
    /// <summary>ln sin²θ' for the infinite-width update of θ.</summary>
    public static double NextX(double theta)
    {
        double s = Math.Sin(theta), c = Math.Cos(theta), half = Math.Sin(0.5 * theta);
        double sMinusThetaC = theta < 0.1 ? SinMinusThetaCosSeries(theta) : s - theta * c;
        double oneMinus = (2 * Math.PI * half * half - sMinusThetaC) / Math.PI;
        double onePlus = 2 - oneMinus;
        return Math.Log(oneMinus * onePlus);
    }

    /// <summary>sin θ − θ cos θ = Σ_{k≥1} (−1)^{k+1} 2k θ^{2k+1}/(2k+1)! for small θ.</summary>
    private static double SinMinusThetaCosSeries(double theta)
    {
        double t2 = theta * theta, term = theta, sum = 0;
        for (int k = 1; k <= 12; k++)
        {
            term *= t2 / ((2 * k) * (2 * k + 1)); // θ^{2k+1}/(2k+1)!
            sum += (k % 2 == 1 ? 1 : -1) * 2 * k * term;
        }
        return sum;
    }
}
