using BenchmarkDotNet.Attributes;
using Degeneracy.Series.Evaluation;
using Degeneracy.Verify.Prediction;

namespace Degeneracy.Bench;

/// <summary>
/// Whole-network predictions for a 50-layer network (width 256, θ⁰ = 0.1): each point method (target ≤ 5 ms, laws
/// built beforehand) and the density methods on a 2000-point grid (target ≤ 200 ms).
/// </summary>
[MemoryDiagnoser]
public class PredictionBenchmarks
{
    private static readonly int[] Widths = Enumerable.Repeat(256, 50).ToArray();
    private IAnglePredictor _infinite = null!, _linear = null!, _paper = null!, _series = null!, _density = null!, _exact = null!;

    [GlobalSetup]
    public void Setup()
    {
        _ = LayerLaws.Series(1);
        _ = LayerLaws.Paper;
        _infinite = PredictionMethods.Create("infinite");
        _linear = PredictionMethods.Create("linear");
        _paper = PredictionMethods.Create("paper");
        _series = PredictionMethods.Create("series");
        _density = PredictionMethods.Create("density");
        _exact = PredictionMethods.Create("exact-small-angle");
    }

    [Benchmark] public double Infinite() => _infinite.Predict(Widths, 0.1).Final.Mean;
    [Benchmark] public double Linear() => _linear.Predict(Widths, 0.1).Final.Mean;
    [Benchmark] public double Paper() => _paper.Predict(Widths, 0.1).Final.Mean;
    [Benchmark(Baseline = true)] public double Series() => _series.Predict(Widths, 0.1).Final.Mean;
    [Benchmark] public double Density2000() => _density.Predict(Widths, 0.1).Final.Mean;
    [Benchmark] public double ExactSmallAngle2000() => _exact.Predict(Widths, 0.1).Final.Mean;
}
