using MathNet.Numerics.Integration;

namespace Degeneracy.Verify.FiniteWidth;

/// <summary>
/// <see cref="OneStepNodeEstimator"/> for φ_s(x) = max(x, 0) + s·min(x, 0) with s ≠ 0, where nothing collapses and
/// there is no θ' = π/2 atom, so the n units are independent and identically distributed. In polar form (see
/// <see cref="PatternUnitMoments"/>) a unit is, with probability (π − θ)/2π each, in both positive half-planes
/// (e = 2R cos(θ/2) cos φ, f = −2R sin(θ/2) sin φ, |φ| &lt; (π − θ)/2) or both negative (the same times −s), and with
/// probability θ/2π each in one only: X = R sin u, Y = −sR sin(θ − u), or X = −sR sin u, Y = R sin(θ − u), u ~ U(0, θ).
/// Control variates of exactly known mean: Q − E[Q], its linear part Q₁ and Q₁² − E[Q₁²] (<see cref="PatternTaylor"/>
/// about n times the unit mean). Output depends only on (θ, n, s, samples, seed), not on the thread count.
/// </summary>
public static class ActivationNodeEstimator
{
    /// <summary>Estimates of E[ℓ − shift] and Var[ℓ] (ℓ = ln sin²θ') at one node, with the sorted samples.</summary>
    /// <param name="theta">θ ∈ (0, π].</param>
    /// <param name="n">Width ∈ [2, 4096].</param>
    /// <param name="slope">s ≠ 0.</param>
    /// <param name="samples">Samples ∈ [1000, 2³¹].</param>
    /// <param name="shift">Subtracted from ℓ to form the tabulated variable T.</param>
    /// <param name="seed">Seed.</param>
    /// <param name="threads">Worker threads (null: all cores).</param>
    public static OneStepNodeEstimate Run(double theta, int n, double slope, long samples, double shift, ulong seed, int? threads = null)
    {
        if (!(theta > 0 && theta <= Math.PI)) throw new ArgumentOutOfRangeException(nameof(theta), theta, "theta must lie in (0, pi]");
        if (n < 2 || n > 4096) throw new ArgumentOutOfRangeException(nameof(n), n, "n must lie in [2, 4096]");
        if (slope == 0 || !double.IsFinite(slope)) throw new ArgumentOutOfRangeException(nameof(slope), slope, "slope must be finite and non-zero (ReLU: OneStepNodeEstimator)");
        if (samples < 1000 || samples > 1L << 31) throw new ArgumentOutOfRangeException(nameof(samples), samples, "samples must lie in [1000, 2^31]");
        var (unitMean, unitCov) = UnitMoments(theta, slope);
        var taylor = new PatternTaylor(unitMean.Select(v => n * v).ToArray(), unitCov.Select(v => n * v).ToArray());
        double c0 = taylor.ExpectedQ - shift;
        int chunks = (int)((samples + OneStepNodeEstimator.ChunkSize - 1) / OneStepNodeEstimator.ChunkSize);
        var values = new double[samples];
        var parts = new CoMoments[chunks];
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads ?? Environment.ProcessorCount };
        Parallel.For(0, chunks, options, () => (new double[n], new double[n]), (chunk, _, buffers) =>
        {
            ulong s = unchecked(seed * 0x9E3779B97F4A7C15UL ^ (ulong)n * 0xC2B2AE3D27D4EB4FUL ^ BitConverter.DoubleToUInt64Bits(theta)
                ^ (ulong)chunk * 0x165667B19E3779F9UL ^ BitConverter.DoubleToUInt64Bits(slope) * 0x27D4EB2F165667C5UL);
            var rng = new Xoshiro256(s);
            var acc = parts[chunk] = new CoMoments(5);
            Span<double> w = stackalloc double[5];
            long first = (long)chunk * OneStepNodeEstimator.ChunkSize, last = Math.Min(samples, first + OneStepNodeEstimator.ChunkSize);
            for (long i = first; i < last; i++)
            {
                var (e, f, g, ell) = Draw(n, theta, slope, ref rng, buffers.Item1, buffers.Item2);
                double t = ell - shift;
                values[i] = t;
                var (q, q1) = taylor.Evaluate(e, f, g);
                w[0] = t;
                w[1] = (t - c0) * (t - c0);
                w[2] = q - taylor.ExpectedQ;
                w[3] = q1;
                w[4] = q1 * q1 - taylor.LinearVariance;
                acc.Add(w);
            }
            return buffers;
        }, _ => { });
        var all = new CoMoments(5);
        foreach (var part in parts) all.Merge(part);
        var mean = ControlVariateEstimate.From(all, 0, [2, 3, 4]);
        var variance = ControlVariateEstimate.Variance(all, c0, mean.Value, [2, 3, 4]);
        Array.Sort(values);
        return new OneStepNodeEstimate(theta, n, samples, mean, variance,
            all.Mean[0], all.Cov(0, 0), values) { ControlZScores = OneStepNodeEstimator.ZScores(all, 2) };
    }

    /// <summary>Mean (3) and covariance (3×3) of one unit's w = (e², f², ef) for φ_s at θ (R² ~ Exp(1)).</summary>
    public static (double[] Mean, double[] Cov) UnitMoments(double theta, double slope)
    {
        double c = Math.Cos(0.5 * theta), sn = Math.Sin(0.5 * theta), a = 0.5 * (Math.PI - theta), s2 = slope * slope;
        double pBoth = (Math.PI - theta) / (2 * Math.PI), pOne = theta / (2 * Math.PI);
        var mean = new double[3];
        var second = new double[9];
        // Both negative is both positive times −s: w times s², w wᵀ times s⁴.
        var (bm, bs) = ArcMoments(-a, a, phi => (2 * c * Math.Cos(phi), -2 * sn * Math.Sin(phi)));
        var (pm, ps) = ArcMoments(0, theta, u => { double x = Math.Sin(u), y = -slope * Math.Sin(theta - u); return (x + y, x - y); });
        var (nm, ns) = ArcMoments(0, theta, u => { double x = -slope * Math.Sin(u), y = Math.Sin(theta - u); return (x + y, x - y); });
        for (int r = 0; r < 3; r++) mean[r] = pBoth * (1 + s2) * bm[r] + pOne * (pm[r] + nm[r]);
        for (int r = 0; r < 9; r++) second[r] = pBoth * (1 + s2 * s2) * bs[r] + pOne * (ps[r] + ns[r]);
        var cov = new double[9];
        for (int r = 0; r < 3; r++)
            for (int t = 0; t < 3; t++) cov[3 * r + t] = second[3 * r + t] - mean[r] * mean[t];
        return (mean, cov);
    }

    /// <summary>E[w] and E[w wᵀ] over a phase uniform on [lo, hi] (32-point Gauss–Legendre; E R² = 1, E R⁴ = 2).</summary>
    private static (double[] Mean, double[] Second) ArcMoments(double lo, double hi, Func<double, (double E, double F)> ef)
    {
        var mean = new double[3];
        var second = new double[9];
        if (!(hi > lo)) return (mean, second);
        var rule = new GaussLegendreRule(lo, hi, 32);
        for (int i = 0; i < rule.Abscissas.Length; i++)
        {
            var (e, f) = ef(rule.Abscissas[i]);
            double q = rule.Weights[i] / (hi - lo);
            Span<double> v = [e * e, f * f, e * f];
            for (int r = 0; r < 3; r++)
            {
                mean[r] += q * v[r];
                for (int t = 0; t < 3; t++) second[3 * r + t] += 2 * q * v[r] * v[t];
            }
        }
        return (mean, second);
    }

    /// <summary>One step for φ_s: (E, F, G) and ℓ = ln sin²θ'.</summary>
    internal static (double E, double F, double G, double Ell) Draw(int n, double theta, double slope, ref Xoshiro256 rng, double[] es, double[] fs)
    {
        double c = Math.Cos(0.5 * theta), sn = Math.Sin(0.5 * theta), arc = Math.PI - theta;
        double pBoth = arc / (2 * Math.PI), pOne = theta / (2 * Math.PI);
        double e2 = 0, f2 = 0, ef = 0, a = 0, b = 0;
        for (int i = 0; i < n; i++)
        {
            double u0 = rng.NextDouble(), r = Math.Sqrt(rng.NextExponential()), e, f, x, y;
            if (u0 < 2 * pBoth)
            {
                var (sp, cp) = Math.SinCos((rng.NextDouble() - 0.5) * arc);
                double k = u0 < pBoth ? 1 : -slope;
                e = k * 2 * r * c * cp; f = -k * 2 * r * sn * sp;
                x = k * r * (c * cp - sn * sp); y = k * r * (c * cp + sn * sp);
            }
            else
            {
                double u = theta * rng.NextDouble();
                if (u0 < 2 * pBoth + pOne) { x = r * Math.Sin(u); y = -slope * r * Math.Sin(theta - u); }
                else { x = -slope * r * Math.Sin(u); y = r * Math.Sin(theta - u); }
                e = x + y; f = x - y;
            }
            es[i] = e; fs[i] = f;
            e2 += e * e; f2 += f * f; ef += e * f; a += x * x; b += y * y;
        }
        double det = GramDeterminant.Stable(e2, f2, ef, es, fs, n);
        return (e2, f2, ef, Math.Log(det / (4 * a * b)));
    }
}
