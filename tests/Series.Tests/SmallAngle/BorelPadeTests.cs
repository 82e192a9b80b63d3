using Degeneracy.Series.SmallAngle;
using Degeneracy.Symbolic;
using MathNet.Numerics.Integration;

namespace Degeneracy.Series.Tests.SmallAngle;

/// <summary>Borel–Padé sums against series whose Borel sums are known: independent quadrature and residues.</summary>
public class BorelPadeTests
{
    private static Rational[] Coefficients(int count, Func<int, Rational> c)
    {
        var a = new Rational[count];
        a[0] = Rational.Zero;
        for (int k = 1; k < count; k++) a[k] = c(k);
        return a;
    }

    [Theory]
    [InlineData(2.0)]
    [InlineData(4.0)]
    [InlineData(16.0)]
    public void EulerLogSeries_SumsToItsLaplaceIntegral(double n)
    {
        // c_k = (−1)^{k−1}(k−1)!: B(x) = ln(1 + x), S(1/n) = ∫₀^∞ e^{−u} ln(1 + u/n) du (no singularity on the ray).
        var c = Coefficients(41, k => (k % 2 == 1 ? Rational.One : Rational.MinusOne) * Rational.Factorial(k - 1));
        var sum = new BorelPade(c, 20).Sum(n);
        double reference = GaussLegendreRule.Integrate(u => Math.Exp(-u) * Math.Log(1 + u / n), 0, 80, 256);
        Assert.Equal(reference, sum.Real, 1e-9);
        Assert.Equal(0, sum.Imaginary, 1e-9);
    }

    [Theory]
    [InlineData(3.0)]
    [InlineData(8.0)]
    public void FactorialSeries_HasThePoleResidueAsImaginaryPart(double n)
    {
        // c_k = k!: B(x) = x/(1 − x), a pole at u = n on the positive axis. The ray above it gives the principal value
        // −1 + n·PV∫ e^{−u}/(n − u) du and the imaginary part π·n·e^{−n} (half the residue, passed above).
        var c = Coefficients(3, k => Rational.Factorial(k));
        var sum = new BorelPade(c, 1).Sum(n);
        Assert.Equal(Math.PI * n * Math.Exp(-n), sum.Imaginary, 1e-10);
        // principal value by symmetric subtraction: PV∫₀^∞ e^{−u}/(n−u) du = ∫₀^{2n} (e^{−u} − e^{−n})/(n − u) du + ∫_{2n}^∞ e^{−u}/(n − u) du
        double pv = GaussLegendreRule.Integrate(u => Math.Abs(u - n) < 1e-12 ? Math.Exp(-n) : (Math.Exp(-u) - Math.Exp(-n)) / (n - u), 0, 2 * n, 512)
                    + GaussLegendreRule.Integrate(u => Math.Exp(-u) / (n - u), 2 * n, 2 * n + 80, 512);
        Assert.Equal(-1 + n * pv, sum.Real, 1e-9);
    }
}
