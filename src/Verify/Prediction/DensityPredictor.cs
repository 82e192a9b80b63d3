using System.Numerics;
using Degeneracy.Series.Evaluation;

namespace Degeneracy.Verify.Prediction;

/// <summary>
/// Approximation 3 propagated exactly in one dimension: the density of x = ln sin²θ^ℓ is carried layer by layer with
/// the Gaussian transition x' | x ~ N(x + Drift(θ(x), n_{ℓ+1}), σ²(θ(x), n_{ℓ+1})), θ(x) = arcsin(e^{x/2}), by
/// quadrature on a uniform grid of <see cref="GridPoints"/> points whose range is re-chosen each layer to cover every
/// source's mean ± <see cref="TailSds"/> transition sds. Mass the Gaussian puts above x = 0 (impossible for ln sin²) is
/// reflected about 0 (x' → −x') and reported per layer as <see cref="GridDensity.ReflectedMass"/>. Layer 1 starts from
/// the point θ⁰ (so θ⁰ &gt; π/2 is handled exactly). The law is evaluated through a per-layer Chebyshev table in θ.
/// </summary>
public sealed class DensityPredictor : IAnglePredictor
{
    /// <summary>Sources whose quadrature mass is below this are skipped.</summary>
    public const double NegligibleMass = 1e-15;

    private readonly ILayerLaw _law;

    /// <param name="law">The per-layer law (drift and σ²).</param>
    /// <param name="name">Method name (default "density").</param>
    /// <param name="gridPoints">Grid size N ∈ [16, 10⁶] (default 2000).</param>
    /// <param name="tailSds">Kernel half-width in transition sds (default 8; mass beyond ~1e-15).</param>
    public DensityPredictor(ILayerLaw law, string name = "density", int gridPoints = 2000, double tailSds = 8)
    {
        ArgumentNullException.ThrowIfNull(law);
        ArgumentNullException.ThrowIfNull(name);
        if (gridPoints < 16 || gridPoints > 1_000_000)
            throw new ArgumentOutOfRangeException(nameof(gridPoints), gridPoints, "gridPoints must lie in [16, 1000000]");
        if (!(tailSds >= 4 && tailSds <= 40)) throw new ArgumentOutOfRangeException(nameof(tailSds), tailSds, "tailSds must lie in [4, 40]");
        _law = law;
        Name = name;
        GridPoints = gridPoints;
        TailSds = tailSds;
    }

    /// <inheritdoc/>
    public string Name { get; }
    /// <summary>Number of grid points.</summary>
    public int GridPoints { get; }
    /// <summary>Half-width of the grid in standard deviations.</summary>
    public double TailSds { get; }

    /// <inheritdoc/>
    public NetworkPrediction Predict(IReadOnlyList<int> widths, double theta0)
    {
        AngleCoordinates.CheckNetwork(widths, theta0);
        var densities = new GridDensity[widths.Count];
        var layers = new LayerPrediction[widths.Count];
        // Layer 1 from the point mass at θ⁰.
        double n1 = widths[0];
        double m0 = AngleCoordinates.X(theta0) + _law.Drift(theta0, n1);
        double s0 = Math.Sqrt(Math.Max(0, _law.Sigma2(theta0, n1)));
        GridDensity current = Step([m0], [s0], [1.0]);
        densities[0] = current;
        layers[0] = new LayerPrediction(1, widths[0], current.Mean, current.Sd);
        var means = new double[GridPoints];
        var sds = new double[GridPoints];
        var masses = new double[GridPoints];
        for (int l = 1; l < widths.Count; l++)
        {
            double n = widths[l];
            int first = -1, last = -1;
            for (int j = 0; j < current.Count; j++)
                if (current.Mass(j) > NegligibleMass)
                {
                    if (first < 0) first = j;
                    last = j;
                }
            double thetaA = AngleCoordinates.Theta(current.X(first)), thetaB = AngleCoordinates.Theta(current.X(last));
            var table = thetaB > thetaA ? new ChebyshevLawTable(_law, n, thetaA, thetaB) : null;
            int count = 0;
            for (int j = first; j <= last; j++)
            {
                double q = current.Mass(j);
                if (q <= NegligibleMass) continue;
                double x = current.X(j), theta = AngleCoordinates.Theta(x);
                var (drift, variance) = table is null ? (_law.Drift(theta, n), _law.Sigma2(theta, n)) : table.Evaluate(theta);
                means[count] = x + drift;
                sds[count] = Math.Sqrt(Math.Max(0, variance));
                masses[count] = q;
                count++;
            }
            current = Step(means.AsSpan(0, count), sds.AsSpan(0, count), masses.AsSpan(0, count));
            densities[l] = current;
            layers[l] = new LayerPrediction(l + 1, widths[l], current.Mean, current.Sd);
        }
        return new NetworkPrediction(Name, layers, densities);
    }

