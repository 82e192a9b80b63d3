using Degeneracy.Symbolic;

namespace Degeneracy.JFunctions;

/// <summary>Exact Taylor expansions of J_{a,b} about θ = 0 and about θ = π.</summary>
public static class JSeries
{
    /// <summary>Ceiling on the requested order of any θ-series (terms θ^0 … θ^order).</summary>
    public const int MaxOrder = 400;

    /// <summary>
    /// Coefficients j = 0 … <paramref name="order"/> of J_{a,b}(θ) = Σ_j e_j θ^j, exact in ℚ[π, 1/π] (times √(π/2)
    /// when a + b is odd).
    /// </summary>
    public static IReadOnlyList<SqrtHalfPiMultiple> AboutZero(int a, int b, int order)
    {
        CheckOrder(order);
        var cf = JClosedForm.Build(a, b);
        if (cf.IsConstant)
            return Enumerable.Range(0, order + 1).Select(j => j == 0 ? cf.Constant : new SqrtHalfPiMultiple(PiLaurent.Zero, cf.Constant.HasSqrtHalfPi)).ToList();
        var pc = CosineExpansion.Compose(cf.P, 1, order);
        var qc = CosineExpansion.SinTimesCompose(cf.Q, 1, order);
        var rc = CosineExpansion.Compose(cf.R, 1, order);
        var result = new List<SqrtHalfPiMultiple>(order + 1);
        for (int j = 0; j <= order; j++)
        {
            // (π − θ)·P(cos θ) + sin θ·Q(cos θ)
            var term = PiLaurent.Monomial(pc[j], 1) - (j > 0 ? pc[j - 1] : Rational.Zero) + qc[j] + rc[j];
            result.Add(cf.Scale.Times(term));
        }
        return result;
    }

    /// <summary>
    /// Coefficients of J_{a,b}(π − t) = Σ_k f_k t^k, k = 0 … order, as doubles-to-be: exact rationals r_k with
    /// f_k = r_k·κ (κ the closed form's scale). For a, b ≥ 1 the first a+b+1 coefficients vanish exactly.
    /// </summary>
    public static Rational[] AboutPiRational(int a, int b, int order)
    {
        CheckOrder(order);
        return AboutPiRationalUnchecked(a, b, order);
    }

    /// <summary><see cref="AboutPiRational"/> without the order ceiling (the evaluator needs a + b + 49 terms, up to 449).</summary>
    internal static Rational[] AboutPiRationalUnchecked(int a, int b, int order)
    {
        var cf = JClosedForm.Build(a, b);
        var r = new Rational[order + 1];
        if (cf.IsConstant) return r;
        // θ = π − t: cos θ = −cos t, sin θ = sin t, (π − θ) = t.
        var pc = CosineExpansion.Compose(cf.P, -1, order);
        var qc = CosineExpansion.SinTimesCompose(cf.Q, -1, order);
        var rc = CosineExpansion.Compose(cf.R, -1, order);
        for (int k = 0; k <= order; k++) r[k] = (k > 0 ? pc[k - 1] : Rational.Zero) + qc[k] + rc[k];
        return r;
    }

    internal static void CheckOrder(int order)
    {
        if (order < 0 || order > MaxOrder)
            throw new ArgumentOutOfRangeException(nameof(order), order, $"order must be an integer in [0, {MaxOrder}].");
    }

    /// <summary>Exact Taylor coefficients of cos t through t^order.</summary>
    public static Rational[] CosSeries(int order)
    {
        var r = new Rational[order + 1];
        for (int k = 0; 2 * k <= order; k++) r[2 * k] = (k % 2 == 0 ? Rational.One : Rational.MinusOne) / Rational.Factorial(2 * k);
        return r;
    }

    /// <summary>Exact Taylor coefficients of sin t through t^order.</summary>
    public static Rational[] SinSeries(int order)
    {
        var r = new Rational[order + 1];
        for (int k = 0; 2 * k + 1 <= order; k++) r[2 * k + 1] = (k % 2 == 0 ? Rational.One : Rational.MinusOne) / Rational.Factorial(2 * k + 1);
        return r;
    }

    internal static Rational[] Multiply(Rational[] x, Rational[] y, int order)
    {
        var r = new Rational[order + 1];
        for (int i = 0; i <= order; i++)
        {
            if (x[i].IsZero) continue;
            for (int j = 0; i + j <= order; j++) r[i + j] += x[i] * y[j];
        }
        return r;
    }

    internal static Rational[] ComposeSeries(RationalPolynomial p, Rational[] s, int order)
    {
        var r = new Rational[order + 1];
        for (int i = p.Degree; i >= 0; i--)
        {
            r = Multiply(r, s, order);
            r[0] += p[i];
        }
        return r;
    }
}
