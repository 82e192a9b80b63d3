namespace Degeneracy.JFunctions;

/// <summary>
/// The fast double evaluator of J^{(s)}_{a,b}(θ) = α·J_{a,b}(θ) + β·J_{a,b}(π − θ) as one function, never as two ReLU
/// values: the combined closed form κ[(π − θ)P + θ·T + sin θ·Q + R](cos θ) where it sums with a condition number ≤ 2
/// relative to the scale α·J(θ) + |β|·J(π − θ) (|α| in place of α); near θ = 0 and θ = π, where it cancels (small |α| or
/// small |β| relative to the other), the exact Taylor series of J^{(s)} about that end, rounded once per coefficient;
/// and in between, where neither sums well, Taylor patches of J^{(s)} computed in fixed point. The ranges come from a
/// scan of rounding-error bounds at build time, not from hand-set thresholds. Built once per (a, b, s) and cached by
/// <see cref="ActivationJFunction"/>.
/// </summary>
internal sealed class ActivationJPiecewise
{
    private const double Unit = 1.1102230246251565e-16; // 2^-53
    private const double PiLow = 1.2246467991473532e-16; // π − Math.PI
    private const int Grid = 800;
    private const double MaxCondition = 2;

    // Closed form: κ-scaled coefficients interleaved per degree as (P, T, Q, R), so that the four Horner sums share one loop.
    private readonly double[] _closed;
    // Series about 0 (in θ) on [0, _zeroEnd) and about π (in t = π − θ) on t < _piEnd, and the derivative of the latter,
    // coefficients split in four strided chains (Horner in x⁴) for a shorter dependency chain; empty when not needed.
    private readonly double[] _zero, _pi, _piDerivative;
    private readonly double _zeroEnd, _piEnd;
    private readonly MidRangePatches? _patches;

    private ActivationJPiecewise(double[] closed, double[] zero, double zeroEnd, double[] pi, double piEnd, MidRangePatches? patches)
    {
        _closed = closed; _zero = StridedPolynomial.Layout(zero); _zeroEnd = zeroEnd; _pi = StridedPolynomial.Layout(pi); _piEnd = piEnd; _patches = patches;
        // f'(t) = Σ (k + 1)·f_{k+1} t^k, in the same strided layout and length as f.
        var derivative = new double[Math.Max(pi.Length - 1, 0)];
        for (int k = 0; k < derivative.Length; k++) derivative[k] = (k + 1) * pi[k + 1];
        _piDerivative = StridedPolynomial.Layout(derivative);
        Array.Resize(ref _piDerivative, _pi.Length);
    }

    /// <summary>Series about 0 used on [0, this) (0 when none).</summary>
    public double ZeroSeriesEnd => _zeroEnd;
    /// <summary>Series about π used for π − θ below this (0 when none).</summary>
    public double PiSeriesEnd => _piEnd;
    /// <summary>Terms of the two series.</summary>
    public (int Zero, int Pi) SeriesTerms => (_zero.Length, _pi.Length);
    /// <summary>The θ-range covered by patches (empty when none).</summary>
    public (double Start, double End) PatchRange => _patches is null ? (0, 0) : (_patches.Start, _patches.End);

