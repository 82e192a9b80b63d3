using Degeneracy.TestSupport.FiniteWidth;
using Degeneracy.TestSupport.Properties;
using Degeneracy.Verify.FiniteWidth;
using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.Integration;
using Xunit.Abstractions;

namespace Degeneracy.Verify.Tests.FiniteWidth;

/// <summary>
/// The deterministic one-step moments (<see cref="OneStepQuadrature"/>): its one-unit transform against a direct
/// integration over the polar angle, the width-2 moments against the independent <see cref="TwoUnitLawOracle"/>,
/// determinism, and argument checks. The heavier comparisons (small-angle law, Monte Carlo, 1/n series) are in
/// <see cref="OneStepQuadratureSlowTests"/>.
/// </summary>
public sealed class OneStepQuadratureTests(ITestOutputHelper output)
{
    private static readonly double[] Slopes = [0, -1, 0.3, -0.5];

    /// <summary>A value in [0, hi], exactly 0 one time in five (the T = 0 faces of the domain).</summary>
    private static Gen<double> NonNegative(double hi) =>
        Gen.Frequency((1, Gen.Constant(0.0)), (4, Gen.Choose(0, 1_000_000).Select(k => hi * k / 1e6)));

    private static readonly Gen<(double Theta, double Slope, double Sigma, double X, double U, double Tau)> TransformArgs =
        from t in Gen.Choose(0, 1_000_000)
        from i in Gen.Choose(0, Slopes.Length - 1)
        from sigma in NonNegative(50)
        from x in Gen.Choose(-1_000_000, 1_000_000)
        from u in NonNegative(50)
        from tau in NonNegative(50)
        select (0.01 + (Math.PI - 0.02) * t / 1e6, Slopes[i], sigma, 5.0 * x / 1e6, u, tau);

    /// <summary>
    /// ψ(T) = (1/2π)∫dϕ/(1 + 2q) and −∂ψ/∂T₁₁ = (1/2π)∫2z₁²/(1 + 2q)² dϕ, q = zᵀTz, z = (φ(cos ϕ), φ(cos(ϕ − θ))) (the
    /// radial integral done: E_r e^{−r²q} = 1/(1 + 2q), E_r r²e^{−r²q} = 2/(1 + 2q)² for r²/2 ~ Exp(1)); the circle is cut
    /// at the kinks ±π/2, θ ± π/2 and each arc integrated by composite 32-point Gauss–Legendre on <paramref name="panels"/>
    /// equal panels (the integrand is analytic on each arc; its poles lie ≳ 1/√(2‖T‖) ≥ 0.015 off the real axis here).
    /// </summary>
    internal static (double Psi, double MinusDerivative11) PolarTransform(double theta, double slope, double sigma, double x, double u, double tau, int panels = 96)
    {
        var cuts = new List<double> { -Math.PI, Math.PI, -Math.PI / 2, Math.PI / 2 };
        foreach (double k in new[] { theta - Math.PI / 2, theta + Math.PI / 2 }) cuts.Add(k > Math.PI ? k - 2 * Math.PI : k);
        cuts.Sort();
        double Phi(double v) => v >= 0 ? v : slope * v;
        double Q(double ph, out double z1)
        {
            z1 = Phi(Math.Cos(ph));
            double z2 = Phi(Math.Cos(ph - theta)), w = x * z1 + z2;
            return sigma * w * w + u * z1 * z1 + tau * z2 * z2;
        }
        double psi = 0, beta = 0;
        for (int i = 0; i + 1 < cuts.Count; i++)
        {
            double lo = cuts[i], step = (cuts[i + 1] - lo) / panels;
            if (step <= 0) continue;
            for (int p = 0; p < panels; p++)
            {
                double a = lo + p * step, b = a + step;
                psi += GaussLegendreRule.Integrate(ph => 1 / (1 + 2 * Q(ph, out _)), a, b, 32);
                beta += GaussLegendreRule.Integrate(ph => { double q = Q(ph, out double z1); return 2 * z1 * z1 / ((1 + 2 * q) * (1 + 2 * q)); }, a, b, 32);
            }
        }
        return (psi / (2 * Math.PI), beta / (2 * Math.PI));
    }

