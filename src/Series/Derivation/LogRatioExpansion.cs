using Degeneracy.Series.Algebra;
using Degeneracy.Symbolic;

namespace Degeneracy.Series.Derivation;

/// <summary>
/// The order-by-order expansion of L = ln sin²θ' − ln sin²θ (docs/THEORY.md §3). With a, b, c the sample means of
/// (X², Y², XY) and δ their fluctuations, sin²θ' = (ab − c²)/(ab) and
///   ln sin²θ' = ln D₀ + ln(1 + Δ/D₀) − ln(1 + 2δa) − ln(1 + 2δb),  D₀ = ¼ − J_{1,1}² = D/4,
///   Δ = (δa + δb)/2 − 2J_{1,1}δc + δaδb − δc².
/// The random part F is Taylor-expanded to total degree 2K in δ and averaged with <see cref="SampleMeanMoments"/>:
/// E[L] = m₀ + Σ_{k≥1} m_k ε^k and Var[L] = Σ_{k≥1} v_k ε^k, with m_k, v_k exact polynomials in J's and D⁻¹.
/// </summary>
public sealed class LogRatioExpansion
{
    /// <summary>
    /// Highest 1/n order with a checked-in evaluator (LayerLawOrder0 … 5). Not a cap: derivations go to any order within
    /// the guards of <see cref="DerivationCost"/>.
    /// </summary>
    public const int MaxOrder = 5;

    /// <summary>m_k, k = 0 … K (m_0 = 0 here: the infinite-width drift ln(D/sin²θ) is not polynomial and is added by the caller).</summary>
    public JPolynomial[] Mean { get; }
    /// <summary>v_k, k = 0 … K (v_0 = 0).</summary>
    public JPolynomial[] Variance { get; }
    /// <summary>The 1/n order of this expansion.</summary>
    public int Order { get; }

    private LogRatioExpansion(int order, JPolynomial[] mean, JPolynomial[] variance) { Order = order; Mean = mean; Variance = variance; }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(int, Rational), Lazy<LogRatioExpansion>> Cache = new();

    /// <summary>Derives m_k and v_k for k ≤ <paramref name="order"/> (ReLU) within the closed-form guard of <see cref="DerivationCost"/>; cached.</summary>
    public static LogRatioExpansion Derive(int order) => Derive(order, JFunctions.Activation.Relu);

    /// <summary>
    /// Derives m_k and v_k for k ≤ <paramref name="order"/> (within <see cref="DerivationCost.CheckClosedForms"/>) for φ_s, in the J's of the normalised
    /// φ_s/√(1 + s²) (the angle does not see scale, and E[φ̄(G)²] = ½ keeps the expansion point of ReLU): only the constants
    /// E[φ̄(G)^{2p}], p ≥ 2, depend on s. Cached per (order, s).
    /// </summary>
    public static LogRatioExpansion Derive(int order, JFunctions.Activation activation)
    {
        ArgumentNullException.ThrowIfNull(activation);
        DerivationCost.CheckClosedForms(order, nameof(order));
        return Cache.GetOrAdd((order, activation.Slope), k => new Lazy<LogRatioExpansion>(() => Compute(k.Item1, activation))).Value;
    }

