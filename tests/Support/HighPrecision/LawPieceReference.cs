using Degeneracy.Series.Algebra;
using Degeneracy.Symbolic;

namespace Degeneracy.TestSupport.HighPrecision;

/// <summary>
/// High-precision value of one closed-form piece of a law, N(J)/D^p with D = 1 − 4J_{1,1}² (or m₀ = ln(D/sin²θ)):
/// the closed form in <see cref="FixedPoint"/> with the J's of <see cref="AngleReference"/> for θ ≥ <see cref="SeriesBelow"/>,
/// and the exact θ-series summed in fixed point below it (where the closed form's cancellation, ~θ^{−2p}, would cost
/// more than the series' truncation, ~θ^{order+1}).
/// </summary>
public sealed class LawPieceReference
{
    private readonly JPolynomial _numerator;
    private readonly int _dPower;
    private readonly bool _isInfiniteWidthDrift;
    private readonly PiLaurent[] _series;
    private readonly Dictionary<int, FixedPoint[]> _seriesFixed = new();
    private readonly Lock _lock = new();

    /// <param name="numerator">N (ignored when <paramref name="isInfiniteWidthDrift"/>).</param>
    /// <param name="dPower">p.</param>
    /// <param name="isInfiniteWidthDrift">True for m₀ = ln(D/sin²θ).</param>
    /// <param name="series">Exact θ-series coefficients c_0, c_1, … of the piece.</param>
    /// <param name="seriesBelow">Below this θ the series is summed instead of the closed form.</param>
    public LawPieceReference(JPolynomial numerator, int dPower, bool isInfiniteWidthDrift, IEnumerable<PiLaurent> series, double seriesBelow,
        Degeneracy.JFunctions.Activation? activation = null)
    {
        Activation = activation ?? Degeneracy.JFunctions.Activation.Relu;
        _numerator = numerator;
        _dPower = dPower;
        _isInfiniteWidthDrift = isInfiniteWidthDrift;
        _series = series.ToArray();
        SeriesBelow = seriesBelow;
    }

    public double SeriesBelow { get; }

    /// <summary>The activation whose normalised J̄'s the closed form is written in.</summary>
    public Degeneracy.JFunctions.Activation Activation { get; }

    /// <summary>The piece at the angle (closed form or series by <see cref="SeriesBelow"/>).</summary>
    public FixedPoint Value(AngleReference a) => a.Theta < SeriesBelow ? SeriesValue(a) : ClosedFormValue(a);

    /// <summary>The closed form at the angle (θ &gt; 0).</summary>
    public FixedPoint ClosedFormValue(AngleReference a)
    {
        var j11 = a.JBar(1, 1, Activation);
        var d = FixedPoint.One(a.Bits) - (j11 * j11).Times(4);
        if (_isInfiniteWidthDrift) return FixedPointMath.Ln(d / (a.Sin * a.Sin));
        var invD = FixedPoint.One(a.Bits) / d;
        var n = _numerator.Substitute(
            v => v == JSymbols.InverseD ? invD : a.JBar(JSymbols.Pair(v).A, JSymbols.Pair(v).B, Activation),
            (x, y) => x + y, (x, y) => x * y, q => FixedPoint.FromRational(q, a.Bits), FixedPoint.Zero(a.Bits));
        for (int i = 0; i < _dPower; i++) n *= invD;
        return n;
    }

    /// <summary>The exact series summed at the angle.</summary>
    public FixedPoint SeriesValue(AngleReference a)
    {
        FixedPoint[] c;
        lock (_lock)
        {
            if (!_seriesFixed.TryGetValue(a.Bits, out c!))
            {
                c = _series.Select(x => FixedPoint.FromPiLaurent(x, a.Bits)).ToArray();
                _seriesFixed[a.Bits] = c;
            }
        }
        var r = FixedPoint.Zero(a.Bits);
        for (int j = c.Length - 1; j >= 0; j--) r = r * a.ThetaFixed + c[j];
        return r;
    }
}
