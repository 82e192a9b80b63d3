using System.Diagnostics;
using System.Numerics.Tensors;
using Degeneracy.Verify.MonteCarlo;

namespace Degeneracy.Verify.Variability;

/// <summary>
/// Zhang &amp; Yu's C- and G-matrices (eqs. 7–9) along depth: for each parameter sample and its random input pair
/// (x, x̄) (iid N(0, 1) entries, <see cref="NetworkParameters.InputPair"/>), the products C_L = Π_{k≤L} W_kᵀ D_φ(z_k, z̄_k),
/// G_L(x) = Π W_kᵀ ∇φ(z_k) and G_L(x̄) for every L up to the spec's depth, with their spectral norms. Products are kept
/// rescaled (the scale is carried as a logarithm) so L = 1000 neither underflows nor overflows; the norms come from power
/// iteration on M Mᵀ warm-started from the previous depth's left singular vector, to a relative change below 10⁻¹⁰ (at most 2000 iterations).
/// The pair is propagated as (s, δs = s̄ − s) with δz = W δs and δs = D_φ δz, never as the difference of two forward passes:
/// once ‖C_L‖ is far below 1 that difference is pure rounding (for ReLU at d = 32 from L ≈ 600 on).
/// </summary>
public static class CgMatrixSampler
{
    /// <summary>Largest sample count (10⁶).</summary>
    public const int MaxSamples = 1_000_000;

    /// <summary>Per-depth statistics of samples 0 … S−1.</summary>
    /// <param name="spec">A network without output layer (n_out = 0); Zhang &amp; Yu use n_in = d.</param>
    /// <param name="samples">S ∈ [2, 10⁶].</param>
    /// <param name="seed">Philox key.</param>
    /// <param name="threads">Worker threads (default all cores); the output does not depend on it.</param>
    /// <param name="progress">Optional progress counter.</param>
    public static IReadOnlyList<CgDepthStatistics> Run(BiasedNetworkSpec spec, int samples, ulong seed, int? threads = null, SamplingProgress? progress = null)
    {
        var logs = RunSamples(spec, samples, seed, threads, progress);
        var result = new CgDepthStatistics[spec.Depth];
        for (int l = 0; l < spec.Depth; l++)
        {
            var (c, sc) = MeanSe(logs, s => s.C[l]);
            var (g, sg) = MeanSe(logs, s => s.G[l]);
            var (gb, sgb) = MeanSe(logs, s => s.GBar[l]);
            var (r, sr) = MeanSe(logs, s => s.C[l] - 0.5 * (s.G[l] + s.GBar[l]));
            int collapsed = logs.Count(s => s.CollapsedAt >= 0 && s.CollapsedAt <= l + 1);
            int zeroC = logs.Count(s => double.IsNegativeInfinity(s.C[l]));
            int zeroG = logs.Count(s => double.IsNegativeInfinity(s.G[l]) || double.IsNegativeInfinity(s.GBar[l]));
            result[l] = new CgDepthStatistics(l + 1, samples, c, sc, g, sg, gb, sgb, r, sr, collapsed, zeroC, zeroG);
        }
        return result;
    }

    /// <summary>One sample's log₁₀ norms at every depth and the first depth (1-based) where z = z̄ exactly (−1: never).</summary>
    public sealed record SampleNorms(double[] C, double[] G, double[] GBar, int CollapsedAt);

