using System.Numerics;
using Degeneracy.Symbolic;
using FsCheck;
using FsCheck.Fluent;

namespace Degeneracy.TestSupport.Properties;

/// <summary>
/// Shared FsCheck generators for the exact types. Like FLINT's test generators they are mostly small but occasionally
/// reach the awkward cases: integers of several 64-bit limbs (up to about 2^320, including exact limb boundaries such as
/// 2^64 ± 1 and 2^200), and long series and polynomials (up to <see cref="LongLength"/> terms).
/// </summary>
public static class Generators
{
    /// <summary>The longest series/polynomial the generators produce (about one case in ten is long).</summary>
    public const int LongLength = 80;

    /// <summary>Integers at and around limb boundaries: 2^32, 2^63, 2^64, 2^128, 2^200 and their neighbours.</summary>
    public static readonly IReadOnlyList<BigInteger> LimbBoundaries =
        [.. new[] { 32, 63, 64, 65, 127, 128, 200 }.SelectMany(k => new[] { BigInteger.Pow(2, k) - 1, BigInteger.Pow(2, k), BigInteger.Pow(2, k) + 1 })];

    /// <summary>A uniformly random magnitude of 9 … 40 bytes (65 … 320 bits): two to five 64-bit limbs.</summary>
    private static Gen<BigInteger> MultiLimb =>
        from length in Gen.Choose(9, 40)
        from bytes in Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), length)
        select new BigInteger(bytes, isUnsigned: true);

    private static Gen<BigInteger> Signed(Gen<BigInteger> magnitude) =>
        from m in magnitude from negative in Gen.Elements(false, true) select negative ? -m : m;

    /// <summary>Integers: 60 % small (|x| ≤ 1000), 20 % one limb (any long), 10 % multi-limb, 10 % a limb boundary; either sign.</summary>
    public static Gen<BigInteger> BigIntegers { get; } = Gen.Frequency(
        (6, Gen.Choose(-1000, 1000).Select(i => (BigInteger)i)),
        (2, ArbMap.Default.GeneratorFor<long>().Select(i => (BigInteger)i)),
        (1, Signed(MultiLimb)),
        (1, Signed(Gen.Elements(LimbBoundaries.ToArray()))));

    /// <summary>Non-zero integers from <see cref="BigIntegers"/>.</summary>
    public static Gen<BigInteger> NonZeroBigIntegers { get; } = BigIntegers.Where(x => !x.IsZero);

    /// <summary>Rationals p/q with p, q from <see cref="BigIntegers"/> (so numerators and denominators reach several limbs).</summary>
    public static Gen<Rational> Rationals { get; } =
        from p in BigIntegers from q in NonZeroBigIntegers select new Rational(p, q);

    /// <summary>Non-zero rationals.</summary>
    public static Gen<Rational> NonZeroRationals { get; } = Rationals.Where(x => !x.IsZero);

    /// <summary>A length for a list of terms: usually 0 … 6, about one case in ten 20 … <see cref="LongLength"/>.</summary>
    public static Gen<int> Lengths { get; } = LengthsUpTo(LongLength);

    /// <summary>Like <see cref="Lengths"/> with the long cases capped at <paramref name="max"/> (for costly operations such as exp/log of series).</summary>
    public static Gen<int> LengthsUpTo(int max) => Gen.Frequency((9, Gen.Choose(0, 6)), (1, Gen.Choose(Math.Min(20, max), max)));

    /// <summary>Elements of ℚ[π, 1/π]: up to four powers of π in −3 … 3, coefficients from <see cref="Rationals"/>.</summary>
    public static Gen<PiLaurent> PiLaurents { get; } =
        from count in Gen.Choose(0, 4)
        from terms in Gen.ArrayOf(from k in Gen.Choose(-3, 3) from c in Rationals select (k, c), count)
        select PiLaurent.FromTerms(terms);

    /// <summary>Rational polynomials of <see cref="Lengths"/> coefficients (so occasionally of degree up to 79).</summary>
    public static Gen<RationalPolynomial> Polynomials { get; } =
        from length in Lengths
        from coefficients in Gen.ArrayOf(Rationals, length)
        select new RationalPolynomial(coefficients);

    /// <summary>Lists of <see cref="Lengths"/> elements drawn from <paramref name="element"/>.</summary>
    public static Gen<T[]> Lists<T>(Gen<T> element) => from length in Lengths from items in Gen.ArrayOf(element, length) select items;
}
