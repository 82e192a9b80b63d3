using Degeneracy.JFunctions;
using Degeneracy.Series.Algebra;
using Degeneracy.Series.Derivation;
using Degeneracy.Symbolic;

namespace Degeneracy.Series.CodeGen;

/// <summary>
/// One closed-form piece of a law, N(J)/D^p with D = 1 − 4J_{1,1}² (or the infinite-width drift
/// m₀ = ln(D/sin²θ)), together with its exact θ-series about 0 and the error model that decides where the series must
/// replace the closed form: the closed form loses digits like u·|N|₁/D^p (D ~ θ², |N|₁ the sum of the absolute
/// values of its terms), the truncated series errs by its first omitted terms (known exactly).
/// </summary>
public sealed class StablePiece
{
    /// <summary>Unit roundoff 2⁻⁵³.</summary>
    public const double Unit = 1.1102230246251565e-16;

    private readonly JPolynomial _absNumerator;
    private readonly int _degree;

    private StablePiece(JPolynomial numerator, int dPower, bool isInfiniteWidthDrift, ThetaSeries series, int order)
    {
        Numerator = numerator;
        DPower = dPower;
        IsInfiniteWidthDrift = isInfiniteWidthDrift;
        Order = order;
        Series = Enumerable.Range(0, order + 1).Select(j => series[j]).ToArray();
        Omitted = Enumerable.Range(order + 1, 2).Select(j => series[j]).ToArray();
        _absNumerator = JPolynomial.Zero;
        foreach (var (m, q) in numerator.Terms)
        {
            _absNumerator += q.Abs() * MonomialPolynomial(m);
            _degree = Math.Max(_degree, m.Degree);
        }
    }

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

    /// <summary>Double value of the closed form with J's from <see cref="JFunction"/> (0 &lt; θ ≤ π).</summary>
    public double ClosedForm(double theta)
    {
        double j11 = JFunction.Evaluate(1, 1, theta), d = 1 - 4 * j11 * j11;
        if (IsInfiniteWidthDrift) { double s = Math.Sin(theta); return Math.Log(d / (s * s)); }
        return Numerator.Evaluate((a, b) => JFunction.Evaluate(a, b, theta)) / Math.Pow(d, DPower);
    }

    /// <summary>Estimated rounding error of the closed form in double at θ: (deg + 2)·u·|N|₁/D^p + p·(4u/D)·|N/D^p|.</summary>
    public double ClosedFormError(double theta)
    {
        double j11 = JFunction.Evaluate(1, 1, theta), d = 1 - 4 * j11 * j11;
        double dRel = 4 * Unit / d;
        if (IsInfiniteWidthDrift) return dRel + 2 * Unit * Math.Abs(ClosedForm(theta));
        double dp = Math.Pow(d, DPower);
        double abs = _absNumerator.Evaluate((a, b) => Math.Abs(JFunction.Evaluate(a, b, theta)));
        double value = Numerator.Evaluate((a, b) => JFunction.Evaluate(a, b, theta));
        return (_degree + 2) * Unit * abs / dp + DPower * dRel * Math.Abs(value / dp);
    }

    /// <summary>Estimated error of the truncated series at θ: first two omitted terms plus rounding of Horner's rule.</summary>
    public double SeriesError(double theta)
    {
        double trunc = 0, tp = Math.Pow(theta, Order + 1);
        foreach (var c in Omitted) { trunc += Math.Abs(c.ToDouble()) * tp; tp *= theta; }
        double abs = 0; tp = 1;
        foreach (var c in Series) { abs += Math.Abs(c.ToDouble()) * tp; tp *= theta; }
        return trunc + 2 * Unit * abs;
    }

    /// <summary>The series in double (coefficients rounded once), Horner's rule.</summary>
    public double SeriesValue(double theta)
    {
        double r = 0;
        for (int j = Order; j >= 0; j--) r = r * theta + Series[j].ToDouble();
        return r;
    }

    /// <summary>
    /// The switch point θ_s (series below, closed form at and above) minimising the larger of the worst series error on
    /// [0, θ_s] and the worst closed-form error on [θ_s, 2], over a log-spaced grid on [10⁻³, 2]; rounded down to two
    /// significant digits so that the choice does not depend on the last bits of a libm.
    /// </summary>
    public SwitchChoice ChooseSwitch()
    {
        const int N = 240;
        var grid = new double[N + 1];
        for (int i = 0; i <= N; i++) grid[i] = Math.Pow(10, -3 + (Math.Log10(2) + 3) * i / N);
        var ser = grid.Select(SeriesError).ToArray();
        var cf = grid.Select(ClosedFormError).ToArray();
        var serUpTo = new double[N + 1];
        var cfFrom = new double[N + 1];
        for (int i = 0; i <= N; i++) serUpTo[i] = Math.Max(i > 0 ? serUpTo[i - 1] : 0, ser[i]);
        for (int i = N; i >= 0; i--) cfFrom[i] = Math.Max(i < N ? cfFrom[i + 1] : 0, cf[i]);
        int best = 0;
        for (int i = 1; i <= N; i++)
            if (Math.Max(serUpTo[i], cfFrom[i]) < Math.Max(serUpTo[best], cfFrom[best])) best = i;
        double s = RoundDown2(grid[best]);
        return new SwitchChoice(s, Math.Max(serUpTo[best], cfFrom[best]));
    }

    private static double RoundDown2(double x)
    {
        double scale = Math.Pow(10, Math.Floor(Math.Log10(x)) - 1);
        return Math.Round(Math.Floor(x / scale) * scale, 12);
    }

    private static JPolynomial MonomialPolynomial(JMonomial m)
    {
        var r = JPolynomial.One;
        for (int v = 0; v < m.VariableCount; v++)
            if (m[v] > 0)
                r *= (v == JSymbols.InverseD ? JPolynomial.InverseD : JPolynomial.J(JSymbols.Pair(v).A, JSymbols.Pair(v).B)).Pow(m[v]);
        return r;
    }
}

/// <summary>A switch point θ_s and the estimated worst error of the piece with it.</summary>
public sealed record SwitchChoice(double Theta, double EstimatedError);
