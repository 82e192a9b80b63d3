using System.Text;
using Degeneracy.Symbolic;

namespace Degeneracy.Series.Algebra;

/// <summary>
/// An exact polynomial with rational coefficients in the J symbols J_{a,b}(θ) and D⁻¹ = 1/(1 − 4J_{1,1}²): the
/// coefficient ring of the closed forms of μ, σ² order by order in 1/n. Immutable, canonical (no zero terms).
/// </summary>
public sealed class JPolynomial
{
    private readonly Dictionary<JMonomial, Rational> _terms;

    private JPolynomial(Dictionary<JMonomial, Rational> terms) => _terms = terms;

    /// <summary>The zero polynomial.</summary>
    public static readonly JPolynomial Zero = new(new());
    /// <summary>The constant polynomial 1.</summary>
    public static readonly JPolynomial One = Constant(Rational.One);

    /// <summary>The constant polynomial c.</summary>
    public static JPolynomial Constant(Rational q) =>
        q.IsZero ? Zero : new(new() { [JMonomial.One] = q });

    /// <summary>J_{a,b} as a symbol for a, b ≥ 1; the exact constant E[φ(G)^{a+b}] when a or b is 0 (even a + b only).</summary>
    public static JPolynomial J(int a, int b) => J(a, b, JFunctions.Activation.Relu);

    /// <summary>
    /// The normalised J̄_{a,b} = J^{(s)}_{a,b}/(1 + s²)^{(a+b)/2} of <paramref name="activation"/> (the J's of φ_s/√(1 + s²),
    /// for which E[φ̄(G)²] = ½ as for ReLU): a symbol for a, b ≥ 1, the exact constant E[φ̄(G)^{a+b}] when a or b is 0
    /// (even a + b only). Identical to <see cref="J(int, int)"/> for ReLU.
    /// </summary>
    public static JPolynomial J(int a, int b, JFunctions.Activation activation)
    {
        if (a == 0 || b == 0)
        {
            var m = JFunctions.ActivationJClosedForm.Moment(a + b, activation);
            if (m.HasSqrtHalfPi || !m.Value.IsRational)
                throw new ArgumentException($"J_{{{a},{b}}} is not rational; closed forms here use even a + b only.", nameof(a));
            return Constant(m.Value[0] * JFunctions.ActivationJClosedForm.NormalisingFactor(a + b, activation));
        }
        return new(new() { [JMonomial.Variable(JSymbols.Index(a, b))] = Rational.One });
    }

    /// <summary>D⁻¹ = 1/(1 − 4J_{1,1}²).</summary>
    public static readonly JPolynomial InverseD = new(new() { [JMonomial.Variable(JSymbols.InverseD)] = Rational.One });

    /// <summary>True for the zero polynomial.</summary>
    public bool IsZero => _terms.Count == 0;
    /// <summary>Number of monomials with a non-zero coefficient.</summary>
    public int TermCount => _terms.Count;
    /// <summary>The monomials and their non-zero coefficients.</summary>
    public IEnumerable<(JMonomial Monomial, Rational Coefficient)> Terms => _terms.Select(kv => (kv.Key, kv.Value));

    /// <summary>The sum.</summary>
    public static JPolynomial operator +(JPolynomial a, JPolynomial b)
    {
        if (a.IsZero) return b;
        if (b.IsZero) return a;
        var (big, small) = a._terms.Count >= b._terms.Count ? (a, b) : (b, a);
        var d = new Dictionary<JMonomial, Rational>(big._terms);
        foreach (var (m, q) in small._terms) AddTo(d, m, q);
        return new(d);
    }

    private static void AddTo(Dictionary<JMonomial, Rational> d, JMonomial m, Rational q)
    {
        if (d.TryGetValue(m, out var old))
        {
            var s = old + q;
            if (s.IsZero) d.Remove(m); else d[m] = s;
        }
        else if (!q.IsZero) d[m] = q;
    }

    /// <summary>The negation.</summary>
    public static JPolynomial operator -(JPolynomial a) => new(a._terms.ToDictionary(kv => kv.Key, kv => -kv.Value));
    /// <summary>The difference.</summary>
    public static JPolynomial operator -(JPolynomial a, JPolynomial b) => a + (-b);

