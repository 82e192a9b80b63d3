using Degeneracy.JFunctions;
using Degeneracy.Series.Algebra;
using Degeneracy.Symbolic;

namespace Degeneracy.Series.Derivation;

/// <summary>The three quantities of docs/THEORY.md §3.</summary>
public enum Quantity
{
    /// <summary>The drift μ(θ, n) − ln sin²θ = E[L] (finite at θ = 0, where it is −ρ(n)).</summary>
    Drift,
    /// <summary>σ²(θ, n) = Var[L].</summary>
    Sigma2,
    /// <summary>ρ(n) = −lim_{θ→0} E[L].</summary>
    Rho,
}

/// <summary>One exact coefficient c_{jk} of θ^j ε^k (ε = 1/n).</summary>
public sealed record SeriesTerm(int ThetaPower, int InvNPower, PiLaurent Coefficient)
{
    /// <summary>The coefficient as a double.</summary>
    public double Value => Coefficient.ToDouble();
}

/// <summary>A closed form for the ε^k coefficient: Numerator(J)/D^DPower with D = 1 − 4J_{1,1}², valid on 0 &lt; θ &lt; π.</summary>
public sealed record ClosedFormTerm(int InvNPower, JPolynomial Numerator, int DPower, string? Special = null)
{
    /// <summary>Text (parseable by <see cref="ExpressionParser"/>), LaTeX or C# form.</summary>
    public string Print(PrintFormat f = PrintFormat.Text)
    {
        if (Special is not null)
            return f switch
            {
                PrintFormat.Latex => "\\ln\\frac{1 - 4J_{1,1}^{2}}{\\sin^{2}\\theta}",
                PrintFormat.CSharp => "Math.Log((1.0 - 4.0*J1_1*J1_1)/(Math.Sin(theta)*Math.Sin(theta)))",
                _ => Special,
            };
        string num = Numerator.Print(f);
        if (DPower == 0) return num;
        return f switch
        {
            PrintFormat.Latex => $"\\frac{{{num}}}{{(1 - 4J_{{1,1}}^{{2}})^{{{DPower}}}}}",
            PrintFormat.CSharp => $"({num})/Math.Pow(1.0 - 4.0*J1_1*J1_1, {DPower})",
            _ => $"({num})/(1 - 4*J(1,1)^2)^{DPower}",
        };
    }

    /// <summary>Double value at θ given a J evaluator (J_{a,b}(θ)); for the ε⁰ term of μ also needs sin θ.</summary>
    public double Evaluate(double theta, Func<int, int, double> j)
    {
        double j11 = j(1, 1), d = 1 - 4 * j11 * j11;
        if (Special is not null) return Math.Log(d / (Math.Sin(theta) * Math.Sin(theta)));
        return Numerator.Evaluate(j) / Math.Pow(d, DPower);
    }
}

/// <summary>
/// The derived per-layer law of L = ln sin²θ' − ln sin²θ to a requested (θ-order, 1/n-order): exact double series
/// Σ c_{jk} θ^j ε^k for μ − ln sin²θ and σ², ρ(n) = −Σ_k c_{0k} ε^k, and closed forms in J's for each ε^k.
/// </summary>
public sealed class DerivationResult
{
    /// <summary>Highest power of θ derived.</summary>
    public int ThetaOrder { get; }
    /// <summary>The activation φ_s the law was derived for.</summary>
    public Activation Activation { get; internal init; } = Activation.Relu;
    /// <summary>Highest power of ε = 1/n derived.</summary>
    public int NOrder { get; }
    /// <summary>The terms c_{jk} θ^j ε^k of the drift μ − ln sin²θ.</summary>
    public IReadOnlyList<SeriesTerm> Drift { get; }
    /// <summary>The terms of σ².</summary>
    public IReadOnlyList<SeriesTerm> Variance { get; }
    /// <summary>
    /// The closed form in J's of each ε^k coefficient of the drift (valid on 0 &lt; θ &lt; π). Derived on first use (the
    /// symbolic expansion of <see cref="LogRatioExpansion"/>, far costlier than the series: see <see cref="DerivationCost"/>).
    /// </summary>
    public IReadOnlyList<ClosedFormTerm> DriftClosedForm => _closedForms.Value.Drift;
    /// <summary>The closed form in J's of each ε^k coefficient of σ² (derived on first use, as <see cref="DriftClosedForm"/>).</summary>
    public IReadOnlyList<ClosedFormTerm> VarianceClosedForm => _closedForms.Value.Variance;

