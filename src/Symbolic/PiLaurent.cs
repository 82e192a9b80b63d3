using System.Globalization;
using System.Numerics;
using System.Text;

namespace Degeneracy.Symbolic;

/// <summary>
/// An exact element of ℚ[π, 1/π]: a finite sum Σ q_k·π^k with rational q_k and integer k. Immutable, canonical
/// (powers strictly increasing, no zero coefficients), with value equality. This is the coefficient ring of every
/// θ-series the library derives.
/// </summary>
public sealed class PiLaurent : IEquatable<PiLaurent>
{
    private readonly int[] _powers;
    private readonly Rational[] _coefs;

    /// <summary>0.</summary>
    public static readonly PiLaurent Zero = new([], []);
    /// <summary>1.</summary>
    public static readonly PiLaurent One = FromRational(Rational.One);
    /// <summary>π itself.</summary>
    public static readonly PiLaurent Pi = Monomial(Rational.One, 1);

    private PiLaurent(int[] powers, Rational[] coefs) { _powers = powers; _coefs = coefs; }

    /// <summary>The rational q as an element of ℚ[π, 1/π].</summary>
    public static PiLaurent FromRational(Rational q) => q.IsZero ? Zero : new([0], [q]);
    /// <summary>Exact conversion.</summary>
    public static implicit operator PiLaurent(Rational q) => FromRational(q);
    /// <summary>Exact conversion.</summary>
    public static implicit operator PiLaurent(int q) => FromRational(q);

    /// <summary>q·π^k.</summary>
    public static PiLaurent Monomial(Rational q, int k) => q.IsZero ? Zero : new([k], [q]);

    /// <summary>Builds from (power, coefficient) pairs in any order; equal powers are summed.</summary>
    public static PiLaurent FromTerms(IEnumerable<(int Power, Rational Coefficient)> terms)
    {
        var d = new SortedDictionary<int, Rational>();
        foreach (var (k, q) in terms)
            d[k] = d.TryGetValue(k, out var old) ? old + q : q;
        var nz = d.Where(kv => !kv.Value.IsZero).ToArray();
        return nz.Length == 0 ? Zero : new(nz.Select(kv => kv.Key).ToArray(), nz.Select(kv => kv.Value).ToArray());
    }

    /// <summary>True for 0.</summary>
    public bool IsZero => _powers.Length == 0;
    /// <summary>Number of non-zero terms q_k π^k.</summary>
    public int TermCount => _powers.Length;
    /// <summary>The non-zero terms as (power k, coefficient q_k), by increasing k.</summary>
    public IEnumerable<(int Power, Rational Coefficient)> Terms => _powers.Select((k, i) => (k, _coefs[i]));
    /// <summary>Coefficient of π^k.</summary>
    public Rational this[int k] { get { int i = Array.BinarySearch(_powers, k); return i >= 0 ? _coefs[i] : Rational.Zero; } }
    /// <summary>True when there is at most one term.</summary>
    public bool IsMonomial => _powers.Length == 1;
    /// <summary>True for 1.</summary>
    public bool IsOne => _powers.Length == 1 && _powers[0] == 0 && _coefs[0].IsOne;
    /// <summary>True when only π⁰ appears.</summary>
    public bool IsRational => IsZero || (_powers.Length == 1 && _powers[0] == 0);
    /// <summary>Lowest power of π present (0 for zero).</summary>
    public int MinPower => _powers.Length == 0 ? 0 : _powers[0];
    /// <summary>Highest power of π present (0 for zero).</summary>
    public int MaxPower => _powers.Length == 0 ? 0 : _powers[^1];

