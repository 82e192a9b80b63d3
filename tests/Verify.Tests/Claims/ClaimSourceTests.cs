using Degeneracy.Verify.Claims;
using Xunit.Abstractions;

namespace Degeneracy.Verify.Tests.Claims;

public class ClaimSourceTests(ITestOutputHelper output)
{
    [Fact]
    public void DepthDegeneracy_Quick_FindsTheKnownDiscrepancies()
    {
        var claims = new DepthDegeneracyClaims().Evaluate(new ClaimOptions(Quick: true));
        foreach (var c in claims) output.WriteLine($"{c.Id}: {c.Verdict}\n{c.Evidence}\n");
        Assert.Equal(["degeneracy.eq6-theta2", "degeneracy.eq2-rho", "degeneracy.table4-depths"], claims.Select(c => c.Id));
        // Independent expectations: eq. 6 prints 296/(45π) where the θ² coefficient is 296/(45π²) (docs/DERIVATION.md);
        // eq. 2 expands as 2/n + 100/n² while the exact small-angle law has 8/n²; networks 23 and 25 list 14 widths, depth 15.
        Assert.Equal(ClaimVerdict.Fails, claims[0].Verdict);
        Assert.Contains("-8 - 296/(45*pi^2)", claims[0].Evidence);
        Assert.Equal(ClaimVerdict.Partly, claims[1].Verdict);
        Assert.Contains("the n⁻² coefficient is 100 where the exact small-angle law has 8", claims[1].Evidence);
        Assert.Equal(ClaimVerdict.Partly, claims[2].Verdict);
        Assert.Contains("network 23 lists 14 widths in Table 4 but depth 15", claims[2].Evidence);
        Assert.Contains("network 25 lists 14 widths in Table 4 but depth 15", claims[2].Evidence);
    }

    [Fact]
    public void ClaimedCurve_AndRevivalDepths_FollowTheNotesFormulas()
    {
        Assert.Equal(1 - 2 / Math.PI, OscillationClaims.Rho, 15); // the note's ratio ρ = 1 − 2/π, in closed form
        Assert.Equal(8 * 2 / Math.PI, OscillationClaims.ClaimedDimension(8, 1), 13);
        var depths = OscillationClaims.RevivalDepths(10);
        Assert.Equal([0.5 * Math.PI / Math.Log(1 / OscillationClaims.Rho), 1.5 * Math.PI / Math.Log(1 / OscillationClaims.Rho),
            2.5 * Math.PI / Math.Log(1 / OscillationClaims.Rho)], depths);
    }
}
