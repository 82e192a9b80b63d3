using System.Globalization;
using System.Text;
using Degeneracy.JFunctions;
using Degeneracy.Series.Algebra;
using Degeneracy.Symbolic;

namespace Degeneracy.Series.CodeGen;

/// <summary>
/// Emits C# source for a fast evaluator of the per-layer law (docs/THEORY.md §3): <c>Mu(θ, n)</c>, <c>Drift(θ, n)</c> = μ − ln sin²θ,
/// <c>Sigma2(θ, n)</c>, <c>Rho(n)</c> and the J_{a,b} they use. Each quantity is Σ_k ε^k m_k(θ), ε = 1/n, evaluated from
/// the exact closed forms in J's (one <c>Math.SinCos</c>, coefficients rounded once) at and above a switch point and
/// from the exact θ-series (second-order Horner, coefficients rounded once) below it, one switch point per ε^k term; they come from
/// <see cref="EvaluatorPlan"/>'s error estimates. The output is deterministic: the same spec gives byte-identical text.
/// </summary>
public static class EvaluatorGenerator
{
    /// <summary>Folder (relative to the repository root) of the evaluators the library itself uses.</summary>
    public const string CheckedInFolder = "src/Series/Evaluation/Generated";

    /// <summary>The evaluators checked in under <see cref="CheckedInFolder"/>: file name and spec.</summary>
    public static IReadOnlyList<(string FileName, EvaluatorSpec Spec)> CheckedIn { get; } =
    [
        ("LayerLawOrder0.cs", new EvaluatorSpec(24, 0, EvaluatorSpec.DefaultNamespace, "LayerLawOrder0")),
        ("LayerLawOrder1.cs", new EvaluatorSpec(24, 1, EvaluatorSpec.DefaultNamespace, "LayerLawOrder1")),
        ("LayerLawOrder2.cs", new EvaluatorSpec(36, 2, EvaluatorSpec.DefaultNamespace, "LayerLawOrder2")),
        ("LayerLawOrder3.cs", new EvaluatorSpec(24, 3, EvaluatorSpec.DefaultNamespace, "LayerLawOrder3")),
        ("LayerLawOrder4.cs", new EvaluatorSpec(24, 4, EvaluatorSpec.DefaultNamespace, "LayerLawOrder4")),
        ("LayerLawOrder5.cs", new EvaluatorSpec(24, 5, EvaluatorSpec.DefaultNamespace, "LayerLawOrder5")),
    ];

    /// <summary>Derives, analyses and emits the evaluator for <paramref name="spec"/>.</summary>
    public static string Generate(EvaluatorSpec spec) => Emit(EvaluatorPlan.Create(spec));

