using MathNet.Numerics;

namespace Degeneracy.Verify.FiniteWidth;

/// <summary>
/// The law of the activation pattern of one step (k units active in both inputs, j in the first only, l in the second
/// only) conditional on the continuous part of the one-step law: no collapse and θ' ≠ π/2, i.e. k ≥ 2, or k = 1 and
/// j + l ≥ 1. Unconditionally k ~ Bin(n, p), p = (π − θ)/2π; given k, s = j + l ~ Bin(n − k, 2θ/(π + θ)); given s,
/// j ~ Bin(s, ½). Used to sample patterns directly (no rejection) and to enumerate exact expectations of pattern
/// functions. Valid for n ∈ [2, 4096], θ ∈ (0, π).
/// </summary>
public sealed class ContinuousPatternLaw
{
    /// <summary>Pattern probabilities below this fraction of the largest are skipped by <see cref="Enumerate"/>.</summary>
    public const double Negligible = 1e-16;

    private readonly double[] _kCdf;          // over k = 0 … n
    private readonly double[][] _sCdf;        // over s = 0 … n − k, per k
    private readonly double[] _kPmf;
    private readonly double[][] _sPmf;

    /// <summary>Width n.</summary>
    public int Width { get; }
    /// <summary>Angle θ.</summary>
    public double Theta { get; }
    /// <summary>P(continuous part) = 1 − (1 − p)ⁿ − n·pⁿ (no collapse, θ' ≠ π/2).</summary>
    public double Probability { get; }

    /// <summary>The conditional pattern law at (θ, n).</summary>
    /// <exception cref="ArgumentOutOfRangeException">n outside [2, 4096] or θ outside (0, π).</exception>
    public ContinuousPatternLaw(double theta, int n)
    {
        if (!(theta > 0 && theta < Math.PI)) throw new ArgumentOutOfRangeException(nameof(theta), theta, "theta must lie in (0, pi)");
        if (n < 2 || n > 4096) throw new ArgumentOutOfRangeException(nameof(n), n, "n must lie in [2, 4096]");
        Width = n;
        Theta = theta;
        double p = (Math.PI - theta) / (2 * Math.PI), r = 2 * theta / (Math.PI + theta);
        _kPmf = new double[n + 1];
        _sPmf = new double[n + 1][];
        _kCdf = new double[n + 1];
        _sCdf = new double[n + 1][];
        double total = 0;
        for (int k = 0; k <= n; k++)
        {
            var ps = _sPmf[k] = Binomial(n - k, r);
            if (k == 1) ps[0] = 0;
            double mass = k == 0 ? 0 : ps.Sum();
            for (int s = 0; s < ps.Length; s++) ps[s] /= mass > 0 ? mass : 1;
            _kPmf[k] = k == 0 ? 0 : Math.Exp(LogBinomial(n, k, p)) * mass;
            total += _kPmf[k];
            var cdf = _sCdf[k] = new double[ps.Length];
            double acc = 0;
            for (int s = 0; s < ps.Length; s++) cdf[s] = acc += ps[s];
        }
        Probability = total;
        double run = 0;
        for (int k = 0; k <= n; k++)
        {
            _kPmf[k] /= total;
            _kCdf[k] = run += _kPmf[k];
        }
    }

    /// <summary>Draws (k, s) from two uniforms in [0, 1) by inversion; j | s ~ Bin(s, ½) is the caller's.</summary>
    public (int K, int S) Draw(double u1, double u2)
    {
        int k = Search(_kCdf, u1 * _kCdf[^1]);
        var cdf = _sCdf[k];
        int s = Search(cdf, u2 * cdf[^1]);
        return (k, s);
    }

    /// <summary>Calls <paramref name="action"/>(k, j, l, probability) for every pattern of non-negligible probability.</summary>
    public void Enumerate(Action<int, int, int, double> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        double floor = Negligible * _kPmf.Max();
        for (int k = 1; k <= Width; k++)
        {
            if (_kPmf[k] < floor) continue;
            var ps = _sPmf[k];
            for (int s = 0; s < ps.Length; s++)
            {
                double pks = _kPmf[k] * ps[s];
                if (pks < floor) continue;
                var pj = Binomial(s, 0.5);
                for (int j = 0; j <= s; j++)
                    if (pks * pj[j] >= floor) action(k, j, s - j, pks * pj[j]);
            }
        }
    }

    private static int Search(double[] cdf, double u)
    {
        int lo = 0, hi = cdf.Length - 1;
        while (lo < hi)
        {
            int mid = (lo + hi) >> 1;
            if (cdf[mid] > u) hi = mid; else lo = mid + 1;
        }
        return lo;
    }

    /// <summary>ln(1 + u) to a few ulps (Kahan).</summary>
    private static double LogOnePlus(double u)
    {
        double w = 1 + u;
        return w == 1 ? u : Math.Log(w) * u / (w - 1);
    }

    private static double[] Binomial(int m, double p)
    {
        var result = new double[m + 1];
        for (int i = 0; i <= m; i++) result[i] = Math.Exp(LogBinomial(m, i, p));
        return result;
    }

    private static double LogBinomial(int m, int i, double p)
    {
        double lp = i == 0 ? 0 : i * Math.Log(p), lq = i == m ? 0 : (m - i) * LogOnePlus(-p);
        return SpecialFunctions.GammaLn(m + 1) - SpecialFunctions.GammaLn(i + 1) - SpecialFunctions.GammaLn(m - i + 1) + lp + lq;
    }
}
