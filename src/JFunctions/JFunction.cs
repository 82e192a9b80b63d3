using System.Collections.Concurrent;
using Degeneracy.Symbolic;

namespace Degeneracy.JFunctions;

/// <summary>
/// Fast double evaluation of J_{a,b}(θ), 0 ≤ θ ≤ π, accurate to a few ulps everywhere (≤ 6 ulps measured against a
/// 192-bit reference for a, b ≤ 12). Three representations, chosen per (a, b) from rounding-error bounds, not by hand:
/// the closed form κ[(π−θ)P(cos θ) + sin θ Q(cos θ) + R(cos θ)] where it is well conditioned; near θ = π, where its
/// terms cancel (J vanishes like (π−θ)^{a+b+1}), the exact Taylor series in t = π − θ with t^{a+b+1} formed in
/// double-double; and in between, where both cancel for larger a + b, Taylor patches about double centres whose
/// coefficients are computed in fixed point (<see cref="PatchRange"/>).
/// </summary>
public sealed class JFunction
{
    private const double Unit = 1.1102230246251565e-16; // 2^-53
    private const double PiLow = 1.2246467991473532e-16;  // π − Math.PI
    private static readonly ConcurrentDictionary<(int, int), JFunction> Cache = new();

    private readonly double _kappa, _constant;
    private readonly double[] _p, _q, _r, _tSeries, _tStrided;
    private readonly bool _isConstant;
    private readonly int _lead; // m = a + b + 1: J(π − t) = t^m·G(t)
    // Every stored coefficient is 2^−_shift times the true one, so that κ (≈ 2^{(a+b)/2}·Γ(1 + (a+b)/2)/(2π), beyond the
    // double range from a + b ≈ 300 on) stays finite; results are scaled back by 2^_shift in one exact step. 0 below
    // a + b = LargeDegree (bit-identical to the unshifted evaluator there).
    private readonly int _shift;
    private const int LargeDegree = 200, LargeShift = 700;

    /// <summary>The first index a.</summary>
    public int A { get; }
    /// <summary>The second index b.</summary>
    public int B { get; }
    /// <summary>For π − θ below this, the t-series is used.</summary>
    public double SeriesSwitch { get; }
    /// <summary>Number of t-series terms kept (including the a + b + 1 that vanish exactly).</summary>
    public int SeriesTerms => _tSeries.Length + _lead;

    /// <summary>
    /// Largest a + b whose J_{a,b} is a finite double on all of [0, π]: J_{a,b}(θ) ≤ J_{a,b}(0) = ½·E|G|^{a+b}, which
    /// exceeds the largest double (≈ 1.8e308) from a + b = 302 on.
    /// </summary>
    public const int MaxDegree = 301;

    /// <summary>The evaluator for J_{a,b}, a, b ∈ [0, 200] with a + b ≤ <see cref="MaxDegree"/>; cached and thread-safe.</summary>
    public static JFunction Get(int a, int b)
    {
        JArguments.CheckIndex(a, nameof(a));
        JArguments.CheckIndex(b, nameof(b));
        if (a + b > MaxDegree)
            throw new ArgumentOutOfRangeException(nameof(b), a + b,
                $"a + b must be at most {MaxDegree} for a double value of J_{{a,b}}(θ) (J_{{a,b}}(0) = ½·E|G|^(a+b) exceeds the largest double beyond); got {a + b}.");
        return Cache.GetOrAdd((a, b), k => new JFunction(k.Item1, k.Item2));
    }

    /// <summary>J_{a,b}(θ) for θ ∈ [0, π] and a + b ≤ <see cref="MaxDegree"/>; throws <see cref="ArgumentOutOfRangeException"/> otherwise.</summary>
    public static double Evaluate(int a, int b, double theta) => Get(a, b).Evaluate(theta);

    /// <summary>
    /// ln J_{a,b}(θ) for every a, b ∈ [0, 200] (also where J exceeds the largest double, a + b &gt; <see cref="MaxDegree"/>)
    /// and θ ∈ [0, π]; −∞ where J vanishes (θ = π with a, b ≥ 1). Same relative accuracy as <see cref="Evaluate(int, int, double)"/>.
    /// </summary>
    public static double LogEvaluate(int a, int b, double theta)
    {
        JArguments.CheckIndex(a, nameof(a));
        JArguments.CheckIndex(b, nameof(b));
        JArguments.CheckTheta(theta);
        var f = Cache.GetOrAdd((a, b), k => new JFunction(k.Item1, k.Item2));
        double m = f.EvaluateScaled(theta, out int exponent);
        return m > 0 ? Math.Log(m) + exponent * Math.Log(2) : double.NegativeInfinity;
    }

