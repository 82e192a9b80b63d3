using Degeneracy.Symbolic;

namespace Degeneracy.Series.Algebra;

/// <summary>
/// A truncated Laurent series Σ_k s_k(θ) ε^k in ε = 1/n whose coefficients s_k are <see cref="ThetaSeries"/>:
/// truncated independently in each variable (known modulo ε^<see cref="EpsPrecision"/>, and each s_k modulo its own
/// θ-precision). Immutable; every operation reports the precision it can guarantee.
/// </summary>
public sealed class BivariateSeries
{
    private readonly ThetaSeries[] _c; // _c[i] = coefficient of ε^(_base + i); zero components keep their θ-precision
    private readonly int _base;

    /// <summary>Lowest power of ε with a non-zero coefficient (EpsPrecision when zero to the known order).</summary>
    public int EpsValuation { get; }
    /// <summary>Known through ε^EpsPrecision: terms of higher ε-order are unknown (truncated).</summary>
    public int EpsPrecision { get; }

    private BivariateSeries(int valuation, ThetaSeries[] c, int precision)
    {
        int count = (int)Math.Max(0, Math.Min(c.Length, (long)precision - valuation));
        _c = count == c.Length ? c : c[..count];
        _base = valuation;
        EpsPrecision = precision;
        int lead = 0;
        while (lead < _c.Length && _c[lead].IsZero) lead++;
        EpsValuation = lead < _c.Length ? valuation + lead : precision;
    }

    /// <summary>s(θ)·ε^k.</summary>
    public static BivariateSeries Monomial(ThetaSeries s, int k, int epsPrecision) => new(k, [s], epsPrecision);
    /// <summary>Σ_i c_i(θ) ε^{valuation + i}, known through ε^precision.</summary>
    public static BivariateSeries FromComponents(int valuation, ThetaSeries[] components, int precision) => new(valuation, (ThetaSeries[])components.Clone(), precision);
    /// <summary>The θ-series c as a series in ε known through ε^epsPrecision.</summary>
    public static BivariateSeries Constant(ThetaSeries s, int epsPrecision) => new(0, [s], epsPrecision);

    /// <summary>Coefficient of ε^k (zero series with its known θ-precision if absent).</summary>
    public ThetaSeries this[int k]
    {
        get
        {
            if (k >= EpsPrecision) throw new ArgumentOutOfRangeException(nameof(k), k, $"the series is known only modulo eps^{EpsPrecision}.");
            int i = k - _base;
            if (i >= 0 && i < _c.Length) return _c[i];
            return ThetaSeries.Zero;
        }
    }

    /// <summary>True when every known coefficient is zero.</summary>
    public bool IsZero => EpsValuation >= EpsPrecision;
    private int TopPower => _base + _c.Length - 1;

    /// <summary>The sum.</summary>
    public static BivariateSeries operator +(BivariateSeries a, BivariateSeries b)
    {
        int prec = Math.Min(a.EpsPrecision, b.EpsPrecision);
        int lo = Math.Min(a._base, b._base);
        int hi = Math.Min(prec, Math.Max(a.TopPower, b.TopPower) + 1);
        var c = new ThetaSeries[Math.Max(0, hi - lo)];
        for (int k = lo; k < hi; k++) c[k - lo] = a[k] + b[k];
        return new(lo, c, prec);
    }

    /// <summary>The negation.</summary>
    public static BivariateSeries operator -(BivariateSeries a) => new(a._base, a._c.Select(x => -x).ToArray(), a.EpsPrecision);
    /// <summary>The difference.</summary>
    public static BivariateSeries operator -(BivariateSeries a, BivariateSeries b) => a + (-b);

    /// <summary>The product, known to the smaller of the operands' orders.</summary>
    public static BivariateSeries operator *(BivariateSeries a, BivariateSeries b)
    {
        long p = Math.Min((long)a.EpsPrecision + (b.IsZero ? b.EpsPrecision : b.EpsValuation),
                          (long)b.EpsPrecision + (a.IsZero ? a.EpsPrecision : a.EpsValuation));
        int prec = (int)Math.Clamp(p, -ThetaSeries.Exact, ThetaSeries.Exact);
        // Components that are zero to their θ-precision still bound the product's θ-precision: only operands with no
        // component at all are the exact zero.
        if (a._c.Length == 0 || b._c.Length == 0) return new(0, [], prec);
        int lo = a._base + b._base;
        int hi = Math.Min(prec, a.TopPower + b.TopPower + 1);
        var c = new ThetaSeries[Math.Max(0, hi - lo)];
        for (int k = lo; k < hi; k++)
        {
            ThetaSeries s = ThetaSeries.Zero;
            for (int i = a._base; i <= a.TopPower; i++)
            {
                int j = k - i;
                if (j < b._base || j > b.TopPower) continue;
                s += a[i] * b[j];
            }
            c[k - lo] = s;
        }
        return new(lo, c, prec);
    }