    /// <summary>
    /// The closed-form arc sums of <see cref="OneStepQuadrature"/> (ψ and −∂ψ/∂T₁₁) equal the polar integration to 1e-12
    /// relative on random θ, α, T (150 cases, a fifth of the σ, u, τ exactly 0). Measured worst case: 3.6e-14 (ψ) and
    /// 1.8e-14 (−∂ψ/∂T₁₁), the reference's own level (<see cref="PolarReference_IsConverged"/>); a wrong arc matrix, end
    /// point or branch of atan2 is an O(1) relative error.
    /// </summary>
    [Fact]
    public void UnitTransform_MatchesPolarIntegration()
    {
        double worstPsi = 0, worstBeta = 0;
        PropertyCheck.Run(Prop.ForAll(TransformArgs.ToArbitrary(), a =>
        {
            var (psi, beta) = OneStepQuadrature.UnitTransform(a.Theta, a.Slope, a.Sigma, a.X, a.U, a.Tau);
            var (rp, rb) = PolarTransform(a.Theta, a.Slope, a.Sigma, a.X, a.U, a.Tau);
            double ep = Math.Abs(psi - rp) / rp, eb = Math.Abs(beta - rb) / rb;
            worstPsi = Math.Max(worstPsi, ep);
            worstBeta = Math.Max(worstBeta, eb);
            if (!(ep <= 1e-12 && eb <= 1e-12))
                throw new Exception($"{a}: ψ {psi:R} vs {rp:R} (rel {ep:E2}); −∂ψ/∂T₁₁ {beta:R} vs {rb:R} (rel {eb:E2})");
            return true;
        }), 150);
        output.WriteLine($"worst relative deviation over 150 cases: ψ {worstPsi:E2}, −∂ψ/∂T₁₁ {worstBeta:E2}");
    }

    /// <summary>The polar reference is converged: halving its panels changes it by &lt; 1e-13 relative (measured ≤ 2.3e-14) at
    /// hard cases (large σ and |x|; a zero of x z₁ + z₂ inside an arc for the leaky slope; θ = 0.02), where the closed form
    /// agrees to 1e-12 (measured ≤ 2e-14).</summary>
    [Theory]
    [InlineData(0.3, 0.3, 50, -5, 0, 0)]
    [InlineData(2.9, -0.5, 50, 5, 0, 50)]
    [InlineData(0.02, 0, 50, -1, 0, 0)]
    public void PolarReference_IsConverged(double theta, double slope, double sigma, double x, double u, double tau)
    {
        var fine = PolarTransform(theta, slope, sigma, x, u, tau);
        var coarse = PolarTransform(theta, slope, sigma, x, u, tau, panels: 48);
        var (psi0, beta0) = OneStepQuadrature.UnitTransform(theta, slope, sigma, x, u, tau);
        output.WriteLine($"reference moved {Math.Abs(fine.Psi - coarse.Psi) / fine.Psi:E2}, {Math.Abs(fine.MinusDerivative11 - coarse.MinusDerivative11) / fine.MinusDerivative11:E2}; "
                         + $"closed form vs reference {Math.Abs(psi0 - fine.Psi) / fine.Psi:E2}, {Math.Abs(beta0 - fine.MinusDerivative11) / fine.MinusDerivative11:E2}");
        Assert.True(Math.Abs(fine.Psi - coarse.Psi) <= 1e-13 * fine.Psi, $"ψ {fine.Psi:R} vs {coarse.Psi:R}");
        Assert.True(Math.Abs(fine.MinusDerivative11 - coarse.MinusDerivative11) <= 1e-13 * fine.MinusDerivative11,
            $"β {fine.MinusDerivative11:R} vs {coarse.MinusDerivative11:R}");
        Assert.True(Math.Abs(psi0 - fine.Psi) <= 1e-12 * fine.Psi && Math.Abs(beta0 - fine.MinusDerivative11) <= 1e-12 * fine.MinusDerivative11,
            $"ψ {psi0:R} vs {fine.Psi:R}; β {beta0:R} vs {fine.MinusDerivative11:R}");
    }

    /// <summary>At T = 0: ψ = 1 (a probability) and −∂ψ/∂T₁₁ = E[φ(u)²] = (1 + α²)/2.</summary>
    [Theory]
    [InlineData(0.3, 0.0)]
    [InlineData(1.0, -1.0)]
    [InlineData(2.0, 0.3)]
    [InlineData(3.1, -0.5)]
    public void UnitTransform_AtZero_IsMassAndSecondMoment(double theta, double slope)
    {
        var (psi, beta) = OneStepQuadrature.UnitTransform(theta, slope, 0, 0, 0, 0);
        Assert.True(Math.Abs(psi - 1) <= 1e-15, $"ψ(0) = {psi:R}");
        Assert.True(Math.Abs(beta - (1 + slope * slope) / 2) <= 1e-15, $"−∂ψ/∂T₁₁(0) = {beta:R}, expected {(1 + slope * slope) / 2:R}");
    }

