using Degeneracy.JFunctions;
using Degeneracy.Series.Derivation;
using MathNet.Numerics;
using MathNet.Numerics.Integration;
using Xunit.Abstractions;

namespace Degeneracy.Series.Tests.Derivation;

/// <summary>
/// s = 1 (a linear network): X, Y are the Gaussian pair itself, so sin²θ' = 1 − r² with r the uncentred sample correlation
/// of n bivariate normal pairs with correlation cos θ, i.e. r is the correlation of a Wishart W₂(n, Σ) matrix. The oracle
/// integrates ln(1 − r²) and its square against the exact density of r for n degrees of freedom (Hotelling's series),
/// f(r) = 2^{n−2}(1 − ρ²)^{n/2}(1 − r²)^{(n−3)/2}/(π Γ(n − 1)) Σ_k (2ρr)^k Γ²((n + k)/2)/k!,
/// by double-exponential quadrature; the density is checked to integrate to 1 and its mean against the Wishart identity
/// E ln(1 − r²) = ln(1 − ρ²) + ψ((n − 1)/2) − ψ(n/2). The derived closed forms m_k, v_k (evaluated with the J's of φ₁)
/// must then match E[L] and Var[L] to the truncation error, estimated by the first omitted order.
/// </summary>
public class LinearNetworkOracleTests(ITestOutputHelper output)
{
    private static double Density(double r, double rho, int n)
    {
        // Σ_k (2ρr)^k Γ²((n+k)/2)/k! / Γ²(n/2), by the two-step recurrence Γ((n+k+2)/2) = ((n+k)/2)·Γ((n+k)/2).
        double x = 2 * rho * r;
        double even = 1, odd = x * Math.Exp(2 * (SpecialFunctions.GammaLn((n + 1) / 2.0) - SpecialFunctions.GammaLn(n / 2.0)));
        double sum = even + odd;
        for (int k = 0; k < 100000; k += 2)
        {
            even *= x * x * Math.Pow((n + k) / 2.0, 2) / ((k + 1.0) * (k + 2.0));
            odd *= x * x * Math.Pow((n + k + 1) / 2.0, 2) / ((k + 2.0) * (k + 3.0));
            sum += even + odd;
            if (k > 2 * n && Math.Abs(even) + Math.Abs(odd) < 1e-18 * Math.Abs(sum)) break;
        }
        double logPrefix = (n - 2) * Math.Log(2) + n / 2.0 * Math.Log(1 - rho * rho) + (n - 3) / 2.0 * Math.Log(1 - r * r)
                           - Math.Log(Math.PI) - SpecialFunctions.GammaLn(n - 1) + 2 * SpecialFunctions.GammaLn(n / 2.0);
        return Math.Exp(logPrefix) * sum;
    }

    private static (double Mass, double Mean, double SecondMoment) Moments(double rho, int n)
    {
        double I(Func<double, double> g) => DoubleExponentialTransformation.Integrate(r => g(r) * Density(r, rho, n), -1, 1, 1e-14);
        return (I(_ => 1), I(r => Math.Log(1 - r * r)), I(r => Math.Pow(Math.Log(1 - r * r), 2)));
    }

    [Theory]
    [InlineData(1.0, 64)]
    [InlineData(1.0, 24)]
    [InlineData(0.4, 40)]
    public void DerivedLaw_MatchesTheSampleCorrelationLaw_ToTruncationError(double theta, int n)
    {
        double rho = Math.Cos(theta), lnSin2 = Math.Log(Math.Sin(theta) * Math.Sin(theta));
        var (mass, mean, second) = Moments(rho, n);
        double wishartMean = Math.Log(1 - rho * rho) + SpecialFunctions.DiGamma((n - 1) / 2.0) - SpecialFunctions.DiGamma(n / 2.0);
        Assert.Equal(1.0, mass, 1e-12);
        Assert.Equal(wishartMean, mean, 1e-11);
        double exactDrift = mean - lnSin2, exactVariance = second - mean * mean;

        const int K = 4;
        var exp = LogRatioExpansion.Derive(K, Activation.Linear);
        double J(int a, int b) => ActivationJFunction.EvaluateNormalised(a, b, Activation.Linear, theta);
        double eps = 1.0 / n, m0 = Math.Log((1 - 4 * J(1, 1) * J(1, 1)) / Math.Sin(theta) / Math.Sin(theta));
        double drift = m0, variance = 0;
        for (int k = 1; k < K; k++)
        {
            drift += exp.Mean[k].Evaluate(J) * Math.Pow(eps, k);
            variance += exp.Variance[k].Evaluate(J) * Math.Pow(eps, k);
            double nextMean = Math.Abs(exp.Mean[k + 1].Evaluate(J)) * Math.Pow(eps, k + 1);
            double nextVar = Math.Abs(exp.Variance[k + 1].Evaluate(J)) * Math.Pow(eps, k + 1);
            output.WriteLine($"n={n} θ={theta} order {k}: drift {drift:R} vs {exactDrift:R} (diff {drift - exactDrift:E2}, next term {nextMean:E2}); "
                             + $"variance {variance:R} vs {exactVariance:R} (diff {variance - exactVariance:E2}, next term {nextVar:E2})");
            // The series is asymptotic: the error of the order-k sum is of the size of the first omitted term.
            Assert.True(Math.Abs(drift - exactDrift) <= 2 * nextMean + 1e-12, $"drift at order {k}");
            Assert.True(Math.Abs(variance - exactVariance) <= 2 * nextVar + 1e-12, $"variance at order {k}");
        }
    }
}
