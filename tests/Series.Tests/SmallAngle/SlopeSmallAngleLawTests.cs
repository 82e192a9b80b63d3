using Degeneracy.JFunctions;
using Degeneracy.Series.SmallAngle;
using Degeneracy.Symbolic;
using MathNet.Numerics.Distributions;
using Xunit.Abstractions;

namespace Degeneracy.Series.Tests.SmallAngle;

/// <summary>
/// Exact finite-n small-angle values for every slope (<see cref="SlopeSmallAngleLaw"/>) against closed forms (s = 0
/// per k, n = 2 for every s), quadrature convergence, the s ↔ 1/s symmetry, the exact 1/n series at large n, and a
/// direct Monte Carlo of the limit law R.
/// </summary>
public class SlopeSmallAngleLawTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(4)]
    [InlineData(16)]
    [InlineData(64)]
    public void Conditional_AtWeightZero_IsTheChiSquareRatio(int n)
    {
        // w = 0: R = χ²_{k−1}/χ²_k, so E ln R = −g(k), Var ln R = t(k) — the general formula with c = 0 and h = β.
        for (int k = 2; k <= n; k += Math.Max(1, n / 8))
        {
            var (mean, variance) = SlopeSmallAngleLaw.Conditional(n, k, 0.0);
            Assert.Equal(-HalfIntegerPolygamma.DigammaDifference(k), mean, 1e-13);
            Assert.Equal(HalfIntegerPolygamma.TrigammaSum(k), variance, 1e-13);
        }
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(1, 100)]
    [InlineData(-3, 7)]
    [InlineData(5, 1)]
    public void WidthTwo_HasTheClosedForm(int p, int q)
    {
        // n = 2: k = 0, 2 give χ²_1/χ²_2; k = 1 gives R = c·χ²₁/χ²₂ with β arcsine and
        // E ln h = 2 ln((1 + √w)/2), so ρ(2; s) = 2 ln(1 + |s|) − ln|s|.
        double s = (double)p / q;
        var (rho, _) = SlopeSmallAngleLaw.Evaluate(2, new Rational(p, q));
        Assert.Equal(2 * Math.Log(1 + Math.Abs(s)) - Math.Log(Math.Abs(s)), rho, 1e-13);
    }

    [Theory]
    [InlineData(4, 0.25)]
    [InlineData(16, 0.01)]
    [InlineData(16, 1e-4)]
    [InlineData(64, 9.0 / 49)]
    public void Quadrature_HalvedSteps_AgreeTo1e13(int n, double w)
    {
        var coarse = SlopeSmallAngleLaw.EvaluateByQuadrature(n, w);
        var fine = SlopeSmallAngleLaw.EvaluateByQuadrature(n, w, stepScale: 0.5);
        output.WriteLine($"n={n} w={w}: ρ {coarse.Rho:R} vs {fine.Rho:R}; σ² {coarse.Variance:R} vs {fine.Variance:R}");
        Assert.Equal(fine.Rho, coarse.Rho, 1e-13);
        Assert.Equal(fine.Variance, coarse.Variance, 1e-13);
    }

    [Fact]
    public void SlopeAndItsReciprocal_HaveTheSameLaw()
    {
        // Λ/w has weights 1/w and 1 with k ↔ n − k, and k ~ Binomial(n, ½) is symmetric; R does not see the scale.
        var a = SlopeSmallAngleLaw.Evaluate(8, new Rational(1, 2));
        var b = SlopeSmallAngleLaw.Evaluate(8, new Rational(-2, 1));
        Assert.Equal(a.Rho, b.Rho, 1e-13);
        Assert.Equal(a.Variance, b.Variance, 1e-13);
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(-3, 7)]
    public void LargeWidth_AgreesWithTheExactSeriesToItsFifthTerm(int p, int q)
    {
        // At n = 512 the series through n⁻⁴ misses by c₅n⁻⁵ + O(n⁻⁶); the quadrature must reproduce that gap to 5 %.
        const int n = 512;
        var slope = new Rational(p, q);
        var (c, d) = ActivationSmallAngleLaw.DeltaMethod(5, slope);
        var (rho, variance) = SlopeSmallAngleLaw.EvaluateByQuadrature(n, (slope * slope).ToDouble());
        Check("ρ", rho, c);
        Check("σ²", variance, d);

        void Check(string name, double exact, Rational[] coefficients)
        {
            double s4 = SmallAngleLaw.SumSeries(coefficients[..5], n), fifth = coefficients[5].ToDouble() * Math.Pow(n, -5);
            output.WriteLine($"s={slope} {name}: exact {exact:R}, series to n^-4 {s4:R}, gap {exact - s4:E3}, c5/n^5 {fifth:E3}");
            Assert.InRange(exact - s4, fifth - 0.05 * Math.Abs(fifth) - 1e-14, fifth + 0.05 * Math.Abs(fifth) + 1e-14);
        }
    }

    [Theory]
    [InlineData(1, 2, 4)]
    [InlineData(1, 2, 16)]
    [InlineData(1, 10, 4)]
    [InlineData(1, 10, 16)]
    [InlineData(-3, 7, 4)]
    [InlineData(-3, 7, 16)]
    public void MonteCarloOfTheLimitLaw_Agrees(int p, int q, int n)
    {
        // R = ‖P⊥_u v‖²/‖u‖², u, v iid N(0, Λ), λ_i ∈ {1, s²} fair coins, sampled directly (fixed seed, 200 000 draws).
        // 4 SE on each of 12 comparisons (6 cases × mean, variance): false-alarm rate ≈ 12 × 6.3e-5 ≈ 8e-4 per seed.
        double s = (double)p / q;
        var rng = new Random(1000 * n + 17 * q + p);
        const int samples = 200_000;
        double[] values = new double[samples];
        for (int i = 0; i < samples; i++)
        {
            double uu = 0, vv = 0, uv = 0;
            for (int j = 0; j < n; j++)
            {
                double lambda = rng.Next(2) == 0 ? 1.0 : s * s;
                double u = Normal.Sample(rng, 0, 1), v = Normal.Sample(rng, 0, 1);
                uu += lambda * u * u; vv += lambda * v * v; uv += lambda * u * v;
            }
            values[i] = Math.Log((uu * vv - uv * uv) / (uu * uu));
        }
        double mean = values.Average(), m2 = values.Average(x => (x - mean) * (x - mean)), m4 = values.Average(x => Math.Pow(x - mean, 4));
        var (rho, variance) = SlopeSmallAngleLaw.Evaluate(n, new Rational(p, q));
        double zMean = (mean + rho) / Math.Sqrt(m2 / samples), zVar = (m2 - variance) / Math.Sqrt((m4 - m2 * m2) / samples);
        output.WriteLine($"s={p}/{q} n={n}: −E ln R {-mean:R} vs ρ {rho:R} (z {zMean:F2}); Var {m2:R} vs σ² {variance:R} (z {zVar:F2})");
        Assert.InRange(zMean, -4, 4);
        Assert.InRange(zVar, -4, 4);
    }

    [Fact]
    public void ReluAbsLinear_DelegateToTheirClosedForms()
    {
        Assert.Equal(SmallAngleLaw.Rho(16), SlopeSmallAngleLaw.Evaluate(16, Rational.Zero).Rho);
        Assert.Equal(HalfIntegerPolygamma.DigammaDifference(16), SlopeSmallAngleLaw.Evaluate(16, Rational.MinusOne).Rho);
        Assert.Equal(ActivationSmallAngleLaw.Evaluate(16, Activation.Linear), SlopeSmallAngleLaw.Evaluate(16, Rational.One));
        Assert.Equal("n", Assert.Throws<ArgumentOutOfRangeException>(() => SlopeSmallAngleLaw.Evaluate(1, new Rational(1, 2))).ParamName);
    }
}
