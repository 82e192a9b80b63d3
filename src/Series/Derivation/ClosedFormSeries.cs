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
    public static ThetaSeries J(int a, int b, int precision)
    {
        var coefs = JSeries.AboutZero(a, b, precision - 1);
        if (coefs.Any(c => c.HasSqrtHalfPi && !c.Value.IsZero))
            throw new ArgumentException($"J_{{{a},{b}}} has odd order: its series carries sqrt(pi/2), outside Q[pi, 1/pi].", nameof(a));
        return ThetaSeries.FromCoefficients(0, coefs.Select(c => c.Value), precision);
    }

    /// <summary>D = 1 − 4J_{1,1}², valuation 2 (D = θ² + …).</summary>
    public static ThetaSeries D(int precision)
    {
        var j = J(1, 1, precision);
        return ThetaSeries.One.Truncate(precision) - (PiLaurent)4 * (j * j);
    }

    /// <summary>The θ-series of <paramref name="p"/> through θ^<paramref name="order"/> (known modulo θ^{order+1}).</summary>
    public static ThetaSeries Expand(JPolynomial p, int order)
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
                s = v == JSymbols.InverseD ? D(w + 2).Inverse() : J(JSymbols.Pair(v).A, JSymbols.Pair(v).B, w);
                cache[v] = s;
                return s;
            }
            var r = p.Substitute(Var, (x, y) => x + y, (x, y) => x * y, q => ThetaSeries.Constant(q), ThetaSeries.Zero);
            if (r.Precision > order) return r.Truncate(order + 1);
        }
        throw new SeriesOrderException($"could not reach theta^{order} for a closed form with D^-{p.MaxInverseDPower}.");
    }

    /// <summary>m₀(θ) = ln((1 − 4J_{1,1}²)/sin²θ), the infinite-width drift, through θ^order.</summary>
    public static ThetaSeries InfiniteWidthDrift(int order)
    {
        int w = order + 3;
        var dOverTheta2 = D(w + 2) * ThetaSeries.Monomial(PiLaurent.One, -2);
        var sin = ThetaSeries.FromCoefficients(0, JSeries.SinSeries(w).Select(x => (PiLaurent)x), w + 1);
        var sinSqOverTheta2 = (sin * sin) * ThetaSeries.Monomial(PiLaurent.One, -2);
        return ((dOverTheta2 - ThetaSeries.One).Log1p() - (sinSqOverTheta2 - ThetaSeries.One).Log1p()).Truncate(order + 1);
    }
}
