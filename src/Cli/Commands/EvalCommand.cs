using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Degeneracy.JFunctions;
using Degeneracy.Series.Evaluation;
using Degeneracy.Series.FiniteWidth;
using Degeneracy.Verify.FiniteWidth;

namespace Degeneracy.Cli.Commands;

/// <summary>
/// <c>degeneracy eval --quantity mu|drift|sigma2|rho|collapse --theta T... --n N... [--n-order K] [--form series|published|exact]
/// [--activation A] [--format text|json|csv]</c>: values of μ, the drift μ − ln sin²θ, σ², ρ or (form exact) the one-step collapse
/// probability at every (θ, n) pair (Cartesian product; ρ takes no θ).
/// </summary>
internal static class EvalCommand
{
    private static readonly string[] Quantities = ["mu", "drift", "sigma2", "rho", "collapse"];
    private static readonly string[] Forms = ["series", "published", "exact"];

    public static Command Create(CliContext ctx)
    {
        var quantity = new Option<string>("--quantity") { Description = "mu, drift (μ − ln sin²θ), sigma2, rho, or collapse (--form exact)", Required = true };
        var theta = CommonOptions.Reals("--theta", "angles θ ∈ [0, π] (repeatable; not for rho)");
        var n = CommonOptions.Reals("--n", "widths n ≥ 2 (repeatable)");
        n.Required = true;
        var nOrder = CommonOptions.NOrder();
        var form = new Option<string>("--form") { Description = "series (derived), published (the paper's O(1/n) formulas; --n-order 1) or exact (finite-width law; integer n)", DefaultValueFactory = _ => "series" };
        var format = CommonOptions.Format("text", "json", "csv");
        var json = CommonOptions.JsonAlias();
        var activation = CommonOptions.Activation();
        var cmd = new Command("eval", "Evaluate μ, the drift, σ² or ρ of the per-layer law.");
        foreach (var o in new Option[] { quantity, theta, n, nOrder, form, activation, format, json }) cmd.Options.Add(o);
        cmd.SetAction(parse => Run(ctx, parse.GetValue(quantity)!, parse.GetValue(theta) ?? [], parse.GetValue(n) ?? [],
            parse.GetValue(nOrder), parse.GetValue(form) ?? "series", CommonOptions.ResolveFormat(parse.GetValue(format)!, parse.GetValue(json)),
            parse.GetValue(activation)!));
        return cmd;
    }

    private static int Run(CliContext ctx, string quantity, double[] thetas, double[] ns, int nOrder, string form, string format,
        Activation activation)
    {
        OptionCheck.OneOf("--quantity", quantity, Quantities);
        OptionCheck.OneOf("--form", form, Forms);
        OptionCheck.That(activation.IsRelu || form == "series" || (form == "exact" && (OneStepLawTable.IsAvailable(activation) || Quadrature(activation))),
            form == "exact"
                ? $"--form exact covers the slopes −1 ≤ s < 1 (relu, abs, leaky:S); --activation {activation.Name} takes --form series."
                : $"--form {form} is ReLU only (the paper's formulas); --activation {activation.Name} takes --form series or exact.");
        if (form == "exact") return RunExact(ctx, quantity, thetas, ns, nOrder, format, activation);
        OptionCheck.That(quantity != "collapse", "--quantity collapse needs --form exact.");
        bool published = form == "published";
        OptionCheck.That(!published || nOrder == 1, "--form published is the paper's O(1/n) law: --n-order must be 1.");
        bool rho = quantity == "rho";
        OptionCheck.That(!(rho && thetas.Length > 0), "--theta does not apply to rho.");
        OptionCheck.That(rho || thetas.Length > 0, "--theta is required for " + quantity + ".");
        foreach (var t in thetas)
            OptionCheck.That(t >= 0 && t <= Math.PI, $"--theta must lie in [0, π]; got {D(t)}.");
        foreach (var x in ns)
            OptionCheck.That(x >= 2, $"--n must be a finite width ≥ 2; got {D(x)}.");
        if (!published) PrepareSeries(ctx, nOrder, activation);
        ILayerLaw law = published ? LayerLaws.Paper : LayerLaws.Series(nOrder, activation);

        var rows = new List<(double? Theta, double N, double Value)>();
        if (rho) foreach (var x in ns) rows.Add((null, x, LayerLaws.Rho(law, x)));
        else
            foreach (var t in thetas)
                foreach (var x in ns)
                    rows.Add((t, x, quantity switch
                    {
                        "mu" => LayerLaws.Mu(law, t, x),
                        "drift" => law.Drift(t, x),
                        _ => law.Sigma2(t, x),
                    }));
        ctx.Out.Write(format switch
        {
            "json" => Json(quantity, nOrder, form, rows, activation),
            "csv" => Csv(quantity, rows),
            _ => Table(quantity, nOrder, form, rows, activation),
        });
        return CliRunner.Ok;
    }