    /// <summary>Emits the evaluator for an analysed plan.</summary>
    public static string Emit(EvaluatorPlan plan)
    {
        var spec = plan.Spec;
        var w = new CodeWriter();
        WriteHeader(w, plan);
        w.Line("#nullable enable");
        w.Line("using System;");
        w.Line("using System.Diagnostics.CodeAnalysis;");
        w.Line("using System.Runtime.CompilerServices;");
        w.Line();
        w.Line($"namespace {spec.Namespace};");
        w.Line();
        w.Line("/// <summary>");
        w.Line($"/// The per-layer law of L = ln sin²θ' − ln sin²θ{(spec.Activation.IsRelu ? "" : $" for the activation {spec.Activation.Name}")} to order θ^{spec.ThetaOrder} (near 0) and (1/n)^{spec.NOrder}: μ(θ, n), the drift");
        w.Line("/// μ − ln sin²θ, σ²(θ, n) and ρ(n), for 0 ≤ θ ≤ π and finite n ≥ 2. Generated code: do not edit.");
        w.Line("/// </summary>");
        w.Line($"public static class {spec.ClassName}");
        w.Open();
        w.Line("/// <summary>θ-order of the series used near θ = 0.</summary>");
        w.Line($"public const int ThetaOrder = {spec.ThetaOrder};");
        w.Line("/// <summary>Order in ε = 1/n.</summary>");
        w.Line($"public const int NOrder = {spec.NOrder};");
        w.Line("/// <summary>μ and the drift use the θ-series of every ε^k term for θ below this (each term switches to its closed form in J's at its own switch point, the lowest of which this is).</summary>");
        w.Line($"public const double DriftSwitch = {Lit(plan.Drift.Switch.Theta)};");
        w.Line("/// <summary>σ² uses the θ-series of every ε^k term for θ below this (each term switches to its closed form in J's at its own switch point, the lowest of which this is).</summary>");
        w.Line($"public const double Sigma2Switch = {Lit(plan.Sigma2.Switch.Theta)};");
        foreach (var q in new[] { plan.Drift, plan.Sigma2 })
            for (int i = 0; i < q.Pieces.Count; i++)
                if (q.Switches[i].Theta > q.Switch.Theta)
                    w.Line($"private const double {q.Name}Eps{q.Pieces[i].InvNPower}Switch = {Lit(q.Switches[i].Theta)}; // ε^{q.Pieces[i].InvNPower} term: series below, closed form at and above");
        w.Line("/// <summary>π − Math.PI (Math.PI is below π by this much).</summary>");
        w.Line("private const double PiLow = 1.2246467991473532e-16;");
        w.Line();
        WritePublicMethods(w, plan.Spec.FoldsAtHalfPi);
        var js = UsedJs(plan);
        foreach (var (a, b) in js)
            if (spec.Activation.IsRelu) WriteJ(w, a, b);
            else WriteActivationJ(w, a, b, spec.Activation);
        WriteSeries(w, plan.Drift);
        WriteSeries(w, plan.Sigma2);
        WriteClosedForm(w, plan.Drift, isDrift: true, !spec.Activation.IsRelu);
        WriteClosedForm(w, plan.Sigma2, isDrift: false, !spec.Activation.IsRelu);
        WriteHelpers(w, plan.Spec.FoldsAtHalfPi);
        w.Close();
        return w.ToString();
    }

    private static void WriteHeader(CodeWriter w, EvaluatorPlan plan)
    {
        var s = plan.Spec;
        w.Line("// <auto-generated>");
        w.Line("//   Generated by Degeneracy.Series.CodeGen.EvaluatorGenerator:");
        string act = s.Activation.IsRelu ? "" : $" --activation {s.Activation.Name}";
        w.Line($"//     degeneracy codegen --theta-order {s.ThetaOrder} --n-order {s.NOrder}{act} --namespace {s.Namespace} --class {s.ClassName}");
        if (!s.Activation.IsRelu)
            w.Line($"//   Activation φ_s, s = {s.Activation.Slope}: closed forms in the J̄'s of φ_s/√(1 + s²){(plan.Spec.FoldsAtHalfPi ? "; θ > π/2 is folded to π − θ (the law is symmetric)" : "")}.");
        w.Line($"//   Orders: θ-series through θ^{s.ThetaOrder} near θ = 0 (derived at θ^{s.ThetaOrder + 2} to bound the truncation), ε = 1/n through ε^{s.NOrder}.");
        foreach (var q in new[] { plan.Drift, plan.Sigma2 })
        {
            w.Line($"//   {q.Name}: each ε^k term from its θ-series below its own switch point, from its closed form in J's at and above;");
            w.Line($"//     estimated max error {Est(q.Switch.EstimatedError)} at ε = 1/2 (Σ_k 2^-k e_k), {Est(q.EstimatedError(100))} at n = 100, {Est(q.EstimatedError(1e6))} at n = 1e6.");
            for (int i = 0; i < q.Pieces.Count; i++)
                w.Line($"//     ε^{q.Pieces[i].InvNPower}: switch {Lit(q.Switches[i].Theta)}, e_{q.Pieces[i].InvNPower} = {Est(q.Switches[i].EstimatedError)}.");
        }
        if (s.Namespace == EvaluatorSpec.DefaultNamespace)
        {
            w.Line($"//   Checked in under {CheckedInFolder}/ because the library's own Algorithm-1 predictors use it");
            w.Line("//   (LayerLaws.Series); a test regenerates it and fails if this file differs.");
        }
        w.Line("//   Do not edit by hand: regenerate.");
        w.Line("// </auto-generated>");
    }

