using Degeneracy.JFunctions;
using Degeneracy.Series.Algebra;
using Degeneracy.Series.Derivation;
using Degeneracy.Symbolic;

namespace Degeneracy.Series.CodeGen;

/// <summary>
/// One closed-form piece of a law, N(J)/D^p with D = 1 − 4J_{1,1}² (or the infinite-width drift
/// m₀ = ln(D/sin²θ)), together with its exact θ-series about 0 and the error model that decides where the series must
/// replace the closed form: the closed form loses digits like u·‖N‖₂/D^p (D ~ θ², ‖N‖₂ the root-sum-square of the
/// values of its terms), the truncated series errs by its first omitted terms (known exactly).
/// </summary>
public sealed class StablePiece
{
    /// <summary>Unit roundoff 2⁻⁵³.</summary>
    public const double Unit = 1.1102230246251565e-16;

    private readonly int _degree;
    private readonly double[] _series, _omitted;

    private StablePiece(JPolynomial numerator, int dPower, bool isInfiniteWidthDrift, ThetaSeries series, int order,
        Activation? activation = null)
    {
        Activation = activation ?? Activation.Relu;
        Numerator = numerator;
        DPower = dPower;
        IsInfiniteWidthDrift = isInfiniteWidthDrift;
        Order = order;
        Series = Enumerable.Range(0, order + 1).Select(j => series[j]).ToArray();
        Omitted = Enumerable.Range(order + 1, 2).Select(j => series[j]).ToArray();
        _series = Series.Select(c => c.ToDouble()).ToArray();
        _omitted = Omitted.Select(c => Math.Abs(c.ToDouble())).ToArray();
        foreach (var (m, _) in numerator.Terms) _degree = Math.Max(_degree, m.Degree);
    }

    /// <summary>The activation φ_s whose normalised J̄'s the numerator is written in (ReLU: the plain J's).</summary>
    public Activation Activation { get; }
    /// <summary>The numerator N (zero for m₀).</summary>
    public JPolynomial Numerator { get; }
    /// <summary>The power p of D in the denominator.</summary>
    public int DPower { get; }
    /// <summary>True for m₀(θ) = ln(D/sin²θ).</summary>
    public bool IsInfiniteWidthDrift { get; }
    /// <summary>The θ-order of <see cref="Series"/>.</summary>
    public int Order { get; }
    /// <summary>Exact coefficients of θ⁰ … θ^Order.</summary>
    public IReadOnlyList<PiLaurent> Series { get; }
    /// <summary>Exact coefficients of θ^{Order+1} and θ^{Order+2} (the truncation-error estimate).</summary>
    public IReadOnlyList<PiLaurent> Omitted { get; }

