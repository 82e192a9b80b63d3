using BenchmarkDotNet.Attributes;
using Degeneracy.JFunctions;

namespace Degeneracy.Bench;

/// <summary>
/// Double evaluation of J_{a,b}(θ) for a + b ≤ 8 (target ≤ 50 ns per call) and exact construction of the closed form
/// of J_{12,12} from scratch (target ≤ 50 ms). Each evaluation benchmark sweeps four angles, one of them inside the
/// t = π − θ series branch, and reports the time per call.
/// </summary>
[MemoryDiagnoser]
public class JFunctionBenchmarks
{
    private const int Angles = 5;
    // 3.1 lies in the t-series branch for every J below (SeriesSwitch ≥ 0.05 for these indices); 1.8 in the Taylor
    // patches of J_{2,2}, J_{3,1}, J_{4,4} (JFunction.PatchRange); 0.1 and 1.0 in the closed form.
    private readonly double[] _thetas = [0.1, 1.0, 1.8, 2.5, 3.1];
    private JFunction _j11 = null!, _j22 = null!, _j31 = null!, _j44 = null!;

    [GlobalSetup]
    public void Setup()
    {
        _j11 = JFunction.Get(1, 1);
        _j22 = JFunction.Get(2, 2);
        _j31 = JFunction.Get(3, 1);
        _j44 = JFunction.Get(4, 4);
    }

    private double Sweep(JFunction f)
    {
        double s = 0;
        foreach (var t in _thetas) s += f.Evaluate(t);
        return s;
    }

    [Benchmark(OperationsPerInvoke = Angles)] public double J11() => Sweep(_j11);
    [Benchmark(OperationsPerInvoke = Angles)] public double J22() => Sweep(_j22);
    [Benchmark(OperationsPerInvoke = Angles)] public double J31() => Sweep(_j31);
    [Benchmark(OperationsPerInvoke = Angles)] public double J44() => Sweep(_j44);

    /// <summary>Exact closed form of J_{12,12} built from scratch (the cache of JClosedForm.Build bypassed).</summary>
    [Benchmark] public JClosedForm ClosedForm_J12_12_Uncached() => JClosedForm.BuildUncached(12, 12);
}