    private static void WritePublicMethods(CodeWriter w, bool fold)
    {
        w.Line("/// <summary>μ(θ, n) = ln sin²θ + E[L] (−∞ at θ = 0); θ ∈ [0, π], finite n ≥ 2.</summary>");
        w.Line("public static double Mu(double theta, double n)");
        w.Open();
        w.Line("CheckArguments(theta, n);");
        w.Line("double eps = 1.0 / n;");
        if (fold) w.Line("theta = Fold(theta);");
        w.Line("if (theta < DriftSwitch)");
        w.Open();
        w.Line("return DriftSeries(theta, eps) + 2.0 * Math.Log(Math.Sin(theta)); // ln sin²θ without underflowing sin²θ");
        w.Close();
        w.Line("return DriftClosedForm(theta, eps, mu: true);");
        w.Close();
        w.Line();
        w.Line("/// <summary>The drift E[L] = μ(θ, n) − ln sin²θ (finite at θ = 0, where it is −ρ(n)); θ ∈ [0, π], finite n ≥ 2.</summary>");
        w.Line("public static double Drift(double theta, double n)");
        w.Open();
        w.Line("CheckArguments(theta, n);");
        w.Line("double eps = 1.0 / n;");
        if (fold) w.Line("theta = Fold(theta);");
        w.Line("return theta < DriftSwitch ? DriftSeries(theta, eps) : DriftClosedForm(theta, eps, mu: false);");
        w.Close();
        w.Line();
        w.Line("/// <summary>σ²(θ, n) = Var[L]; θ ∈ [0, π], finite n ≥ 2.</summary>");
        w.Line("public static double Sigma2(double theta, double n)");
        w.Open();
        w.Line("CheckArguments(theta, n);");
        w.Line("double eps = 1.0 / n;");
        if (fold) w.Line("theta = Fold(theta);");
        w.Line("return theta < Sigma2Switch ? Sigma2Series(theta, eps) : Sigma2ClosedForm(theta, eps);");
        w.Close();
        w.Line();
        w.Line("/// <summary>ρ(n) = −lim_{θ→0} E[L] = −Σ_k c_{0k} n^−k; finite n ≥ 2. Exactly −Drift(0, n).</summary>");
        w.Line("public static double Rho(double n)");
        w.Open();
        w.Line("if (!(n >= 2.0 && n <= double.MaxValue)) ThrowN(n);");
        w.Line("return -DriftSeries(0.0, 1.0 / n);");
        w.Close();
        w.Line();
    }

    private static SortedSet<(int, int)> UsedJs(EvaluatorPlan plan)
    {
        var set = new SortedSet<(int, int)> { (1, 1) };
        foreach (var q in new[] { plan.Drift, plan.Sigma2 })
            foreach (var (_, p) in q.Pieces)
                foreach (var (m, _) in p.Numerator.Terms)
                    for (int v = 1; v < m.VariableCount; v++)
                        if (m[v] > 0) set.Add(JSymbols.Pair(v));
        return set;
    }

    private static void WriteJ(CodeWriter w, int a, int b)
    {
        var cf = JClosedForm.Build(a, b);
        var kappa = cf.Scale.Value;
        double[] P = cf.P.Coefficients.Select(x => (kappa * x).ToDouble()).ToArray();
        double[] Q = cf.Q.Coefficients.Select(x => (kappa * x).ToDouble()).ToArray();
        w.Line($"/// <summary>J_{{{a},{b}}}(θ) = κ[(π − θ)P(cos θ) + sin θ·Q(cos θ)], θ ∈ [0, π] (absolute error a few 1e-16).</summary>");
        w.Line($"public static double J_{a}_{b}(double theta)");
        w.Open();
        w.Line("if (!(theta >= 0.0 && theta <= Math.PI)) ThrowTheta(theta);");
        w.Line("var (s, c) = Math.SinCos(theta);");
        w.Line($"return J_{a}_{b}(Math.PI - theta + PiLow, s, c);");
        w.Close();
        w.Line();
        w.Line("[MethodImpl(MethodImplOptions.AggressiveInlining)]");
        w.Line($"private static double J_{a}_{b}(double t, double s, double c) =>");
        string p = HornerExpr(P, "c"), q = HornerExpr(Q, "c");
        w.Indented($"Math.FusedMultiplyAdd(t, {p}, s * {q});");
        w.Line();
    }

