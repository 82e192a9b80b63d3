using Degeneracy.Series.Algebra;
using Degeneracy.Series.Derivation;
using Degeneracy.Symbolic;
using Degeneracy.TestSupport.Derivation;
using Degeneracy.TestSupport.Properties;
using FsCheck;
using FsCheck.Fluent;

namespace Degeneracy.Series.Tests.Derivation;

/// <summary>
/// <see cref="ExpressionExpansion"/> (ln(1 + u) as ∫ u′/(1 + u), narrow 1/n margin, fused coefficient products) against
/// the composition engine it replaced (<see cref="CompositionExpansion"/>, tests/Support): random formulas built from
/// J's, θ, π, n and every elementary function, random orders; and the two logarithms alone against the composition
/// Σ (−1)^{m+1}u^m/m, including their precision claims.
/// </summary>
public class ExpansionOracleTests
{
    /// <summary>Terms that vanish at θ = 0, n = ∞ (J̄_{1,1}(0) = 1/2, J̄_{3,1}(0) = J̄_{2,2}(0) for ReLU).</summary>
    private static Gen<string> Small() =>
        from c in Gen.Elements("1", "2", "-3", "1/2", "5/7")
        from form in Gen.Elements("{0}*theta", "{0}*theta^2/pi", "{0}/n", "{0}*theta/n", "{0}*(2*J(1,1) - 1)",
                                   "{0}*(1 - 4*J(1,1)^2)", "sin({0}*theta)", "{0}*(J(3,1) - J(2,2))", "{0}*theta^2*pi",
                                   "{0}*theta^3/(pi*n)")
        select string.Format(System.Globalization.CultureInfo.InvariantCulture, form, c);

    private static Gen<string> Unit() =>
        from a in Small() from b in Small() from two in Gen.Elements(false, true) select two ? $"(1 + {a} + {b})" : $"(1 + {a})";

    private static Gen<string> Formula(int depth)
    {
        var leaf = Gen.OneOf(Small(), Unit(),
            Unit().Select(u => $"ln({u})"), Unit().Select(u => $"ln(theta^2*{u})"), Unit().Select(u => $"ln({u}*(n-1)/n)"),
            Small().Select(s => $"exp({s})"), Unit().Select(u => $"sqrt({u})"), Small().Select(s => $"cos({s})"),
            Small().Select(s => $"arcsin({s})"), Gen.Constant("ln(sin(theta)^2)"),
            Gen.Constant("(1 - 4*J(1,1)^2)/theta^2"), Gen.Constant("n*(1 - 1/n)"));
        if (depth == 0) return leaf;
        var sub = Formula(depth - 1);
        return Gen.OneOf(leaf,
            from a in sub from b in sub from op in Gen.Elements("+", "-", "*") select $"({a}) {op} ({b})",
            from a in sub from u in Unit() select $"({a})/{u}",
            from u in Unit() from k in Gen.Choose(-2, 3) select $"{u}^{k}",
            from a in sub select $"ln(1 + ({a})*theta/n)");
    }

    private static string Outcome(Func<LogSeries> expand, int thetaOrder, int nOrder)
    {
        LogSeries x;
        try { x = expand(); }
        catch (Exception e) when (e is ArgumentException or SeriesOrderException) { return "throws " + e.GetType().Name; }
        var lines = new List<string> { $"ln theta {x.LnTheta}, ln eps {x.LnEps}" };
        for (int k = Math.Min(0, x.Series.EpsValuation); k <= nOrder; k++)
        {
            var s = x.Series[k];
            for (int j = Math.Min(0, s.IsZero ? 0 : s.Valuation); j <= thetaOrder; j++) lines.Add($"{j} {k} {s[j]}");
        }
        return string.Join("\n", lines);
    }

