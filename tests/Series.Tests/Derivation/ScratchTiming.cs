using Degeneracy.Series.Derivation;
using Xunit.Abstractions;
namespace Degeneracy.Series.Tests.Derivation;
public class ScratchTiming(ITestOutputHelper output)
{
    [Fact]
    public void Time()
    {
        for (int k = 1; k <= 3; k++)
        {
            var sw = System.Diagnostics.Stopwatch.StartNew();
            var d = Degeneracy.Series.Derivation.Derivation.Derive(8, k);
            output.WriteLine($"K={k}: {sw.ElapsedMilliseconds} ms; m{k} terms {d.DriftClosedForm[k].Numerator.TermCount} D^{d.DriftClosedForm[k].DPower}; v terms {d.VarianceClosedForm[k-1].Numerator.TermCount}");
            output.WriteLine(string.Join(", ", d.Terms(Quantity.Rho).Select(t => $"{t.InvNPower}:{t.Coefficient}")));
            output.WriteLine(string.Join(", ", d.Variance.Where(t=>t.ThetaPower==0).Select(t => $"{t.InvNPower}:{t.Coefficient}")));
        }
    }
}
