using System.Numerics;

namespace Degeneracy.Verify.FiniteWidth;

/// <summary>
/// One node of the one-step table: samples the continuous part of the one-step law at (θ, n) directly (pattern drawn
/// from <see cref="ContinuousPatternLaw"/>, then each active unit in polar form, R² ~ Exp(1), phase uniform on its arc),
/// and estimates E[T] and Var[T], T = ln sin²θ' − cos²(θ/2)·ln sin²θ, with control variates of exactly known mean:
/// <list type="bullet">
/// <item>z₁ = Q − E[Q | pattern], Q the second-order Taylor polynomial of ln sin²θ' in the statistics (E, F, G) about
/// their pattern mean (<see cref="PatternTaylor"/>);</item>
/// <item>z₂ = (Q₁ + h)² − E[(Q₁ + h)² | pattern], Q₁ the linear part, h = E[Q | pattern] − c (c a constant);</item>
/// <item>z₃ = h − E[h], z₄ = E[(Q₁ + h)² | pattern] − its mean, z₅ = the gate − its mean (outer expectations by exact
/// enumeration of the pattern law);</item>
/// </list>
/// each multiplied by a pattern gate (<see cref="GateVariance"/>).
/// The output depends only on (θ, n, samples, seed), not on the thread count (fixed chunks, merged in order).
/// </summary>
public static class OneStepNodeEstimator
{
    /// <summary>Samples per chunk (the unit of parallel work and of seeding).</summary>
    public const int ChunkSize = 8192;