    private readonly Lazy<(IReadOnlyList<ClosedFormTerm> Drift, IReadOnlyList<ClosedFormTerm> Variance)> _closedForms;

    internal DerivationResult(int thetaOrder, int nOrder, IReadOnlyList<SeriesTerm> drift, IReadOnlyList<SeriesTerm> variance,
        Func<(IReadOnlyList<ClosedFormTerm>, IReadOnlyList<ClosedFormTerm>)> closedForms)
    {
        ThetaOrder = thetaOrder; NOrder = nOrder; Drift = drift; Variance = variance;
        _closedForms = new(closedForms, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Terms of a quantity: the drift μ − ln sin²θ, σ², or ρ (θ⁰ terms, sign flipped, ThetaPower 0).</summary>
    public IReadOnlyList<SeriesTerm> Terms(Quantity q) => q switch
    {
        Quantity.Drift => Drift,
        Quantity.Sigma2 => Variance,
        _ => Drift.Where(t => t.ThetaPower == 0).Select(t => t with { Coefficient = -t.Coefficient }).ToList(),
    };

    /// <summary>The closed forms of the drift or σ² (empty for ρ).</summary>
    public IReadOnlyList<ClosedFormTerm> ClosedForm(Quantity q) => q switch
    {
        Quantity.Drift => DriftClosedForm,
        Quantity.Sigma2 => VarianceClosedForm,
        _ => [],
    };

    /// <summary>c_{jk} of a quantity (zero if absent).</summary>
    public PiLaurent Coefficient(Quantity q, int thetaPower, int invNPower) =>
        Terms(q).FirstOrDefault(t => t.ThetaPower == thetaPower && t.InvNPower == invNPower)?.Coefficient ?? PiLaurent.Zero;
}

/// <summary>Entry point of the derivation (docs/THEORY.md §3, src/Series).</summary>
public static class Derivation
{
    /// <summary>Ceiling on the θ-order.</summary>
    public const int MaxThetaOrder = 40;

    /// <summary>
    /// Derives μ − ln sin²θ and σ² through θ^<paramref name="thetaOrder"/> and ε^<paramref name="nOrder"/>
    /// (θ-order in [0, 40], n-order ≥ 0 within the guard of <see cref="DerivationCost"/>).
    /// </summary>
    public static DerivationResult Derive(int thetaOrder, int nOrder) => Derive(thetaOrder, nOrder, Activation.Relu);

    /// <summary>
    /// Derives μ − ln sin²θ and σ² for the activation φ_s (docs/THEORY.md §5) through θ^<paramref name="thetaOrder"/> and
    /// ε^<paramref name="nOrder"/>: the same expansion fed with the moments of φ_s. Closed forms are in the normalised
    /// J̄_{a,b} = J^{(s)}/(1 + s²)^{(a+b)/2} (printed J(a,b); the plain J's for ReLU). The series come from the
    /// multi-modular engine (<see cref="Modular.ModularLogRatio"/>); the closed forms are derived on first use.
    /// Throws <see cref="ArgumentOutOfRangeException"/> (naming the argument) when the estimated cost exceeds the guard.
    /// </summary>
    public static DerivationResult Derive(int thetaOrder, int nOrder, Activation activation)
    {
        ArgumentNullException.ThrowIfNull(activation);
        if (thetaOrder < 0 || thetaOrder > MaxThetaOrder)
            throw new ArgumentOutOfRangeException(nameof(thetaOrder), thetaOrder, $"thetaOrder must be an integer in [0, {MaxThetaOrder}].");
        DerivationCost.Check(thetaOrder, nOrder, activation, nameof(nOrder));
        var drift = new List<SeriesTerm>();
        var variance = new List<SeriesTerm>();
        var m0 = ClosedFormSeries.InfiniteWidthDrift(thetaOrder, activation);
        PiLaurent[][] md = [], mv = [];
        if (nOrder >= 1 && DerivationCost.UsesSmallAngleLaw(thetaOrder, nOrder, activation))
        {
            // θ⁰ only: the exact small-angle law's expansions (drift θ⁰ = −ρ(n), σ²(0, n)); tests check the engine agrees.
            var (rho, v0) = SmallAngle.ActivationSmallAngleLaw.Series(nOrder, activation);
            md = Enumerable.Range(1, nOrder).Select(k => new[] { (PiLaurent)(-rho[k]) }).ToArray();
            mv = Enumerable.Range(1, nOrder).Select(k => new[] { (PiLaurent)v0[k] }).ToArray();
        }
        else if (nOrder >= 1)
        {
            try { (md, mv) = Modular.ModularLogRatio.Derive(thetaOrder, nOrder, activation); }
            catch (NotSupportedException) { (md, mv) = BySubstitution(thetaOrder, nOrder, activation); }
        }
        for (int k = 0; k <= nOrder; k++)
            for (int j = 0; j <= thetaOrder; j++)
            {
                drift.Add(new SeriesTerm(j, k, k == 0 ? m0[j] : md[k - 1][j]));
                variance.Add(new SeriesTerm(j, k, k == 0 ? PiLaurent.Zero : mv[k - 1][j]));
            }
        return new DerivationResult(thetaOrder, nOrder, drift, variance, () => ClosedForms(nOrder, activation)) { Activation = activation };
    }

    /// <summary>The closed forms N/D^M of every ε^k coefficient (the symbolic <see cref="LogRatioExpansion"/>).</summary>
    private static (IReadOnlyList<ClosedFormTerm>, IReadOnlyList<ClosedFormTerm>) ClosedForms(int nOrder, Activation activation)
    {
        var exp = LogRatioExpansion.Derive(nOrder, activation);
        var driftCf = new List<ClosedFormTerm> { new(0, JPolynomial.Zero, 0, "ln((1 - 4*J(1,1)^2)/sin(theta)^2)") };
        var varCf = new List<ClosedFormTerm>();
        for (int k = 1; k <= nOrder; k++)
        {
            var (mn, md) = exp.Mean[k].ToFraction();
            driftCf.Add(new ClosedFormTerm(k, mn, md));
            var (vn, vd) = exp.Variance[k].ToFraction();
            varCf.Add(new ClosedFormTerm(k, vn, vd));
        }
        return (driftCf, varCf);
    }

    /// <summary>The θ-series by substituting the J-series into the symbolic closed forms (the first engine, kept as a fallback).</summary>
    private static (PiLaurent[][], PiLaurent[][]) BySubstitution(int thetaOrder, int nOrder, Activation activation)
    {
        var exp = LogRatioExpansion.Derive(nOrder, activation);
        var d = new PiLaurent[nOrder][];
        var v = new PiLaurent[nOrder][];
        Parallel.For(0, 2 * nOrder, i =>
        {
            int k = i / 2 + 1;
            var s = ClosedFormSeries.Expand(i % 2 == 0 ? exp.Mean[k] : exp.Variance[k], thetaOrder, activation);
            var row = Enumerable.Range(0, thetaOrder + 1).Select(j => s[j]).ToArray();
            if (i % 2 == 0) d[k - 1] = row; else v[k - 1] = row;
        });
        return (d, v);
    }
}