    /// <summary>The per-sample log₁₀ norms of samples 0 … S−1 (in sample order).</summary>
    public static IReadOnlyList<SampleNorms> RunSamples(BiasedNetworkSpec spec, int samples, ulong seed, int? threads = null, SamplingProgress? progress = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.OutputDimension != 0) throw new ArgumentOutOfRangeException(nameof(spec), spec.OutputDimension, "C/G matrices are taken without an output layer (n_out = 0)");
        if (samples is < 2 or > MaxSamples) throw new ArgumentOutOfRangeException(nameof(samples), samples, $"samples must lie in [2, {MaxSamples}]");
        int t = threads ?? Environment.ProcessorCount;
        if (t is < 1 or > 1024) throw new ArgumentOutOfRangeException(nameof(threads), t, "threads must lie in [1, 1024]");
        var result = new SampleNorms[samples];
        progress?.Start(samples);
        Parallel.For(0, samples, new ParallelOptions { MaxDegreeOfParallelism = t }, () => new Worker(spec), (i, _, w) =>
        {
            result[i] = w.Run(seed, i);
            progress?.Advance(1);
            return w;
        }, _ => { });
        return result;
    }

    /// <summary>Mean and standard error over the samples whose value is finite (a zero matrix has log₁₀ norm −∞).</summary>
    private static (double Mean, double StdError) MeanSe(IReadOnlyList<SampleNorms> samples, Func<SampleNorms, double> value)
    {
        double mean = 0;
        int n = 0;
        foreach (var s in samples)
            if (double.IsFinite(value(s))) { mean += value(s); n++; }
        if (n == 0) return (double.NaN, double.NaN);
        mean /= n;
        double ss = 0;
        foreach (var s in samples)
            if (double.IsFinite(value(s))) ss += (value(s) - mean) * (value(s) - mean);
        return (mean, n > 1 ? Math.Sqrt(ss / (n - 1) / n) : double.NaN);
    }

    private sealed class Worker(BiasedNetworkSpec spec)
    {
        private readonly int _n = spec.InputDimension, _d = spec.Width;
        private readonly double[] _w = new double[spec.Width * Math.Max(spec.Width, spec.InputDimension)];
        private readonly double[] _b = new double[spec.Width];

        public SampleNorms Run(ulong seed, long sample)
        {
            int n = _n, d = _d, depth = spec.Depth;
            var s = new double[Math.Max(n, d)];
            var ds = new double[Math.Max(n, d)];
            NetworkParameters.InputPair(seed, sample, s.AsSpan(0, n), ds.AsSpan(0, n));
            for (int i = 0; i < n; i++) ds[i] -= s[i];   // δs = x̄ − x, propagated directly so it keeps its digits
            var z = new double[d];
            var dz = new double[d];
            var dc = new double[d];
            var dg = new double[d];
            var dgBar = new double[d];
            var products = new[] { new Product(n, d), new Product(n, d), new Product(n, d) };
            var logs = new[] { new double[depth], new double[depth], new double[depth] };
            int collapsedAt = -1, cols = n;
            var act = spec.Activation;
            for (int k = 1; k <= depth; k++)
            {
                NetworkParameters.Weights(spec, seed, sample, k, _w);
                NetworkParameters.Biases(spec, seed, sample, k, _b);
                bool equal = true;
                for (int i = 0; i < d; i++)
                {
                    var row = _w.AsSpan(i * cols, cols);
                    z[i] = _b[i] + TensorPrimitives.Dot<double>(row, s.AsSpan(0, cols));
                    dz[i] = TensorPrimitives.Dot<double>(row, ds.AsSpan(0, cols));
                    equal &= dz[i] == 0;
                    dc[i] = act.DifferenceQuotientFromDelta(z[i], dz[i]);
                    dg[i] = act.Derivative(z[i]);
                    dgBar[i] = act.Derivative(z[i] + dz[i]);
                }
                if (equal && collapsedAt < 0) collapsedAt = k;
                products[0].Multiply(_w, cols, dc);
                products[1].Multiply(_w, cols, dg);
                products[2].Multiply(_w, cols, dgBar);
                for (int m = 0; m < 3; m++) logs[m][k - 1] = products[m].Log10Norm();
                for (int i = 0; i < d; i++) { s[i] = act.Apply(z[i]); ds[i] = dc[i] * dz[i]; }
                cols = d;
            }
            return new SampleNorms(logs[0], logs[1], logs[2], collapsedAt);
        }
    }

    /// <summary>M = 10^scale · A (n × c), right-multiplied by W_kᵀ diag(D) each layer; its spectral norm by warm-started power iteration.</summary>
    private sealed class Product
    {
        private readonly int _n;
        private double[] _a, _next;
        private int _cols;
        private double _log10Scale;
        private readonly double[] _u, _v;

        public Product(int n, int d)
        {
            _n = n;
            _cols = n;
            _a = new double[n * Math.Max(n, d)];
            _next = new double[n * Math.Max(n, d)];
            for (int i = 0; i < n; i++) _a[i * n + i] = 1;
            _u = new double[n];
            _v = new double[Math.Max(n, d)];
            for (int i = 0; i < n; i++) _u[i] = 1 / Math.Sqrt(n);
        }

        /// <summary>A ← A·Wᵀ·diag(D), W row-major d × cols.</summary>
        public void Multiply(double[] w, int cols, double[] diagonal)
        {
            int d = diagonal.Length;
            double max = 0;
            for (int a = 0; a < _n; a++)
            {
                var row = _a.AsSpan(a * cols, cols);
                for (int i = 0; i < d; i++)
                {
                    double value = TensorPrimitives.Dot<double>(row, w.AsSpan(i * cols, cols)) * diagonal[i];
                    _next[a * d + i] = value;
                    max = Math.Max(max, Math.Abs(value));
                }
            }
            (_a, _next) = (_next, _a);
            _cols = d;
            if (max > 0 && (max > 1e100 || max < 1e-100))
            {
                int e = Math.ILogB(max);
                double f = Math.ScaleB(1.0, -e);
                for (int t = 0; t < _n * d; t++) _a[t] *= f;
                _log10Scale += e * Math.Log10(2);
            }
        }

        /// <summary>log₁₀ of the spectral norm (−∞ for the zero matrix).</summary>
        public double Log10Norm()
        {
            int n = _n, c = _cols;
            double estimate = 0;
            for (int iteration = 0; iteration < 2000; iteration++)
            {
                // v = Aᵀu, u' = A v: ‖Aᵀu‖ → σ_max from below.
                Array.Clear(_v, 0, c);
                for (int a = 0; a < n; a++)
                    TensorPrimitives.MultiplyAdd<double>(_a.AsSpan(a * c, c), _u[a], _v.AsSpan(0, c), _v.AsSpan(0, c));
                double norm = Math.Sqrt(TensorPrimitives.Dot<double>(_v.AsSpan(0, c), _v.AsSpan(0, c)));
                if (norm == 0) return double.NegativeInfinity;
                for (int a = 0; a < n; a++) _u[a] = TensorPrimitives.Dot<double>(_a.AsSpan(a * c, c), _v.AsSpan(0, c));
                double un = Math.Sqrt(TensorPrimitives.Dot<double>(_u, _u));
                for (int a = 0; a < n; a++) _u[a] /= un;
                bool converged = Math.Abs(norm - estimate) <= 1e-10 * norm;
                estimate = norm;
                if (converged && iteration > 0) break;
            }
            return Math.Log10(estimate) + _log10Scale;
        }
    }
}
