using System.Numerics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Degeneracy.Symbolic;
using Fractions;

namespace Degeneracy.Bench;

/// <summary>
/// Our <see cref="Rational"/> against the Fractions package's <see cref="Fraction"/> on the same workloads, side by
/// side (Fraction is the baseline of each category, so the Ratio column reads "ours / theirs"): Σ 1/k², the Cauchy
/// product of two truncated series with factorial denominators (the θ-series kernel of JSeries), and a dot product of
/// small mixed fractions. Setup checks that both give the same exact result.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class RationalBenchmarks
{
    private const int ZetaTerms = 200, SeriesOrder = 40, DotLength = 200;

    private Rational[] _cosR = [], _sinR = [], _xR = [], _yR = [];
    private Fraction[] _cosF = [], _sinF = [], _xF = [], _yF = [];

    [GlobalSetup]
    public void Setup()
    {
        _cosR = new Rational[SeriesOrder + 1]; _sinR = new Rational[SeriesOrder + 1];
        for (int k = 0; k <= SeriesOrder; k++)
        {
            var f = Rational.Factorial(k);
            var sign = (k / 2) % 2 == 0 ? Rational.One : Rational.MinusOne;
            _cosR[k] = k % 2 == 0 ? sign / f : Rational.Zero;
            _sinR[k] = k % 2 == 1 ? sign / f : Rational.Zero;
        }
        _cosF = _cosR.Select(ToFraction).ToArray();
        _sinF = _sinR.Select(ToFraction).ToArray();

        var rng = new Random(20240601);
        _xR = new Rational[DotLength]; _yR = new Rational[DotLength];
        for (int i = 0; i < DotLength; i++)
        {
            _xR[i] = new Rational(rng.Next(-999, 1000), rng.Next(1, 1000));
            _yR[i] = new Rational(rng.Next(-999, 1000), rng.Next(1, 1000));
        }
        _xF = _xR.Select(ToFraction).ToArray();
        _yF = _yR.Select(ToFraction).ToArray();

        Check(Zeta2_Rational(), Zeta2_Fraction());
        Check(SeriesProduct_Rational()[SeriesOrder], SeriesProduct_Fraction()[SeriesOrder]);
        Check(Dot_Rational(), Dot_Fraction());
    }

    private static Fraction ToFraction(Rational r) => new(r.Numerator, r.Denominator);

    private static void Check(Rational r, Fraction f)
    {
        var g = f.Reduce();
        if (g.Numerator != r.Numerator || g.Denominator != r.Denominator)
            throw new InvalidOperationException($"Rational and Fraction disagree: {r} vs {g}.");
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Zeta2")]
    public Fraction Zeta2_Fraction()
    {
        var s = Fraction.Zero;
        for (int k = 1; k <= ZetaTerms; k++) s += new Fraction(BigInteger.One, (BigInteger)k * k);
        return s;
    }

    [Benchmark, BenchmarkCategory("Zeta2")]
    public Rational Zeta2_Rational()
    {
        var s = Rational.Zero;
        for (int k = 1; k <= ZetaTerms; k++) s += new Rational(BigInteger.One, (BigInteger)k * k);
        return s;
    }

    [Benchmark(Baseline = true), BenchmarkCategory("SeriesProduct")]
    public Fraction[] SeriesProduct_Fraction()
    {
        var r = new Fraction[SeriesOrder + 1];
        Array.Fill(r, Fraction.Zero);
        for (int i = 0; i <= SeriesOrder; i++)
            for (int j = 0; i + j <= SeriesOrder; j++) r[i + j] += _cosF[i] * _sinF[j];
        return r;
    }

    [Benchmark, BenchmarkCategory("SeriesProduct")]
    public Rational[] SeriesProduct_Rational()
    {
        var r = new Rational[SeriesOrder + 1];
        for (int i = 0; i <= SeriesOrder; i++)
            for (int j = 0; i + j <= SeriesOrder; j++) r[i + j] += _cosR[i] * _sinR[j];
        return r;
    }

    [Benchmark(Baseline = true), BenchmarkCategory("MixedDot")]
    public Fraction Dot_Fraction()
    {
        var s = Fraction.Zero;
        for (int i = 0; i < DotLength; i++) s += _xF[i] * _yF[i];
        return s;
    }

    [Benchmark, BenchmarkCategory("MixedDot")]
    public Rational Dot_Rational()
    {
        var s = Rational.Zero;
        for (int i = 0; i < DotLength; i++) s += _xR[i] * _yR[i];
        return s;
    }
}