    /// <summary>
    /// Grid coarseness of the run-time quadrature: 1.5 times the default steps, ≈ 3 times cheaper; its difference from the
    /// default grid is ≤ 2e-7 on the mean and ≤ 1e-5 on the variance (docs/ACCURACY.md), well inside the 1e-4 goal.
    /// </summary>
    private const double RunTimeCoarseness = 1.5;

    /// <summary>Slopes whose one-step moments <see cref="OneStepQuadrature"/> computes at run time (−1 ≤ s &lt; 1).</summary>
    private static bool Quadrature(Activation activation) => activation.SlopeValue >= -1 && activation.SlopeValue < 1;

    /// <summary>
    /// --form exact for a leaky slope: no unit is ever inactive, so nothing collapses and there is no θ' = π/2 atom; the mean
    /// and variance of L come from <see cref="OneStepQuadrature"/> at run time (seconds per θ; widths up to 4096).
    /// </summary>
    private static int RunQuadrature(CliContext ctx, string quantity, double[] thetas, double[] ns, string format, Activation activation)
    {
        foreach (var x in ns)
            OptionCheck.That(x <= 4096, $"--n must be at most 4096 for --form exact --activation {activation.Name} (computed at run time); got {D(x)}.");
        var widths = ns.Select(x => (int)x).Distinct().Order().ToArray();
        var rows = ProgressDisplay.Run(ctx, "one-step moments (quadrature)", next =>
        {
            var result = new List<(double? Theta, double N, double Value)>();
            foreach (var t in thetas)
            {
                var moments = quantity == "collapse" ? null : OneStepQuadrature.Evaluate(t, widths, activation.SlopeValue, RunTimeCoarseness, null, next());
                foreach (var x in ns)
                {
                    if (moments is null) { result.Add((t, x, 0.0)); continue; }
                    var m = moments.Single(v => v.Width == (int)x);
                    double drift = m.MeanLogR - LayerLaws.LnSin2(t);
                    result.Add((t, x, quantity switch { "mu" => m.MeanLogR, "drift" => drift, _ => m.VarianceLogR }));
                }
            }
            return result;
        });
        ctx.Out.Write(format switch
        {
            "json" => Json(quantity, 0, "exact", rows, activation),
            "csv" => Csv(quantity, rows),
            _ => Table(quantity, 0, "exact", rows, activation),
        });
        return CliRunner.Ok;
    }

    /// <summary>
    /// --form exact: the finite-width one-step law (drift, sigma2, mu: <see cref="FiniteWidthLaws"/>) and the one-step collapse
    /// probability (<see cref="ActivationPatternLaw.Collapse"/>) at integer widths n ≥ 2 and θ ∈ (0, π). For abs the law is
    /// its own table (widths it covers) and the collapse probability is 0 (X ∥ Y has probability 0 for θ ∈ (0, π), n ≥ 2).
    /// </summary>
    private static int RunExact(CliContext ctx, string quantity, double[] thetas, double[] ns, int nOrder, string format,
        Activation activation)
    {
        OptionCheck.That(nOrder == 1, "--n-order does not apply to --form exact.");
        OptionCheck.That(quantity != "rho", "--form exact takes --quantity mu, drift, sigma2 or collapse.");
        OptionCheck.That(thetas.Length > 0, "--theta is required for " + quantity + ".");
        foreach (var t in thetas)
            OptionCheck.That(t > 0 && t < Math.PI, $"--theta must lie in (0, π) for --form exact; got {D(t)}.");
        foreach (var x in ns)
            OptionCheck.That(x >= 2 && x == Math.Floor(x) && x <= 1e9, $"--n must be an integer width in [2, 1e9] for --form exact; got {D(x)}.");
        if (!OneStepLawTable.IsAvailable(activation)) return RunQuadrature(ctx, quantity, thetas, ns, format, activation);
        var table = OneStepLawTable.For(activation);
        if (!activation.IsRelu && quantity != "collapse")
            foreach (var x in ns)
                OptionCheck.That(x <= table.MaxWidth,
                    $"--n must be at most {table.MaxWidth} for --form exact --activation {activation.Name} (the widths its table covers); got {D(x)}.");
        var rows = new List<(double? Theta, double N, double Value)>();
        foreach (var t in thetas)
            foreach (var x in ns)
            {
                int n = (int)x;
                if (quantity == "collapse")
                {
                    rows.Add((t, x, activation.IsRelu ? ActivationPatternLaw.Collapse(t, n) : 0.0));
                    continue;
                }
                var law = FiniteWidthLaws.Evaluate(t, n, table);
                rows.Add((t, x, quantity switch
                {
                    "mu" => LayerLaws.LnSin2(t) + law.Mean,
                    "drift" => law.Mean,
                    _ => law.Variance,
                }));
            }
        ctx.Out.Write(format switch
        {
            "json" => Json(quantity, 0, "exact", rows, activation),
            "csv" => Csv(quantity, rows),
            _ => Table(quantity, 0, "exact", rows, activation),
        });
        return CliRunner.Ok;
    }

