namespace Degeneracy.Verify.FiniteWidth;

/// <summary>
/// The regression control-variate estimate of E[y] from samples of y and of controls z₁ … z_p whose exact means are 0:
/// ȳ − βᵀz̄ with β = Cov(z)⁻¹Cov(z, y) (controls that are constant or collinear with earlier ones are dropped). Its
/// standard error is the residual standard deviation / √N; the bias from estimating β is O(1/N).
/// </summary>
public readonly record struct ControlVariateEstimate(double Value, double StdError, double PlainStdError)
{
    /// <summary>Estimate for response index <paramref name="response"/> of <paramref name="moments"/>, controls at <paramref name="controls"/>.</summary>
    internal static ControlVariateEstimate From(CoMoments moments, int response, IReadOnlyList<int> controls)
    {
        var weights = new double[moments.Dimension];
        weights[response] = 1;
        return From(moments, weights, controls);
    }

    /// <summary>Estimate for the response Σ cᵢ wᵢ (weights c over the first entries of <paramref name="moments"/>).</summary>
    internal static ControlVariateEstimate From(CoMoments moments, double[] weights, IReadOnlyList<int> controls)
    {
        long n = moments.Count;
        double CovY(int i)
        {
            double s = 0;
            for (int r = 0; r < weights.Length; r++) if (weights[r] != 0) s += weights[r] * moments.Cov(r, i);
            return s;
        }
        int p = controls.Count;
        // Cholesky of Cov(z) with pivots below 1e-12 of the diagonal dropped (their control is then not used).
        var a = new double[p, p];
        var b = new double[p];
        for (int i = 0; i < p; i++)
        {
            b[i] = CovY(controls[i]);
            for (int j = 0; j < p; j++) a[i, j] = moments.Cov(controls[i], controls[j]);
        }
        var used = new bool[p];
        var l = new double[p, p];
        for (int i = 0; i < p; i++)
        {
            double diag = a[i, i];
            for (int k = 0; k < i; k++) if (used[k]) diag -= l[i, k] * l[i, k];
            if (!(diag > 1e-12 * a[i, i]) || a[i, i] <= 0) continue;
            used[i] = true;
            l[i, i] = Math.Sqrt(diag);
            for (int j = i + 1; j < p; j++)
            {
                double s = a[j, i];
                for (int k = 0; k < i; k++) if (used[k]) s -= l[j, k] * l[i, k];
                l[j, i] = s / l[i, i];
            }
        }
        // Solve L Lᵀ β = b over the used controls.
        var w = new double[p];
        for (int i = 0; i < p; i++)
        {
            if (!used[i]) continue;
            double s = b[i];
            for (int k = 0; k < i; k++) if (used[k]) s -= l[i, k] * w[k];
            w[i] = s / l[i, i];
        }
        var beta = new double[p];
        for (int i = p - 1; i >= 0; i--)
        {
            if (!used[i]) continue;
            double s = w[i];
            for (int k = i + 1; k < p; k++) if (used[k]) s -= l[k, i] * beta[k];
            beta[i] = s / l[i, i];
        }
        double value = 0, explained = 0, variance = 0;
        for (int r = 0; r < weights.Length; r++)
            if (weights[r] != 0)
            {
                value += weights[r] * moments.Mean[r];
                variance += weights[r] * CovY(r);
            }
        for (int i = 0; i < p; i++)
        {
            if (!used[i]) continue;
            value -= beta[i] * moments.Mean[controls[i]];
            explained += beta[i] * b[i];
        }
        double residual = Math.Max(variance - explained, 0);
        return new ControlVariateEstimate(value, Math.Sqrt(residual / n), Math.Sqrt(variance / n));
    }

    /// <summary>
    /// Var[y₀] from moments whose entries 0 and 1 are y₀ and (y₀ − c₀)²: with c₁ the plain mean of y₀ (fixed once sampled)
    /// and d = c₁ − c₀, E[(y₀ − c₁)²] is the mean of (y₀ − c₀)² − 2d·y₀ + 2d·c₀ + d², estimated with the controls, and
    /// Var = E[(y₀ − c₁)²] − (μ − c₁)² with μ the control-variate mean (the last term is of order SE²). Centring at c₁
    /// keeps the errors of the two regressions from entering multiplied by a large |μ − c₀|.
    /// </summary>
    internal static ControlVariateEstimate Variance(CoMoments moments, double c0, double mean, IReadOnlyList<int> controls)
    {
        double d = moments.Mean[0] - c0;
        var weights = new double[moments.Dimension];
        weights[0] = -2 * d;
        weights[1] = 1;
        var second = From(moments, weights, controls);
        double c1 = c0 + d, spread = second.Value + 2 * d * c0 + d * d;
        return new ControlVariateEstimate(spread - (mean - c1) * (mean - c1), second.StdError, second.PlainStdError);
    }
}
