using System.Numerics;
using Degeneracy.Symbolic;

namespace Degeneracy.TestSupport.HighPrecision;

/// <summary>Elementary functions on <see cref="FixedPoint"/> that the law references need beyond sin and cos.</summary>
public static class FixedPointMath
{
    /// <summary>
    /// ln x for x &gt; 0: x = m·2^e with m ∈ [1, 2), ln x = e·ln 2 + 2·atanh((m − 1)/(m + 1)), the atanh series summed
    /// until its terms vanish at this precision (absolute error a few units of 2^−Bits times (1 + |e|)).
    /// </summary>
    public static FixedPoint Ln(FixedPoint x)
    {
        if (x.Scaled.Sign <= 0) throw new ArgumentOutOfRangeException(nameof(x), "ln needs x > 0.");
        int bits = x.Bits;
        int e = (int)x.Scaled.GetBitLength() - 1 - bits;
        var m = new FixedPoint(e >= 0 ? x.Scaled >> e : x.Scaled << -e, bits); // exact for e ≤ 0; truncation 2^−bits·2^e relative otherwise
        var one = FixedPoint.One(bits);
        var lnM = Atanh2((m - one) / (m + one));
        var ln2 = Atanh2(one.Times(new Rational(1, 3)));
        return lnM + new FixedPoint(ln2.Scaled * e, bits);
    }

    /// <summary>2·atanh(z) = 2(z + z³/3 + z⁵/5 + …) for |z| ≤ 1/3.</summary>
    private static FixedPoint Atanh2(FixedPoint z)
    {
        var z2 = z * z;
        var power = z;
        var sum = z;
        for (int k = 3; !power.Scaled.IsZero; k += 2)
        {
            power *= z2;
            sum += power.Times(new Rational(1, k));
        }
        return new FixedPoint(sum.Scaled * 2, z.Bits);
    }

    /// <summary>|a − b| as a double (a, b at the same precision).</summary>
    public static double AbsDifference(FixedPoint a, FixedPoint b) =>
        Rational.RoundToDouble(BigInteger.Abs(a.Scaled - b.Scaled), BigInteger.One << a.Bits);

    /// <summary>|computed − reference| as a double, computed exactly from the double's rational value.</summary>
    public static double Error(double computed, FixedPoint reference)
    {
        if (!double.IsFinite(computed)) return double.PositiveInfinity;
        return (Rational.FromDouble(computed) - reference.ToRational()).Abs().ToDouble();
    }
}
