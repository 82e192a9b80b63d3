using BenchmarkDotNet.Attributes;
using Degeneracy.Verify.FiniteWidth;
using Degeneracy.Verify.Prediction;

namespace Degeneracy.Bench;

/// <summary>
/// The <c>exact</c> predictor on a 10-layer network of width 10 from θ⁰ = π/2 (target ≤ 1 s including set-up): with the
/// shipped table already parsed, and cold (parsing the embedded table, ≈ 1.5 MB, each time), against <c>density</c>.
/// </summary>
[MemoryDiagnoser]
public class ExactPredictionBenchmarks
{
    private static readonly int[] Widths = Enumerable.Repeat(10, 10).ToArray();
    private IAnglePredictor _exact = null!, _density = null!;

    [GlobalSetup]
    public void Setup()
    {
        _exact = PredictionMethods.Create("exact");
        _density = PredictionMethods.Create("density");
        _ = _exact.Predict(Widths, Math.PI / 2);
    }

    [Benchmark(Baseline = true)] public double Density() => _density.Predict(Widths, Math.PI / 2).Final.Mean;
    [Benchmark] public double Exact() => _exact.Predict(Widths, Math.PI / 2).Final.Mean;

    [Benchmark]
    public double ExactWithTableParse()
    {
        using var stream = typeof(OneStepLawTable).Assembly.GetManifestResourceStream("Degeneracy.Verify.one-step-law.csv")!;
        using var reader = new StreamReader(stream);
        var table = OneStepLawTable.Parse(reader);
        return new ExactPredictor(table: table).Predict(Widths, Math.PI / 2).Final.Mean;
    }
}
