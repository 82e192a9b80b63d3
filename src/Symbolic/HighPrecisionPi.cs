using System.Numerics;

namespace Degeneracy.Symbolic;

/// <summary>π to <see cref="Bits"/> binary digits (Machin's formula in integer arithmetic), used to round exact
/// π-polynomials to doubles. The truncation error is below 2^-(Bits-8), far beneath double resolution.</summary>
public static class HighPrecisionPi
{
    /// <summary>Number of fractional bits carried.</summary>
    public const int Bits = 384;

    /// <summary>floor(π·2^Bits) up to a few units in the last place.</summary>
    public static BigInteger Scaled { get; } = Compute();

    private static BigInteger Compute()
    {
        const int guard = 32;
        var one = BigInteger.One << (Bits + guard);
        // π = 16 arctan(1/5) − 4 arctan(1/239)
        var pi = 16 * ArcTanInverse(5, one) - 4 * ArcTanInverse(239, one);
        return pi >> guard;
    }

    private static BigInteger ArcTanInverse(int x, BigInteger one)
    {
        BigInteger x2 = (BigInteger)x * x;
        BigInteger term = one / x, sum = term;
        for (int k = 1; !term.IsZero; k++)
        {
            term /= x2;
            var t = term / (2 * k + 1);
            sum += (k % 2 == 1) ? -t : t;
        }
        return sum;
    }
}
