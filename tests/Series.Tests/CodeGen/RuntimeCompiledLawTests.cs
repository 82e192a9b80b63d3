using Degeneracy.Series.Evaluation;

namespace Degeneracy.Series.Tests.CodeGen;

public class RuntimeCompiledLawTests
{
    [Fact]
    public void SeriesOrderThree_CompiledAtRunTime_MatchesExactSmallAngleSeriesAndLowerOrders()
    {
        var law3 = LayerLaws.Series(3);
        var law2 = LayerLaws.Series(2);
        // θ = 0: −ρ to ε³ = −(2/n + 8/n² + 40/n³) (the small-angle law's own expansion, docs/SMALL_ANGLE.md).
        foreach (var n in new[] { 4.0, 16.0, 1000.0 })
            Assert.Equal(-(2 / n + 8 / (n * n) + 40 / (n * n * n)), law3.Drift(0, n), 1e-14);
        // Away from 0, order 3 differs from order 2 by m₃(θ)/n³: tiny at n = 1e4, so the two must agree closely
        // (|m₃| ≲ 10³ on (0, π)), everywhere including the switch regions.
        for (double theta = 0.01; theta < Math.PI; theta += 0.0973)
        {
            Assert.Equal(law2.Drift(theta, 1e4), law3.Drift(theta, 1e4), 2e-9);
            Assert.Equal(law2.Sigma2(theta, 1e4), law3.Sigma2(theta, 1e4), 2e-9);
        }
    }
}