    private static string D(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>
    /// Above the checked-in n-orders (0 … 5) the law comes from a generated, compiled and cached evaluator: refuses up
    /// front (time/memory guard of the closed forms) when none is cached and generating one would cost too much.
    /// </summary>
    internal static void PrepareSeries(CliContext ctx, int nOrder, Activation activation)
    {
        if (!CodeGen.EvaluatorCache.Serves(nOrder, activation)) return;
        CodeGen.EvaluatorCache.Install(ctx);
        if (CodeGen.EvaluatorCache.Has(nOrder, activation) || nOrder <= LayerLaws.CheckedInMaxOrder) return;
        OptionCheck.ClosedFormCost(nOrder);
        OptionCheck.SeriesCost(CodeGen.EvaluatorCache.ThetaOrder + 2, nOrder, activation); // the plan derives two θ-orders beyond
    }

    /// <summary>Where the evaluator at this n-order came from: checked-in (ReLU, n-order ≤ 5), tabulated (other activations,
    /// n-order ≤ 2), else cache hit or generated.</summary>
    internal static string EvaluatorSource(int nOrder, Activation? activation = null) =>
        CodeGen.EvaluatorCache.Serves(nOrder, activation) ? CodeGen.EvaluatorCache.LastOutcome : activation is { IsRelu: false } ? "tabulated" : "checked-in";

    private static string Json(string quantity, int nOrder, string form, List<(double? Theta, double N, double Value)> rows,
        Activation? activation = null)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms))
        {
            w.WriteStartObject();
            w.WriteString("quantity", quantity);
            w.WriteNumber("nOrder", nOrder);
            w.WriteString("form", form);
            if (activation is { IsRelu: false }) w.WriteString("activation", activation.Name);
            if (form == "series") w.WriteString("evaluator", EvaluatorSource(nOrder, activation));
            w.WriteStartArray("values");
            foreach (var (t, n, v) in rows)
            {
                w.WriteStartObject();
                if (t is double th) w.WriteNumber("theta", th);
                w.WriteNumber("n", n);
                if (double.IsFinite(v)) w.WriteNumber("value", v);
                else w.WriteString("value", D(v)); // μ(0, n) = −∞
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(ms.ToArray()) + Environment.NewLine;
    }

    private static string Csv(string quantity, List<(double? Theta, double N, double Value)> rows)
    {
        var sb = new StringBuilder();
        bool hasTheta = rows.Count > 0 && rows[0].Theta is not null;
        sb.Append(hasTheta ? "theta,n," : "n,").Append(quantity).Append('\n');
        foreach (var (t, n, v) in rows)
            sb.Append(hasTheta ? D(t!.Value) + "," : "").Append(D(n)).Append(',').Append(D(v)).Append('\n');
        return sb.ToString();
    }

    private static string Table(string quantity, int nOrder, string form, List<(double? Theta, double N, double Value)> rows,
        Activation? activation = null)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"# {quantity}, form {form}, n-order {nOrder}{(activation is { IsRelu: false } ? ", activation " + activation.Name : "")}");
        bool hasTheta = rows.Count > 0 && rows[0].Theta is not null;
        var cells = rows.Select(r => (hasTheta ? new[] { D(r.Theta!.Value) } : []).Concat([D(r.N), D(r.Value)]).ToArray()).ToList();
        string[] header = hasTheta ? ["theta", "n", quantity] : ["n", quantity];
        var widths = header.Select((h, i) => Math.Max(h.Length, cells.Select(c => c[i].Length).DefaultIfEmpty(0).Max())).ToArray();
        sb.AppendLine(string.Join("  ", header.Select((h, i) => h.PadLeft(widths[i]))).TrimEnd());
        foreach (var c in cells) sb.AppendLine(string.Join("  ", c.Select((x, i) => x.PadLeft(widths[i]))));
        return sb.ToString();
    }
}
