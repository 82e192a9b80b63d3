using Degeneracy.Verify.MonteCarlo;

namespace Degeneracy.Verify.Batches;

/// <summary>
/// One sample of the Gram chain (docs/THEORY.md §7). The state is a factor R (m×m upper triangular, RᵀR = HᵀH) of the
/// previous layer's features; layer ℓ draws, for each of its n units, ξ ~ N(0, I_m) and η ~ N(0, 1) and sets
/// z = (σ_w/√n_{ℓ−1})·Rᵀξ + σ_b·η·1, so the rows are iid N(0, σ_w²K + σ_b²11ᵀ) exactly; then h = φ_s(z) and R is
/// refactored by <see cref="Orthonormalizer"/>. Random numbers: unit k's ξ_{2p}, ξ_{2p+1} are the Gaussian pair of Philox
/// counter (k·⌈m/2⌉ + p, ℓ − 1, sample mod 2³², sample / 2³²) — for m = 2 exactly the counters of the angle chain — and
/// η_k is Z₁/Z₂ of counter (⌊k/2⌋, (ℓ − 1) | 2³¹, …).
/// </summary>
internal sealed class GramChainKernel : IBatchKernel
{
    private readonly BatchConfiguration _configuration;
    private readonly PhiloxRoundKeys _keys;
    private readonly GramObserver _observer;
    private readonly int _m, _pairs, _valuesPerLayer;
    private readonly double _sigmaW, _sigmaB, _slope;
    private readonly double[] _r0, _r, _rNext, _h, _xi, _z1, _z2, _b1, _b2;
    private readonly int[] _nonZero, _first;

    public GramChainKernel(BatchConfiguration configuration)
    {
        _configuration = configuration;
        _keys = PhiloxRoundKeys.Of(PhiloxKey.FromSeed(configuration.Seed));
        _m = configuration.BatchSize;
        _pairs = (_m + 1) / 2;
        _valuesPerLayer = configuration.Layout.ValuesPerLayer;
        _sigmaW = Math.Sqrt(configuration.WeightVariance);
        _sigmaB = Math.Sqrt(configuration.BiasVariance);
        _slope = configuration.Activation.SlopeValue;
        _observer = new GramObserver(_m, configuration.Tolerance, configuration.Inputs.Labels, configuration.TrackGram,
            absorbing: configuration.BiasVariance == 0);
        int d = configuration.Inputs.Dimension, maxN = configuration.Widths.Max();
        var x = new double[_m * d];
        for (int i = 0; i < _m; i++) configuration.Inputs.Vectors[i].CopyTo(x, i * d);
        _r0 = new double[_m * _m];
        Orthonormalizer.Orthonormalize(x, _m, d, _r0);
        _r = new double[_m * _m];
        _rNext = new double[_m * _m];
        _h = new double[_m * maxN];
        _xi = new double[2 * _pairs * maxN];
        _z1 = new double[_pairs * maxN];
        _z2 = new double[_pairs * maxN];
        _b1 = new double[(maxN + 1) / 2];
        _b2 = new double[(maxN + 1) / 2];
        _nonZero = new int[_m];
        _first = new int[_m];
    }

    public void Run(long sample, Span<double> values)
    {
        _observer.StartSample();
        uint low = CounterLayout.SampleLow(sample), high = CounterLayout.ChainHigh(sample);
        _r0.CopyTo(_r, 0);
        var r = _r;
        var rNext = _rNext;
        int m = _m, nPrev = _configuration.Inputs.Dimension;
        for (int layer = 0; layer < _configuration.Depth; layer++)
        {
            int n = _configuration.Widths[layer];
            var z1 = _z1.AsSpan(0, n * _pairs);
            var z2 = _z2.AsSpan(0, n * _pairs);
            PhiloxGaussian.FillPairs(_keys, (uint)layer, low, high, z1, z2);
            for (int k = 0; k < n; k++)
                for (int p = 0; p < _pairs; p++)
                {
                    _xi[2 * p * n + k] = z1[k * _pairs + p];
                    _xi[(2 * p + 1) * n + k] = z2[k * _pairs + p];
                }
            if (_sigmaB > 0)
            {
                int half = (n + 1) / 2;
                PhiloxGaussian.FillPairs(_keys, (uint)layer | 0x8000_0000u, low, high, _b1.AsSpan(0, half), _b2.AsSpan(0, half));
            }
            double scale = _sigmaW / Math.Sqrt(nPrev);
            for (int i = 0; i < m; i++)
            {
                var h = _h.AsSpan(i * n, n);
                if (_sigmaB > 0)
                    for (int k = 0; k < n; k++) h[k] = _sigmaB * ((k & 1) == 0 ? _b1[k >> 1] : _b2[k >> 1]);
                else h.Clear();
                for (int p = 0; p <= i; p++)
                {
                    double a = scale * r[p + i * m];
                    if (a != 0) Orthonormalizer.AddScaled(h, a, _xi.AsSpan(p * n, n));
                }
                (_nonZero[i], _first[i]) = FeatureActivation.Apply(h, _slope);
            }
            Orthonormalizer.Orthonormalize(_h.AsSpan(0, m * n), m, n, rNext);
            _observer.Observe(rNext, n, _nonZero, _first, values.Slice(layer * _valuesPerLayer, _valuesPerLayer));
            (r, rNext) = (rNext, r);
            nPrev = n;
        }
    }
}
