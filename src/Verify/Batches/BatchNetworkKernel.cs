using Degeneracy.Verify.MonteCarlo;

namespace Degeneracy.Verify.Batches;

/// <summary>
/// One sample of an explicit network on the batch: z^ℓ = (σ_w/√n_{ℓ−1}) W^ℓ h^{ℓ−1} + σ_b b^ℓ, h^ℓ = φ_s(z^ℓ).
/// Gaussian W^ℓ_{ij} is exactly <see cref="FullNetworkSampler.Weight"/> (counter (⌊j/2⌋, i, sample mod 2³², (ℓ ≪ 20) | sample/2³²)),
/// so for m = 2 this network is the one the angle-chain reference samples. Orthogonal W^ℓ orthonormalises the rows
/// (n_out ≤ n_in) or columns (n_out &gt; n_in) of that Gaussian matrix by <see cref="Orthonormalizer"/> (Haar) and
/// scales by √max(n_out, n_in). b^ℓ_i is Z₁/Z₂ of counter (⌊i/2⌋, 2³² − 1, …, (ℓ ≪ 20) | …).
/// </summary>
internal sealed class BatchNetworkKernel : IBatchKernel
{
    private readonly BatchConfiguration _configuration;
    private readonly PhiloxRoundKeys _keys;
    private readonly GramObserver _observer;
    private readonly int _m, _valuesPerLayer;
    private readonly double _sigmaW, _sigmaB, _slope;
    private readonly double[] _input, _hPrev, _h, _qr, _r, _row, _z1, _z2, _b1, _b2, _matrix, _transposed;
    private readonly int[] _nonZero, _first;

    public BatchNetworkKernel(BatchConfiguration configuration)
    {
        _configuration = configuration;
        _keys = PhiloxRoundKeys.Of(PhiloxKey.FromSeed(configuration.Seed));
        _m = configuration.BatchSize;
        _valuesPerLayer = configuration.Layout.ValuesPerLayer;
        _sigmaW = Math.Sqrt(configuration.WeightVariance);
        _sigmaB = Math.Sqrt(configuration.BiasVariance);
        _slope = configuration.Activation.SlopeValue;
        _observer = new GramObserver(_m, configuration.Tolerance, configuration.Inputs.Labels, configuration.TrackGram,
            absorbing: configuration.BiasVariance == 0);
        int d = configuration.Inputs.Dimension, maxN = configuration.Widths.Max(), maxAll = Math.Max(maxN, d);
        _input = new double[_m * d];
        for (int i = 0; i < _m; i++) configuration.Inputs.Vectors[i].CopyTo(_input, i * d);
        _hPrev = new double[_m * maxAll];
        _h = new double[_m * maxAll];
        _qr = new double[_m * maxN];
        _r = new double[_m * _m];
        int pairs = (maxAll + 1) / 2;
        _row = new double[2 * pairs];
        _z1 = new double[pairs];
        _z2 = new double[pairs];
        _b1 = new double[pairs];
        _b2 = new double[pairs];
        if (configuration.Weights == WeightLaw.Orthogonal)
        {
            long largest = 0;
            int nIn = d;
            foreach (int n in configuration.Widths) { largest = Math.Max(largest, (long)n * nIn); nIn = n; }
            _matrix = new double[largest];
            _transposed = new double[largest];
        }
        else
        {
            _matrix = [];
            _transposed = [];
        }
        _nonZero = new int[_m];
        _first = new int[_m];
    }

    public void Run(long sample, Span<double> values)
    {
        _observer.StartSample();
        uint low = CounterLayout.SampleLow(sample);
        int m = _m, nIn = _configuration.Inputs.Dimension;
        var hPrev = _hPrev;
        var h = _h;
        _input.CopyTo(hPrev, 0);
        for (int layer = 1; layer <= _configuration.Depth; layer++)
        {
            int nOut = _configuration.Widths[layer - 1];
            uint high = CounterLayout.NetworkHigh(sample, layer);
            int pairs = (nIn + 1) / 2;
            double scale = _sigmaW / Math.Sqrt(nIn);
            if (_sigmaB > 0)
                PhiloxGaussian.FillPairs(_keys, 0xFFFF_FFFFu, low, high, _b1.AsSpan(0, (nOut + 1) / 2), _b2.AsSpan(0, (nOut + 1) / 2));
            if (_configuration.Weights == WeightLaw.Orthogonal) OrthogonalMatrix(nOut, nIn, low, high);
            for (int row = 0; row < nOut; row++)
            {
                ReadOnlySpan<double> w;
                if (_configuration.Weights == WeightLaw.Orthogonal) w = _matrix.AsSpan(row * nIn, nIn);
                else
                {
                    PhiloxGaussian.FillPairs(_keys, (uint)row, low, high, _z1.AsSpan(0, pairs), _z2.AsSpan(0, pairs));
                    for (int j = 0; j < nIn; j++) _row[j] = (j & 1) == 0 ? _z1[j >> 1] : _z2[j >> 1];
                    w = _row.AsSpan(0, nIn);
                }
                double bias = _sigmaB > 0 ? _sigmaB * ((row & 1) == 0 ? _b1[row >> 1] : _b2[row >> 1]) : 0;
                for (int i = 0; i < m; i++)
                    h[i * nOut + row] = scale * Orthonormalizer.Dot(w, hPrev.AsSpan(i * nIn, nIn)) + bias;
            }
            for (int i = 0; i < m; i++) (_nonZero[i], _first[i]) = FeatureActivation.Apply(h.AsSpan(i * nOut, nOut), _slope);
            h.AsSpan(0, m * nOut).CopyTo(_qr);
            Orthonormalizer.Orthonormalize(_qr.AsSpan(0, m * nOut), m, nOut, _r);
            _observer.Observe(_r, nOut, _nonZero, _first, values.Slice((layer - 1) * _valuesPerLayer, _valuesPerLayer));
            (hPrev, h) = (h, hPrev);
            nIn = nOut;
        }
    }

    /// <summary>W = √max(n_out, n_in)·Q, Q the Haar semi-orthogonal factor of this layer's Gaussian matrix, row-major in _matrix.</summary>
    private void OrthogonalMatrix(int nOut, int nIn, uint low, uint high)
    {
        int pairs = (nIn + 1) / 2;
        for (int row = 0; row < nOut; row++)
        {
            PhiloxGaussian.FillPairs(_keys, (uint)row, low, high, _z1.AsSpan(0, pairs), _z2.AsSpan(0, pairs));
            for (int j = 0; j < nIn; j++) _matrix[row * nIn + j] = (j & 1) == 0 ? _z1[j >> 1] : _z2[j >> 1];
        }
        var r = new double[Math.Min(nOut, nIn) * Math.Min(nOut, nIn)];
        double gain = Math.Sqrt(Math.Max(nOut, nIn));
        if (nOut <= nIn)
        {
            Orthonormalizer.Orthonormalize(_matrix.AsSpan(0, nOut * nIn), nOut, nIn, r);
            Orthonormalizer.Scale(_matrix.AsSpan(0, nOut * nIn), gain);
            return;
        }
        for (int row = 0; row < nOut; row++)
            for (int j = 0; j < nIn; j++) _transposed[j * nOut + row] = _matrix[row * nIn + j];
        Orthonormalizer.Orthonormalize(_transposed.AsSpan(0, nOut * nIn), nIn, nOut, r);
        for (int row = 0; row < nOut; row++)
            for (int j = 0; j < nIn; j++) _matrix[row * nIn + j] = gain * _transposed[j * nOut + row];
    }
}
