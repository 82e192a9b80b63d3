using BenchmarkDotNet.Attributes;
using Degeneracy.JFunctions;

namespace Degeneracy.Bench;

/// <summary>
/// Double evaluation of J^{(s)}_{a,b}(θ) for a + b ≤ 8 (target ≤ 50 ns per call) side by side with ReLU's J_{a,b}:
/// the same five angles as <see cref="JFunctionBenchmarks"/>, for abs (s = −1) and leaky ReLU (s = 1/100, 1/2). Index = 10a + b.
/// </summary>
public class ActivationJBenchmarks
{
    private const int Angles = 5;
    private readonly double[] _thetas = [0.1, 1.0, 1.8, 2.5, 3.1];

    [Params(11, 22, 31, 44, 80, 53)] public int Index { get; set; }
    [Params("relu", "abs", "leaky:1/100", "leaky:1/2")] public string Activation { get; set; } = "relu";

    private ActivationJFunction _j = null!;

    [GlobalSetup]
    public void Setup() => _j = ActivationJFunction.Get(Index / 10, Index % 10, JFunctions.Activation.Parse(Activation));

    [Benchmark(OperationsPerInvoke = Angles)]
    public double Evaluate()
    {
        double s = 0;
        foreach (var t in _thetas) s += _j.Evaluate(t);
        return s;
    }
}