    /// <summary>
    /// The evaluator for a, b ≥ 1 with a + b ≤ 16 whose ReLU J has no quadrature branch, α ≠ 0 and β ≠ 0; null when no
    /// combination of the three forms sums well on all of [0, π] (the caller then adds two ReLU values).
    /// </summary>
    public static ActivationJPiecewise? TryBuild(ActivationJClosedForm cf, JFunction relu, double alpha, double beta)
    {
        double kappa = cf.Scale.ToDouble();
        double[] Scaled(Symbolic.RationalPolynomial poly) => poly.Coefficients.Select(x => kappa * x.ToDouble()).ToArray();
        var (p, t, q, r) = (Scaled(cf.P), Scaled(cf.T), Scaled(cf.Q), Scaled(cf.R));
        int degree = new[] { p.Length, t.Length, q.Length, r.Length }.Max();
        var closed = new double[4 * degree];
        for (int k = 0; k < degree; k++)
        {
            closed[4 * k] = k < p.Length ? p[k] : 0; closed[4 * k + 1] = k < t.Length ? t[k] : 0;
            closed[4 * k + 2] = k < q.Length ? q[k] : 0; closed[4 * k + 3] = k < r.Length ? r[k] : 0;
        }
        double[] Abs(double[] x) => x.Select(Math.Abs).ToArray();
        var (pa, ta, qa, ra) = (Abs(p), Abs(t), Abs(q), Abs(r));

        double absAlpha = Math.Abs(alpha), absBeta = Math.Abs(beta);
        double Scale(double theta)
        {
            theta = Math.Clamp(theta, 0, Math.PI);
            return absAlpha * relu.Evaluate(theta) + absBeta * relu.EvaluateAtSupplement(theta);
        }
        double ClosedAbs(double theta)
        {
            double c = Math.Abs(Math.Cos(theta)), s = Math.Sin(theta), tt = (Math.PI - theta) + PiLow;
            return tt * Horner(pa, c) + theta * Horner(ta, c) + s * Horner(qa, c) + Horner(ra, c);
        }

        int cap = cf.A + cf.B + 1 + 48;
        double[] zero = cf.SeriesAboutZero(cap).Select(x => x.ToDouble()).ToArray();
        double[] pi = cf.SeriesAboutPi(cap).Select(x => x.ToDouble()).ToArray();

        var thetas = new double[Grid + 1];
        var scales = new double[Grid + 1];
        var bad = new bool[Grid + 1];
        for (int i = 0; i <= Grid; i++)
        {
            thetas[i] = i == Grid ? Math.PI : Math.PI * i / Grid;
            scales[i] = Scale(thetas[i]);
            bad[i] = !(ClosedAbs(thetas[i]) <= MaxCondition * scales[i]);
        }
        // Each series is usable from its end inwards while it has converged (its last terms below a quarter ulp of the scale)
        // and sums with condition ≤ 2; it is used only as far as the closed form is ill-conditioned (fewer terms).
        int SeriesReach(double[] f, Func<int, double> argument, Func<int, int> index)
        {
            int reach = -1;
            for (int i = 0; i <= Grid / 2; i++)
            {
                double x = argument(i), sc = scales[index(i)];
                double sum = SumSeries(f, x, out double absSum, out double tail);
                if (!(tail <= 0.25 * Unit * sc) || !(absSum <= MaxCondition * sc) || double.IsNaN(sum)) break;
                reach = i;
            }
            return reach;
        }
        int zeroReach = SeriesReach(zero, i => thetas[i], i => i);
        int piReach = SeriesReach(pi, i => (Math.PI - thetas[Grid - i]) + PiLow, i => Grid - i);
        // Each series covers every bad point within its reach, up to one grid step past the last.
        int zeroUse = -1;
        for (int i = 0; i <= zeroReach; i++) if (bad[i]) zeroUse = Math.Min(i + 1, zeroReach);
        int piUse = -1;
        for (int i = 0; i <= piReach; i++) if (bad[Grid - i]) piUse = Math.Min(i + 1, piReach);
        if ((bad[0] && zeroUse < 0) || (bad[Grid] && piUse < 0)) return null;
        double zeroEnd = zeroUse < 0 ? 0 : thetas[zeroUse];
        double piEnd = piUse < 0 ? 0 : Math.PI - thetas[Grid - piUse];

        // Bad points left over go to patches (one range, with a grid step of margin on each side).
        double badLo = double.PositiveInfinity, badHi = double.NegativeInfinity;
        for (int i = 0; i <= Grid; i++)
            if (bad[i] && thetas[i] >= zeroEnd && Math.PI - thetas[i] >= piEnd) { badLo = Math.Min(badLo, thetas[i]); badHi = Math.Max(badHi, thetas[i]); }
        MidRangePatches? patches = null;
        if (badHi >= badLo)
        {
            double step = Math.PI / Grid;
            patches = MidRangePatches.Build(cf.P, cf.T, cf.Q, cf.R, kappa, Math.Max(0, badLo - step), Math.Min(Math.PI, badHi + step), Scale);
            if (patches is null) return null;
        }
        return new ActivationJPiecewise(closed, Truncate(zero, zeroEnd, Scale(zeroEnd)), zeroEnd,
            Truncate(pi, piEnd, Scale(Math.PI - piEnd)), piEnd, patches);
    }

    /// <summary>Fewest leading coefficients whose omitted tail at x is below a quarter ulp of the scale (empty when x = 0).</summary>
    private static double[] Truncate(double[] f, double x, double scale)
    {
        if (x == 0) return [];
        for (int n = 1; n <= f.Length; n++)
        {
            double rem = 0;
            for (int k = n; k < f.Length; k++) rem += Math.Abs(f[k]) * Math.Pow(x, k);
            if (rem <= 0.25 * Unit * scale) return f[..n];
        }
        return f;
    }

    private static double SumSeries(double[] f, double x, out double absSum, out double tail)
    {
        double s = 0, xp = 1; absSum = 0; tail = 0;
        for (int k = 0; k < f.Length; k++) { double term = f[k] * xp; s += term; absSum += Math.Abs(term); if (k >= f.Length - 3) tail += Math.Abs(term); xp *= x; }
        return s;
    }

    private static double Horner(double[] c, double x)
    {
        double r = 0;
        for (int i = c.Length - 1; i >= 0; i--) r = r * x + c[i];
        return r;
    }

    /// <summary>f(x + e) ≈ f(x) + f'(x)·e for the strided f (coefficients c) and f' (coefficients d), |e| ≤ ulp(x)/2: the
    /// rounding of t = π − θ would otherwise cost up to (a + b + 1)/2 ulps where f ≈ α·t^{a+b+1}·G(t).</summary>
    private static double Strided(double[] c, double[] d, double x, double e) => Math.FusedMultiplyAdd(StridedPolynomial.Sum(d, x), e, StridedPolynomial.Sum(c, x));

    /// <summary>J^{(s)}_{a,b}(θ) for θ ∈ [0, π] (checked by the caller).</summary>
    public double Evaluate(double theta)
    {
        if (theta < _zeroEnd) return StridedPolynomial.Sum(_zero, theta);
        // t = π − θ as th + PiLow: Math.PI − θ is exact for θ ≥ π/2 (Sterbenz).
        double t = (Math.PI - theta) + PiLow;
        if (t < _piEnd) return Strided(_pi, _piDerivative, t, (Math.PI - theta - t) + PiLow);
        if (_patches is not null && _patches.TryEvaluate(theta, out double patched)) return patched;
        var (s, c) = Math.SinCos(theta);
        var k = _closed;
        double p = 0, tt = 0, q = 0, r = 0;
        for (int i = k.Length - 4; i >= 0; i -= 4)
        {
            p = Math.FusedMultiplyAdd(p, c, k[i]);
            tt = Math.FusedMultiplyAdd(tt, c, k[i + 1]);
            q = Math.FusedMultiplyAdd(q, c, k[i + 2]);
            r = Math.FusedMultiplyAdd(r, c, k[i + 3]);
        }
        return t * p + theta * tt + s * q + r;
    }
}