    /// <summary>The sum.</summary>
    public static PiLaurent operator +(PiLaurent a, PiLaurent b)
    {
        if (a.IsZero) return b;
        if (b.IsZero) return a;
        var ps = new List<int>(a._powers.Length + b._powers.Length);
        var cs = new List<Rational>(a._powers.Length + b._powers.Length);
        int i = 0, j = 0;
        while (i < a._powers.Length || j < b._powers.Length)
        {
            if (j >= b._powers.Length || (i < a._powers.Length && a._powers[i] < b._powers[j])) { ps.Add(a._powers[i]); cs.Add(a._coefs[i]); i++; }
            else if (i >= a._powers.Length || b._powers[j] < a._powers[i]) { ps.Add(b._powers[j]); cs.Add(b._coefs[j]); j++; }
            else
            {
                var s = a._coefs[i] + b._coefs[j];
                if (!s.IsZero) { ps.Add(a._powers[i]); cs.Add(s); }
                i++; j++;
            }
        }
        return ps.Count == 0 ? Zero : new(ps.ToArray(), cs.ToArray());
    }

    /// <summary>The negation.</summary>
    public static PiLaurent operator -(PiLaurent a) => a.IsZero ? a : new(a._powers, a._coefs.Select(c => -c).ToArray());
    /// <summary>The difference.</summary>
    public static PiLaurent operator -(PiLaurent a, PiLaurent b) => a + (-b);

    /// <summary>The product.</summary>
    public static PiLaurent operator *(PiLaurent a, PiLaurent b)
    {
        if (a.IsZero || b.IsZero) return Zero;
        if (a._powers.Length == 1 && b._powers.Length == 1)
            return new([a._powers[0] + b._powers[0]], [a._coefs[0] * b._coefs[0]]);
        if (a._powers.Length == 1) return b.ScaleMonomial(a._coefs[0], a._powers[0]);
        if (b._powers.Length == 1) return a.ScaleMonomial(b._coefs[0], b._powers[0]);
        int lo = a._powers[0] + b._powers[0], hi = a._powers[^1] + b._powers[^1];
        var acc = new Rational[hi - lo + 1];
        for (int i = 0; i < a._powers.Length; i++)
            for (int j = 0; j < b._powers.Length; j++)
            {
                int k = a._powers[i] + b._powers[j] - lo;
                acc[k] += a._coefs[i] * b._coefs[j];
            }
        var ps = new List<int>(); var cs = new List<Rational>();
        for (int k = 0; k < acc.Length; k++) if (!acc[k].IsZero) { ps.Add(k + lo); cs.Add(acc[k]); }
        return ps.Count == 0 ? Zero : new(ps.ToArray(), cs.ToArray());
    }

    /// <summary>
    /// Σ_i a[i]·b[i] (spans of equal length) in one pass: the products are summed per power of π over a running common
    /// denominator and reduced once at the end (no intermediate values); the kernel of series products.
    /// </summary>
    public static PiLaurent SumOfProducts(ReadOnlySpan<PiLaurent> a, ReadOnlySpan<PiLaurent> b)
    {
        if (a.Length != b.Length) throw new ArgumentException("the spans must have equal lengths.", nameof(b));
        int lo = int.MaxValue, hi = int.MinValue, pairs = 0, last = -1;
        for (int i = 0; i < a.Length; i++)
        {
            var x = a[i]; var y = b[i];
            if (x.IsZero || y.IsZero) continue;
            lo = Math.Min(lo, x._powers[0] + y._powers[0]);
            hi = Math.Max(hi, x._powers[^1] + y._powers[^1]);
            pairs++; last = i;
        }
        if (pairs == 0) return Zero;
        if (pairs == 1) return a[last] * b[last];
        var num = new BigInteger[hi - lo + 1];
        var den = new BigInteger[hi - lo + 1]; // 0 = nothing added yet
        for (int i = 0; i < a.Length; i++)
        {
            var x = a[i]; var y = b[i];
            if (x.IsZero || y.IsZero) continue;
            for (int s = 0; s < x._powers.Length; s++)
            {
                var xn = x._coefs[s].Numerator; var xd = x._coefs[s].Denominator;
                for (int t = 0; t < y._powers.Length; t++)
                {
                    int k = x._powers[s] + y._powers[t] - lo;
                    var tn = xn * y._coefs[t].Numerator;
                    var td = xd * y._coefs[t].Denominator;
                    ref var d = ref den[k];
                    if (d.IsZero) { num[k] = tn; d = td; }
                    else if (d == td) num[k] += tn;
                    else
                    {
                        var g = BigInteger.GreatestCommonDivisor(d, td);
                        if (g == td) num[k] += tn * (d / td);
                        else { var dg = d / g; num[k] = num[k] * (td / g) + tn * dg; d = dg * td; }
                    }
                }
            }
        }
        var ps = new List<int>(num.Length); var cs = new List<Rational>(num.Length);
        for (int k = 0; k < num.Length; k++)
            if (!den[k].IsZero && !num[k].IsZero) { ps.Add(k + lo); cs.Add(new Rational(num[k], den[k])); }
        return ps.Count == 0 ? Zero : new(ps.ToArray(), cs.ToArray());
    }