    /// <summary>The product.</summary>
    public static JPolynomial operator *(JPolynomial a, JPolynomial b)
    {
        if (a.IsZero || b.IsZero) return Zero;
        var d = new Dictionary<JMonomial, Rational>();
        foreach (var (ma, qa) in a._terms)
            foreach (var (mb, qb) in b._terms)
                AddTo(d, ma * mb, qa * qb);
        return new(d);
    }

    /// <summary>The product.</summary>
    public static JPolynomial operator *(Rational q, JPolynomial a) =>
        q.IsZero ? Zero : q.IsOne ? a : new(a._terms.ToDictionary(kv => kv.Key, kv => kv.Value * q));

    /// <summary>The k-th power (k ≥ 0).</summary>
    public JPolynomial Pow(int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        var r = One;
        for (int i = 0; i < k; i++) r *= this;
        return r;
    }

    /// <summary>Highest power of D⁻¹ present.</summary>
    public int MaxInverseDPower => _terms.Keys.Select(m => m[JSymbols.InverseD]).DefaultIfEmpty(0).Max();

    /// <summary>Largest a + b over the J symbols present.</summary>
    public int MaxJOrder => _terms.Keys.SelectMany(m => Enumerable.Range(1, Math.Max(0, m.VariableCount - 1)).Where(i => m[i] > 0))
        .Select(i => JSymbols.Pair(i)).Select(p => p.A + p.B).DefaultIfEmpty(0).Max();

    /// <summary>Replaces each symbol by a value of ring T (e.g. a θ-series): Σ q Π x_i^{e_i}, with powers cached.</summary>
    public T Substitute<T>(Func<int, T> variable, Func<T, T, T> add, Func<T, T, T> mul, Func<Rational, T> constant, T zero)
    {
        var powers = new Dictionary<(int, int), T>();
        T Power(int v, int e)
        {
            if (powers.TryGetValue((v, e), out var p)) return p;
            p = e == 1 ? variable(v) : mul(Power(v, e - 1), variable(v));
            powers[(v, e)] = p;
            return p;
        }
        T sum = zero;
        foreach (var (m, q) in _terms.OrderBy(kv => kv.Key, Comparer<JMonomial>.Create(JMonomial.Compare)))
        {
            T term = constant(q);
            for (int v = 0; v < m.VariableCount; v++)
                if (m[v] > 0) term = mul(term, Power(v, m[v]));
            sum = add(sum, term);
        }
        return sum;
    }

    /// <summary>Double value with J_{a,b} and D⁻¹ from <paramref name="j"/> (J_{a,b}(θ) at the θ of interest).</summary>
    public double Evaluate(Func<int, int, double> j)
    {
        double j11 = j(1, 1), invD = 1.0 / (1 - 4 * j11 * j11);
        return Substitute(v => v == JSymbols.InverseD ? invD : j(JSymbols.Pair(v).A, JSymbols.Pair(v).B),
            (x, y) => x + y, (x, y) => x * y, q => q.ToDouble(), 0.0);
    }

    /// <summary>
    /// Writes this as N/D^M with D = 1 − 4J_{1,1}² and N free of D⁻¹, cancelling every factor D that divides N.
    /// </summary>
    public (JPolynomial Numerator, int DPower) ToFraction()
    {
        int M = MaxInverseDPower;
        var d = One - Rational.FromInteger(4) * J(1, 1).Pow(2);
        var n = Zero;
        var dPowers = new List<JPolynomial> { One };
        for (int i = 1; i <= M; i++) dPowers.Add(dPowers[^1] * d);
        foreach (var (m, q) in _terms)
        {
            int e = m[JSymbols.InverseD];
            n += q * (new JPolynomial(new() { [m.With(JSymbols.InverseD, 0)] = Rational.One }) * dPowers[M - e]);
        }
        while (M > 0 && n.TryDivideByD(out var quotient)) { n = quotient; M--; }
        return (n, M);
    }

