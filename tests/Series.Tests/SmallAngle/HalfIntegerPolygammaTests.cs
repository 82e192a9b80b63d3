using Degeneracy.Series.SmallAngle;
using Degeneracy.Symbolic;
using MathNet.Numerics;

namespace Degeneracy.Series.Tests.SmallAngle;

/// <summary>
/// g(k) = ψ(k/2) − ψ((k−1)/2) and t(k) = ψ₁((k−1)/2) + ψ₁(k/2) against the half-integer closed forms
/// (ψ(m) = −γ + H_{m−1}, ψ(m+½) = −γ − 2ln2 + 2Σ_{j≤m} 1/(2j−1), ψ₁(m) = π²/6 − Σ_{j&lt;m} 1/j², ψ₁(m+½) = π²/2 − 4Σ_{j≤m} 1/(2j−1)²),
/// MathNet's digamma, and the recurrences. Deterministic.
/// </summary>
public class HalfIntegerPolygammaTests
{
    /// <summary>ψ(m) + γ and ψ(m+½) + γ + 2 ln 2 as exact rationals.</summary>
    private static Rational HarmonicPart(int twiceArgument)
    {
        Rational s = Rational.Zero;
        if (twiceArgument % 2 == 0) { for (int j = 1; j < twiceArgument / 2; j++) s += new Rational(1, j); }
        else { for (int j = 1; j <= twiceArgument / 2; j++) s += new Rational(2, 2 * j - 1); }
        return s;
    }

    /// <summary>ψ₁(m) − π²/6 and ψ₁(m+½) − π²/2 as exact rationals.</summary>
    private static Rational TrigammaRationalPart(int twiceArgument)
    {
        Rational s = Rational.Zero;
        if (twiceArgument % 2 == 0) { for (int j = 1; j < twiceArgument / 2; j++) s -= new Rational(1, j * j); }
        else { for (int j = 1; j <= twiceArgument / 2; j++) s -= new Rational(4, (2 * j - 1) * (2 * j - 1)); }
        return s;
    }

    [Fact]
    public void DigammaDifference_SmallK_MatchesHalfIntegerClosedForms()
    {
        double ln2 = Math.Log(2);
        for (int k = 2; k <= 40; k++)
        {
            // ψ(k/2) − ψ((k−1)/2): γ cancels; 2 ln 2 enters with + for even k and − for odd k.
            Rational rational = HarmonicPart(k) - HarmonicPart(k - 1);
            double expected = rational.ToDouble() + (k % 2 == 0 ? 2 * ln2 : -2 * ln2);
            double actual = HalfIntegerPolygamma.DigammaDifference(k);
            // the closed form itself cancels ~ log10(k) digits in double
            Assert.True(Math.Abs(actual - expected) <= 4e-16 * 2 * ln2, $"k={k}: {actual:R} vs {expected:R}");
        }
    }

    [Fact]
    public void TrigammaSum_SmallK_MatchesHalfIntegerClosedForms()
    {
        double pi2 = Math.PI * Math.PI;
        for (int k = 2; k <= 40; k++)
        {
            double expected = 2 * pi2 / 3 + (TrigammaRationalPart(k) + TrigammaRationalPart(k - 1)).ToDouble();
            double actual = HalfIntegerPolygamma.TrigammaSum(k);
            Assert.True(Math.Abs(actual - expected) <= 4e-16 * 2 * pi2 / 3, $"k={k}: {actual:R} vs {expected:R}");
        }
    }

    [Fact]
    public void DigammaDifference_ModerateK_MatchesMathNetDigamma()
    {
        foreach (int k in new[] { 2, 3, 7, 19, 20, 21, 22, 50, 99, 100, 333, 1000 })
        {
            double mathNet = SpecialFunctions.DiGamma(k / 2.0) - SpecialFunctions.DiGamma((k - 1) / 2.0);
            double ours = HalfIntegerPolygamma.DigammaDifference(k);
            // the MathNet difference carries ~1e-15 absolute error from ψ itself
            Assert.True(Math.Abs(mathNet - ours) <= 3e-15, $"k={k}: {ours:R} vs MathNet {mathNet:R}");
        }
    }

    [Fact]
    public void DigammaDifference_AllK_SatisfiesTwoOverKMinusOneRecurrence()
    {
        // g(k) + g(k+1) = ψ((k+1)/2) − ψ((k−1)/2) = 2/(k−1): a relative check with no cancellation, any k.
        foreach (long k in new long[] { 2, 3, 18, 19, 20, 21, 22, 100, 12_345, 1_000_000, 987_654_321, 4_000_000_000 })
        {
            double sum = HalfIntegerPolygamma.DigammaDifference(k) + HalfIntegerPolygamma.DigammaDifference(k + 1);
            double expected = 2.0 / (k - 1);
            Assert.True(Math.Abs(sum - expected) <= 4e-16 * expected, $"k={k}: {sum:R} vs {expected:R}");
        }
    }

    [Fact]
    public void TrigammaSum_AllK_MatchesPlainTrigamma()
    {
        foreach (long k in new long[] { 2, 3, 39, 40, 41, 42, 1000, 1_000_000, 2_000_000_001 })
        {
            double expected = SmallAngleLawTests.PlainTrigamma((k - 1) / 2.0) + SmallAngleLawTests.PlainTrigamma(k / 2.0);
            double actual = HalfIntegerPolygamma.TrigammaSum(k);
            Assert.True(Math.Abs(actual - expected) <= 1e-15 * expected, $"k={k}: {actual:R} vs {expected:R}");
        }
    }

    [Fact]
    public void Polygamma_BadArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => HalfIntegerPolygamma.DigammaDifference(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => HalfIntegerPolygamma.TrigammaSum(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => HalfIntegerPolygamma.Trigamma(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => HalfIntegerPolygamma.Trigamma(double.NaN));
    }
}