    private JFunction(int a, int b)
    {
        A = a; B = b;
        var cf = JClosedForm.Build(a, b);
        _isConstant = cf.IsConstant;
        _shift = a + b >= LargeDegree ? LargeShift : 0;
        var shiftFactor = new Rational(System.Numerics.BigInteger.One, System.Numerics.BigInteger.Pow(2, _shift));
        _constant = cf.Constant.Times(PiLaurent.Monomial(shiftFactor, 0)).ToDouble();
        _kappa = cf.Scale.Times(PiLaurent.Monomial(shiftFactor, 0)).ToDouble();
        _p = cf.P.Coefficients.Select(x => x.ToDouble()).ToArray();
        _q = cf.Q.Coefficients.Select(x => x.ToDouble()).ToArray();
        _r = cf.R.Coefficients.Select(x => x.ToDouble()).ToArray();
        if (_isConstant) { _tSeries = []; _tStrided = []; SeriesSwitch = 0; return; }

        int lead = a + b + 1, cap = lead + 48;
        var exact = JSeries.AboutPiRationalUnchecked(a, b, cap);
        // Unshifted: as always (bit-identical values). Shifted: the exact product κ·r rounded once (r alone under- or
        // overflows a double for large a + b).
        var scaledKappa = cf.Scale.Times(PiLaurent.Monomial(shiftFactor, 0));
        var f = _shift == 0 ? exact.Select(r => r.ToDouble() * _kappa).ToArray()
                            : exact.Select(r => scaledKappa.Times(PiLaurent.Monomial(r, 0)).ToDouble()).ToArray();
        var pAbs = _p.Select(Math.Abs).ToArray(); var qAbs = _q.Select(Math.Abs).ToArray(); var rAbs = _r.Select(Math.Abs).ToArray();
        // The t-series is kept on [0, chosen) while it has converged (tail negligible) and its rounding-error bound,
        // U·Σ|f_k t^k|, is below that of the closed form, U·κ(t·P̄(|c|) + s·Q̄(|c|) + R̄(|c|)) with |coefficients|.
        double chosen = 0; int terms = cap + 1;
        for (int i = 1; i <= 400; i++)
        {
            double t = Math.PI * i / 400;
            double c = -Math.Cos(t), s = Math.Sin(t);
            double j = SumSeries(f, t, f.Length, out double absSum, out double tail);
            double direct = _kappa * (t * Horner(pAbs, Math.Abs(c)) + s * Horner(qAbs, Math.Abs(c)) + Horner(rAbs, Math.Abs(c)));
            if (!(j > 0) || tail > 0.25 * Unit * j || absSum > direct) break;
            chosen = t;
        }
        // Fewest series terms whose truncation at the switch point is below half an ulp.
        for (int n = lead; n <= cap + 1; n++)
        {
            double rem = 0;
            for (int k = n; k <= cap; k++) rem += Math.Abs(f[k]) * Math.Pow(chosen, k);
            double j = SumSeries(f, chosen, f.Length, out _, out _);
            if (rem <= 0.25 * Unit * j) { terms = n; break; }
        }
        SeriesSwitch = chosen;
        _lead = lead;
        _tSeries = f[lead..Math.Max(terms, lead + 1)];
        _tStrided = StridedPolynomial.Layout(_tSeries);

        // Where neither form sums with a condition number ≤ 3 (the middle of [0, π] for larger a + b), use Taylor
        // patches about double centres, computed in fixed point (MidRangePatches).
        double badLo = double.PositiveInfinity, badHi = double.NegativeInfinity;
        for (int i = 1; i < 800; i++)
        {
            double theta = Math.PI * i / 800, t = Math.PI - theta;
            double c = Math.Cos(theta), s = Math.Sin(theta);
            double j = SumSeries(f, t, f.Length, out double absSeries, out _);
            double absClosed = _kappa * (t * Horner(pAbs, Math.Abs(c)) + s * Horner(qAbs, Math.Abs(c)) + Horner(rAbs, Math.Abs(c)));
            double cond = (t < SeriesSwitch ? absSeries : absClosed) / j;
            if (j > 0 && cond > 2) { badLo = Math.Min(badLo, theta); badHi = Math.Max(badHi, theta); }
        }
        if (badHi >= badLo)
            _patches = MidRangePatches.Build(cf, _kappa, Math.Max(0, badLo - Math.PI / 800), Math.Min(Math.PI, badHi + Math.PI / 800));
        if (badHi >= badLo && _patches is null)
        {
            // No well-conditioned patches (larger a + b): the positive polar integral by quadrature over every grid point
            // where the branch that would be used is ill-conditioned or not even positive.
            double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
            for (int i = 1; i < 800; i++)
            {
                double theta = Math.PI * i / 800, t = Math.PI - theta;
                double c = Math.Cos(theta), s = Math.Sin(theta);
                double absSum = 0;
                double j = t < SeriesSwitch ? SumSeries(f, t, f.Length, out absSum, out _)
                                            : _kappa * (t * Horner(_p, c) + s * Horner(_q, c) + Horner(_r, c));
                double abs = t < SeriesSwitch ? absSum : _kappa * (t * Horner(pAbs, Math.Abs(c)) + s * Horner(qAbs, Math.Abs(c)) + Horner(rAbs, Math.Abs(c)));
                if (!(j > 0) || abs > 2 * j) { lo = Math.Min(lo, theta); hi = Math.Max(hi, theta); }
            }
            if (hi >= lo) _quadrature = (Math.Max(0, lo - Math.PI / 800), Math.Min(Math.PI, hi + Math.PI / 800));
        }
    }