    private static void WriteActivationJ(CodeWriter w, int a, int b, Activation act)
    {
        var cf = ActivationJClosedForm.Build(a, b, act);
        var norm = ActivationJClosedForm.NormalisingFactor(a + b, act);
        double[] Scaled(RationalPolynomial p) => cf.Scale.HasSqrtHalfPi
            ? p.Coefficients.Select(x => (cf.Scale.Value * PiLaurent.Monomial(norm * x, 0)).ToDouble() * SqrtHalfPiMultiple.SqrtHalfPiDouble).ToArray()
            : p.Coefficients.Select(x => (cf.Scale.Value * PiLaurent.Monomial(norm * x, 0)).ToDouble()).ToArray();
        double[] P = Scaled(cf.P), T = Scaled(cf.T), Q = Scaled(cf.Q), R = Scaled(cf.R);
        w.Line($"/// <summary>J̄_{{{a},{b}}}(θ) = J^{{(s)}}_{{{a},{b}}}(θ)/(1 + s²)^{(a + b) / 2} = κ̄[(π − θ)P + θT + sin θ·Q + R](cos θ), θ ∈ [0, π].</summary>");
        w.Line($"public static double J_{a}_{b}(double theta)");
        w.Open();
        w.Line("if (!(theta >= 0.0 && theta <= Math.PI)) ThrowTheta(theta);");
        w.Line("var (s, c) = Math.SinCos(theta);");
        w.Line($"return J_{a}_{b}(theta, Math.PI - theta + PiLow, s, c);");
        w.Close();
        w.Line();
        w.Line("[MethodImpl(MethodImplOptions.AggressiveInlining)]");
        w.Line($"private static double J_{a}_{b}(double theta, double t, double s, double c) =>");
        w.Indented($"Math.FusedMultiplyAdd(t, {HornerExpr(P, "c")}, Math.FusedMultiplyAdd(theta, {HornerExpr(T, "c")}, Math.FusedMultiplyAdd(s, {HornerExpr(Q, "c")}, {HornerExpr(R, "c")})));");
        w.Line();
    }

    private static string HornerExpr(double[] c, string x)
    {
        if (c.Length == 0) return "0.0";
        string r = Lit(c[^1]);
        for (int i = c.Length - 2; i >= 0; i--)
            r = c[i] == 0 ? $"{r} * {x}" : $"Math.FusedMultiplyAdd({r}, {x}, {Lit(c[i])})";
        return r;
    }

    private static void WriteSeries(CodeWriter w, QuantityPlan q)
    {
        foreach (var (k, p) in q.Pieces)
        {
            var coefs = p.Series.Select(c => c.ToDouble()).ToArray();
            foreach (var parity in new[] { 0, 1 })
            {
                string kind = parity == 0 ? "Even" : "Odd";
                w.Line($"/// <summary>θ^{(parity == 0 ? "0, 2, 4" : "1, 3, 5")}, … coefficients of the ε^{k} term of {q.Name}, rounded once from the exact values.</summary>");
                w.Line($"private static ReadOnlySpan<double> {q.Name}{k}{kind} =>");
                w.Line("[");
                for (int j = parity; j < coefs.Length; j += 2)
                    w.Indented($"{Lit(coefs[j])}, // θ^{j}: {p.Series[j].Print(PrintFormat.Text)}");
                w.Line("];");
                w.Line();
            }
        }
        w.Line($"/// <summary>{q.Name} from its θ-series: Σ_k ε^k (E_k(θ²) + θ·O_k(θ²)).</summary>");
        w.Line($"private static double {q.Name}Series(double theta, double eps)");
        w.Open();
        if (q.Pieces.Count == 0) { w.Line("return 0.0;"); w.Close(); w.Line(); return; }
        w.Line("double theta2 = theta * theta;");
        foreach (var (k, _) in q.Pieces)
            w.Line($"double m{k} = Horner({q.Name}{k}Even, theta2) + theta * Horner({q.Name}{k}Odd, theta2);");
        w.Line($"return {EpsSum(q)};");
        w.Close();
        w.Line();
    }

    private static string EpsSum(QuantityPlan q)
    {
        int top = q.Pieces.Max(p => p.InvNPower);
        var have = q.Pieces.Select(p => p.InvNPower).ToHashSet();
        string r = have.Contains(top) ? $"m{top}" : "0.0";
        for (int k = top - 1; k >= 0; k--)
            r = have.Contains(k) ? $"m{k} + eps * ({r})" : $"eps * ({r})";
        // Strip redundant parentheses around a single symbol.
        return r.Replace($"(m{top})", $"m{top}");
    }

