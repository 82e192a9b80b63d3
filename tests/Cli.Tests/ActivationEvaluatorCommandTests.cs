using System.Text.Json;
using static Degeneracy.Cli.Tests.CliHarness;
using Degeneracy.Cli.CodeGen;
using Degeneracy.JFunctions;
using Degeneracy.Series.CodeGen;
using Degeneracy.Series.Evaluation;

namespace Degeneracy.Cli.Tests;

/// <summary>`codegen`, `eval` and `predict` with `--activation`.</summary>
public class ActivationEvaluatorCommandTests
{
    /// <summary>
    /// The generated C# for |x| and leaky ReLU compiles and meets the evaluator bound (1e-12 absolute + 1e-12 relative)
    /// against the high-precision reference of the same derived law (320-bit fixed point, tests/Support), on both sides of
    /// the switch points and, for |x|, of the fold at π/2; it agrees with the data-driven <see cref="TabulatedLaw"/> to
    /// rounding (different summation order: a few 1e-15).
    /// </summary>
    [Theory]
    [InlineData("abs")]
    [InlineData("leaky:1/100")]
    public void Codegen_Activation_CompiledSourceMeetsTheBoundAgainstHighPrecisionReference(string activation) =>
        CheckCompiled(activation, 1);

    /// <summary>
    /// The same at n-orders 3–5 (generating, compiling and building the reference take 10–60 s per case). From ε³ on the
    /// evaluators meet the bound only up to the generator's own estimate of their worst error (docs/ACCURACY.md), which is
    /// added to it here; the compiled source must agree with the table to rounding as before.
    /// </summary>
    [Theory]
    [Trait("Category", "Slow")]
    [InlineData("abs", 3)]
    [InlineData("leaky:1/2", 3)]
    [InlineData("abs", 5)]
    [InlineData("leaky:1/100", 5)]
    public void Codegen_Activation_HigherOrders_CompiledSourceMeetsTheBoundPlusEstimate(string activation, int nOrder) =>
        CheckCompiled(activation, nOrder);

    private static void CheckCompiled(string activation, int nOrder)
    {
        var act = Activation.Parse(activation);
        var spec = new EvaluatorSpec(24, nOrder, "Scratch", "LawAct") { Activation = act };
        var plan = EvaluatorPlan.Create(spec);
        var compiled = EvaluatorCompiler.Compile(EvaluatorGenerator.Emit(plan), spec);
        var table = new TabulatedLaw(plan);
        var reference = new Degeneracy.TestSupport.HighPrecision.LawReference(Degeneracy.Series.Derivation.Derivation.Derive(24, nOrder, act));
        double extra = nOrder >= 3 ? Math.Max(plan.Drift.Switch.EstimatedError, plan.Sigma2.Switch.EstimatedError) : 0;
        bool Within(double value, Degeneracy.TestSupport.HighPrecision.FixedPoint r)
        {
            double rd = r.ToDouble() < 0 && value == 0 ? 0 : r.ToDouble();
            return Math.Abs(value - rd) <= 1e-12 + 1e-12 * Math.Abs(rd) + extra || (r.ToDouble() < 0 && value == 0);
        }
        foreach (var theta in new[] { 0.0, 1e-9, 0.3, 0.55, 1.0, Math.PI / 2, Math.BitIncrement(Math.PI / 2), 2.0, 2.9, Math.PI - 1e-9 })
            foreach (var n in new[] { 2.0, 64, 1e6 })
            {
                Assert.True(Within(compiled.Drift(theta, n), reference.Drift(theta, n)), $"drift({theta}, {n})");
                Assert.True(Within(compiled.Sigma2(theta, n), reference.Sigma2(theta, n)), $"sigma2({theta}, {n})");
                if (theta > 0) Assert.True(Within(compiled.Mu(theta, n), reference.Mu(theta, n)), $"mu({theta}, {n})");
                Assert.Equal(table.Drift(theta, n), compiled.Drift(theta, n), 2e-14 * (1 + Math.Abs(table.Drift(theta, n))) + 2 * extra);
            }
        Assert.Equal(table.Rho(5), compiled.Rho(5), 1e-16);
    }

