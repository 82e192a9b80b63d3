using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Degeneracy.JFunctions;
using Degeneracy.Symbolic;

namespace Degeneracy.Cli.Commands;

/// <summary>
/// <c>degeneracy j A B [--theta T]... [--theta-order K] [--format text|latex|csharp|json] [--activation A]</c>: the exact
/// closed form of J_{a,b}(θ) (J^{(s)}_{a,b} for φ_s), its values at the given angles and its θ-series about 0 to order K
/// (docs/THEORY.md §2, §5).
/// </summary>
internal static class JCommand
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // keep '+' and quotes of formulas readable
    };

    public static Command Create(CliContext ctx)
    {
        var a = new Argument<int>("a") { Description = $"first index a of J_{{a,b}}, 0 ≤ a ≤ {JClosedForm.MaxIndex}" };
        var b = new Argument<int>("b") { Description = $"second index b of J_{{a,b}}, 0 ≤ b ≤ {JClosedForm.MaxIndex}" };
        var theta = CommonOptions.Reals("--theta", "angles θ ∈ [0, π] at which to evaluate J (repeatable)");
        var series = new Option<int?>("--theta-order", "--series") { Description = $"print the θ-series about 0 through θ^K (0 … {JSeries.MaxOrder})", CustomParser = r => InvariantNumber.ParseInt(r) };
        var format = CommonOptions.Format("text", "latex", "csharp", "json");
        var activation = CommonOptions.Activation();

        var cmd = new Command("j", "The J function J_{a,b}(θ) = E[φ(G)^a φ(Ĝ)^b]: closed form, values, θ-series.");
        cmd.Arguments.Add(a);
        cmd.Arguments.Add(b);
        cmd.Options.Add(theta);
        cmd.Options.Add(series);
        cmd.Options.Add(format);
        cmd.Options.Add(activation);
        cmd.SetAction(parse => Run(ctx, parse.GetValue(a), parse.GetValue(b), parse.GetValue(theta) ?? [],
                                    parse.GetValue(series), parse.GetValue(format) ?? "text", parse.GetValue(activation)!));
        return cmd;
    }

    /// <summary>Computes everything first (so bad input writes nothing to stdout), then prints in the chosen format.</summary>
    private static int Run(CliContext ctx, int a, int b, double[] thetas, int? seriesOrder, string format, Activation activation)
    {
        BadInputException.Check("a, b", () => JClosedForm.Build(a, b)); // validates a and b
        var closed = ActivationJClosedForm.Build(a, b, activation);
        foreach (var t in thetas) BadInputException.Check("--theta", () => JArguments.CheckTheta(t, "--theta"));
        bool beyondDoubles = a + b > JFunction.MaxDegree; // J_{a,b}(0) = ½·E|G|^{a+b} exceeds the largest double
        OptionCheck.That(thetas.Length == 0 || !beyondDoubles || activation.IsRelu,
            $"--theta: J^(s)_{{{a},{b}}}(θ) exceeds the largest double when a + b > {JFunction.MaxDegree}; only ReLU's J has a logarithmic " +
            "evaluation there (the exact closed form and --theta-order series are available without --theta).");
        if (seriesOrder is int k) OptionCheck.Integer("--theta-order", k, 0, JSeries.MaxOrder);
        // Beyond the double range (ReLU, a + b > 301) the value is reported through its logarithm; no evaluator is built without --theta.
        var values = thetas.Select(t => beyondDoubles
            ? JValue.OfLog(t, JFunction.LogEvaluate(a, b, t))
            : JValue.Of(t, ActivationJFunction.Get(a, b, activation).Evaluate(t))).ToArray();
        var coefficients = seriesOrder is int order ? closed.SeriesAboutZero(order) : [];

        string text = format switch
        {
            "json" => FormatJson(closed, values, coefficients),
            "latex" => FormatLatex(closed, values, coefficients),
            "csharp" => FormatCSharp(closed, values, coefficients),
            "text" => FormatText(closed, values, coefficients),
            _ => FormatText(closed, values, coefficients),
        };
        ctx.Out.Write(text);
        return CliRunner.Ok;
    }

    /// <summary>J_{a,b} for ReLU, J^{(s)}_{a,b} with the activation's name otherwise.</summary>
    private static string Name(ActivationJClosedForm cf) =>
        cf.Activation.IsRelu ? $"J_{{{cf.A},{cf.B}}}" : $"J^{{({cf.Activation.Name})}}_{{{cf.A},{cf.B}}}";

    private static string D(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A series coefficient; a zero prints as 0 (not 0·√(π/2)).</summary>
    private static string Coef(SqrtHalfPiMultiple c, PrintFormat f) =>
        c.Value.IsZero ? (f == PrintFormat.CSharp ? "0.0" : "0") : c.Print(f);

    private static string FormatText(ActivationJClosedForm cf, JValue[] values, IReadOnlyList<SqrtHalfPiMultiple> series)
    {
        var sb = new StringBuilder();
        string name = Name(cf);
        if (!cf.Activation.IsRelu) sb.AppendLine($"activation: {cf.Activation.Name} (phi_s(x) = x for x >= 0, s*x for x < 0, s = {cf.Activation.Slope})");
        sb.AppendLine($"{name}(theta) = {cf.Print(PrintFormat.Text)}");
        foreach (var v in values) sb.AppendLine($"{name}({D(v.Theta)}) = {v.Text()}");
        if (series.Count > 0)
        {
            sb.AppendLine($"{name}(theta) about theta = 0, to order {series.Count - 1}:");
            for (int j = 0; j < series.Count; j++)
                sb.AppendLine($"  theta^{j}: {Coef(series[j], PrintFormat.Text)}  (= {D(series[j].ToDouble())})");
        }
        return sb.ToString();
    }

    private static string FormatLatex(ActivationJClosedForm cf, JValue[] values, IReadOnlyList<SqrtHalfPiMultiple> series)
    {
        var sb = new StringBuilder();
        string name = Name(cf);
        sb.AppendLine($"{name}(\\theta) = {cf.Print(PrintFormat.Latex)}");
        foreach (var v in values) sb.AppendLine($"{name}({D(v.Theta)}) = {v.Text()}");
        if (series.Count > 0)
        {
            var terms = new List<string>();
            for (int j = 0; j < series.Count; j++)
            {
                if (series[j].Value.IsZero) continue;
                string c = Coef(series[j], PrintFormat.Latex);
                if (series[j].Value.TermCount > 1 || (series[j].HasSqrtHalfPi && j > 0 && c.StartsWith('-'))) c = "\\left(" + c + "\\right)";
                string power = j switch { 0 => "", 1 => "\\theta", _ => $"\\theta^{{{j}}}" };
                terms.Add(j == 0 ? c : c switch { "1" => power, "-1" => "-" + power, _ => c + " " + power });
            }
            string sum = terms.Count == 0 ? "0" : string.Join(" + ", terms).Replace("+ -", "- ");
            sb.AppendLine($"{name}(\\theta) = {sum} + O(\\theta^{{{series.Count}}})");
        }
        return sb.ToString();
    }

    private static string FormatCSharp(ActivationJClosedForm cf, JValue[] values, IReadOnlyList<SqrtHalfPiMultiple> series)
    {
        var sb = new StringBuilder();
        string id = $"J_{cf.A}_{cf.B}";
        sb.AppendLine($"// {Name(cf)}(theta), exact closed form; valid for 0 <= theta <= pi.");
        sb.AppendLine($"static double {id}(double theta)");
        sb.AppendLine("{");
        sb.AppendLine("    double c = Math.Cos(theta), s = Math.Sin(theta);");
        sb.AppendLine($"    return {cf.Print(PrintFormat.CSharp)};");
        sb.AppendLine("}");
        foreach (var v in values) sb.AppendLine($"// {id}({D(v.Theta)}) = {v.Text()}");
        if (series.Count > 0)
        {
            sb.AppendLine($"// Coefficients of theta^0 … theta^{series.Count - 1} of {Name(cf)} about theta = 0.");
            sb.AppendLine($"static readonly double[] {id}_Series =");
            sb.AppendLine("[");
            foreach (var c in series) sb.AppendLine($"    {Coef(c, PrintFormat.CSharp)},");
            sb.AppendLine("];");
        }
        return sb.ToString();
    }

    private static double? Finite(double x) => double.IsFinite(x) ? x : null;

    private static string FormatJson(ActivationJClosedForm cf, JValue[] values, IReadOnlyList<SqrtHalfPiMultiple> series)
    {
        var doc = new Dictionary<string, object>();
        if (!cf.Activation.IsRelu) doc["activation"] = cf.Activation.Name;
        doc["a"] = cf.A;
        doc["b"] = cf.B;
        doc["closedForm"] = cf.Print(PrintFormat.Text);
        // "value" is null beyond the double range; "ln" (natural logarithm, null where J = 0) is always given.
        doc["values"] = values.Select(v => new { theta = v.Theta, value = Finite(v.Value), ln = Finite(v.Ln) }).ToArray();
        // A coefficient beyond the double range (large a + b) keeps its exact text and has "value": null.
        doc["series"] = series.Select((c, j) => new { power = j, coefficient = Coef(c, PrintFormat.Text), value = Finite(c.ToDouble()) }).ToArray();
        return JsonSerializer.Serialize(doc, Json) + Environment.NewLine;
    }
}