    private static void WriteClosedForm(CodeWriter w, QuantityPlan q, bool isDrift, bool activation)
    {
        w.Line(isDrift
            ? "/// <summary>The drift (or μ when <paramref name=\"mu\"/>) from the closed forms in J's: ln(D/sin²θ) + Σ_{k≥1} ε^k N_k(J)/D^{p_k}, D = 1 − 4J_{1,1}².</summary>"
            : "/// <summary>σ² from the closed forms in J's: Σ_{k≥1} ε^k N_k(J)/D^{p_k}, D = 1 − 4J_{1,1}², clamped at 0 (rounding near θ = π).</summary>");
        w.Line(isDrift ? $"private static double {q.Name}ClosedForm(double theta, double eps, bool mu)" : $"private static double {q.Name}ClosedForm(double theta, double eps)");
        w.Open();
        if (q.Pieces.Count == 0) { w.Line("return 0.0;"); w.Close(); w.Line(); return; }
        var js = new SortedSet<(int, int)> { (1, 1) };
        var maxPow = new SortedDictionary<int, int>();
        int maxD = 0;
        foreach (var (_, p) in q.Pieces)
        {
            maxD = Math.Max(maxD, p.DPower);
            foreach (var (m, _) in p.Numerator.Terms)
                for (int v = 1; v < m.VariableCount; v++)
                    if (m[v] > 0)
                    {
                        js.Add(JSymbols.Pair(v));
                        maxPow[v] = Math.Max(maxPow.GetValueOrDefault(v), m[v]);
                    }
        }
        w.Line("var (s, c) = Math.SinCos(theta);");
        w.Line("double t = Math.PI - theta + PiLow;");
        foreach (var (a, b) in js) w.Line(activation ? $"double j{a}_{b} = J_{a}_{b}(theta, t, s, c);" : $"double j{a}_{b} = J_{a}_{b}(t, s, c);");
        foreach (var (v, e) in maxPow)
        {
            var (a, b) = JSymbols.Pair(v);
            for (int i = 2; i <= e; i++)
                w.Line($"double j{a}_{b}p{i} = {(i == 2 ? $"j{a}_{b}" : $"j{a}_{b}p{i - 1}")} * j{a}_{b};");
        }
        w.Line("double d = 1.0 - 4.0 * j1_1 * j1_1;");
        if (maxD >= 1) w.Line("double invD = 1.0 / d;");
        for (int i = 2; i <= maxD; i++) w.Line($"double invD{i} = invD{(i == 2 ? "" : (i - 1).ToString(CultureInfo.InvariantCulture))} * invD;");
        bool anyLate = q.Switches.Any(c => c.Theta > q.Switch.Theta);
        if (anyLate) w.Line("double theta2 = theta * theta;");
        for (int i = 0; i < q.Pieces.Count; i++)
        {
            var (k, p) = q.Pieces[i];
            // A term whose own switch lies above the quantity's lowest one keeps its series up to that switch.
            string late = q.Switches[i].Theta > q.Switch.Theta
                ? $"theta < {q.Name}Eps{k}Switch ? Horner({q.Name}{k}Even, theta2) + theta * Horner({q.Name}{k}Odd, theta2){(p.IsInfiniteWidthDrift ? " + (mu ? 2.0 * Math.Log(s) : 0.0)" : "")}\n    : "
                : "";
            if (p.IsInfiniteWidthDrift)
            {
                w.Line($"double m{k} = {late}Math.Log(mu ? d : d / (s * s));");
                continue;
            }
            string num = NumeratorExpr(p.Numerator);
            string dp = p.DPower switch { 0 => "", 1 => " * invD", _ => $" * invD{p.DPower}" };
            w.Line($"double m{k} = {late}({num}){dp};");
        }
        // σ² = Var[L] ≥ 0; near θ = π it vanishes like (π − θ)^11 and the J's (accurate to ~1e-17 absolute) can round it
        // to −1e-26: clamp.
        w.Line(isDrift ? $"return {EpsSum(q)};" : $"return Math.Max(0.0, {EpsSum(q)});");
        w.Close();
        w.Line();
    }

