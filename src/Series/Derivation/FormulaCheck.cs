using Degeneracy.Series.Algebra;
using Degeneracy.Symbolic;

namespace Degeneracy.Series.Derivation;

/// <summary>One compared coefficient of θ^j ε^k: the formula's exact value, the derivation's, and whether they agree.</summary>
public sealed record CoefficientComparison(int ThetaPower, int InvNPower, PiLaurent Formula, PiLaurent Derived)
{
    /// <summary>True when the formula's coefficient equals the derivation's exactly.</summary>
    public bool Match => Formula == Derived;
}

/// <summary>The outcome of holding a formula against the derivation, coefficient by coefficient.</summary>
public sealed record FormulaCheckResult(Quantity Quantity, string Formula, int ThetaOrder, int NOrder,
    IReadOnlyList<CoefficientComparison> Coefficients, IReadOnlyList<string> Notes)
{
    /// <summary>True when every coefficient matches and there are no notes.</summary>
    public bool AllMatch => Coefficients.All(c => c.Match) && Notes.Count == 0;
    /// <summary>Number of mismatched coefficients plus notes.</summary>
    public int MismatchCount => Coefficients.Count(c => !c.Match) + Notes.Count;
}

/// <summary>
/// Expands a published formula (text, see <see cref="ExpressionParser"/>) to the same orders as the derivation and
/// compares every coefficient exactly. For the drift the formula is for μ − ln sin²θ; <see cref="CheckMu(string, int, int)"/> takes a
/// formula for μ itself and compares μ − ln sin²θ. For ρ the formula is in n alone and its 1/n coefficients are
/// compared with −c_{0k}.
/// </summary>
public static class FormulaCheck
{
    /// <summary>Compares a formula for <paramref name="quantity"/> (θ-order in [0, 40], n-order in [0, 5]) with the derivation.</summary>
    public static FormulaCheckResult Check(Quantity quantity, string formula, int thetaOrder, int nOrder) =>
        Check(quantity, formula, thetaOrder, nOrder, isMu: false, JFunctions.Activation.Relu);

    /// <summary>Compares a formula for μ(θ, n) itself: μ − ln sin²θ is expanded and held against the drift.</summary>
    public static FormulaCheckResult CheckMu(string formula, int thetaOrder, int nOrder) =>
        Check(Quantity.Drift, formula, thetaOrder, nOrder, isMu: true, JFunctions.Activation.Relu);

    /// <summary>As <see cref="Check(Quantity, string, int, int)"/> for the activation φ_s: J(a,b) in the formula is the
    /// normalised J̄_{a,b} = J^{(s)}_{a,b}/(1 + s²)^{(a+b)/2} (the symbols of the derived closed forms).</summary>
    public static FormulaCheckResult Check(Quantity quantity, string formula, int thetaOrder, int nOrder, JFunctions.Activation activation) =>
        Check(quantity, formula, thetaOrder, nOrder, isMu: false, activation);

    /// <summary>As <see cref="CheckMu(string, int, int)"/> for the activation φ_s (J(a,b) normalised as in <see cref="Check(Quantity, string, int, int, JFunctions.Activation)"/>).</summary>
    public static FormulaCheckResult CheckMu(string formula, int thetaOrder, int nOrder, JFunctions.Activation activation) =>
        Check(Quantity.Drift, formula, thetaOrder, nOrder, isMu: true, activation);

    private static FormulaCheckResult Check(Quantity quantity, string formula, int thetaOrder, int nOrder, bool isMu, JFunctions.Activation activation)
    {
        ArgumentNullException.ThrowIfNull(formula);
        ArgumentNullException.ThrowIfNull(activation);
        var expr = ExpressionParser.Parse(formula);
        if (isMu)
            expr = expr - ExpressionParser.Parse("ln(sin(theta)^2)");
        if (quantity == Quantity.Rho) thetaOrder = 0;
        var d = Derivation.Derive(Math.Max(thetaOrder, 0), nOrder, activation);
        var x = ExpressionExpansion.Expand(expr, thetaOrder, nOrder, activation);
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
