using System.Runtime.CompilerServices;
namespace Degeneracy.Verify.MonteCarlo;

/// <summary>
/// One sample of the reduced chain (docs/THEORY.md §1): per layer ℓ, n_ℓ iid Gaussian pairs with correlation cos θ^{ℓ−1},
/// then the stable <see cref="AngleStep"/>. The state carried between layers is (sin θ, cos θ − 1), never θ itself.
/// </summary>
internal sealed class ReducedChainKernel : ISampleKernel
{
    private readonly IReadOnlyList<int> _widths;
    private readonly PhiloxRoundKeys _keys;
    private readonly double _sin0, _cosMinusOne0, _slope;
    private readonly double[] _g, _dg, _x, _dx;

    public ReducedChainKernel(MonteCarloConfiguration configuration)
    {
        _widths = configuration.Widths;
        _keys = PhiloxRoundKeys.Of(PhiloxKey.FromSeed(configuration.Seed));
        _slope = configuration.Activation.SlopeValue;
        _sin0 = Math.Sin(configuration.Theta0);
        double half = Math.Sin(configuration.Theta0 / 2);
        _cosMinusOne0 = -2 * half * half;
        int max = _widths.Max();
        _g = new double[max];
        _dg = new double[max];
        _x = new double[max];
        _dx = new double[max];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Run(long sample, Span<double> lnSinSquared)
    {
        uint low = CounterLayout.SampleLow(sample), high = CounterLayout.ChainHigh(sample);
        double sin = _sin0, cosMinusOne = _cosMinusOne0;
        for (int layer = 0; layer < _widths.Count; layer++)
        {
            int n = _widths[layer];
            var g = _g.AsSpan(0, n);
            var dg = _dg.AsSpan(0, n);
            PhiloxGaussian.FillCorrelated(_keys, (uint)layer, low, high, cosMinusOne, sin, g, dg);
            var step = _slope == 0 ? AngleStep.Compute(g, dg, _x, _dx) : LeakyAngleStep.Compute(g, dg, _x, _dx, _slope);
            if (step.IsDegenerate) return layer;
            lnSinSquared[layer] = Math.Log(step.SinSquared);
            sin = Math.Sqrt(step.SinSquared);
            // cos θ − 1 without cancellation: −sin²/(1 + cos) for cos ≥ 0 (always for ReLU), cos − 1 itself below 0 (φ_s, s > 0).
            cosMinusOne = step.Cos >= 0 ? -step.SinSquared / (1 + step.Cos) : step.Cos - 1;
        }
        return -1;
    }
}
