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
    private readonly double _sin0, _cosMinusOne0;
    private readonly double[] _g, _dg, _x, _dx;

    public ReducedChainKernel(MonteCarloConfiguration configuration)
    {
        _widths = configuration.Widths;
        _keys = PhiloxRoundKeys.Of(PhiloxKey.FromSeed(configuration.Seed));
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
            var step = AngleStep.Compute(g, dg, _x, _dx);
            if (step.IsDegenerate) return layer;
            lnSinSquared[layer] = Math.Log(step.SinSquared);
            sin = Math.Sqrt(step.SinSquared);
            cosMinusOne = -step.SinSquared / (1 + step.Cos);
        }
        return -1;
    }
}