    private PiLaurent ScaleMonomial(Rational q, int k)
    {
        var ps = new int[_powers.Length]; var cs = new Rational[_powers.Length];
        for (int i = 0; i < ps.Length; i++) { ps[i] = _powers[i] + k; cs[i] = _coefs[i] * q; }
        return new(ps, cs);
    }

    /// <summary>The product.</summary>
    public static PiLaurent operator *(PiLaurent a, Rational q) => q.IsZero ? Zero : a.ScaleMonomial(q, 0);
    /// <summary>The product.</summary>
    public static PiLaurent operator *(Rational q, PiLaurent a) => a * q;
    /// <summary>The quotient.</summary>
    public static PiLaurent operator /(PiLaurent a, Rational q) => a * q.Reciprocal();

    /// <summary>a / b; exact only when b is a monomial q·π^k (the units of the ring), otherwise throws.</summary>
    public static PiLaurent operator /(PiLaurent a, PiLaurent b) => a * b.Inverse();

    /// <summary>Multiplicative inverse; defined only for monomials q·π^k (q ≠ 0), the units of ℚ[π, 1/π].</summary>
    public PiLaurent Inverse()
    {
        if (!IsMonomial)
            throw new ArgumentException($"Only monomials q·pi^k are invertible in Q[pi, 1/pi]; '{this}' is not.", "divisor");
        return new([-_powers[0]], [_coefs[0].Reciprocal()]);
    }

    /// <summary>x^k, k ≥ 0 (negative k for monomials).</summary>
    public PiLaurent Pow(int k)
    {
        if (k < 0) return Inverse().Pow(-k);
        PiLaurent r = One, b = this;
        while (k > 0) { if ((k & 1) != 0) r *= b; b *= b; k >>= 1; }
        return r;
    }

    /// <summary>Correctly rounded double value (π carried to 384 bits, so rounding is exact except within 2^-370 of a tie).</summary>
    public double ToDouble()
    {
        if (IsZero) return 0;
        if (IsRational) return _coefs[0].ToDouble();
        // Common denominator: Σ q_k π^k = (Σ q_k Π^k 2^{B(m−k)}) / 2^{Bm}... handled by exact rational sum with Π = π·2^B.
        int minK = Math.Min(0, _powers[0]), maxK = Math.Max(0, _powers[^1]);
        var piS = HighPrecisionPi.Scaled; int B = HighPrecisionPi.Bits;
        // value = Σ q_k Π^k / 2^{Bk}. Multiply through by Π^{-minK} 2^{B maxK}: each term q_k Π^{k−minK} 2^{B(maxK−k)}.
        BigInteger num = BigInteger.Zero, den = BigInteger.One;
        for (int i = 0; i < _powers.Length; i++)
        {
            int k = _powers[i];
            var t = BigInteger.Pow(piS, k - minK) * (BigInteger.One << (B * (maxK - k)));
            var q = _coefs[i];
            // num/den + q.num·t/q.den
            num = num * q.Denominator + q.Numerator * t * den;
            den *= q.Denominator;
        }
        var totalDen = den * BigInteger.Pow(piS, -minK) * (BigInteger.One << (B * maxK));
        return Rational.RoundToDouble(num, totalDen);
    }