    [Fact]
    public void RandomFormulas_ExpandExactlyAsTheCompositionEngine()
    {
        var cases = from f in Formula(2) from j in Gen.Choose(0, 6) from k in Gen.Choose(0, 2) select (f, j, k);
        PropertyCheck.Run(Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var e = ExpressionParser.Parse(c.f);
            var fast = Outcome(() => ExpressionExpansion.Expand(e, c.j, c.k), c.j, c.k);
            var oracle = Outcome(() => CompositionExpansion.Expand(e, c.j, c.k), c.j, c.k);
            return (fast == oracle).Label($"{c.f} to theta^{c.j}, 1/n^{c.k}:\nnew:\n{fast}\noracle:\n{oracle}");
        }), 60);
    }

    [Theory]
    [InlineData(8)]
    [InlineData(12)]
    public void PublishedFormulas_ExpandExactlyAsTheCompositionEngine(int thetaOrder)
    {
        foreach (var f in new[] { "(" + PublishedFormulas.MuClosedForm + ") - ln(sin(theta)^2)", PublishedFormulas.Sigma2ClosedForm })
        {
            var e = ExpressionParser.Parse(f);
            Assert.Equal(Outcome(() => CompositionExpansion.Expand(e, thetaOrder, 1), thetaOrder, 1),
                         Outcome(() => ExpressionExpansion.Expand(e, thetaOrder, 1), thetaOrder, 1));
        }
    }

    /// <summary>Elements of ℚ[π, 1/π] with one-word coefficients (the bivariate composition oracle is slow on multi-limb ones).</summary>
    private static readonly Gen<PiLaurent> Coefficients =
        from terms in Gen.ArrayOf(from k in Gen.Choose(-3, 3) from p in Gen.Choose(-50, 50) from q in Gen.Choose(1, 30) select (k, new Rational(p, q)), 2)
        from zero in Gen.Elements(false, false, true)
        select zero ? PiLaurent.Zero : PiLaurent.FromTerms(terms);

    /// <summary>θ^v·(c₀ + c₁θ + …), v ≥ 1, known modulo θ^precision.</summary>
    private static Gen<ThetaSeries> SmallSeries(int maxLength, bool multiLimb = false) =>
        from v in Gen.Choose(1, 3)
        from c in Gen.ArrayOf(multiLimb ? Generators.PiLaurents : Coefficients, maxLength)
        from extra in Gen.Choose(0, maxLength)
        select ThetaSeries.FromCoefficients(v, c, v + extra);

    [Fact]
    public void ThetaLog1p_EqualsTheCompositionWithTheSamePrecision() =>
        PropertyCheck.Run(Prop.ForAll(SmallSeries(7, multiLimb: true).ToArbitrary(), u =>
        {
            var fast = u.Log1p();
            var oracle = u.ComposeInto(SeriesFunctions.Log1pCoefficient);
            return fast.Precision == oracle.Precision && Enumerable.Range(0, fast.Precision).All(j => fast[j] == oracle[j]);
        }), 100);

    [Fact]
    public void BivariateLog1p_AgreesWithTheCompositionOfAMorePreciseArgument() =>
        // ln(1 + u) of u known to ε^N (components known to θ^{N_k}) against the composition applied to the same u known
        // further in both variables (three more 1/n orders, 3 … 8 more θ orders): the coefficients the new route claims
        // must be the true ones.
        PropertyCheck.Run(Prop.ForAll((
            from n in Gen.Choose(1, 4)
            from u0 in SmallSeries(6)
            from rest in Gen.ArrayOf(from v in Gen.Choose(-2, 2) from c in Gen.ArrayOf(Coefficients, 5) from p in Gen.Choose(0, 5)
                                     select (v, c, p), n + 2)
            select (n, u0, rest)).ToArbitrary(), t =>
        {
            var (n, u0, rest) = t;
            ThetaSeries Full(int k) => k == 0 ? u0 : ThetaSeries.FromCoefficients(rest[k - 1].v, rest[k - 1].c, rest[k - 1].v + 8);
            ThetaSeries Known(int k) => k == 0 ? u0.Truncate(u0.Precision - Math.Min(3, u0.Precision - u0.Valuation))
                                               : Full(k).Truncate(rest[k - 1].v + rest[k - 1].p);
            var known = BivariateSeries.FromComponents(0, Enumerable.Range(0, n).Select(Known).ToArray(), n);
            var full = BivariateSeries.FromComponents(0, Enumerable.Range(0, n + 3).Select(Full).ToArray(), n + 3);
            var fast = known.Log1p();
            var oracle = full.ComposeInto(SeriesFunctions.Log1pCoefficient);
            if (fast.EpsPrecision > oracle.EpsPrecision) return false.Label("claims more 1/n orders than the precise argument");
            for (int k = 0; k < fast.EpsPrecision; k++)
            {
                var (a, b) = (fast[k], oracle[k]);
                // With negative θ-powers in the 1/n terms the composition itself loses θ-orders (u^m), so it may know
                // less than the new route claims: compare where the more precise composition knows the truth.
                int lo = Math.Min(a.IsZero ? 0 : a.Valuation, b.IsZero ? 0 : b.Valuation);
                for (int j = lo; j < Math.Min(a.Precision, b.Precision); j++)
                    if (a[j] != b[j]) return false.Label($"eps^{k} theta^{j}: {a[j]} vs {b[j]}");
            }
            return true.ToProperty();
        }), 60);
}
