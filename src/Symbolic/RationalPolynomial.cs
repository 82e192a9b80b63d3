using System.Text;

namespace Degeneracy.Symbolic;

/// <summary>An immutable univariate polynomial Σ c_i x^i with exact rational coefficients (canonical: no trailing zeros).</summary>
public sealed class RationalPolynomial : IEquatable<RationalPolynomial>
{
    private readonly Rational[] _c;

    /// <summary>The zero polynomial.</summary>
    public static readonly RationalPolynomial Zero = new([]);
    /// <summary>The constant 1.</summary>
    public static readonly RationalPolynomial One = new([Rational.One]);
    /// <summary>The variable x.</summary>
    public static readonly RationalPolynomial X = new([Rational.Zero, Rational.One]);

    /// <summary>The polynomial Σ c_i x^i from its coefficients c_0, c_1, … (trailing zeros trimmed).</summary>
    public RationalPolynomial(IEnumerable<Rational> coefficients)
    {
        var c = coefficients.ToArray();
        int n = c.Length;
        while (n > 0 && c[n - 1].IsZero) n--;
        _c = n == c.Length ? c : c[..n];
    }

    /// <summary>The constant polynomial c.</summary>
    public static RationalPolynomial Constant(Rational q) => new([q]);
    /// <summary>q·x^k.</summary>
    public static RationalPolynomial Monomial(Rational q, int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        var c = new Rational[k + 1]; c[k] = q; return new(c);
    }

    /// <summary>Degree; −1 for the zero polynomial.</summary>
    public int Degree => _c.Length - 1;
    /// <summary>True for the zero polynomial.</summary>
    public bool IsZero => _c.Length == 0;
    /// <summary>The coefficient of x^i (0 beyond the degree).</summary>
    public Rational this[int i] => i >= 0 && i < _c.Length ? _c[i] : Rational.Zero;
    /// <summary>c_0 … c_d with c_d ≠ 0 (empty for zero).</summary>
    public IReadOnlyList<Rational> Coefficients => _c;

    /// <summary>The sum.</summary>
    public static RationalPolynomial operator +(RationalPolynomial a, RationalPolynomial b)
    {
        var r = new Rational[Math.Max(a._c.Length, b._c.Length)];
        for (int i = 0; i < r.Length; i++) r[i] = a[i] + b[i];
        return new(r);
    }
    /// <summary>The negation.</summary>
    public static RationalPolynomial operator -(RationalPolynomial a) => new(a._c.Select(x => -x));
    /// <summary>The difference.</summary>
    public static RationalPolynomial operator -(RationalPolynomial a, RationalPolynomial b) => a + (-b);
    /// <summary>The product.</summary>
    public static RationalPolynomial operator *(RationalPolynomial a, RationalPolynomial b)
    {
        if (a.IsZero || b.IsZero) return Zero;
        var r = new Rational[a._c.Length + b._c.Length - 1];
        for (int i = 0; i < a._c.Length; i++)
        {
            if (a._c[i].IsZero) continue;
            for (int j = 0; j < b._c.Length; j++) r[i + j] += a._c[i] * b._c[j];
        }
        return new(r);
    }
    /// <summary>The product.</summary>
    public static RationalPolynomial operator *(Rational q, RationalPolynomial a) => new(a._c.Select(x => q * x));

    /// <summary>The k-th power (k ≥ 0).</summary>
    public RationalPolynomial Pow(int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        var r = One;
        for (int i = 0; i < k; i++) r *= this;
        return r;
    }

    /// <summary>p(q(x)).</summary>
    public RationalPolynomial Compose(RationalPolynomial q)
    {
        var r = Zero;
        for (int i = _c.Length - 1; i >= 0; i--) r = r * q + Constant(_c[i]);
        return r;
    }

    /// <summary>The exact value at x.</summary>
    public Rational Evaluate(Rational x)
    {
        Rational r = Rational.Zero;
        for (int i = _c.Length - 1; i >= 0; i--) r = r * x + _c[i];
        return r;
    }

    /// <summary>Horner evaluation in double with coefficients rounded once.</summary>
    public double Evaluate(double x)
    {
        double r = 0;
        for (int i = _c.Length - 1; i >= 0; i--) r = r * x + _c[i].ToDouble();
        return r;
    }

    /// <inheritdoc/>
    public bool Equals(RationalPolynomial? other) => other is not null && _c.AsSpan().SequenceEqual(other._c);
    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is RationalPolynomial p && Equals(p);
    /// <inheritdoc/>
    public override int GetHashCode() { var h = new HashCode(); foreach (var x in _c) h.Add(x); return h.ToHashCode(); }

    /// <summary>Prints with the variable name given, highest power first, e.g. <c>2*c^2 + 1</c>.</summary>
    public string Print(string variable, PrintFormat format = PrintFormat.Text)
    {
        if (IsZero) return format == PrintFormat.CSharp ? "0.0" : "0";
        var sb = new StringBuilder();
        for (int i = _c.Length - 1; i >= 0; i--)
        {
            var q = _c[i];
            if (q.IsZero) continue;
            bool first = sb.Length == 0;
            if (q.Sign < 0) sb.Append(first ? "-" : " - "); else if (!first) sb.Append(" + ");
            var a = q.Abs();
            string pow = i == 0 ? "" : format switch
            {
                PrintFormat.Latex => i == 1 ? variable : variable + "^{" + i + "}",
                PrintFormat.CSharp => string.Join("*", Enumerable.Repeat(variable, i)),
                _ => i == 1 ? variable : variable + "^" + i,
            };
            string coef = PiLaurent.MonomialText(a, 0, format);
            if (pow.Length == 0) sb.Append(coef);
            else if (a.IsOne) sb.Append(pow);
            else sb.Append(format == PrintFormat.Latex ? coef + pow : coef + "*" + pow);
        }
        return sb.ToString();
    }

    /// <inheritdoc/>
    public override string ToString() => Print("x");
}
