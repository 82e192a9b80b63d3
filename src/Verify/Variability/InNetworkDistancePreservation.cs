using System.Numerics.Tensors;

namespace Degeneracy.Verify.Variability;

/// <summary>
/// Proposition 2 where Zhang &amp; Yu apply it (Remark 3): z_k and z̄_k of one Gaussian network with biases, for a fixed input
/// pair. Given layer k − 1, the units' pairs (z_ki, z̄_ki) are iid centred normal with covariance
/// σ_w²/n·[[‖s‖², s·s̄], [s·s̄, ‖s̄‖²]] + σ_b²·11ᵀ, so P(all |D_ii| = 1 | layer k − 1) = p(θ_k)^d exactly
/// (<see cref="DistancePreservation.CorrelatedLayerProbability"/>). Sampling checks this and records how θ_k collapses with depth.
/// Once the two inputs have met exactly (s_{k−1} = s̄_{k−1}, a positive-probability event for ReLU) the convention 0/0 := 1
/// makes every later quotient 1, and the conditional probability is 1.
/// </summary>
public static class InNetworkDistancePreservation
{
    /// <summary>Runs S networks (samples 0 … S−1 of the seed) of a Gaussian spec with φ_s and no output layer.</summary>
    /// <param name="spec">Gaussian weights, piecewise-linear φ, n_out = 0, n_in = x.Length.</param>
    /// <param name="x">First input.</param>
    /// <param name="xBar">Second input.</param>
    /// <param name="samples">S ∈ [2, 10⁷].</param>
    /// <param name="seed">Philox key.</param>
    /// <param name="threads">Worker threads (default all cores); the output does not depend on it.</param>
    public static IReadOnlyList<DistancePreservationLayer> Run(BiasedNetworkSpec spec, double[] x, double[] xBar, int samples, ulong seed, int? threads = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(xBar);
        if (spec.Weights != WeightDistribution.Gaussian || spec.Activation.IsSigmoid || spec.OutputDimension != 0)
            throw new ArgumentOutOfRangeException(nameof(spec), spec.ToString(), "needs Gaussian weights, a piecewise-linear activation and no output layer");
        if (x.Length != spec.InputDimension || xBar.Length != spec.InputDimension)
            throw new ArgumentException($"x and xBar must have length {spec.InputDimension}", nameof(x));
        if (samples is < 2 or > 10_000_000) throw new ArgumentOutOfRangeException(nameof(samples), samples, "samples must lie in [2, 10⁷]");
        int t = threads ?? Environment.ProcessorCount;
        if (t is < 1 or > 1024) throw new ArgumentOutOfRangeException(nameof(threads), t, "threads must lie in [1, 1024]");

        int depth = spec.Depth, chunks = (samples + 63) / 64;
        var partial = new double[chunks][];
        const int Fields = 7; // all, pAll, pAll(1−pAll), units, pUnit·d, d·pUnit(1−pUnit), θ
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = t }, c =>
        {
            var acc = new double[depth * Fields];
            var worker = new Worker(spec);
            for (int i = c * 64; i < Math.Min(samples, (c + 1) * 64); i++) worker.Run(seed, i, x, xBar, acc);
            partial[c] = acc;
        });
        var sum = new double[depth * Fields];
        foreach (var acc in partial)
            for (int j = 0; j < sum.Length; j++) sum[j] += acc[j];
        var kernel = BiasedKernelMap.Angles(spec.Activation, spec.WeightVariance, spec.BiasVariance, x, xBar, depth);
        double units = (double)samples * spec.Width;
        var layers = new DistancePreservationLayer[depth];
        for (int k = 0; k < depth; k++)
        {
            int o = k * Fields;
            layers[k] = new DistancePreservationLayer(k + 1, sum[o + 6] / samples, kernel[k],
                sum[o] / samples, sum[o + 1] / samples, Math.Sqrt(sum[o + 2]) / samples,
                sum[o + 3] / units, sum[o + 4] / units, Math.Sqrt(sum[o + 5]) / units,
                DistancePreservation.CorrelatedLayerProbability(spec.Activation, kernel[k], spec.Width));
        }
        return layers;
    }

    /// <summary>
    /// A zero pre-activation variance (σ_b = 0 and a layer of zeros): that input's z is exactly 0, which counts as ≥ 0.
    /// Both zero: every unit keeps |D| = 1 (0/0 := 1). One zero: D = φ(v)/v, which is 1 for v ≥ 0 and s for v &lt; 0, so
    /// P(|D| = 1) is 1 when |s| = 1 and ½ otherwise.
    /// </summary>
    private static double DegenerateUnitProbability(double slope, bool oneNonZero) => !oneNonZero || Math.Abs(slope) == 1 ? 1 : 0.5;

    private sealed class Worker(BiasedNetworkSpec spec)
    {
        private readonly double[] _w = new double[spec.Width * Math.Max(spec.Width, spec.InputDimension)];
        private readonly double[] _b = new double[spec.Width];

        public void Run(ulong seed, long sample, double[] x, double[] xBar, double[] acc)
        {
            int d = spec.Width, cols = spec.InputDimension;
            var act = spec.Activation;
            double slope = act.PiecewiseLinear!.SlopeValue;
            var s = new double[Math.Max(d, cols)];
            var ds = new double[Math.Max(d, cols)];
            for (int i = 0; i < cols; i++) { s[i] = x[i]; ds[i] = xBar[i] - x[i]; }
            var z = new double[d];
            var dz = new double[d];
            for (int k = 1; k <= spec.Depth; k++)
            {
                var sv = s.AsSpan(0, cols);
                var dv = ds.AsSpan(0, cols);
                double a = spec.WeightVariance / cols, bv = spec.BiasVariance;
                double ss = TensorPrimitives.Dot<double>(sv, sv), sd = TensorPrimitives.Dot<double>(sv, dv), dd = TensorPrimitives.Dot<double>(dv, dv);
                double q11 = a * ss + bv, q22 = a * (ss + 2 * sd + dd) + bv, q12 = a * (ss + sd) + bv;
                double det = a * a * Math.Max(0, ss * dd - sd * sd) + a * bv * dd;
                double theta = Math.Atan2(Math.Sqrt(det), q12);
                double pUnit = dd == 0 ? 1   // the pair has met exactly: z = z̄, every quotient is 0/0 := 1
                    : q11 > 0 && q22 > 0 ? DistancePreservation.CorrelatedUnitProbability(act, theta)
                    : DegenerateUnitProbability(slope, q11 > 0 || q22 > 0);
                double pAll = Math.Pow(pUnit, d);

                NetworkParameters.Weights(spec, seed, sample, k, _w);
                NetworkParameters.Biases(spec, seed, sample, k, _b);
                int kept = 0;
                for (int i = 0; i < d; i++)
                {
                    var row = _w.AsSpan(i * cols, cols);
                    z[i] = _b[i] + TensorPrimitives.Dot<double>(row, sv);
                    dz[i] = TensorPrimitives.Dot<double>(row, dv);
                }
                for (int i = 0; i < d; i++)
                {
                    double quotient = act.DifferenceQuotientFromDelta(z[i], dz[i]);
                    if (Math.Abs(quotient) == 1) kept++;
                    ds[i] = quotient * dz[i];
                    s[i] = act.Apply(z[i]);
                }
                cols = d;
                int o = (k - 1) * 7;
                acc[o] += kept == d ? 1 : 0;
                acc[o + 1] += pAll;
                acc[o + 2] += pAll * (1 - pAll);
                acc[o + 3] += kept;
                acc[o + 4] += d * pUnit;
                acc[o + 5] += d * pUnit * (1 - pUnit);
                acc[o + 6] += theta;
            }
        }
    }
}
