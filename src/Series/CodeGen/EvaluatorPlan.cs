using Degeneracy.JFunctions;
using Degeneracy.Series.Derivation;

namespace Degeneracy.Series.CodeGen;

/// <summary>What to generate: orders of the derivation and the names of the emitted class.</summary>
/// <param name="ThetaOrder">θ-order of the series used near θ = 0 (the closed forms are exact).</param>
/// <param name="NOrder">Order in ε = 1/n.</param>
/// <param name="Namespace">Namespace of the emitted class.</param>
/// <param name="ClassName">Name of the emitted static class.</param>
public sealed record EvaluatorSpec(int ThetaOrder, int NOrder, string Namespace = EvaluatorSpec.DefaultNamespace, string ClassName = "LayerLawEvaluator")
{
    /// <summary>Namespace used when none is given.</summary>
    public const string DefaultNamespace = "Degeneracy.Series.Evaluation.Generated";

    /// <summary>The activation φ_s (default ReLU); the closed forms are in its normalised J̄'s.</summary>
    public Activation Activation { get; init; } = Activation.Relu;

    /// <summary>
    /// True for |x| and the identity (s = ∓1): then the law at θ equals the law at π − θ exactly (|x| sees y and −y
    /// alike; the identity maps −y to −Y, and sin² does not see the sign), while D = 1 − 4J̄_{1,1}² vanishes at both ends,
    /// so evaluators fold θ ∈ (π/2, π] to π − θ.
    /// </summary>
    public bool FoldsAtHalfPi => Activation.Slope.Abs().IsOne;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/>/<see cref="ArgumentException"/> on a bad spec.</summary>
    public void Validate()
    {
        if (ThetaOrder < 2 || ThetaOrder > Derivation.Derivation.MaxThetaOrder - 2)
            throw new ArgumentOutOfRangeException(nameof(ThetaOrder), ThetaOrder, $"theta-order must be an integer in [2, {Derivation.Derivation.MaxThetaOrder - 2}].");
        DerivationCost.CheckClosedForms(NOrder, nameof(NOrder));
        if (!IsQualifiedIdentifier(Namespace))
            throw new ArgumentException($"'{Namespace}' is not a valid C# namespace.", nameof(Namespace));
        if (!IsIdentifier(ClassName))
            throw new ArgumentException($"'{ClassName}' is not a valid C# class name.", nameof(ClassName));
    }

    private static bool IsQualifiedIdentifier(string s) => s.Length > 0 && s.Split('.').All(IsIdentifier);

    private static bool IsIdentifier(string s) =>
        s.Length > 0 && (char.IsLetter(s[0]) || s[0] == '_') && s.All(c => char.IsLetterOrDigit(c) || c == '_')
        && !Keywords.Contains(s);

    private static readonly HashSet<string> Keywords = ["abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override", "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while"];
}

/// <summary>
/// One quantity (drift or σ²) ready to emit: its pieces ε^k (k = 0 … K), each with its own switch point
/// (<see cref="Switches"/>, θ-series below, closed form at and above), and a summary <see cref="Switch"/>: the lowest of
/// them (below it every piece uses its series) with the estimated worst error Σ_k 2^−k e_k at n ≥ 2.
/// </summary>
public sealed record QuantityPlan(string Name, IReadOnlyList<(int InvNPower, StablePiece Piece)> Pieces, IReadOnlyList<SwitchChoice> Switches)
{
    /// <summary>The lowest per-piece switch point and the estimated worst error of the quantity at ε = 1/2.</summary>
    public SwitchChoice Switch { get; } = Switches.Count == 0
        ? new SwitchChoice(0, 0)
        : new SwitchChoice(Switches.Min(s => s.Theta), Pieces.Select((p, i) => Math.Pow(0.5, p.InvNPower) * Switches[i].EstimatedError).Sum());

    /// <summary>Estimated worst absolute error of the quantity at width n (Σ_k n^−k e_k), n ≥ 2.</summary>
    public double EstimatedError(double n) => Pieces.Select((p, i) => Math.Pow(n, -p.InvNPower) * Switches[i].EstimatedError).Sum();
}

/// <summary>
/// The analysis behind a generated evaluator: derives at (θ-order + 2, n-order), so that the first two omitted
/// θ-terms are known exactly, builds a <see cref="StablePiece"/> per ε^k of the drift and of σ², and chooses a switch
/// point per piece: the closed form of the ε^k term cancels like θ^{−2p_k} with p_k growing with k, so one switch for all
/// terms would cut the low-order series (which converge well) at the late switch of the high-order closed forms.
/// </summary>
public sealed record EvaluatorPlan(EvaluatorSpec Spec, QuantityPlan Drift, QuantityPlan Sigma2)
{
    /// <summary>Runs the derivation and the error analysis for <paramref name="spec"/>.</summary>
    public static EvaluatorPlan Create(EvaluatorSpec spec)
    {
        spec.Validate();
        var d = Derivation.Derivation.Derive(spec.ThetaOrder + 2, spec.NOrder, spec.Activation);
        return new EvaluatorPlan(spec, Plan("Drift", d, Quantity.Drift, spec), Plan("Sigma2", d, Quantity.Sigma2, spec));
    }

    private static QuantityPlan Plan(string name, DerivationResult d, Quantity q, EvaluatorSpec spec)
    {
        var pieces = new List<(int, StablePiece)>();
        foreach (var term in d.ClosedForm(q).OrderBy(t => t.InvNPower))
        {
            var series = Enumerable.Range(0, d.ThetaOrder + 1).Select(j => d.Coefficient(q, j, term.InvNPower)).ToArray();
            if (term.Special is null && term.Numerator.IsZero && series.All(c => c.IsZero)) continue;
            pieces.Add((term.InvNPower, StablePiece.FromTerm(term, series, spec.ThetaOrder, spec.Activation)));
        }
        return new QuantityPlan(name, pieces, pieces.Select(p => p.Item2.ChooseSwitch()).ToList());
    }
}
