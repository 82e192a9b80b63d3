using Degeneracy.TestSupport.Properties;
using Degeneracy.Series.FiniteWidth;
using FsCheck;
using FsCheck.Fluent;

namespace Degeneracy.Series.Tests.FiniteWidth;

/// <summary>
/// The closed forms of <see cref="ActivationPatternLaw"/> against an independent enumeration of the multinomial pattern
/// counts (k₁₁, k₁₀, k₀₁, k₀₀) with the collapse rule of the Monte Carlo step (no unit of X active, none of Y, or exactly one
/// unit active in the union) — a sum of positive terms, so it has no cancellation near θ = 0.
/// </summary>
public sealed class ActivationPatternLawTests
{
    /// <summary>(P(collapse), P(k₁₁ = 0, no collapse)) by enumerating the counts.</summary>
    private static (double Collapse, double RightAngle) Enumerate(double theta, int n)
    {
        double p = (Math.PI - theta) / (2 * Math.PI), q = theta / (2 * Math.PI);
        double collapse = 0, right = 0;
        for (int k11 = 0; k11 <= n; k11++)
            for (int k10 = 0; k10 <= n - k11; k10++)
                for (int k01 = 0; k01 <= n - k11 - k10; k01++)
                {
                    int k00 = n - k11 - k10 - k01;
                    double w = Math.Exp(LogFactorial(n) - LogFactorial(k11) - LogFactorial(k10) - LogFactorial(k01) - LogFactorial(k00))
                               * Pow(p, k11) * Pow(q, k10) * Pow(q, k01) * Pow(p, k00);
                    int na = k11 + k10, nb = k11 + k01, union = k11 + k10 + k01;
                    bool collapsed = na == 0 || nb == 0 || union == 1;
                    if (collapsed) collapse += w;
                    else if (k11 == 0) right += w;
                }
        return (collapse, right);
    }

    private static double Pow(double x, int k) => k == 0 ? 1 : Math.Pow(x, k);

    private static double LogFactorial(int k)
    {
        double s = 0;
        for (int i = 2; i <= k; i++) s += Math.Log(i);
        return s;
    }

    private static Arbitrary<(double Theta, int N)> Args =>
        (from i in Gen.Choose(0, 1_000_000)
         from n in Gen.Choose(2, 30)
         select (Math.PI * i / 1_000_000.0, n)).ToArbitrary();

    [Fact]
    public void Collapse_EqualsPatternEnumeration() =>
        PropertyCheck.Run(Prop.ForAll(Args, a =>
        {
            double exact = ActivationPatternLaw.Collapse(a.Theta, a.N), sum = Enumerate(a.Theta, a.N).Collapse;
            if (Math.Abs(exact - sum) > 1e-13 * sum) throw new Exception($"θ = {a.Theta:R}, n = {a.N}: {exact:R} vs {sum:R}");
            return true;
        }));

    [Fact]
    public void RightAngle_EqualsPatternEnumeration_AlsoNearZero() =>
        PropertyCheck.Run(Prop.ForAll(Args, a =>
        {
            foreach (double theta in new[] { a.Theta, a.Theta * 1e-6, a.Theta * 1e-3 })
            {
                double exact = ActivationPatternLaw.RightAngle(theta, a.N), sum = Enumerate(theta, a.N).RightAngle;
                if (Math.Abs(exact - sum) > 1e-12 * sum + 1e-300) throw new Exception($"θ = {theta:R}, n = {a.N}: {exact:R} vs {sum:R}");
            }
            return true;
        }));

    [Theory]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(40)]
    public void Collapse_AtZero_IsBinomialAtMostOneActive(int n) =>
        // θ = 0: the pair coincides, so collapse is k ≤ 1 of Binomial(n, 1/2): (n + 1)2⁻ⁿ.
        Assert.Equal((n + 1) * Math.Pow(2, -n), ActivationPatternLaw.Collapse(0, n), 1e-15);

    [Fact]
    public void RightAngle_AtPi_IsAllSurvivors() =>
        // θ = π: no unit is active in both, so every surviving pair is orthogonal.
        Assert.Equal(1.0, ActivationPatternLaw.RightAngleGivenSurvival(Math.PI, 5), 15);

    [Fact]
    public void BadInput_IsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>("n", () => ActivationPatternLaw.Collapse(1, 1));
        Assert.Throws<ArgumentOutOfRangeException>("theta", () => ActivationPatternLaw.Collapse(-0.1, 4));
        Assert.Throws<ArgumentOutOfRangeException>("theta", () => ActivationPatternLaw.RightAngle(double.NaN, 4));
    }
}