    [Fact]
    public void Codegen_Activation_WritesFileNamingTheActivation()
    {
        string dir = Directory.CreateTempSubdirectory("degeneracy-codegen-").FullName;
        try
        {
            var (code, stdout, stderr) = Run("codegen", "--out", Path.Combine(dir, "AbsLaw.cs"), "--theta-order", "10", "--activation", "abs", "--class", "AbsLaw");
            Assert.Equal(0, code);
            Assert.Equal("", stderr);
            Assert.Contains("activation abs", stdout);
            string text = File.ReadAllText(Path.Combine(dir, "AbsLaw.cs"));
            Assert.Contains("--activation abs", text);
            Assert.Contains("Fold(theta)", text);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>For |x| and the identity the exact small-angle law is χ²_{n−1}/χ²_n, so ρ to order 1/n is exactly 1/n.</summary>
    [Fact]
    public void Eval_Activation_RhoOfAbsIsOneOverN_AndJsonNamesTheActivation()
    {
        var (code, stdout, stderr) = Run("eval", "--quantity", "rho", "--n", "4", "--n", "16", "--activation", "abs", "--format", "json");
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal("abs", doc.RootElement.GetProperty("activation").GetString());
        var values = doc.RootElement.GetProperty("values").EnumerateArray().Select(v => v.GetProperty("value").GetDouble()).ToArray();
        Assert.Equal(0.25, values[0], 1e-15);
        Assert.Equal(0.0625, values[1], 1e-15);
    }

    [Fact]
    public void Eval_Activation_ValuesAreTheLibraryLaw_AndReluOutputHasNoActivation()
    {
        var (code, stdout, _) = Run("eval", "--quantity", "sigma2", "--theta", "2", "--n", "10", "--activation", "leaky:1/2", "--format", "csv");
        Assert.Equal(0, code);
        double v = double.Parse(stdout.Split('\n')[1].Split(',')[2], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(LayerLaws.Series(1, Activation.Parse("leaky:1/2")).Sigma2(2, 10), v);
        var (_, relu, _) = Run("eval", "--quantity", "sigma2", "--theta", "2", "--n", "10", "--format", "json");
        Assert.DoesNotContain("activation", relu);
    }

    /// <summary>`eval --form exact --activation abs` reads the abs table: the values are the library's law for that table,
    /// the same at θ and π − θ (|x| is even, so the one-step law is), never collapsing, and the JSON names the activation.</summary>
    [Fact]
    public void Eval_ExactForm_Abs_IsTheAbsTable_SymmetricAndNeverCollapses()
    {
        var (code, stdout, stderr) = Run("eval", "--form", "exact", "--quantity", "drift", "--theta", "0.7", "--theta", "2.4415926535897931",
            "--n", "6", "--activation", "abs", "--format", "json");
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal("abs", doc.RootElement.GetProperty("activation").GetString());
        var v = doc.RootElement.GetProperty("values").EnumerateArray().Select(e => e.GetProperty("value").GetDouble()).ToArray();
        var table = Degeneracy.Verify.FiniteWidth.OneStepLawTable.For(Activation.Abs);
        Assert.Equal(Degeneracy.Verify.FiniteWidth.FiniteWidthLaws.Evaluate(0.7, 6, table).Mean, v[0]);
        Assert.Equal(v[0], v[1], 1e-9);   // θ and π − θ (to the rounding of the second --theta)
        Assert.NotEqual(Degeneracy.Verify.FiniteWidth.FiniteWidthLaws.Evaluate(0.7, 6).Mean, v[0]);   // not the ReLU table
        var (c2, collapse, _) = Run("eval", "--form", "exact", "--quantity", "collapse", "--theta", "1", "--n", "3", "--activation", "abs", "--format", "csv");
        Assert.Equal(0, c2);
        Assert.Equal("theta,n,collapse\n1,3,0\n", collapse);
    }

    /// <summary>
    /// A leaky slope has no table: eval --form exact computes the variance at run time on the 1.5× coarser grid, which the
    /// default grid (≤ 4e-8 from the independent width-2 oracle for ReLU) must confirm to 2e-5 (the measured coarse-grid
    /// difference is ≤ 7e-6).
    /// </summary>
    [Fact]
    public void EvalExact_LeakySlope_ComputesTheVarianceAtRunTime()
    {
        var (code, stdout, stderr) = Run("eval", "--form", "exact", "--quantity", "sigma2", "--theta", "1.5", "--n", "4",
            "--activation", "leaky:1/5", "--format", "json");
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        using var doc = JsonDocument.Parse(stdout);
        double value = doc.RootElement.GetProperty("values").EnumerateArray().Single().GetProperty("value").GetDouble();
        double reference = Degeneracy.Verify.FiniteWidth.OneStepQuadrature.Evaluate(1.5, [4], 0.2, 1.0)[0].VarianceLogR;
        Assert.True(Math.Abs(value - reference) <= 2e-5, $"{value:R} vs {reference:R}");
    }

    [Theory]
    [InlineData("eval", "--quantity", "mu", "--theta", "1", "--n", "4", "--form", "published", "--activation", "abs")]
    [InlineData("eval", "--quantity", "mu", "--theta", "1", "--n", "4", "--form", "exact", "--activation", "linear")]
    [InlineData("eval", "--quantity", "mu", "--theta", "1", "--n", "5000", "--form", "exact", "--activation", "leaky:1/2")]
    [InlineData("eval", "--quantity", "drift", "--theta", "1", "--n", "2000", "--form", "exact", "--activation", "abs")]
    [InlineData("predict", "--widths", "8x3", "--theta0", "1", "--method", "exact", "--activation", "leaky:1/100")]
    [InlineData("predict", "--widths", "8x3", "--theta0", "1", "--method", "series,paper", "--activation", "leaky:1/100")]
    [InlineData("eval", "--quantity", "mu", "--theta", "1", "--n", "4", "--activation", "leaky:abc")]
    public void ReluOnlyForms_WithAnotherActivation_ExitTwoWithOneLine(params string[] args)
    {
        var (code, stdout, stderr) = Run(args);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void Predict_Activation_OmitsReluOnlyMethods_WithWarning_AndCarriesTheActivation()
    {
        var (code, stdout, stderr) = Run("predict", "--widths", "16x3", "--theta0", "1.5", "--activation", "abs", "--samples", "2000", "--seed", "3", "--format", "json");
        Assert.Equal(0, code);
        Assert.Contains("omitted for the activation abs: paper (ReLU only)", stderr);
        Assert.DoesNotContain("exact (ReLU only)", stderr);   // exact has an abs table
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal("abs", doc.RootElement.GetProperty("activation").GetString());
        var methods = doc.RootElement.GetProperty("methods").EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Equal(["infinite", "linear", "series", "moment", "density", "exact-small-angle", "exact"], methods);
        // The infinite-width map of |x| at θ = 1.5: cos θ' = 2J̄_{1,1}(1.5) (J̄ = J^{(−1)}/2), closed form of docs/ACTIVATIONS.md.
        double j = ActivationJFunction.Evaluate(1, 1, Activation.Abs, 1.5) / 2, c = 2 * j;
        Assert.Equal(Math.Log(1 - c * c), doc.RootElement.GetProperty("methods").GetProperty("infinite").GetProperty("layers")[0].GetProperty("mean").GetDouble(), 1e-13);
        var (_, csv, _) = Run("predict", "--widths", "16x3", "--theta0", "1.5", "--activation", "abs", "--method", "series", "--format", "csv");
        Assert.StartsWith("activation,layer,width", csv);
        Assert.Contains("\nabs,1,16,", csv);
        var (_, text, _) = Run("predict", "--widths", "16x3", "--theta0", "1.5", "--activation", "abs", "--method", "series");
        Assert.Contains("activation abs", text.Split('\n')[0]);
    }

    /// <summary>The Monte Carlo column of `predict --activation` is the activation's chain: |x| never collapses exactly,
    /// and its mean agrees with the moment method within 4 SE at this moderate width (false alarm ≈ 6e-5).</summary>
    [Fact]
    public void Predict_Activation_MonteCarloIsTheActivationsChain()
    {
        var (code, stdout, _) = Run("predict", "--widths", "32x4", "--theta0", "1.5", "--activation", "abs", "--method", "moment", "--samples", "4000", "--seed", "11", "--format", "json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(stdout);
        var last = doc.RootElement.GetProperty("mc").GetProperty("layers")[3];
        double mean = last.GetProperty("mean").GetDouble(), se = last.GetProperty("meanStdError").GetDouble();
        double moment = doc.RootElement.GetProperty("methods").GetProperty("moment").GetProperty("layers")[3].GetProperty("mean").GetDouble();
        Assert.Equal(0, doc.RootElement.GetProperty("mc").GetProperty("degenerate").GetInt64());
        Assert.True(Math.Abs(moment - mean) <= 4 * se, $"moment {moment}, MC {mean} ± {se}");
    }
}