    /// <summary>Estimates at one node; the sorted raw samples of T are returned for the cells.</summary>
    /// <exception cref="ArgumentOutOfRangeException">θ outside (0, π), n outside [2, 4096] or samples below 1000.</exception>
    public static OneStepNodeEstimate Run(double theta, int n, long samples, ulong seed, int? threads = null)
    {
        if (samples < 1000 || samples > 1L << 31) throw new ArgumentOutOfRangeException(nameof(samples), samples, "samples must lie in [1000, 2^31]");
        var law = new ContinuousPatternLaw(theta, n);
        var unit = new PatternUnitMoments(theta);
        // One pass over the pattern law for the gated pattern-level controls: E[g], E[g·q], E[g·q²], E[g·s²] with g the gate
        // (q = E[Q | pattern], s² = ∇ℓᵀΣ∇ℓ), q accumulated about the first gated pattern's value to avoid cancellation.
        double eg = 0, eq = 0, eq2 = 0, es = 0, total = 0, pivot = double.NaN;
        law.Enumerate((k, j, l, p) =>
        {
            total += p;
            var t = new PatternTaylor(unit, k, j, l);
            if (!Gate(t, k + j + l)) return;
            if (double.IsNaN(pivot)) pivot = t.ExpectedQ;
            double dq = t.ExpectedQ - pivot;
            eg += p;
            eq += p * dq;
            eq2 += p * dq * dq;
            es += p * t.LinearVariance;
        });
        if (double.IsNaN(pivot)) pivot = 0;
        eg /= total; eq /= total; eq2 /= total; es /= total;
        // h = q − c with c the gated mean of q; E[g·(s² + h²)] = E[g·s²] + E[g·q²] − (E[g·q])²/E[g] (about the pivot).
        double cq = eg > 0 ? pivot + eq / eg : pivot;
        double eh = eg > 0 ? es + eq2 - eq * eq / eg : 0;
        double shiftT = ShiftT(theta);
        double c0 = cq - shiftT;
        int chunks = (int)((samples + ChunkSize - 1) / ChunkSize);
        var values = new double[samples];
        var parts = new CoMoments[chunks];
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads ?? Environment.ProcessorCount };
        Parallel.For(0, chunks, options, () => (new double[n], new double[n]), (chunk, _, buffers) =>
        {
            ulong s = unchecked(seed * 0x9E3779B97F4A7C15UL ^ (ulong)n * 0xC2B2AE3D27D4EB4FUL ^ BitConverter.DoubleToUInt64Bits(theta) ^ (ulong)chunk * 0x165667B19E3779F9UL);
            var rng = new Xoshiro256(s);
            var acc = parts[chunk] = new CoMoments(7);
            Span<double> w = stackalloc double[7];
            long first = (long)chunk * ChunkSize, last = Math.Min(samples, first + ChunkSize);
            for (long i = first; i < last; i++)
            {
                var (k, j, l, e, f, g, ell) = Draw(law, theta, ref rng, buffers.Item1, buffers.Item2);
                double t = ell - shiftT;
                values[i] = t;
                var taylor = new PatternTaylor(unit, k, j, l);
                w[0] = t;
                w[1] = (t - c0) * (t - c0);
                if (Gate(taylor, k + j + l))
                {
                    var (q, q1) = taylor.Evaluate(e, f, g);
                    double h = taylor.ExpectedQ - cq, v = q1 + h;
                    w[2] = q - taylor.ExpectedQ;
                    w[3] = v * v - (taylor.LinearVariance + h * h);
                    w[4] = h;
                    w[5] = taylor.LinearVariance + h * h - eh;
                    w[6] = 1 - eg;
                }
                else
                {
                    w[2] = w[3] = w[4] = 0;
                    w[5] = -eh;
                    w[6] = -eg;
                }
                acc.Add(w);
            }
            return buffers;
        }, _ => { });
        var all = new CoMoments(7);
        foreach (var part in parts) all.Merge(part);
        var mean = ControlVariateEstimate.From(all, 0, [2, 3, 4, 5, 6]);
        var variance = ControlVariateEstimate.Variance(all, c0, mean.Value, [2, 3, 4, 5, 6]);
        double rawMean = all.Mean[0], rawVar = all.Cov(0, 0);
        Array.Sort(values);
        return new OneStepNodeEstimate(theta, n, samples, mean, variance,
            rawMean, rawVar, values) { ControlZScores = ZScores(all, 2) };
    }

    /// <summary>Sample mean / standard error of each control (entries from <paramref name="first"/> on): a check that their means are 0.</summary>
    internal static double[] ZScores(CoMoments all, int first) =>
        Enumerable.Range(first, all.Dimension - first).Select(i => all.Cov(i, i) > 0 ? all.Mean[i] / Math.Sqrt(all.Cov(i, i) / all.Count) : 0).ToArray();

    /// <summary>Largest ∇ℓᵀΣ∇ℓ (the linearised variance of ℓ given the pattern) for which the Taylor controls are used.</summary>
    public const double GateVariance = 1.0;

    /// <summary>
    /// The controls are used only for patterns whose linearised variance of ℓ is at most <see cref="GateVariance"/> and
    /// whose mean point is well conditioned (<see cref="GateConditioning"/>): for the others (near θ = π: one unit active
    /// in both and the rest in one input only, where EF − G² is a near-cancellation) the expansion is poor and its terms
    /// heavy-tailed, which would make the regression and its standard error unreliable. A pattern-measurable gate keeps every control's mean exactly zero.
    /// </summary>
    private static bool Gate(PatternTaylor t, int units) =>
        units >= GateUnits && t.Conditioning >= GateConditioning && t.LinearVariance <= GateVariance && double.IsFinite(t.ExpectedQ);

    /// <summary>Smallest (EF − G²)/(EF) at the pattern mean for which the Taylor controls are used.</summary>
    public const double GateConditioning = 1e-2;

    /// <summary>Fewest active units for which the Taylor controls are used (with fewer, Q − E[Q | pattern] is so
    /// heavy-tailed that single samples dominate the regression: measured at n = 4, θ = 3.11).</summary>
    public const int GateUnits = 6;

    /// <summary>ℓ − T = cos²(θ/2)·ln sin²θ (ReLU).</summary>
    public static double ShiftT(double theta)
    {
        double c2 = Math.Cos(0.5 * theta);
        return c2 * c2 * 2 * Math.Log(Math.Sin(theta));
    }

    /// <summary>One sample of the continuous part: the pattern, (E, F, G) and ℓ = ln sin²θ'.</summary>
    internal static (int K, int J, int L, double E, double F, double G, double Ell) Draw(ContinuousPatternLaw law, double theta,
        ref Xoshiro256 rng, double[] es, double[] fs)
    {
        var (k, s) = law.Draw(rng.NextDouble(), rng.NextDouble());
        int j = 0;
        for (int left = s; left > 0; left -= 64)
        {
            ulong bits = rng.Next();
            if (left < 64) bits &= (1UL << left) - 1;
            j += BitOperations.PopCount(bits);
        }
        int l = s - j;
        double c = Math.Cos(0.5 * theta), sn = Math.Sin(0.5 * theta), arc = Math.PI - theta;
        double e2 = 0, f2 = 0, ef = 0, a = 0, b = 0;
        int u = 0;
        for (int i = 0; i < k; i++, u++)
        {
            double r = Math.Sqrt(rng.NextExponential());
            var (sp, cp) = Math.SinCos((rng.NextDouble() - 0.5) * arc);
            double e = 2 * r * c * cp, f = -2 * r * sn * sp;
            double x = r * (c * cp - sn * sp), y = r * (c * cp + sn * sp);
            es[u] = e; fs[u] = f;
            e2 += e * e; f2 += f * f; ef += e * f; a += x * x; b += y * y;
        }
        for (int i = 0; i < s; i++, u++)
        {
            double v = Math.Sqrt(rng.NextExponential()) * Math.Sin(theta * rng.NextDouble());
            double v2 = v * v;
            e2 += v2; f2 += v2;
            if (i < j) { ef += v2; a += v2; es[u] = v; fs[u] = v; }
            else { ef -= v2; b += v2; es[u] = v; fs[u] = -v; }
        }
        double det = GramDeterminant.Stable(e2, f2, ef, es, fs, u);
        return (k, j, l, e2, f2, ef, Math.Log(det / (4 * a * b)));
    }
}

/// <summary>The control-variate estimates of E[T] and Var[T] at one node, the raw sample moments, and the sorted samples.</summary>
/// <param name="Theta">θ sampled.</param>
/// <param name="Width">n.</param>
/// <param name="Samples">Samples of the continuous part.</param>
/// <param name="Mean">E[T] with its standard error (and the plain Monte Carlo SE for comparison).</param>
/// <param name="Variance">Var[T] with its standard error (and the plain SE).</param>
/// <param name="RawMean">Plain sample mean of T.</param>
/// <param name="RawVariance">Plain sample variance of T.</param>
/// <param name="Sorted">The samples of T, sorted.</param>
public sealed record OneStepNodeEstimate(double Theta, int Width, long Samples, ControlVariateEstimate Mean,
    ControlVariateEstimate Variance, double RawMean, double RawVariance, double[] Sorted)
{
    /// <summary>Each control's sample mean in standard errors (exactly 0 in expectation; |z| ≫ 4 would flag an error).</summary>
    public IReadOnlyList<double> ControlZScores { get; init; } = [];
}
