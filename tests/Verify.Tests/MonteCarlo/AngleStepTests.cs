using Degeneracy.Verify.MonteCarlo;

namespace Degeneracy.Verify.Tests.MonteCarlo;

public class AngleStepTests
{
    private static AngleStepResult Step(double[] g, double[] dg) =>
        AngleStep.Compute(g, dg, new double[g.Length], new double[g.Length]);

    [Fact]
    public void Compute_FirstVectorVanishes_IsDegenerate()
    {
        var step = Step([-1, -2, -3, -0.5, -1], [2, 0, 0, 0, 0]);
        Assert.Equal(0, step.ActiveAlpha);
        Assert.True(step.IsDegenerate);
    }

    [Fact]
    public void Compute_SecondVectorVanishes_IsDegenerate()
    {
        var step = Step([1, 2, -3, -1, -1], [-3, -3, 0, 0, 0]);
        Assert.Equal(0, step.ActiveBeta);
        Assert.True(step.IsDegenerate);
    }

    [Fact]
    public void Compute_SingleIndexUnion_IsDegenerateEvenThoughValuesDiffer()
    {
        var step = Step([-1, 2, -3, -1, -4, -1], [0, 5, 0, 0, 0, 0]);
        Assert.Equal(1, step.ActiveUnion);
        Assert.True(step.IsDegenerate);
    }

    [Fact]
    public void Compute_DisjointSupports_GivesRightAngle()
    {
        var step = Step([1, -1, 2, -2, 0.5], [-2, 3, -4, 5, -1]);
        Assert.False(step.IsDegenerate);
        Assert.Equal(1.0, step.SinSquared);
        Assert.Equal(0.0, step.Cos);
        Assert.Equal(5, step.ActiveUnion);
    }

    [Fact]
    public void Compute_TinyPerturbation_KeepsRelativeAccuracyOfSinSquared()
    {
        // sin²θ ≈ 1e-14 here; 1 − cos² would keep only ~2 digits. Reference in decimal (28 digits) from the same exact inputs.
        double[] g = [1.0, 2.0, -3.0, 0.5, 1.5, 0.25, 2.5];
        double[] direction = [0.3, -0.1, 0.2, 0.7, -0.4, 0.1, 0.2];
        double eps = 1e-7;
        double[] dg = direction.Select(d => d * eps).ToArray();
        var step = Step(g, dg);

        decimal a = 0, b = 0, c = 0;
        for (int i = 0; i < g.Length; i++)
        {
            decimal x = g[i] > 0 ? (decimal)g[i] : 0;
            decimal y = g[i] > 0 ? (decimal)g[i] + (decimal)dg[i] : 0;   // every active y stays positive here
            a += x * x;
            b += y * y;
            c += x * y;
        }
        decimal exact = (a * b - c * c) / (a * b);
        Assert.Equal(1.0, step.SinSquared / (double)exact, 10);
        Assert.Equal(1.0, step.Cos, 12);
    }

    [Fact]
    public void Compute_GenericVectors_MatchesDirectFormula()
    {
        double[] g = [0.3, -1.2, 2.2, 0.9, -0.4, 1.1, 0.05, -2.0, 0.7];
        double[] h = [1.1, 0.4, -0.3, 0.8, 0.9, -1.5, 0.6, 0.2, 1.3];
        double[] dg = g.Zip(h, (x, y) => y - x).ToArray();
        var step = Step(g, dg);
        double[] x = g.Select(v => Math.Max(v, 0)).ToArray();
        double[] y = g.Zip(dg, (v, d) => Math.Max(v + d, 0)).ToArray();
        double a = x.Sum(v => v * v), bb = y.Sum(v => v * v), c = x.Zip(y, (p, q) => p * q).Sum();
        Assert.Equal(c / Math.Sqrt(a * bb), step.Cos, 14);
        Assert.Equal(1 - c * c / (a * bb), step.SinSquared, 14);
        Assert.Equal(x.Count(v => v > 0), step.ActiveAlpha);
        Assert.Equal(y.Count(v => v > 0), step.ActiveBeta);
    }

    [Fact]
    public void Compute_IdenticalInputs_IsDegenerate()
    {
        var step = Step([1, 2, 3, -1], [0, 0, 0, 0]);
        Assert.Equal(0.0, step.SinSquared);
        Assert.True(step.IsDegenerate);
    }
}
