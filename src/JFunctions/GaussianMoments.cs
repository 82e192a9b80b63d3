using System.Numerics;
using Degeneracy.Symbolic;

namespace Degeneracy.JFunctions;

/// <summary>Exact Gaussian and Rayleigh moments used by the J construction.</summary>
public static class GaussianMoments
{
    /// <summary>E[R^k] = 2^{k/2} Γ(1 + k/2) for R Rayleigh(1), k ≥ 0; carries √(π/2) when k is odd.</summary>
    public static SqrtHalfPiMultiple RayleighMoment(int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        if (k % 2 == 0)
        {
            int m = k / 2;
            return new(Rational.FromInteger(BigInteger.Pow(2, m)) * Rational.Factorial(m), false);
        }
        else
        {
            // k = 2m+1: 2^m √2 Γ(m + 3/2),  Γ(m+3/2) = (2m+2)!/(4^{m+1}(m+1)!) √π,  √(2π) = 2√(π/2).
            int m = (k - 1) / 2;
            var q = Rational.FromInteger(BigInteger.Pow(2, m)) * Rational.Factorial(2 * m + 2)
                    / (Rational.FromInteger(BigInteger.Pow(4, m + 1)) * Rational.Factorial(m + 1)) * 2;
            return new(q, true);
        }
    }

    /// <summary>E[φ(G)^a] = E|G|^a / 2 for a ≥ 1 (and 1 for a = 0): (a−1)!!/2 for even a, 2^m m!/√(2π) for a = 2m+1.</summary>
    public static SqrtHalfPiMultiple HalfAbsoluteMoment(int a)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(a);
        if (a == 0) return new(PiLaurent.One, false);
        if (a % 2 == 0)
        {
            BigInteger df = BigInteger.One;
            for (int i = a - 1; i > 1; i -= 2) df *= i;
            return new(new Rational(df, 2), false);
        }
        int m = (a - 1) / 2;
        // 2^m m! /√(2π) = 2^m m! · √(π/2) / π
        var q = Rational.FromInteger(BigInteger.Pow(2, m)) * Rational.Factorial(m);
        return new(PiLaurent.Monomial(q, -1), true);
    }
}
