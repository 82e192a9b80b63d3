using Degeneracy.JFunctions;
using Degeneracy.Series.Algebra;
using Degeneracy.Symbolic;

namespace Degeneracy.Series.Derivation;

/// <summary>
/// θ-series of closed forms: substitutes the exact θ-series of every J_{a,b} (even a + b) and of D⁻¹ into a
/// <see cref="JPolynomial"/>, with a working precision raised until the requested order is reached exactly (the
/// negative powers of θ from D⁻¹ ~ θ⁻² cancel exactly against numerators that vanish to the same order).
/// </summary>
public static class ClosedFormSeries
{
    /// <summary>Series of J_{a,b}(θ) known modulo θ^precision (even a + b).</summary>
    public static ThetaSeries J(int a, int b, int precision) => J(a, b, precision, Activation.Relu);

    /// <summary>Series of the normalised J̄_{a,b}(θ) = J^{(s)}_{a,b}(θ)/(1 + s²)^{(a+b)/2} known modulo θ^precision (even a + b).</summary>
    public static ThetaSeries J(int a, int b, int precision, Activation activation)
    {
        IReadOnlyList<SqrtHalfPiMultiple> coefs = activation.IsRelu ? JSeries.AboutZero(a, b, precision - 1)
            : ActivationJClosedForm.Build(a, b, activation).SeriesAboutZero(precision - 1);
        if (coefs.Any(c => c.HasSqrtHalfPi && !c.Value.IsZero))
            throw new ArgumentException($"J_{{{a},{b}}} has odd order: its series carries sqrt(pi/2), outside Q[pi, 1/pi].", nameof(a));
        if (activation.IsRelu) return ThetaSeries.FromCoefficients(0, coefs.Select(c => c.Value), precision);
        var factor = PiLaurent.Monomial(ActivationJClosedForm.NormalisingFactor(a + b, activation), 0);
        return ThetaSeries.FromCoefficients(0, coefs.Select(c => c.Value * factor), precision);
    }

    /// <summary>D = 1 − 4J_{1,1}², valuation 2 (D = θ² + …).</summary>
    public static ThetaSeries D(int precision) => D(precision, Activation.Relu);

    /// <summary>D = 1 − 4J̄_{1,1}² for φ_s (valuation 2), J̄ normalised as in <see cref="J(int, int, int, Activation)"/>.</summary>
    public static ThetaSeries D(int precision, Activation activation)
    {
        var j = J(1, 1, precision, activation);
        return ThetaSeries.One.Truncate(precision) - (PiLaurent)4 * (j * j);
    }

    /// <summary>The θ-series of <paramref name="p"/> through θ^<paramref name="order"/> (known modulo θ^{order+1}).</summary>
    public static ThetaSeries Expand(JPolynomial p, int order) => Expand(p, order, Activation.Relu);

    /// <summary>The θ-series of <paramref name="p"/> (in the normalised J's of φ_s) through θ^<paramref name="order"/>.</summary>
    public static ThetaSeries Expand(JPolynomial p, int order, Activation activation)
    {
        if (p.IsZero) return ThetaSeries.Zero.Truncate(order + 1);
        int extra = 2 * p.MaxInverseDPower + 4;
        for (int attempt = 0; attempt < 6; attempt++, extra += 4)
        {
            int w = order + 1 + extra;
            var cache = new Dictionary<int, ThetaSeries>();
            ThetaSeries Var(int v)
            {
                if (cache.TryGetValue(v, out var s)) return s;
                s = v == JSymbols.InverseD ? D(w + 2, activation).Inverse() : J(JSymbols.Pair(v).A, JSymbols.Pair(v).B, w, activation);
                cache[v] = s;
                return s;
            }
            var r = p.Substitute(Var, (x, y) => x + y, (x, y) => x * y, q => ThetaSeries.Constant(q), ThetaSeries.Zero);
            if (r.Precision > order) return r.Truncate(order + 1);
        }
        throw new SeriesOrderException($"could not reach theta^{order} for a closed form with D^-{p.MaxInverseDPower}.");
    }

    /// <summary>m₀(θ) = ln((1 − 4J_{1,1}²)/sin²θ), the infinite-width drift, through θ^order.</summary>
    public static ThetaSeries InfiniteWidthDrift(int order) => InfiniteWidthDrift(order, Activation.Relu);

    /// <summary>m₀(θ) = ln((1 − 4J̄_{1,1}²)/sin²θ) for φ_s through θ^order.</summary>
    public static ThetaSeries InfiniteWidthDrift(int order, Activation activation)
    {
        int w = order + 3;
        var dOverTheta2 = D(w + 2, activation) * ThetaSeries.Monomial(PiLaurent.One, -2);
        var sin = ThetaSeries.FromCoefficients(0, JSeries.SinSeries(w).Select(x => (PiLaurent)x), w + 1);
        var sinSqOverTheta2 = (sin * sin) * ThetaSeries.Monomial(PiLaurent.One, -2);
        return ((dOverTheta2 - ThetaSeries.One).Log1p() - (sinSqOverTheta2 - ThetaSeries.One).Log1p()).Truncate(order + 1);
    }
}
