using Degeneracy.JFunctions;
using Degeneracy.Series.Algebra;
using Degeneracy.Series.Derivation;
using Degeneracy.Symbolic;

namespace Degeneracy.Series.Tests.Derivation;

/// <summary>
/// The sample-mean moments of (X², Y², XY) as polynomials in J's: the cumulant route (all moments of degree ≤ 2K at once)
/// against the set-partition sum (the first route, independent combinatorics), term by term, and a closed form.
/// </summary>
public class SampleMeanMomentsTests
{
    [Theory]
    [InlineData("relu", 4)]
    [InlineData("leaky:1/100", 3)]
    [InlineData("abs", 3)]
    public void CumulantRoute_EqualsThePartitionSum_EveryMomentOfDegreeUpTo2K(string name, int K)
    {
        var moments = new SampleMeanMoments(K, Activation.Parse(name));
        for (int d = 0; d <= 2 * K; d++)
            for (int i = 0; i <= d; i++)
                for (int j = 0; j <= d - i; j++)
                {
                    var fast = moments.Moment(i, j, d - i - j);
                    var partitions = moments.MomentByPartitions(i, j, d - i - j);
                    Assert.Equal(K + 1, fast.Length);
                    for (int e = 0; e <= K; e++)
                        Assert.True((fast[e] + Rational.MinusOne * partitions[e]).IsZero,
                            $"E[δa^{i} δb^{j} δc^{d - i - j}] at ε^{e}: cumulants {fast[e]}, partitions {partitions[e]}");
                }
    }

    [Fact]
    public void SecondMomentOfTheCrossTerm_IsTheVarianceOverN()
    {
        // E[δc²] = Var(XY)/n = (J_{2,2} − J_{1,1}²) ε exactly.
        var m = new SampleMeanMoments(2).Moment(0, 0, 2);
        Assert.True(m[0].IsZero);
        Assert.True((m[1] + Rational.MinusOne * (JPolynomial.J(2, 2) + Rational.MinusOne * (JPolynomial.J(1, 1) * JPolynomial.J(1, 1)))).IsZero);
        Assert.True(m[2].IsZero);
    }
}
