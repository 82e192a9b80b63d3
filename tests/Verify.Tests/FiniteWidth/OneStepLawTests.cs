using Degeneracy.JFunctions;
using Degeneracy.Series.FiniteWidth;
using Degeneracy.Series.SmallAngle;
using Degeneracy.Verify.FiniteWidth;
using Degeneracy.Verify.MonteCarlo;
using Degeneracy.Verify.Statistics;

namespace Degeneracy.Verify.Tests.FiniteWidth;

/// <summary>
/// The finite-width one-step law: collapse and the θ' = π/2 atom against Monte Carlo counts (exact closed forms), the
/// tabulated continuous part against independent Monte Carlo (different seeds from the table's), against the exact
/// small-angle law as θ → 0, and its reproducibility from the regeneration command.
/// </summary>
public sealed class OneStepLawTests
{
    /// <summary>
    /// One step of the reduced chain: collapsed count and right-angle count (sin²θ' = 1 exactly) against the closed forms,
    /// binomial tolerance 4 SE (two-sided false-alarm rate 6e-5 per comparison, 16 comparisons).
    /// </summary>
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(10)]
    public void CollapseAndRightAngle_MatchMonteCarloCounts(int n)
    {
        const long samples = 200_000;
        foreach (double theta in new[] { 0.5, 2.5 })
        {
            var mc = ReducedChainSampler.Run([n], theta, samples, 4242, collectSamples: true);
            long collapsed = mc.Layers[0].Degenerate;
            double pc = ActivationPatternLaw.Collapse(theta, n);
            double se = Math.Sqrt(samples * pc * (1 - pc));
            Assert.True(Math.Abs(collapsed - samples * pc) <= 4 * se + 1, $"n = {n}, θ = {theta}: {collapsed} collapsed, expected {samples * pc:F1} ± {se:F1}");
            long survivors = samples - collapsed, right = mc.SurvivingSamples(1).LongCount(x => x == 0);
            double pa = ActivationPatternLaw.RightAngleGivenSurvival(theta, n);
            double sa = Math.Sqrt(survivors * pa * (1 - pa));
            Assert.True(Math.Abs(right - survivors * pa) <= 4 * sa + 1, $"n = {n}, θ = {theta}: {right} at π/2, expected {survivors * pa:F1} ± {sa:F1}");
        }
    }

    /// <summary>
    /// Drift and variance of the table against an independent Monte Carlo (seed 77, 400 000 samples) at narrow widths
    /// and angles across (0, π). Tolerance: 4 combined standard errors (MC and the table's own, the latter taken as 1.5× the
    /// largest node SE of that width to cover interpolation), false-alarm rate ~1e-4 per comparison.
    /// </summary>
    [Theory]
    [InlineData(2, 1.5)]
    [InlineData(4, 0.5)]
    [InlineData(10, 1.5)]
    [InlineData(16, 0.05)]
    public void Table_MatchesIndependentMonteCarlo(int n, double theta)
    {
        var (mean, meanSe, variance, varianceSe) = OneStepMonteCarlo(n, theta, 400_000, 77);
        var law = FiniteWidthLaws.Evaluate(theta, n);
        var (tableSe, tableVarSe) = TableErrors(n);
        Assert.True(Math.Abs(law.Mean - mean) <= 4 * Math.Sqrt(meanSe * meanSe + tableSe * tableSe),
            $"drift: table {law.Mean:R}, MC {mean:R} ± {meanSe:R}, table se {tableSe:R}");
        Assert.True(Math.Abs(law.Variance - variance) <= 4 * Math.Sqrt(varianceSe * varianceSe + tableVarSe * tableVarSe),
            $"variance: table {law.Variance:R}, MC {variance:R} ± {varianceSe:R}");
    }

    /// <summary>
    /// The full grid n ∈ {2, 3, 4, 6, 10, 16} × θ ∈ {0.05, 0.5, 1.5, 2.5}, against 10⁷ Monte Carlo samples each (seed 78),
    /// same tolerance rule as <see cref="Table_MatchesIndependentMonteCarlo"/>. Opt-in (several minutes).
    /// </summary>
    [Theory]
    [Trait("Category", "Slow")]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(6)]
    [InlineData(10)]
    [InlineData(16)]
    public void Table_MatchesLongMonteCarlo_OnTheFullGrid(int n)
    {
        var failures = new List<string>();
        foreach (double theta in new[] { 0.05, 0.5, 1.5, 2.5 })
        {
            var (mean, meanSe, variance, varianceSe) = OneStepMonteCarlo(n, theta, 10_000_000, 78);
            var law = FiniteWidthLaws.Evaluate(theta, n);
            var (tableSe, tableVarSe) = TableErrors(n);
            string line = $"n = {n}, θ = {theta}: drift {law.Mean:F5} vs {mean:F5} ± {meanSe:F5}, variance {law.Variance:F5} vs {variance:F5} ± {varianceSe:F5} (table se {tableSe:F5})";
            Console.WriteLine(line);
            if (Math.Abs(law.Mean - mean) > 4 * Math.Sqrt(meanSe * meanSe + tableSe * tableSe)
                || Math.Abs(law.Variance - variance) > 4 * Math.Sqrt(varianceSe * varianceSe + tableVarSe * tableVarSe))
                failures.Add(line);
        }
        Assert.True(failures.Count == 0, string.Join("; ", failures));
    }

    /// <summary>
    /// As θ → 0 the law is the exact small-angle law (−ρ_exact(n), σ²_exact(0, n)): the table's node θ = 0 carries those
    /// values (the sampler's agreement with them is <see cref="OneStepNodeEstimatorTests.NearZero_MatchesTheExactSmallAngleLaw"/>);
    /// this checks the interpolation reproduces them at θ = 10⁻⁹ (1e-6) and that the atom vanishes.
    /// </summary>
    [Theory]
    [InlineData(3)]
    [InlineData(10)]
    [InlineData(30)]
    public void Table_AtSmallAngle_MatchesExactSmallAngleLaw(int n)
    {
        var exact = SmallAngleLaw.Evaluate(n);
        var law = FiniteWidthLaws.Evaluate(1e-9, n);
        Assert.True(Math.Abs(law.Mean + exact.Rho) <= 1e-6, $"drift {law.Mean:R} vs −ρ = {-exact.Rho:R}");
        Assert.True(Math.Abs(law.Variance - exact.Variance) <= 1e-6 * exact.Variance, $"variance {law.Variance:R} vs {exact.Variance:R}");
        Assert.Equal(0, law.RightAngle, 12);
    }

    /// <summary>The table's standard errors at width n (1.5 × the largest node SE, to cover interpolation), mean and variance.</summary>
    private static (double Mean, double Variance) TableErrors(int n)
    {
        var errors = OneStepLawTable.Default.NodeErrors(n);
        return (1.5 * errors.Max(e => e.MeanStdError), 1.5 * errors.Max(e => e.VarianceStdError));
    }

    /// <summary>The shipped row for (n = 16, θ = π/2) is reproduced bit for bit by the builder with the table's parameters (moments by quadrature, cells by sampling).</summary>
    [Fact]
    public void Table_RowRegenerates()
    {
        using var stream = typeof(OneStepLawTable).Assembly.GetManifestResourceStream("Degeneracy.Verify.one-step-law.csv")!;
        using var reader = new StreamReader(stream);
        var lines = reader.ReadToEnd().Split('\n');
        var made = lines.First(l => l.StartsWith("# made by:", StringComparison.Ordinal));
        string Arg(string name) => made.Split(' ').SkipWhile(a => a != name).Skip(1).First();
        long pairs = long.Parse(Arg("--pairs"), System.Globalization.CultureInfo.InvariantCulture);
        ulong seed = ulong.Parse(Arg("--seed"), System.Globalization.CultureInfo.InvariantCulture);
        int order = int.Parse(Arg("--order"), System.Globalization.CultureInfo.InvariantCulture);
        int cells = int.Parse(Arg("--cells"), System.Globalization.CultureInfo.InvariantCulture);
        int node = order / 2;
        var shipped = lines.Single(l => l.StartsWith($"16,{node},", StringComparison.Ordinal)).TrimEnd('\r');
        double theta = OneStepLawTable.Nodes(order)[node];
        var moments = OneStepLawTableBuilder.NodeMoments([16], theta, Activation.Relu, null).Single().Moments;
        var row = OneStepLawTableBuilder.Row(16, node, theta, false, OneStepLawTable.Levels(cells), pairs, seed, null, Activation.Relu, moments);
        Assert.Equal(shipped, row);
    }

    [Fact]
    public void Cdf_IsMonotoneWithTheAtomAtMinusLnSin2()
    {
        var law = FiniteWidthLaws.Evaluate(Math.PI / 2, 10);
        Assert.True(law.RightAngle > 0.05 && law.RightAngle < 0.06);
        Assert.Equal(0, law.RightAngleL, 14);
        Assert.Equal(1 - law.RightAngle, law.Cdf(-1e-12), 3);
        Assert.Equal(1, law.Cdf(0));
        double previous = 0;
        for (double l = -20; l <= 0; l += 0.01)
        {
            double c = law.Cdf(l);
            Assert.True(c >= previous);
            previous = c;
        }
    }

    [Fact]
    public void BadInput_IsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>("n", () => FiniteWidthLaws.Evaluate(1, 1));
        Assert.Throws<ArgumentOutOfRangeException>("theta", () => FiniteWidthLaws.Evaluate(4, 10));
        Assert.Throws<ArgumentOutOfRangeException>("n", () => OneStepLawTable.Default.Evaluate(1, 100_000));
    }

    /// <summary>Mean and variance of L over surviving samples of one step, with their standard errors.</summary>
    internal static (double Mean, double MeanSe, double Variance, double VarianceSe) OneStepMonteCarlo(int n, double theta, long samples, ulong seed)
    {
        var mc = ReducedChainSampler.Run([n], theta, samples, seed);
        var l = mc.Layers[0];
        double shift = 2 * Math.Log(Math.Sin(theta));
        return (l.Mean - shift, l.MeanStdError, l.Variance, l.VarianceStdError);
    }
}
