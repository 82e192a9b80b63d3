using Degeneracy.JFunctions;
using Degeneracy.Symbolic;
using Degeneracy.TestSupport.HighPrecision;
using Xunit.Abstractions;

namespace Degeneracy.JFunctions.Tests;

/// <summary>
/// The double evaluator <see cref="JFunction"/> against the fixed-point reference <see cref="JReference"/> (exact
/// closed form, ≥ 192-bit arithmetic, precision grown near θ = π), on a grid that includes θ → 0 (down to 1e-300),
/// θ → π (down to π − 1e-15 and the last doubles below Math.PI) and both sides of each evaluator's switch point.
/// </summary>
public class JFunctionAccuracyTests(ITestOutputHelper output)
{
    private static IEnumerable<double> Grid(JFunction f)
    {
        for (int i = 0; i <= 64; i++) yield return i == 64 ? Math.PI : Math.PI * i / 64;
        for (double e = -300; e <= -1; e += e < -20 ? 20 : 1) yield return Math.Pow(10, e);        // θ → 0
        for (double e = -15; e <= -1; e += 0.5) yield return Math.PI - Math.Pow(10, e);          // θ → π
        double x = Math.PI;
        for (int i = 0; i < 4; i++) { yield return x; x = Math.BitDecrement(x); }                 // last doubles below π
        if (f.SeriesSwitch > 0)
            foreach (var r in new[] { 0.5, 0.999, 0.99999999, 1.00000001, 1.001, 1.5 })
                if (f.SeriesSwitch * r < Math.PI) yield return Math.PI - f.SeriesSwitch * r;     // both sides of the switch
    }

    private static IEnumerable<(int A, int B)> Indices()
    {
        for (int a = 0; a <= 8; a++)
            for (int b = 0; b <= 8; b++) yield return (a, b);
        foreach (var p in new[] { (12, 12), (12, 5), (10, 3), (11, 11), (1, 12) }) yield return p;
    }

    /// <summary>Worst ulp error per (a, b) over the grid, computed once for both tests below.</summary>
    private static readonly Lazy<(int A, int B, double Theta, double Ulps, double Value, double Reference)[]> Worst = new(() =>
        Indices().Select(p =>
        {
            var f = JFunction.Get(p.A, p.B);
            return Grid(f).Distinct().AsParallel().Select(theta =>
            {
                Rational reference = JReference.Evaluate(p.A, p.B, theta);
                double value = f.Evaluate(theta);
                return (p.A, p.B, theta, JReference.UlpError(value, reference), value, reference.ToDouble());
            }).ToArray().MaxBy(e => e.Item4);
        }).ToArray());

    private void Check(Func<(int A, int B), double> bound)
    {
        var worst = Worst.Value;
        var max = worst.MaxBy(w => w.Ulps);
        output.WriteLine($"max {max.Ulps:F2} ulps at J_{{{max.A},{max.B}}}({max.Theta:R}): {max.Value:R} vs {max.Reference:R}");
        foreach (var w in worst.Where(w => w.Ulps > 4).OrderByDescending(w => w.Ulps))
            output.WriteLine($"  J_{{{w.A},{w.B}}}({w.Theta:R}): {w.Ulps:F2} ulps");
        var bad = worst.Where(w => w.Ulps > bound((w.A, w.B))).ToArray();
        Assert.True(bad.Length == 0, "JFunction beyond its bound: " + string.Join("; ",
            bad.Select(w => $"J_{{{w.A},{w.B}}}({w.Theta:R}) = {w.Value:R}, reference {w.Reference:R}: {w.Ulps:F1} ulps")));
    }

    /// <summary>
    /// The accuracy target: a few ulps everywhere. Measured: max 5.8 ulps (J_{7,8}(0.1), closed form), ≤ 4.9 ulps
    /// elsewhere, for every (a, b) of the grid (a, b ≤ 8 and five pairs up to 12).
    /// </summary>
    [Fact]
    public void Evaluate_AgreesWithHighPrecisionReference_WithinEightUlps() => Check(_ => 8);

    /// <summary>
    /// History of this bound: before JFunction's switch criterion was fixed the worst case was 149 ulps
    /// (J_{3,3}(0.00314), t-series used on all of [0, π]); then 16 ulps (a, b ≤ 8) and 58 ulps (J_{12,12}) in the middle
    /// of [0, π], where both the closed form and the series about π cancel — now covered by fixed-point Taylor patches
    /// (JFunction.PatchRange) — and (a+b+1)/2 ulps near π from rounding t = π − θ — now formed in double-double.
    /// </summary>
    [Fact]
    public void PatchRange_IsWhereBothFormsCancel_AndAbsentForJ11()
    {
        Assert.Equal((0.0, 0.0), JFunction.Get(1, 1).PatchRange);
        var (lo, hi) = JFunction.Get(8, 8).PatchRange;
        Assert.True(lo > 1.4 && hi < 2.7 && hi > lo, $"J_8,8 patches on [{lo}, {hi}]");
    }

    [Theory]
    [InlineData(1, 1, 0.5)]
    [InlineData(2, 2, 1.0)]
    [InlineData(3, 1, 2.0)]
    public void Reference_MatchesKnownForms(int a, int b, double theta)
    {
        // docs/THEORY.md §2 known cases, evaluated with Math.Sin/Cos: agreement to 1e-14 checks the reference itself.
        double s = Math.Sin(theta), c = Math.Cos(theta), pt = Math.PI - theta;
        double known = (a, b) switch
        {
            (1, 1) => (s + pt * c) / (2 * Math.PI),
            (2, 2) => (pt * (2 * c * c + 1) + 3 * s * c) / (2 * Math.PI),
            _ => (3 * pt * c + s * c * c + 2 * s) / (2 * Math.PI),
        };
        Assert.Equal(known, JReference.EvaluateDouble(a, b, theta), 1e-14);
    }

    [Fact]
    public void Reference_NearPi_FollowsLeadingTerm()
    {
        // J_{1,1}(π − t) = t³/(6π) + O(t⁵) (from the closed form's expansion); at t ≈ 1.22e-16 (θ = Math.PI) the
        // O(t²) relative correction is far below double resolution, so this checks the cancellation handling.
        double t = (FixedPoint.Pi(200) - FixedPoint.FromDouble(Math.PI, 200)).ToDouble();
        double expected = t * t * t / (6 * Math.PI);
        Assert.Equal(expected, JReference.EvaluateDouble(1, 1, Math.PI), expected * 1e-14);
    }
}
