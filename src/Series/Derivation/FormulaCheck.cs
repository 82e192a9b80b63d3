using Degeneracy.Series.Algebra;
using Degeneracy.Symbolic;

namespace Degeneracy.Series.Derivation;

/// <summary>One compared coefficient of θ^j ε^k: the formula's exact value, the derivation's, and whether they agree.</summary>
public sealed record CoefficientComparison(int ThetaPower, int InvNPower, PiLaurent Formula, PiLaurent Derived)
{
    public bool Match => Formula == Derived;
}

/// <summary>The outcome of holding a formula against the derivation, coefficient by coefficient.</summary>
public sealed record FormulaCheckResult(Quantity Quantity, string Formula, int ThetaOrder, int NOrder,
    IReadOnlyList<CoefficientComparison> Coefficients, IReadOnlyList<string> Notes)
{
    public bool AllMatch => Coefficients.All(c => c.Match) && Notes.Count == 0;
    public int MismatchCount => Coefficients.Count(c => !c.Match) + Notes.Count;
}

/// <summary>
/// Expands a published formula (text, see <see cref="ExpressionParser"/>) to the same orders as the derivation and
/// compares every coefficient exactly. For μ the formula is for μ itself; μ − ln sin²θ is compared.
/// For ρ the formula is in n alone and its 1/n coefficients are compared with −c_{0k}.
/// </summary>
public static class FormulaCheck
{
    public static FormulaCheckResult Check(Quantity quantity, string formula, int thetaOrder, int nOrder)
    {
        ArgumentNullException.ThrowIfNull(formula);
        var expr = ExpressionParser.Parse(formula);
        if (quantity == Quantity.Mu)
            expr = expr - ExpressionParser.Parse("ln(sin(theta)^2)");
        if (quantity == Quantity.Rho) thetaOrder = 0;
        var d = Derivation.Derive(Math.Max(thetaOrder, 0), nOrder);
        var x = ExpressionExpansion.Expand(expr, thetaOrder, nOrder);
        var notes = new List<string>();
        if (!x.LnTheta.IsZero) notes.Add($"the formula has a ln(theta) term with coefficient {x.LnTheta}; the derivation has none");
        if (!x.LnEps.IsZero) notes.Add($"the formula has a ln(1/n) term with coefficient {x.LnEps}; the derivation has none");
        var list = new List<CoefficientComparison>();
        var s = x.Series;
        int kLo = Math.Min(0, s.EpsValuation);
        for (int k = kLo; k <= nOrder; k++)
        {
            var comp = s[k];
            int jLo = Math.Min(0, comp.IsZero ? 0 : comp.Valuation);
            for (int j = jLo; j <= thetaOrder; j++)
            {
                var f = comp[j];
                var derived = j >= 0 && k >= 0 ? d.Coefficient(quantity, j, k) : PiLaurent.Zero;
                if ((j < 0 || k < 0) && f.IsZero) continue;
                list.Add(new CoefficientComparison(j, k, f, derived));
            }
        }
        return new FormulaCheckResult(quantity, formula, thetaOrder, nOrder, list, notes);
    }
}
