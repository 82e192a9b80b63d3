using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Degeneracy.Series.Derivation;
using Degeneracy.Symbolic;

namespace Degeneracy.Bench;

/// <summary>
/// The derivation from scratch: the work of <c>degeneracy derive --quantity all --theta-order 8 --n-order 3</c>
/// (target ≤ 2 s), and the exact expansion of the published μ_pub, σ²_pub to θ⁴ ε¹ (the SymPy comparison of
/// <c>bench/sympy_compare.py</c>). LogRatioExpansion.Derive and JClosedForm.Build keep static caches that no setup
/// hook can clear, so the job is a cold start: every launch is a fresh process that runs the benchmark exactly once
/// (no pilot, no jitting stage, no warm-up), i.e. each figure is the first call, JIT included.
/// </summary>
[SimpleJob(RunStrategy.ColdStart, launchCount: 3, warmupCount: 0, iterationCount: 1)]
[MinColumn, MaxColumn, MemoryDiagnoser]
public class DerivationBenchmarks
{
    /// <summary>Derivation of μ, σ², ρ to θ⁸ n⁻³ plus the text the CLI prints (every coefficient, exact and double).</summary>
    [Benchmark]
    public int DeriveAll_Theta8_N3()
    {
        var d = Derivation.Derive(8, 3);
        var sb = new StringBuilder();
        foreach (var q in new[] { Quantity.Drift, Quantity.Sigma2, Quantity.Rho })
            foreach (var t in d.Terms(q).Where(t => !t.Coefficient.IsZero))
                sb.Append(t.ThetaPower).Append(' ').Append(t.InvNPower).Append(' ').Append(t.Coefficient.Print(PrintFormat.Text))
                  .Append(' ').AppendLine(t.Value.ToString("R", CultureInfo.InvariantCulture));
        return sb.Length;
    }

    /// <summary>Exact expansion of μ_pub − ln sin²θ and σ²_pub to θ⁴ ε¹ (no derivation involved).</summary>
    [Benchmark]
    public int ExpandPublished_Theta4_N1() => PublishedExpansion.ExpandBoth().Sum(s => s.Count);
}