    private static string NumeratorExpr(JPolynomial n)
    {
        if (n.IsZero) return "0.0";
        var sb = new StringBuilder();
        foreach (var (m, q) in n.Terms.OrderBy(t => t.Monomial, Comparer<JMonomial>.Create(JMonomial.Compare)))
        {
            double c = q.ToDouble();
            bool first = sb.Length == 0;
            if (!first) sb.Append("\n            ").Append(c < 0 ? "- " : "+ ");
            else if (c < 0) sb.Append('-');
            var factors = new List<string> { Lit(Math.Abs(c)) };
            for (int v = 1; v < m.VariableCount; v++)
            {
                if (m[v] == 0) continue;
                var (a, b) = JSymbols.Pair(v);
                factors.Add(m[v] == 1 ? $"j{a}_{b}" : $"j{a}_{b}p{m[v]}");
            }
            if (factors.Count > 1 && Math.Abs(c) == 1.0) factors.RemoveAt(0);
            sb.Append(string.Join(" * ", factors));
        }
        return sb.ToString();
    }

    private static void WriteHelpers(CodeWriter w, bool fold)
    {
        if (fold)
        {
            w.Line("/// <summary>π − θ (π not rounded) for θ > π/2, else θ: the law is symmetric about π/2.</summary>");
            w.Line("[MethodImpl(MethodImplOptions.AggressiveInlining)]");
            w.Line("private static double Fold(double theta) => theta > Math.PI / 2 ? (Math.PI - theta) + PiLow : theta;");
            w.Line();
        }
        w.Line("/// <summary>Σ c_i x^i by Horner's rule with fused multiply-adds.</summary>");
        w.Line("[MethodImpl(MethodImplOptions.AggressiveInlining)]");
        w.Line("private static double Horner(ReadOnlySpan<double> c, double x)");
        w.Open();
        w.Line("double r = 0.0;");
        w.Line("for (int i = c.Length - 1; i >= 0; i--) r = Math.FusedMultiplyAdd(r, x, c[i]);");
        w.Line("return r;");
        w.Close();
        w.Line();
        w.Line("[MethodImpl(MethodImplOptions.AggressiveInlining)]");
        w.Line("private static void CheckArguments(double theta, double n)");
        w.Open();
        w.Line("if (!(theta >= 0.0 && theta <= Math.PI)) ThrowTheta(theta);");
        w.Line("if (!(n >= 2.0 && n <= double.MaxValue)) ThrowN(n);");
        w.Close();
        w.Line();
        w.Line("[DoesNotReturn, MethodImpl(MethodImplOptions.NoInlining)]");
        w.Line("private static void ThrowTheta(double theta) =>");
        w.Indented("throw new ArgumentOutOfRangeException(nameof(theta), theta, \"theta must lie in [0, pi] (and not be NaN).\");");
        w.Line();
        w.Line("[DoesNotReturn, MethodImpl(MethodImplOptions.NoInlining)]");
        w.Line("private static void ThrowN(double n) =>");
        w.Indented("throw new ArgumentOutOfRangeException(nameof(n), n, \"n must be a finite width >= 2.\");");
    }

    /// <summary>A C# double literal that round-trips (shortest form, always with a '.' or exponent).</summary>
    internal static string Lit(double x)
    {
        string s = x.ToString("R", CultureInfo.InvariantCulture);
        if (!s.Contains('.') && !s.Contains('E') && !s.Contains("Infinity") && !s.Contains("NaN")) s += ".0";
        return s.Replace("E", "e");
    }

    private static string Est(double x) => x.ToString("0.0e+0", CultureInfo.InvariantCulture);

    /// <summary>Line-oriented writer with four-space indentation and "\n" line ends (byte-identical on every OS).</summary>
    private sealed class CodeWriter
    {
        private readonly StringBuilder _sb = new();
        private int _indent;

        public void Line(string text = "")
        {
            if (text.Length > 0) _sb.Append(' ', 4 * _indent).Append(text.Replace("\n", "\n" + new string(' ', 4 * _indent)));
            _sb.Append('\n');
        }

        public void Indented(string text) { _indent++; Line(text); _indent--; }
        public void Open() { Line("{"); _indent++; }
        public void Close() { _indent--; Line("}"); }
        public override string ToString() => _sb.ToString();
    }
}
