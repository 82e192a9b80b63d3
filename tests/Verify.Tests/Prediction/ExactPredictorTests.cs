using Degeneracy.Series.FiniteWidth;
using Degeneracy.Verify.Prediction;

namespace Degeneracy.Verify.Tests.Prediction;

/// <summary>Structural checks of the <c>exact</c> transfer operator (no sampling).</summary>
public sealed class ExactPredictorTests
{
    [Fact]
    public void FirstLayer_EqualsTheOneStepLaw()
    {
        // Layer 1 from θ⁰ is the one-step law itself: mean ln sin²θ⁰ + E[L], collapse P_c(θ⁰, n) exactly.
        double theta0 = 1.0;
        var law = Degeneracy.Verify.FiniteWidth.FiniteWidthLaws.Evaluate(theta0, 12);
        var layer = new ExactPredictor().Predict([12], theta0).Layers[0];
        Assert.Equal(2 * Math.Log(Math.Sin(theta0)) + law.Mean, layer.Mean, 3);
        Assert.Equal(ActivationPatternLaw.Collapse(theta0, 12), layer.Collapsed!.Value, 14);
    }

    [Fact]
    public void Collapsed_IsNonDecreasingAndQuantilesAreOrdered()
    {
        var p = new ExactPredictor().Predict([6, 8, 10, 12, 30, 100, 700], 2.0);
        double previous = 0;
        foreach (var layer in p.Layers)
        {
            Assert.True(layer.Collapsed >= previous);
            previous = layer.Collapsed!.Value;
            var q = layer.Quantiles!.Select(x => x.Value).ToArray();
            for (int i = 1; i < q.Length; i++) Assert.True(q[i] >= q[i - 1]);
            Assert.True(q[^1] <= 0);
        }
    }

    [Fact]
    public void BadInput_IsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>("gridPoints", () => new ExactPredictor(10));
        Assert.Throws<ArgumentOutOfRangeException>("widths", () => new ExactPredictor().Predict([10, 1], 1));
        Assert.Throws<ArgumentOutOfRangeException>("theta0", () => new ExactPredictor().Predict([10], Math.PI));
    }
}