    /// <inheritdoc/>
    public bool Equals(PiLaurent? other) =>
        other is not null && _powers.AsSpan().SequenceEqual(other._powers) && _coefs.AsSpan().SequenceEqual(other._coefs);
    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is PiLaurent p && Equals(p);
    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var h = new HashCode();
        for (int i = 0; i < _powers.Length; i++) { h.Add(_powers[i]); h.Add(_coefs[i]); }
        return h.ToHashCode();
    }
    /// <summary>Value equality.</summary>
    public static bool operator ==(PiLaurent? a, PiLaurent? b) => a is null ? b is null : a.Equals(b);
    /// <summary>Value inequality.</summary>
    public static bool operator !=(PiLaurent? a, PiLaurent? b) => !(a == b);

    /// <summary>Text form, highest power of π first, e.g. <c>pi/2 + 1/2 - 8/(15*pi)</c>; parseable by <see cref="ExpressionParser"/>.</summary>
    public override string ToString() => Print(PrintFormat.Text);

    /// <summary>Prints in the requested format: text <c>-8/(15*pi)</c>, LaTeX <c>-\frac{8}{15\pi}</c>, C# <c>-8.0/(15.0*Math.PI)</c>.</summary>
    public string Print(PrintFormat format)
    {
        if (IsZero) return format == PrintFormat.CSharp ? "0.0" : "0";
        var sb = new StringBuilder();
        for (int i = _powers.Length - 1; i >= 0; i--)
        {
            var q = _coefs[i];
            bool first = sb.Length == 0;
            if (q.Sign < 0) sb.Append(first ? "-" : " - ");
            else if (!first) sb.Append(" + ");
            sb.Append(MonomialText(q.Abs(), _powers[i], format));
        }
        return sb.ToString();
    }

    private static string PiPow(int k, PrintFormat f) => f switch
    {
        PrintFormat.Text => k == 1 ? "pi" : "pi^" + k.ToString(CultureInfo.InvariantCulture),
        PrintFormat.Latex => k == 1 ? "\\pi" : "\\pi^{" + k.ToString(CultureInfo.InvariantCulture) + "}",
        _ => string.Join("*", Enumerable.Repeat("Math.PI", k)),
    };

    private static string Int(BigInteger n, PrintFormat f) =>
        n.ToString(CultureInfo.InvariantCulture) + (f == PrintFormat.CSharp ? ".0" : "");

    /// <summary>Prints a non-negative q·π^k.</summary>
    public static string MonomialText(Rational q, int k, PrintFormat f)
    {
        BigInteger p = q.Numerator, d = q.Denominator;
        if (f == PrintFormat.Latex)
        {
            string top = k > 0 ? (p.IsOne ? PiPow(k, f) : Int(p, f) + PiPow(k, f)) : Int(p, f);
            string bottom = k < 0 ? (d.IsOne ? PiPow(-k, f) : Int(d, f) + PiPow(-k, f)) : (d.IsOne ? "" : Int(d, f));
            return bottom.Length == 0 ? top : "\\frac{" + top + "}{" + bottom + "}";
        }
        string numer = k > 0 ? (p.IsOne ? PiPow(k, f) : Int(p, f) + "*" + PiPow(k, f)) : Int(p, f);
        if (k > 0 && !p.IsOne && f == PrintFormat.CSharp) numer = Int(p, f) + "*" + PiPow(k, f);
        string denom;
        if (k < 0) denom = d.IsOne ? PiPow(-k, f) : Int(d, f) + "*" + PiPow(-k, f);
        else denom = d.IsOne ? "" : Int(d, f);
        if (denom.Length == 0) return numer;
        bool wrap = denom.Contains('*');
        if (f == PrintFormat.CSharp && k > 0 && numer.Contains('*')) numer = "(" + numer + ")";
        return numer + "/" + (wrap ? "(" + denom + ")" : denom);
    }
}

/// <summary>Output formats of every printer.</summary>
public enum PrintFormat
{
    /// <summary>Plain text that the expression parser reads back.</summary>
    Text,
    /// <summary>LaTeX.</summary>
    Latex,
    /// <summary>C# source.</summary>
    CSharp,
}