    private static LogRatioExpansion Compute(int K, JFunctions.Activation activation)
    {
        int maxDeg = 2 * K;
        var moments = new SampleMeanMoments(K, activation);
        var j11 = JPolynomial.J(1, 1);
        var delta = new DeltaPolynomial(maxDeg)
            .Add((1, 0, 0), JPolynomial.Constant(Rational.Half))
            .Add((0, 1, 0), JPolynomial.Constant(Rational.Half))
            .Add((0, 0, 1), Rational.FromInteger(-2) * j11)
            .Add((1, 1, 0), JPolynomial.One)
            .Add((0, 0, 2), JPolynomial.Constant(Rational.MinusOne));
        var scaled = delta.Scale(Rational.FromInteger(4) * JPolynomial.InverseD); // Δ/D₀ = 4 D⁻¹ Δ

        var f = new DeltaPolynomial(maxDeg);
        var power = DeltaPolynomial.One(maxDeg);
        for (int m = 1; m <= maxDeg; m++)
        {
            power *= scaled;
            var sign = m % 2 == 1 ? Rational.One : Rational.MinusOne;
            f += power.Scale(JPolynomial.Constant(sign / m));
            var coef = JPolynomial.Constant(-sign * Rational.FromInteger(System.Numerics.BigInteger.Pow(2, m)) / m);
            f = f.Add((m, 0, 0), coef).Add((0, m, 0), coef);
        }
        var mean = f.Expectation(moments);
        var second = (f * f).Expectation(moments);
        var variance = new JPolynomial[K + 1];
        for (int k = 0; k <= K; k++)
        {
            var sq = JPolynomial.Zero;
            for (int i = 0; i <= k; i++) sq += mean[i] * mean[k - i];
            variance[k] = second[k] - sq;
        }
        return new LogRatioExpansion(K, mean, variance);
    }
}

/// <summary>A polynomial in (δa, δb, δc) with <see cref="JPolynomial"/> coefficients, truncated at a total degree.</summary>
internal sealed class DeltaPolynomial
{
    private readonly Dictionary<(int, int, int), JPolynomial> _t = new();
    private readonly int _maxDegree;

    public DeltaPolynomial(int maxDegree) => _maxDegree = maxDegree;

    public static DeltaPolynomial One(int maxDegree) => new DeltaPolynomial(maxDegree).Add((0, 0, 0), JPolynomial.One);

    public DeltaPolynomial Add((int, int, int) m, JPolynomial c)
    {
        if (m.Item1 + m.Item2 + m.Item3 > _maxDegree || c.IsZero) return this;
        var r = Clone();
        r._t[m] = r._t.TryGetValue(m, out var old) ? old + c : c;
        if (r._t[m].IsZero) r._t.Remove(m);
        return r;
    }

    private DeltaPolynomial Clone()
    {
        var r = new DeltaPolynomial(_maxDegree);
        foreach (var kv in _t) r._t[kv.Key] = kv.Value;
        return r;
    }

    public DeltaPolynomial Scale(JPolynomial c)
    {
        var r = new DeltaPolynomial(_maxDegree);
        foreach (var (m, x) in _t) { var y = c * x; if (!y.IsZero) r._t[m] = y; }
        return r;
    }

    public static DeltaPolynomial operator +(DeltaPolynomial a, DeltaPolynomial b)
    {
        var r = a.Clone();
        foreach (var (m, x) in b._t)
        {
            var y = r._t.TryGetValue(m, out var old) ? old + x : x;
            if (y.IsZero) r._t.Remove(m); else r._t[m] = y;
        }
        return r;
    }

    public static DeltaPolynomial operator *(DeltaPolynomial a, DeltaPolynomial b)
    {
        var r = new DeltaPolynomial(a._maxDegree);
        foreach (var (ma, xa) in a._t)
            foreach (var (mb, xb) in b._t)
            {
                var m = (ma.Item1 + mb.Item1, ma.Item2 + mb.Item2, ma.Item3 + mb.Item3);
                if (m.Item1 + m.Item2 + m.Item3 > a._maxDegree) continue;
                var y = xa * xb;
                r._t[m] = r._t.TryGetValue(m, out var old) ? old + y : y;
            }
        return r;
    }

    /// <summary>E of this polynomial in the δ's: Σ coefficient × E[monomial], as ε^0 … ε^K coefficients.</summary>
    public JPolynomial[] Expectation(SampleMeanMoments moments)
    {
        var res = new JPolynomial[moments.Order + 1];
        for (int k = 0; k <= moments.Order; k++) res[k] = JPolynomial.Zero;
        foreach (var (m, c) in _t)
        {
            var e = moments.Moment(m.Item1, m.Item2, m.Item3);
            for (int k = 0; k <= moments.Order; k++)
                if (!e[k].IsZero) res[k] += c * e[k];
        }
        return res;
    }
}
