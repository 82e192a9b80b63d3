using Degeneracy.Series.Algebra;
using Degeneracy.Series.Derivation;
using Degeneracy.Symbolic;

namespace Degeneracy.TestSupport.SmallAngle;

/// <summary>
/// The first route to the small-angle 1/n series of a general slope, kept as a test oracle of
/// <see cref="Series.SmallAngle.SlopeDeltaSeries"/>: the delta-method expansion of ln R averaged with the set-partition
/// sums of <see cref="SampleMeanMoments"/> (no cumulants).
/// </summary>
public static class PartitionDeltaOracle
{
    /// <summary>The same expansion through n^{−K} (K ∈ [0, 5]) averaged with the set-partition sums of
    /// <see cref="SampleMeanMoments"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">K outside [0, 5].</exception>
    public static (Rational[] Rho, Rational[] Variance) Series(int K, Rational s)
    {
        if (K < 0 || K > LogRatioExpansion.MaxOrder)
            throw new ArgumentOutOfRangeException(nameof(K), K, $"K must be an integer in [0, {LogRatioExpansion.MaxOrder}].");
        Rational s2 = s * s, meanLambda = (Rational.One + s2) / 2;
        // E[λ̃^p] with λ̃ = λ/E[λ]; raw moment E[x^α y^β z^γ] of x = λ̃g², y = λ̃h², z = λ̃gh.
        Rational LambdaMoment(int p) => (Rational.One + s2.Pow(p)) / 2 / meanLambda.Pow(p);
        Rational Raw(int a, int b, int c) =>
            c % 2 == 1 ? Rational.Zero : LambdaMoment(a + b + c) * DoubleFactorial(2 * a + c - 1) * DoubleFactorial(2 * b + c - 1);
        // Central moments of w = (x − 1, y − 1, z).
        JPolynomial Central(int p, int q, int r)
        {
            Rational sum = Rational.Zero;
            for (int i = 0; i <= p; i++)
                for (int j = 0; j <= q; j++)
                {
                    Rational w = (Rational)Rational.Binomial(p, i) * Rational.Binomial(q, j)
                                 * Rational.MinusOne.Pow(p - i + q - j);
                    sum += w * Raw(i, j, r);
                }
            return JPolynomial.Constant(sum);
        }
        var moments = new SampleMeanMoments(K, Central);
        int maxDeg = 2 * K;
        // ln R = ln(1 + Δ) − 2 ln(1 + δa), Δ = δa + δb + δaδb − δc².
        var delta = new DeltaPolynomial(maxDeg)
            .Add((1, 0, 0), JPolynomial.One).Add((0, 1, 0), JPolynomial.One)
            .Add((1, 1, 0), JPolynomial.One).Add((0, 0, 2), JPolynomial.Constant(Rational.MinusOne));
        var f = new DeltaPolynomial(maxDeg);
        var power = DeltaPolynomial.One(maxDeg);
        for (int m = 1; m <= maxDeg; m++)
        {
            power *= delta;
            var sign = m % 2 == 1 ? Rational.One : Rational.MinusOne;
            f += power.Scale(JPolynomial.Constant(sign / m));
            f = f.Add((m, 0, 0), JPolynomial.Constant(-2 * sign / m));
        }
        var mean = f.Expectation(moments);
        var second = (f * f).Expectation(moments);
        var rho = new Rational[K + 1];
        var variance = new Rational[K + 1];
        for (int k = 0; k <= K; k++)
        {
            rho[k] = -Value(mean[k]);
            Rational sq = Rational.Zero;
            for (int i = 0; i <= k; i++) sq += Value(mean[i]) * Value(mean[k - i]);
            variance[k] = Value(second[k]) - sq;
        }
        return (rho, variance);
    }

    private static Rational Value(JPolynomial p)
    {
        if (p.IsZero) return Rational.Zero;
        var (m, q) = p.Terms.Single();
        if (m.Degree != 0) throw new InvalidOperationException("small-angle moments must be constants.");
        return q;
    }

    private static Rational DoubleFactorial(int m)
    {
        Rational r = Rational.One;
        for (int i = m; i > 1; i -= 2) r *= i;
        return r;
    }
}