    private readonly (double Start, double End)? _quadrature;

    private readonly MidRangePatches? _patches;

    /// <summary>The θ-range covered by Taylor patches (empty when none are needed).</summary>
    public (double Start, double End) PatchRange => _patches is null ? (0, 0) : (_patches.Start, _patches.End);

    /// <summary>The θ-range evaluated by quadrature of the positive polar integral (larger a + b; empty when none).</summary>
    public (double Start, double End) QuadratureRange => _quadrature ?? (0, 0);

    /// <summary>(xh + xl)^m in double-double arithmetic (FMA products, binary powering).</summary>
    private static (double Hi, double Lo) PowDoubleDouble(double xh, double xl, int m)
    {
        double rh = 1, rl = 0, bh = xh, bl = xl;
        while (m > 0)
        {
            if ((m & 1) != 0) (rh, rl) = MulDoubleDouble(rh, rl, bh, bl);
            m >>= 1;
            if (m > 0) (bh, bl) = MulDoubleDouble(bh, bl, bh, bl);
        }
        return (rh, rl);
    }

    private static (double Hi, double Lo) MulDoubleDouble(double ah, double al, double bh, double bl)
    {
        double p = ah * bh;
        double e = Math.FusedMultiplyAdd(ah, bh, -p) + (ah * bl + al * bh + al * bl);
        double s = p + e;
        return (s, e - (s - p));
    }

    private static double SumSeries(double[] f, double t, int n, out double absSum, out double tail)
    {
        double s = 0, tp = 1; absSum = 0; tail = 0;
        for (int k = 0; k < n; k++) { double term = f[k] * tp; s += term; absSum += Math.Abs(term); if (k >= n - 3) tail += Math.Abs(term); tp *= t; }
        return s;
    }

    private static double Horner(double[] c, double x)
    {
        double r = 0;
        for (int i = c.Length - 1; i >= 0; i--) r = r * x + c[i];
        return r;
    }

    /// <summary>J_{a,b}(θ), θ ∈ [0, π].</summary>
    public double Evaluate(double theta)
    {
        double m = EvaluateScaled(theta, out int exponent);
        return exponent == 0 ? m : Math.ScaleB(m, exponent);
    }