    /// <summary>The piece N/D^p with its θ-series through θ^order.</summary>
    public static StablePiece Create(JPolynomial numerator, int dPower, int order)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(dPower);
        ArgumentOutOfRangeException.ThrowIfNegative(order);
        var series = ClosedFormSeries.Expand(numerator * JPolynomial.InverseD.Pow(dPower), order + 2);
        return new StablePiece(numerator, dPower, false, series, order);
    }

    /// <summary>The piece m₀(θ) = ln(D/sin²θ) with its θ-series through θ^order.</summary>
    public static StablePiece InfiniteWidthDrift(int order)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(order);
        return new StablePiece(JPolynomial.Zero, 0, true, ClosedFormSeries.InfiniteWidthDrift(order + 2), order);
    }

    /// <summary>The piece for a <see cref="ClosedFormTerm"/> of a derivation.</summary>
    public static StablePiece FromTerm(ClosedFormTerm term, int order) =>
        term.Special is not null ? InfiniteWidthDrift(order) : Create(term.Numerator, term.DPower, order);

    /// <summary>
    /// The piece for a closed form of a derivation whose exact θ-series through θ^{order+2} is already known
    /// (<paramref name="series"/>[j] = coefficient of θ^j, e.g. from a derivation two θ-orders higher).
    /// </summary>
    public static StablePiece FromTerm(ClosedFormTerm term, IReadOnlyList<PiLaurent> series, int order) =>
        FromTerm(term, series, order, Activation.Relu);

    /// <summary>As <see cref="FromTerm(ClosedFormTerm, IReadOnlyList{PiLaurent}, int)"/> for a closed form written in the
    /// normalised J̄'s of <paramref name="activation"/>.</summary>
    public static StablePiece FromTerm(ClosedFormTerm term, IReadOnlyList<PiLaurent> series, int order, Activation activation)
    {
        ArgumentNullException.ThrowIfNull(activation);
        ArgumentOutOfRangeException.ThrowIfNegative(order);
        if (series.Count < order + 3)
            throw new ArgumentException($"need the series through theta^{order + 2}.", nameof(series));
        var s = ThetaSeries.FromCoefficients(0, series.Take(order + 3), order + 3);
        return term.Special is not null
            ? new StablePiece(JPolynomial.Zero, 0, true, s, order, activation)
            : new StablePiece(term.Numerator, term.DPower, false, s, order, activation);
    }

    /// <summary>Double value of the closed form with J's from <see cref="JFunction"/> (ReLU) or
    /// <see cref="ActivationJFunction.EvaluateNormalised"/> (0 &lt; θ ≤ π).</summary>
    public double ClosedForm(double theta)
    {
        double j11 = J(1, 1, theta), d = 1 - 4 * j11 * j11;
        if (IsInfiniteWidthDrift) { double s = Math.Sin(theta); return Math.Log(d / (s * s)); }
        return Numerator.Evaluate((a, b) => J(a, b, theta)) / Math.Pow(d, DPower);
    }

    private double J(int a, int b, double theta) =>
        Activation.IsRelu ? JFunction.Evaluate(a, b, theta) : ActivationJFunction.EvaluateNormalised(a, b, Activation, theta);

    /// <summary>
    /// Estimated rounding error of the closed form in double at θ, with the probabilistic (root-sum-square) model of
    /// rounding errors: u·√(deg + 2)·‖N‖₂/D^p + p·(4u/D)·|N/D^p|, where ‖N‖₂ is the root-sum-square of N's terms
    /// (which cancel to N ~ θ^{2p} as θ → 0) and 4u/D the relative error of D = 1 − 4J_{1,1}².
    /// </summary>
    public double ClosedFormError(double theta)
    {
        double j11 = J(1, 1, theta), d = 1 - 4 * j11 * j11;
        double dRel = 4 * Unit / d;
        if (IsInfiniteWidthDrift) return dRel + 2 * Unit * Math.Abs(ClosedForm(theta));
        double dp = Math.Pow(d, DPower);
        double sumSq = 0, value = 0;
        foreach (var (m, q) in Numerator.Terms)
        {
            double t = q.ToDouble();
            for (int v = 1; v < m.VariableCount; v++)
                if (m[v] > 0) t *= Math.Pow(J(JSymbols.Pair(v).A, JSymbols.Pair(v).B, theta), m[v]);
            sumSq += t * t;
            value += t;
        }
        return Unit * Math.Sqrt((_degree + 2) * sumSq) / dp + DPower * dRel * Math.Abs(value / dp);
    }

    /// <summary>Estimated error of the truncated series at θ: first two omitted terms plus rounding of Horner's rule.</summary>
    public double SeriesError(double theta)
    {
        double trunc = 0, tp = Math.Pow(theta, Order + 1);
        foreach (var c in _omitted) { trunc += c * tp; tp *= theta; }
        double abs = 0; tp = 1;
        foreach (var c in _series) { abs += Math.Abs(c) * tp; tp *= theta; }
        return trunc + 2 * Unit * abs;
    }

    /// <summary>The series in double (coefficients rounded once), Horner's rule.</summary>
    public double SeriesValue(double theta)
    {
        double r = 0;
        for (int j = Order; j >= 0; j--) r = r * theta + _series[j];
        return r;
    }

    /// <summary>The switch point for this piece alone (see <see cref="SwitchPoint.Choose"/>).</summary>
    public SwitchChoice ChooseSwitch() => SwitchPoint.Choose([(this, 1.0)]);
}