    /// <summary>Mixes Gaussians N(m_i, s_i²) with masses q_i onto a fresh grid, reflecting mass above 0.</summary>
    private GridDensity Step(ReadOnlySpan<double> means, ReadOnlySpan<double> sds, ReadOnlySpan<double> masses)
    {
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        for (int i = 0; i < means.Length; i++)
        {
            lo = Math.Min(lo, means[i] - TailSds * sds[i]);
            hi = Math.Max(hi, means[i] + TailSds * sds[i]);
        }
        if (hi > 0)
        {
            lo = Math.Min(lo, -hi); // reflected tails land in [−hi, 0]
            hi = 0;
        }
        double minWidth = 1e-9 * (1 + Math.Abs(lo));
        if (hi - lo < minWidth) lo = hi - minWidth;
        int nPoints = GridPoints;
        double h = (hi - lo) / (nPoints - 1);
        var p = new double[nPoints];
        double reflected = 0;
        for (int i = 0; i < means.Length; i++)
        {
            double m = means[i], s = sds[i], q = masses[i];
            if (m + TailSds * s > 0)
            {
                double above = 0.5 * MathNet.Numerics.SpecialFunctions.Erfc(-m / (s * Math.Sqrt(2)));
                reflected += q * (s > 0 ? above : (m > 0 ? 1 : 0));
                AddGaussian(p, lo, h, -m, s, q); // the mirror image N(−m, s²) restricted to x ≤ 0
            }
            AddGaussian(p, lo, h, m, s, q);
        }
        return new GridDensity(lo, h, p, reflected);
    }

    /// <summary>
    /// Adds q·N(m, s²) restricted to the grid, by the recurrence g_{k+1} = g_k r_k, r_{k+1} = r_k e^{−h²/s²} (three
    /// exponentials per source). A kernel narrower than 1.5 grid steps is deposited linearly on its two neighbours.
    /// </summary>
    private void AddGaussian(double[] p, double lo, double h, double m, double s, double q)
    {
        int last = p.Length - 1;
        if (s < 1.5 * h)
        {
            double u = (m - lo) / h;
            if (u < 0 || u > last) return;
            int j = Math.Min((int)u, last - 1);
            double t = u - j;
            // Density such that the trapezoid mass equals q (end points carry half weight).
            p[j] += q * (1 - t) / (h * (j == 0 ? 0.5 : 1));
            p[j + 1] += q * t / (h * (j + 1 == last ? 0.5 : 1));
            return;
        }
        int k0 = Math.Max(0, (int)Math.Ceiling((m - TailSds * s - lo) / h));
        int k1 = Math.Min(last, (int)Math.Floor((m + TailSds * s - lo) / h));
        if (k0 > k1) return;
        double a = 0.5 / (s * s), d0 = lo + k0 * h - m;
        double g = Math.Exp(-a * d0 * d0), r = Math.Exp(-a * (2 * d0 * h + h * h)), c = Math.Exp(-2 * a * h * h);
        double scale = q / (s * Math.Sqrt(2 * Math.PI));
        int width = Vector<double>.Count, k = k0;
        if (Vector.IsHardwareAccelerated && k1 - k0 + 1 >= 4 * width)
        {
            // Lane i holds g_{k+i}; g_{k+i+W} = g_{k+i}·R_i with R_i = e^{−a(2W d_{k+i} h + W²h²)} and R_i ← R_i·e^{−2aW²h²}.
            Span<double> lanes = stackalloc double[width];
            Span<double> ratios = stackalloc double[width];
            double big = Math.Exp(-a * (2 * width * d0 * h + (double)width * width * h * h)), bigStep = Math.Exp(-2 * a * width * h * h);
            for (int i = 0; i < width; i++)
            {
                lanes[i] = g;
                ratios[i] = big;
                g *= r;
                r *= c;
                big *= bigStep;
            }
            var gv = new Vector<double>(lanes) * scale;
            var rv = new Vector<double>(ratios);
            var cv = new Vector<double>(Math.Exp(-2 * a * width * width * h * h));
            var span = p.AsSpan();
            for (; k + width - 1 <= k1; k += width)
            {
                var slot = span.Slice(k, width);
                (new Vector<double>(slot) + gv).CopyTo(slot);
                gv *= rv;
                rv *= cv;
            }
            for (int i = 0; k <= k1; k++, i++) p[k] += gv[i];
            return;
        }
        for (; k <= k1; k++)
        {
            p[k] += scale * g;
            g *= r;
            r *= c;
        }
    }
}