    /// <summary>J_{a,b}(θ) = m·2^exponent, with m finite for every a + b.</summary>
    private double EvaluateScaled(double theta, out int exponent)
    {
        exponent = _shift;
        if (!(theta >= 0 && theta <= Math.PI)) JArguments.CheckTheta(theta);
        if (_isConstant) return _constant;
        if (_patches is not null && _patches.TryEvaluate(theta, out double patched)) return patched;
        if (_quadrature is (double qLo, double qHi) && theta >= qLo && theta <= qHi)
        {
            double integral = PolarQuadrature.Integral(A, B, theta, out int scale);
            exponent += scale;
            return _kappa * integral;
        }
        // t = π − θ as th + tl: Math.PI − θ is exact for θ ≥ π/2 (Sterbenz) and π = Math.PI + PiLow.
        double th = Math.PI - theta, t = th + PiLow;
        if (t < SeriesSwitch)
        {
            // J(π − t) = t^m·G(t), m = a + b + 1. t^m is formed in double-double from th + tl, so the rounding of
            // t = th + tl (which would cost m/2 ulps) never enters; G is smooth with G(0) ≠ 0, so t rounded is fine there.
            double r = StridedPolynomial.Sum(_tStrided, t);
            // Scale t to [1, 2) before powering so that t^m never passes through the subnormal range: one final
            // rounding (in ScaleB) instead of one per product.
            int e = t > 0 ? Math.ILogB(t) : 0;
            var (ph, pl) = PowDoubleDouble(Math.ScaleB(th, -e), Math.ScaleB(PiLow, -e), _lead);
            if (_shift != 0) { exponent = _shift + e * _lead; return Math.Max((ph + pl) * r, 0.0); }
            return Math.Max(Math.ScaleB((ph + pl) * r, e * _lead), 0.0);
        }
        var (s, c) = Math.SinCos(theta);
        return _kappa * (t * Horner(_p, c) + s * Horner(_q, c) + Horner(_r, c));
    }

    /// <summary>
    /// J_{a,b}(θ) and J_{a,b}(π − θ) from one <c>Math.SinCos</c> when both lie in the closed-form branch (neither in the
    /// series about π nor in a patch); false otherwise. Same values as <see cref="Evaluate(double)"/> and
    /// <see cref="EvaluateAtSupplement"/>. Requires a, b ≥ 1 and θ ∈ [0, π] (checked by the caller).
    /// </summary>
    internal bool TryClosedFormPair(double theta, out double j, out double supplement)
    {
        j = supplement = 0;
        double t = (Math.PI - theta) + PiLow;
        if (t < SeriesSwitch || theta < SeriesSwitch) return false;
        if (_patches is not null && ((theta >= _patches.Start && theta < _patches.End) || (t >= _patches.Start && t < _patches.End))) return false;
        if (_quadrature is (double qLo, double qHi) && ((theta >= qLo && theta <= qHi) || (t >= qLo && t <= qHi))) return false;
        var (s, c) = Math.SinCos(theta);
        j = _kappa * (t * Horner(_p, c) + s * Horner(_q, c) + Horner(_r, c));
        supplement = _kappa * (theta * Horner(_p, -c) + s * Horner(_q, -c) + Horner(_r, -c));
        if (_shift != 0) { j = Math.ScaleB(j, _shift); supplement = Math.ScaleB(supplement, _shift); }
        return true;
    }

    /// <summary>J_{a,b}(π − θ) for θ ∈ [0, π], without rounding π − θ where it matters: near θ = 0 the series about π is
    /// summed in t = θ itself, elsewhere the closed form uses cos(π − θ) = −cos θ, sin(π − θ) = sin θ and π − (π − θ) = θ.
    /// Same accuracy as <see cref="Evaluate(double)"/>.</summary>
    public double EvaluateAtSupplement(double theta)
    {
        if (_shift != 0 || _quadrature is not null) return Evaluate((Math.PI - theta) + PiLow); // larger a + b only: no caller needs the extra accuracy there
        if (!(theta >= 0 && theta <= Math.PI)) JArguments.CheckTheta(theta);
        if (_isConstant) return _constant;
        // In the mid range π − θ is rounded once (≤ 1.2e-16 absolute), harmless where J is of order one.
        if (_patches is not null && _patches.TryEvaluate((Math.PI - theta) + PiLow, out double patched)) return patched;
        if (theta < SeriesSwitch)
        {
            double r = StridedPolynomial.Sum(_tStrided, theta);
            int e = theta > 0 ? Math.ILogB(theta) : 0;
            var (ph, pl) = PowDoubleDouble(Math.ScaleB(theta, -e), 0.0, _lead);
            return Math.Max(Math.ScaleB((ph + pl) * r, e * _lead), 0.0);
        }
        var (s, c) = Math.SinCos(theta);
        return _kappa * (theta * Horner(_p, -c) + s * Horner(_q, -c) + Horner(_r, -c));
    }
}