    /// <summary>The product, known to the smaller of the operands' orders.</summary>
    public static BivariateSeries operator *(BivariateSeries a, ThetaSeries s) => a * Constant(s, ThetaSeries.Exact);

    /// <summary>1/x for x = ε^w(x_w(θ) + x_{w+1}(θ)ε + …) with x_w invertible; known modulo ε^{K − 2w}.</summary>
    public BivariateSeries Inverse()
    {
        if (IsZero)
            throw new SeriesOrderException($"cannot invert a series that vanishes to its known order eps^{EpsPrecision}.");
        int w = EpsValuation;
        var x = _c.Skip(w - _base).ToArray();
        var inv0 = x[0].Inverse();
        if (EpsPrecision >= ThetaSeries.Exact / 2)
        {
            if (x.Skip(1).All(t => t.IsZero)) return new(-w, [inv0], ThetaSeries.Exact);
            throw new SeriesOrderException("the inverse of an exact non-monomial series in 1/n is infinite: truncate it first.");
        }
        int n = EpsPrecision - w;
        var r = new ThetaSeries[n];
        r[0] = inv0;
        for (int k = 1; k < n; k++)
        {
            ThetaSeries s = ThetaSeries.Zero;
            for (int i = 1; i <= Math.Min(k, x.Length - 1); i++) s += x[i] * r[k - i];
            r[k] = -(s * inv0);
        }
        return new(-w, r, EpsPrecision - 2 * w);
    }

    /// <summary>The same series known only through ε^k (k ≤ the current precision).</summary>
    public BivariateSeries TruncateEps(int k) => k >= EpsPrecision ? this : new(_base, _c, k);

    /// <summary>The k-th power (k ≥ 0), truncated like repeated products.</summary>
    public BivariateSeries Pow(int k)
    {
        if (k < 0) return Inverse().Pow(-k);
        BivariateSeries r = Constant(ThetaSeries.One, ThetaSeries.Exact), b = this;
        while (k > 0) { if ((k & 1) != 0) r *= b; k >>= 1; if (k > 0) b *= b; }
        return r;
    }

    /// <summary>
    /// Σ_m a_m u^m for u "small" (no ε⁰θ⁰ or negative-power part that does not shrink): the sum stops once every
    /// further power vanishes to the precision already known; more than 400 powers means u is not small.
    /// </summary>
    public BivariateSeries ComposeInto(Func<int, Rational> coefficient)
    {
        if (!IsZero && EpsValuation < 0)
            throw new ArgumentException("composition needs a series without negative powers of 1/n.", "inner");
        if (!IsZero && EpsValuation == 0 && this[0].Valuation < 1)
            throw new ArgumentException("composition needs a series without a constant term.", "inner");
        var sum = Constant(ThetaSeries.Constant(coefficient(0)), ThetaSeries.Exact) + TimesZero();
        var p = Constant(ThetaSeries.One, ThetaSeries.Exact);
        for (int m = 1; m <= 400; m++)
        {
            p *= this;
            if (Negligible(p, sum)) return sum;
            var a = coefficient(m);
            if (!a.IsZero) sum += p * ThetaSeries.Constant(a);
        }
        throw new SeriesOrderException("a power series did not terminate after 400 terms: its argument is not small.");
    }

    private BivariateSeries TimesZero() => new(_base, _c.Select(x => x * PiLaurent.Zero).ToArray(), EpsPrecision);

    private static bool Negligible(BivariateSeries term, BivariateSeries sum)
    {
        if (term.IsZero) return true;
        for (int k = term._base; k <= term.TopPower && k < sum.EpsPrecision; k++)
        {
            var t = term[k];
            if (!t.IsZero && t.Valuation < sum[k].Precision) return false;
        }
        return true;
    }

    /// <inheritdoc/>
    public override string ToString() =>
        string.Join(" + ", _c.Select((s, i) => $"[{s}]*eps^{_base + i}")) + $" + O(eps^{EpsPrecision})";
}