/// <summary>J at one angle: its double value (+∞ beyond the double range) and its natural logarithm (−∞ where J = 0).</summary>
internal readonly record struct JValue(double Theta, double Value, double Ln)
{
    public static JValue Of(double theta, double value) => new(theta, value, Math.Log(value));

    /// <summary>From ln J (a + b &gt; 301): the value is exp(ln J) where that is a finite double (relative error ≈ 1e-13 from
    /// the logarithm's rounding), +∞ beyond.</summary>
    public static JValue OfLog(double theta, double ln) => new(theta, ln <= Math.Log(double.MaxValue) ? Math.Exp(ln) : double.PositiveInfinity, ln);

    /// <summary>
    /// Round-trip double; beyond the double range a 12-digit decimal from the logarithm (ln J ≈ 10³ carries ~2e-13
    /// absolute error, so 12 digits are honest) and the logarithm itself.
    /// </summary>
    public string Text()
    {
        if (double.IsFinite(Value)) return Value.ToString("R", CultureInfo.InvariantCulture);
        double log10 = Ln / Math.Log(10);
        double exponent = Math.Floor(log10), mantissa = Math.Round(Math.Pow(10, log10 - exponent), 11);
        if (mantissa >= 10) { mantissa /= 10; exponent++; }
        return string.Create(CultureInfo.InvariantCulture, $"{mantissa:F11}E{exponent:+0;-0} (beyond the double range; ln J = {Ln:R})");
    }
}
