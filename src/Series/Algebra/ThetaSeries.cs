using Degeneracy.Symbolic;

namespace Degeneracy.Series.Algebra;

/// <summary>
/// A truncated Laurent series Σ_{j ≥ v} c_j θ^j with exact coefficients in ℚ[π, 1/π], known modulo θ^N
/// (<see cref="Precision"/> = N). Truncation is explicit and travels with the value: every operation returns the
/// precision it can guarantee (products of series with valuations v_a, v_b know min(N_a + v_b, N_b + v_a)); nothing
/// is silently extended. Immutable.
/// </summary>
public sealed class ThetaSeries
{
    private readonly PiLaurent[] _c; // _c[i] = coefficient of θ^(Valuation + i), Valuation + i < Precision

    /// <summary>Lowest exponent with a non-zero coefficient (= Precision when the series is zero to its precision).</summary>
    public int Valuation { get; }
    /// <summary>The series is known modulo θ^Precision.</summary>
    public int Precision { get; }

    private ThetaSeries(int valuation, PiLaurent[] c, int precision)
    {
        int lead = 0;
        while (lead < c.Length && c[lead].IsZero) lead++;
        if (lead == c.Length) { Valuation = precision; _c = []; Precision = precision; return; }
        int count = Math.Min(c.Length - lead, precision - valuation - lead);
        _c = lead == 0 && count == c.Length ? c : c.AsSpan(lead, Math.Max(count, 0)).ToArray();
        Valuation = valuation + lead;
        Precision = precision;
        if (_c.Length == 0) Valuation = precision;
    }

    /// <summary>Coefficients c_{v}, c_{v+1}, … given from exponent <paramref name="valuation"/>, known modulo θ^precision.</summary>
    public static ThetaSeries FromCoefficients(int valuation, IEnumerable<PiLaurent> coefficients, int precision)
    {
        var c = coefficients.Take(Math.Max(0, precision - valuation)).ToArray();
        return new ThetaSeries(valuation, c, precision);
    }

    /// <summary>The exact constant q (precision unlimited, represented as <see cref="int.MaxValue"/>/2).</summary>
    public static ThetaSeries Constant(PiLaurent q) => new(0, [q], Exact);
    /// <summary>The monomial q·θ^k, exact.</summary>
    public static ThetaSeries Monomial(PiLaurent q, int k) => new(k, [q], Exact);
    /// <summary>Precision used for values known exactly (constants, monomials).</summary>
    public const int Exact = int.MaxValue / 4;

    /// <summary>The zero series (known to every order).</summary>
    public static readonly ThetaSeries Zero = new(0, [], Exact);
    /// <summary>The series 1 (known to every order).</summary>
    public static readonly ThetaSeries One = Constant(PiLaurent.One);

    /// <summary>True when every known coefficient is zero.</summary>
    public bool IsZero => _c.Length == 0;
    /// <summary>Highest exponent with a stored coefficient (Valuation − 1 for the zero series).</summary>
    public int TopExponent => Valuation + _c.Length - 1;
    /// <summary>Coefficient of θ^j (j &lt; Precision).</summary>
    public PiLaurent this[int j]
    {
        get
        {
            if (j >= Precision) throw new ArgumentOutOfRangeException(nameof(j), j, $"the series is known only modulo theta^{Precision}.");
            int i = j - Valuation;
            return i >= 0 && i < _c.Length ? _c[i] : PiLaurent.Zero;
        }
    }
    /// <summary>The leading coefficient c_v (zero for the zero series).</summary>
    public PiLaurent Leading => _c.Length > 0 ? _c[0] : PiLaurent.Zero;

    /// <summary>Same series known only modulo θ^n (n ≤ Precision).</summary>
    public ThetaSeries Truncate(int n) => n >= Precision ? this : new(Valuation, _c, n);

    /// <summary>The sum.</summary>
    public static ThetaSeries operator +(ThetaSeries a, ThetaSeries b)
    {
        int prec = Math.Min(a.Precision, b.Precision);
        if (a.IsZero) return b.Truncate(prec);
        if (b.IsZero) return a.Truncate(prec);
        int v = Math.Min(a.Valuation, b.Valuation);
        int hi = Math.Min(prec, Math.Max(a.Valuation + a._c.Length, b.Valuation + b._c.Length));
        var c = new PiLaurent[Math.Max(0, hi - v)];
        for (int j = v; j < hi; j++)
        {
            var x = j - a.Valuation is var ia && ia >= 0 && ia < a._c.Length ? a._c[ia] : PiLaurent.Zero;
            var y = j - b.Valuation is var ib && ib >= 0 && ib < b._c.Length ? b._c[ib] : PiLaurent.Zero;
            c[j - v] = x + y;
        }
        return new(v, c, prec);
    }

    /// <summary>The negation.</summary>
    public static ThetaSeries operator -(ThetaSeries a) => new(a.Valuation, a._c.Select(x => -x).ToArray(), a.Precision);
    /// <summary>The difference.</summary>
    public static ThetaSeries operator -(ThetaSeries a, ThetaSeries b) => a + (-b);

