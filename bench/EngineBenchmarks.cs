using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Degeneracy.Series.Derivation;
using Degeneracy.Symbolic;
using Degeneracy.TestSupport.Derivation;

namespace Degeneracy.Bench;

/// <summary>
/// The two derivation engines side by side on the same task (exact c_{jk} of the drift and σ² to θ^J n^{−K}):
/// the multi-modular engine behind <see cref="Derivation.Derive(int, int)"/> against the first engine (symbolic
/// closed forms + exact ℚ[π, 1/π] substitution, kept in tests/Support as the oracle). Cold start (both engines keep
/// static caches), 3 launches, first call with JIT. The whole-process scaling against the n-order is bench/order_scaling.sh.
/// </summary>
[SimpleJob(RunStrategy.ColdStart, launchCount: 3, warmupCount: 0, iterationCount: 1)]
[MinColumn, MaxColumn, MemoryDiagnoser]
public class EngineBenchmarks
{
    /// <summary>θ-order of the task.</summary>
    [Params(8)] public int ThetaOrder;
    /// <summary>n-order of the task.</summary>
    [Params(3, 4)] public int NOrder;

    /// <summary>The first engine (baseline).</summary>
    [Benchmark(Baseline = true)]
    public int Substitution() => Print(SubstitutionDerivation.Derive(ThetaOrder, NOrder, JFunctions.Activation.Relu).SelectMany(q => q).SelectMany(k => k));

    /// <summary>The multi-modular engine.</summary>
    [Benchmark]
    public int Modular()
    {
        var d = Derivation.Derive(ThetaOrder, NOrder);
        return Print(d.Drift.Concat(d.Variance).Select(t => t.Coefficient));
    }

    private static int Print(IEnumerable<PiLaurent> cs)
    {
        var sb = new StringBuilder();
        foreach (var c in cs) sb.Append(c.Print(PrintFormat.Text)).Append(' ').AppendLine(c.ToDouble().ToString("R", CultureInfo.InvariantCulture));
        return sb.Length;
    }
}