    /// <summary>
    /// ReLU, n = 2, against <see cref="TwoUnitLawOracle"/> (accurate to ~1e-11) on the 1.5× coarser grid. P(cont) is the
    /// transform at T = 0, exact up to rounding: 1e-12. The coarse grid's own error, measured against the default grid
    /// (which itself agrees with the oracle to ≤ 4e-8), is ~2e-7 in the mean and ~5e-6 in the variance, so 1e-6 and 2e-5
    /// leave a factor ~3–5 (measured here: mean 1.8e-7 at all three angles, variance 4.7e-6 … 6.9e-6); an error in the
    /// moment identities or the continuous-part transform is O(1e-2) or larger.
    /// </summary>
    [Theory]
    [InlineData(0.03)]
    [InlineData(1.0)]
    [InlineData(2.5)]
    public void Relu_Width2_MatchesTheTwoUnitOracle(double theta)
    {
        var m = OneStepQuadrature.Evaluate(theta, [2], 0, 1.5)[0];
        var (probability, mean, variance) = TwoUnitLawOracle.Moments(theta);
        output.WriteLine($"θ = {theta}: P(cont) dev {m.Continuous - probability:E2}, mean dev {m.MeanLogR - mean:E2}, variance dev {m.VarianceLogR - variance:E2}");
        Assert.True(Math.Abs(m.Continuous - probability) <= 1e-12, $"P(cont) {m.Continuous:R} vs {probability:R}");
        Assert.True(Math.Abs(m.MeanLogR - mean) <= 1e-6, $"mean {m.MeanLogR:R} vs {mean:R} ({m.MeanLogR - mean:E2})");
        Assert.True(Math.Abs(m.VarianceLogR - variance) <= 2e-5, $"variance {m.VarianceLogR:R} vs {variance:R} ({m.VarianceLogR - variance:E2})");
    }

    /// <summary>A width's moments do not depend on the other widths requested nor on the thread count (bit for bit; the coarsest grid, since accuracy is not the point).</summary>
    [Fact]
    public void Moments_DoNotDependOnTheWidthListOrThreads()
    {
        const double theta = 1.2;
        var many = OneStepQuadrature.Evaluate(theta, [2, 16, 24], 0, 4, threads: 2);
        var one = OneStepQuadrature.Evaluate(theta, [16], 0, 4, threads: 1);
        var two = OneStepQuadrature.Evaluate(theta, [16], 0, 4, threads: 2);
        Assert.Equal(one[0], two[0]);
        Assert.Equal(many[1], one[0]);
        Assert.Equal(16, many[1].Width);
    }

    public static TheoryData<double, int[], double, double, int?, string> BadArguments => new()
    {
        { 0, [2], 0, 1, 1, "theta" },
        { Math.PI, [2], 0, 1, 1, "theta" },
        { double.NaN, [2], 0, 1, 1, "theta" },
        { 1, [3, 3], 0, 1, 1, "widths" },
        { 1, [5, 4], 0, 1, 1, "widths" },
        { 1, [1], 0, 1, 1, "widths" },
        { 1, [2, 5000], 0, 1, 1, "widths" },
        { 1, [2], 1, 1, 1, "slope" },
        { 1, [2], -1.5, 1, 1, "slope" },
        { 1, [2], double.NaN, 1, 1, "slope" },
        { 1, [2], 0, 0.1, 1, "coarseness" },
        { 1, [2], 0, 5, 1, "coarseness" },
        { 1, [2], 0, 1, 0, "threads" },
    };

    /// <summary>Each out-of-range argument throws <see cref="ArgumentOutOfRangeException"/> naming it (Evaluate and Compute).</summary>
    [Theory]
    [MemberData(nameof(BadArguments))]
    public void BadInput_ThrowsNamingTheArgument(double theta, int[] widths, double slope, double coarseness, int? threads, string name)
    {
        Assert.Throws<ArgumentOutOfRangeException>(name, () => OneStepQuadrature.Evaluate(theta, widths, slope, coarseness, threads));
        if (name != "coarseness")
            Assert.Throws<ArgumentOutOfRangeException>(name, () => OneStepQuadrature.Compute(theta, widths, slope, threads));
    }

    /// <summary>No widths: <see cref="ArgumentException"/> naming widths; null: <see cref="ArgumentNullException"/>.</summary>
    [Fact]
    public void EmptyOrNullWidths_Throw()
    {
        var e = Assert.Throws<ArgumentException>(() => OneStepQuadrature.Evaluate(1, [], 0, 1));
        Assert.Equal("widths", e.ParamName);
        Assert.Throws<ArgumentNullException>("widths", () => OneStepQuadrature.Compute(1, null!));
    }
}