    /// <summary>The product, known to the smaller of the operands' orders.</summary>
    public static ThetaSeries operator *(ThetaSeries a, ThetaSeries b)
    {
        int prec = SaturatingMin(a.Precision + b.Valuation, b.Precision + a.Valuation);
        if (a.IsZero || b.IsZero) return new(0, [], prec);
        int v = a.Valuation + b.Valuation;
        int len = Math.Min(a._c.Length + b._c.Length - 1, prec - v);
        if (len <= 0) return new(0, [], prec);
        var c = new PiLaurent[len];
        var reversed = new PiLaurent[Math.Min(a._c.Length, b._c.Length)];
        for (int k = 0; k < len; k++)
        {
            int lo = Math.Max(0, k - b._c.Length + 1), hi = Math.Min(k, a._c.Length - 1);
            for (int i = lo; i <= hi; i++) reversed[i - lo] = b._c[k - i];
            c[k] = PiLaurent.SumOfProducts(a._c.AsSpan(lo, hi - lo + 1), reversed.AsSpan(0, hi - lo + 1));
        }
        return new(v, c, prec);
    }

    /// <summary>The product, known to the smaller of the operands' orders.</summary>
    public static ThetaSeries operator *(ThetaSeries a, PiLaurent q) => q.IsZero ? new(0, [], a.Precision) : new(a.Valuation, a._c.Select(x => x * q).ToArray(), a.Precision);
    /// <summary>The product, known to the smaller of the operands' orders.</summary>
    public static ThetaSeries operator *(PiLaurent q, ThetaSeries a) => a * q;

    private static int SaturatingMin(long x, long y) => (int)Math.Clamp(Math.Min(x, y), -Exact, Exact);

    /// <summary>
    /// 1/x for x = θ^v(c_v + …) with c_v a unit of ℚ[π, 1/π] (a monomial q·π^k). Known modulo θ^{N − 2v}.
    /// Throws <see cref="SeriesOrderException"/> when x is zero to its precision (the order cannot be reached).
    /// </summary>
    public ThetaSeries Inverse()
    {
        if (IsZero)
            throw new SeriesOrderException($"cannot invert a series that vanishes to its known order theta^{Precision}: raise the working order.");
        var lead = _c[0];
        if (!lead.IsMonomial)
            throw new ArgumentException($"leading coefficient {lead} is not invertible in Q[pi, 1/pi].", "divisor");
        int v = Valuation;
        if (Precision == Exact)
        {
            if (_c.Length == 1) return new(-v, [lead.Inverse()], Exact);
            throw new SeriesOrderException("the inverse of an exact non-monomial series is infinite: truncate it first.");
        }
        int n = Precision - v; // relative precision: terms known
        var inv0 = lead.Inverse();
        var r = new PiLaurent[n];
        r[0] = inv0;
        var reversed = new PiLaurent[Math.Max(0, Math.Min(n, _c.Length) - 1)];
        for (int k = 1; k < n; k++)
        {
            int m = Math.Min(k, _c.Length - 1);
            for (int i = 1; i <= m; i++) reversed[i - 1] = r[k - i];
            r[k] = -(PiLaurent.SumOfProducts(_c.AsSpan(1, m), reversed.AsSpan(0, m)) * inv0);
        }
        return new(-v, r, Precision - 2 * v);
    }


    /// <summary>The quotient.</summary>
    public static ThetaSeries operator /(ThetaSeries a, ThetaSeries b) => a * b.Inverse();

    /// <summary>x^k for integer k (negative k through <see cref="Inverse"/>).</summary>
    public ThetaSeries Pow(int k)
    {
        if (k < 0) return Inverse().Pow(-k);
        ThetaSeries r = One, b = this;
        while (k > 0) { if ((k & 1) != 0) r *= b; k >>= 1; if (k > 0) b *= b; }
        return r;
    }

    /// <summary>Σ_m a_m x^m for an exact power series f = Σ a_m t^m applied to x with valuation ≥ 1 (composition f∘x).</summary>
    public ThetaSeries ComposeInto(Func<int, Rational> coefficient)
    {
        if (!IsZero && Valuation < 1)
            throw new ArgumentException("composition needs a series without constant or negative-power terms.", "inner");
        if (Precision == Exact && !IsZero)
            throw new SeriesOrderException("composition of an exact series is infinite: truncate it first.");
        ThetaSeries sum = Constant(coefficient(0)).Truncate(Precision), p = One;
        // Terms x^m with valuation ≥ Precision vanish modulo θ^Precision, the precision of the result.
        for (int m = 1; !IsZero && (long)m * Valuation < Precision; m++)
        {
            p *= this;
            var a = coefficient(m);
            if (!a.IsZero) sum += p * (PiLaurent)a;
        }
        return sum;
    }

    /// <summary>Double value Σ c_j θ^j of the known terms.</summary>
    public double Evaluate(double theta)
    {
        double s = 0;
        for (int i = _c.Length - 1; i >= 0; i--) s = s * theta + _c[i].ToDouble();
        return s * Math.Pow(theta, Valuation);
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        var terms = _c.Select((x, i) => (x, i)).Where(t => !t.x.IsZero).Select(t => $"({t.x})*theta^{Valuation + t.i}");
        return string.Join(" + ", terms) + (Precision < Exact ? $" + O(theta^{Precision})" : "");
    }
}

/// <summary>A requested order cannot be reached with the working precision (say which and why).</summary>
public sealed class SeriesOrderException(string message) : InvalidOperationException(message);