    /// <summary>Exact division by D = 1 − 4J_{1,1}² when it divides (as a polynomial in J_{1,1}).</summary>
    private bool TryDivideByD(out JPolynomial quotient)
    {
        quotient = Zero;
        if (IsZero) return true;
        int x = JSymbols.Index(1, 1);
        // Group by power of J11: N = Σ_k c_k x^k; divide by (1 − 4x²) from the top: q_{k−2} = −c_k/4, c_{k−2} += c_k/4 ... synthetic.
        var byPower = new SortedDictionary<int, JPolynomial>();
        foreach (var (m, q) in _terms)
        {
            int k = m[x];
            var rest = new JPolynomial(new() { [m.With(x, 0)] = q });
            byPower[k] = byPower.TryGetValue(k, out var old) ? old + rest : rest;
        }
        int top = byPower.Keys.Max();
        var c = new JPolynomial[top + 1];
        for (int k = 0; k <= top; k++) c[k] = byPower.TryGetValue(k, out var v) ? v : Zero;
        var qk = new JPolynomial[Math.Max(top - 1, 1)];
        for (int i = 0; i < qk.Length; i++) qk[i] = Zero;
        // (1 − 4x²)·Σ q_k x^k = Σ c_k x^k  ⇒  q_{k−2} = −c_k/4 + q_k/4 ... solve from the top: c_k = q_k − 4 q_{k−2}.
        for (int k = top; k >= 2; k--)
        {
            var qkm2 = new Rational(-1, 4) * (c[k] - (k < qk.Length ? qk[k] : Zero));
            qk[k - 2] = qkm2;
        }
        // Check the low coefficients: c_0 = q_0, c_1 = q_1.
        for (int k = 0; k <= Math.Min(1, top); k++)
            if (!(c[k] - (k < qk.Length ? qk[k] : Zero)).IsZero) return false;
        var res = Zero;
        for (int k = 0; k < qk.Length; k++)
            if (!qk[k].IsZero) res += qk[k] * new JPolynomial(new() { [JMonomial.Variable(x, k)] = Rational.One });
        if (top < 2) return false;
        quotient = res;
        return true;
    }

    /// <summary>Prints with symbols J(a,b) and D⁻¹ as <c>1/(1 - 4*J(1,1)^2)</c>-powers (text), J_{a,b} (LaTeX), J11 etc. (C#).</summary>
    public string Print(PrintFormat f = PrintFormat.Text)
    {
        if (IsZero) return f == PrintFormat.CSharp ? "0.0" : "0";
        var sb = new StringBuilder();
        foreach (var (m, q) in _terms.OrderBy(kv => kv.Key, Comparer<JMonomial>.Create(JMonomial.Compare)))
        {
            bool first = sb.Length == 0;
            if (q.Sign < 0) sb.Append(first ? "-" : " - "); else if (!first) sb.Append(" + ");
            var factors = new List<string>();
            for (int v = 0; v < m.VariableCount; v++)
                if (m[v] > 0) factors.Add(Symbol(v, m[v], f));
            var a = q.Abs();
            string coef = PiLaurent.MonomialText(a, 0, f);
            string mul = f == PrintFormat.Latex ? " " : "*";
            if (factors.Count == 0) sb.Append(coef);
            else if (a.IsOne) sb.Append(string.Join(mul, factors));
            else if (a.IsInteger || f == PrintFormat.Latex) sb.Append(coef + mul + string.Join(mul, factors));
            else sb.Append(a.Numerator + (f == PrintFormat.CSharp ? ".0" : "") + mul + string.Join(mul, factors) + "/" + a.Denominator + (f == PrintFormat.CSharp ? ".0" : ""));
        }
        return sb.ToString();
    }

    private static string Symbol(int v, int e, PrintFormat f)
    {
        string s;
        if (v == JSymbols.InverseD)
            s = f switch { PrintFormat.Latex => "D^{-1}", PrintFormat.CSharp => "invD", _ => "(1 - 4*J(1,1)^2)^(-1)" };
        else
        {
            var (a, b) = JSymbols.Pair(v);
            s = f switch { PrintFormat.Latex => $"J_{{{a},{b}}}", PrintFormat.CSharp => $"J{a}_{b}", _ => $"J({a},{b})" };
        }
        if (e == 1) return s;
        return f switch
        {
            PrintFormat.Latex => v == JSymbols.InverseD ? $"D^{{-{e}}}" : s + "^{" + e + "}",
            PrintFormat.CSharp => string.Join("*", Enumerable.Repeat(s, e)),
            _ => v == JSymbols.InverseD ? $"(1 - 4*J(1,1)^2)^(-{e})" : s + "^" + e,
        };
    }

    /// <inheritdoc/>
    public override string ToString() => Print();
}
