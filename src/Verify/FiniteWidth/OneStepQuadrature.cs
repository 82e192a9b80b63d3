using Degeneracy.Verify.MonteCarlo;

namespace Degeneracy.Verify.FiniteWidth;

/// <summary>
/// The mean and variance of the one-step log-angle law at finite width, without sampling and without the 1/n series:
/// R = sin²θ' = S/K₂₂ with K = Σᵢ zᵢzᵢᵀ, zᵢ = (φ(uᵢ), φ(vᵢ)), S = det K/K₁₁, computed from the closed-form Laplace
/// transform of one unit, ψ(T) = E exp(−zᵀTz), raised to the n-th power (docs/THEORY.md, "The one-step law by
/// transforms"). Three identities reduce every moment to integrals of ψⁿ:
/// <list type="bullet">
/// <item>per arc of the circle on which z = r·A e(ϕ) is linear, ∫dϕ/(eᵀUe) = atan2(√det U·sin Δϕ, e₀ᵀUe₁)/√det U with
/// U = I + 2AᵀTA, so ψ and −∂ψ/∂T₁₁ = E[z₁² e^{−zᵀTz}] are elementary;</item>
/// <item>e^{−σS} = √(σK₁₁/π)∫dx e^{−σ(x,1)K(x,1)ᵀ} and K₁₁^{1/2} = π^{−1/2}∫u^{−1/2}K₁₁e^{−uK₁₁}du, so
/// G(σ) = E e^{−σS} and A(σ) = E[ln K₁₁·e^{−σS}] are double integrals of −∂ψⁿ/∂T₁₁;</item>
/// <item>E ln X = ∫(e^{−σ} − E e^{−σX})dσ/σ and E ln²X = −2∫ln σ(e^{−σ} − E e^{−σX})dσ/σ − 2γE ln X; with a = ln K₁₁,
/// b = ln K₂₂ and the exchange symmetry of the pair, E ln R = E ln S − E a and
/// E ln²R = E ln²S − 2E[a ln S] − E a² + 2E[ab].</item>
/// </list>
/// For ReLU the moments are taken on the continuous part (no collapse and θ' ≠ π/2, where ln R = 0): ψⁿ is replaced by
/// ψⁿ − (p + ψₓ + ψᵧ)ⁿ − nψ_b pⁿ⁻¹, the transform restricted to patterns with at least two units active in both inputs or
/// one such unit and another active in one input. All integrals are trapezoid rules in logarithmic variables (for the
/// x-integral, a map that resolves the scale sin θ about x = −E[z₁z₂]/E[z₁²]), exponentially convergent; the error is
/// estimated by repeating the computation on grids 1.5 times coarser. Valid for 0 &lt; θ &lt; π, 2 ≤ n ≤ 4096 and the
/// piecewise-linear activations φ(x) = max(x, 0) + α min(x, 0), −1 ≤ α &lt; 1.
/// </summary>
public static class OneStepQuadrature
{
    /// <summary>The moments of ln R = ln sin²θ' at one width, for the continuous part of the law.</summary>
    /// <param name="Width">n.</param>
    /// <param name="Continuous">P(no collapse, θ' ≠ π/2); 1 when α ≠ 0.</param>
    /// <param name="MeanLogR">E[ln sin²θ' | continuous part].</param>
    /// <param name="VarianceLogR">Var[ln sin²θ' | continuous part].</param>
    /// <param name="MeanError">Estimated absolute error of <paramref name="MeanLogR"/> (|fine − coarse|; 0 if not estimated).</param>
    /// <param name="VarianceError">Estimated absolute error of <paramref name="VarianceLogR"/>.</param>
    public sealed record Moments(int Width, double Continuous, double MeanLogR, double VarianceLogR, double MeanError, double VarianceError);

    private const double EulerGamma = 0.57721566490153286061;
    private const double DigammaHalf = -EulerGamma - 2 * 0.69314718055994530942;

    /// <summary>
    /// E and Var of ln sin²θ' on the continuous part at each width, with error estimates (the computation is repeated on
    /// grids 1.5 times coarser and the difference reported).
    /// </summary>
    /// <param name="theta">θ ∈ (0, π).</param>
    /// <param name="widths">Increasing widths in [2, 4096].</param>
    /// <param name="slope">α ∈ [−1, 1): 0 is ReLU, −1 is |x|.</param>
    /// <param name="threads">Worker threads (null: all cores); the result does not depend on it.</param>
    /// <exception cref="ArgumentOutOfRangeException">θ, a width or α outside its range.</exception>
    public static IReadOnlyList<Moments> Compute(double theta, IReadOnlyList<int> widths, double slope = 0, int? threads = null)
    {
        var fine = Evaluate(theta, widths, slope, 1.0, threads);
        var coarse = Evaluate(theta, widths, slope, 1.5, threads);
        return fine.Select((m, k) => m with
        {
            MeanError = Math.Abs(m.MeanLogR - coarse[k].MeanLogR),
            VarianceError = Math.Abs(m.VarianceLogR - coarse[k].VarianceLogR),
        }).ToList();
    }

    /// <summary>
    /// One evaluation on grids whose steps are <paramref name="coarseness"/> times the default (1); no error estimate.
    /// </summary>
    /// <param name="theta">θ ∈ (0, π).</param>
    /// <param name="widths">Increasing widths in [2, 4096].</param>
    /// <param name="slope">α ∈ [−1, 1).</param>
    /// <param name="coarseness">Step multiplier in [0.25, 4].</param>
    /// <param name="threads">Worker threads (null: all cores).</param>
    /// <param name="progress">Optional counter of completed σ-nodes, for a progress display.</param>
    public static IReadOnlyList<Moments> Evaluate(double theta, IReadOnlyList<int> widths, double slope, double coarseness, int? threads = null,
        SamplingProgress? progress = null)
    {
        if (!(theta > 0 && theta < Math.PI))
            throw new ArgumentOutOfRangeException(nameof(theta), theta, "theta must lie in (0, pi): the law is degenerate at the ends");
        ArgumentNullException.ThrowIfNull(widths);
        if (widths.Count == 0) throw new ArgumentException("at least one width is needed", nameof(widths));
        for (int i = 0; i < widths.Count; i++)
            if (widths[i] < 2 || widths[i] > 4096 || (i > 0 && widths[i] <= widths[i - 1]))
                throw new ArgumentOutOfRangeException(nameof(widths), widths[i], "widths must be increasing integers in [2, 4096]");
        if (!(slope >= -1 && slope < 1)) throw new ArgumentOutOfRangeException(nameof(slope), slope, "slope must lie in [-1, 1)");
        if (!(coarseness >= 0.25 && coarseness <= 4)) throw new ArgumentOutOfRangeException(nameof(coarseness), coarseness, "coarseness must lie in [0.25, 4]");
        if (threads is < 1) throw new ArgumentOutOfRangeException(nameof(threads), threads, "threads must be at least 1");
        return new Engine(theta, widths.ToArray(), slope, coarseness).Run(threads ?? Environment.ProcessorCount, progress);
    }

    /// <summary>
    /// The one-unit transform ψ(T) = E exp(−zᵀTz), z = (φ(u), φ(v)), and −∂ψ/∂T₁₁ = E[z₁² exp(−zᵀTz)] at
    /// T = σ(x, 1)(x, 1)ᵀ + diag(u, τ) (σ, u, τ ≥ 0), summed over the four arcs (for tests).
    /// </summary>
    internal static (double Psi, double MinusDerivative11) UnitTransform(double theta, double slope, double sigma, double x, double u, double tau)
    {
        var engine = new Engine(theta, [2], slope, 1);
        var (p0, px, pb, py, _, _, bsum) = engine.ComponentsAt(new Shape(sigma, x, u, tau));
        return (p0 + px + pb + py, bsum);
    }

    /// <summary>A symmetric T = σ(x, 1)(x, 1)ᵀ + diag(u, τ), the only shapes the integrals need (kept factored for stability).</summary>
    private readonly record struct Shape(double Sigma, double X, double U, double Tau);

    /// <summary>
    /// One arc of the circle on which (φ(u), φ(v)) = r·A e(ϕ), A = [[a, 0], [b₁, b₂]], with the images w₀, w₁ of its end
    /// points at unit radius (exact: one of each pair of coordinates vanishes) and cos, sin of its length.
    /// </summary>
    private readonly record struct Arc(double A, double B1, double B2, double W0x, double W0y, double W1x, double W1y,
        double CosLength, double SinLength, double Length);
    /// <summary>ψ of one arc and its −∂/∂T₁₁ (≥ 0).</summary>
    private static (double Psi, double Beta) ArcTransform(in Arc arc, in Shape t)
    {
        double a = arc.A, b1 = arc.B1, b2 = arc.B2;
        if (a == 0 && b1 == 0 && b2 == 0) return (arc.Length / (2 * Math.PI), 0);
        // tr(AᵀTA) = σ|x r₁ + r₂|² + u|r₁|² + τ|r₂|², rows r₁ = (a, 0), r₂ = (b₁, b₂); det T = uσ + uτ + τσx².
        double xr = t.X * a + b1;
        double trace = t.Sigma * (xr * xr + b2 * b2) + t.U * a * a + t.Tau * (b1 * b1 + b2 * b2);
        double detA = a * b2;
        double detT = t.U * t.Sigma + t.U * t.Tau + t.Tau * t.Sigma * t.X * t.X;
        double detU = 1 + 2 * trace + 4 * detA * detA * detT;
        double r = Math.Sqrt(detU);
        double cross = t.Sigma * (t.X * arc.W0x + arc.W0y) * (t.X * arc.W1x + arc.W1y) + t.U * arc.W0x * arc.W1x + t.Tau * arc.W0y * arc.W1y;
        double p = arc.CosLength + 2 * cross;
        double phi = Math.Atan2(r * arc.SinLength, p);
        double psi = phi / (2 * Math.PI * r);
        // One end of every arc is a zero of cos ϕ, so w₀ₓw₁ₓ = 0 and ∂(e₀ᵀUe₁)/∂T₁₁ = 0: −∂ψ/∂T₁₁ = ∂det U/∂T₁₁·F(Φ)/(4πr³).
        double dDet = 2 * a * a + 4 * detA * detA * (t.Sigma + t.Tau);
        double beta = dDet * SweepExcess(phi) / (4 * Math.PI * r * r * r);
        return (psi, beta);
    }

    /// <summary>F(Φ) = Φ − sin(2Φ)/2 ≥ 0, by its series for small Φ (no cancellation).</summary>
    private static double SweepExcess(double phi)
    {
        double y = 2 * phi;
        if (y < 0.25)
        {
            double y2 = y * y;
            return 0.5 * y * y2 * (1.0 / 6 - y2 * (1.0 / 120 - y2 * (1.0 / 5040 - y2 * (1.0 / 362880 - y2 / 39916800.0))));
        }
        return phi - 0.5 * Math.Sin(y);
    }

    private sealed class Engine
    {
        private readonly double _theta, _s, _c, _slope, _h;
        private readonly int[] _ns;
        private readonly bool _relu;
        private readonly Arc[] _arcs;
        private readonly double _maxN2;

        public Engine(double theta, int[] widths, double slope, double coarseness)
        {
            _theta = theta;
            _s = Math.Sin(theta);
            _c = Math.Cos(theta);
            _ns = widths;
            _slope = slope;
            _relu = slope == 0;
            _h = coarseness;
            _maxN2 = 4096.0 * 4096; // the widest allowed: the skip test, hence every width's result, is independent of the list
            double s = _s, c = _c, al = slope;
            // Arcs between the zeros of cos ϕ (±π/2) and of cos(ϕ − θ) (θ ± π/2): x-only, both, y-only, neither (ReLU names).
            _arcs =
            [
                new Arc(1, al * c, al * s, 0, -al * s, s, 0, c, s, theta),
                new Arc(1, c, s, s, 0, 0, s, -c, s, Math.PI - theta),
                new Arc(al, c, s, 0, s, -al * s, 0, c, s, theta),
                new Arc(al, al * c, al * s, -al * s, 0, 0, -al * s, -c, s, Math.PI - theta),
            ];
        }

        public (double P0, double Px, double Pb, double Py, double Bx, double Bb, double Bsum) ComponentsAt(Shape t) => Components(t);

        private (double P0, double Px, double Pb, double Py, double Bx, double Bb, double Bsum) Components(in Shape t)
        {
            var (px, bx) = ArcTransform(_arcs[0], t);
            var (pb, bb) = ArcTransform(_arcs[1], t);
            var (py, by) = ArcTransform(_arcs[2], t);
            var (p0, b0) = ArcTransform(_arcs[3], t);
            return (p0, px, pb, py, bx, bb, bx + bb + by + b0);
        }

        /// <summary>Adds weight·Ψ(T) for every width: Ψ = ψⁿ, or for ReLU the continuous-part transform.</summary>
        private void AddPsi(in Shape t, double weight, double[] acc)
        {
            var (p0, px, pb, py, _, _, _) = Components(t);
            double psi = p0 + px + pb + py;
            if (!_relu)
            {
                double pw = 1;
                int m = 0;
                for (int k = 0; k < _ns.Length; k++)
                {
                    while (m < _ns[k]) { pw *= psi; m++; }
                    acc[k] += weight * pw;
                }
                return;
            }
            // ψⁿ − Zⁿ − nψ_b pⁿ⁻¹ = ψ_b[h_{n−1}(ψ, Z) − n pⁿ⁻¹], Z = p + ψₓ + ψᵧ, h_m(a, b) = Σ aᵏb^{m−k}.
            double z = p0 + px + py;
            double hm = 1, zp = 1, pp = 1;
            int mm = 0;
            for (int k = 0; k < _ns.Length; k++)
            {
                while (mm < _ns[k] - 1) { mm++; zp *= z; hm = psi * hm + zp; pp *= p0; }
                acc[k] += weight * pb * (hm - _ns[k] * pp);
            }
        }

        /// <summary>Adds weight·D(T) and weightA·D(T) for every width, D = −∂Ψ/∂T₁₁ = E[K₁₁e^{−⟨T,K⟩}; continuous].</summary>
        private void AddDerivative(in Shape t, double weight, double weightA, double[] accG, double[] accA)
        {
            var (p0, px, pb, py, bx, bb, bsum) = Components(t);
            double psi = p0 + px + pb + py;
            if (!_relu)
            {
                if (weight * bsum * _maxN2 < 1e-22) return; // below 1e-22: no sum of them reaches 1e-13
                double pw = 1;
                int m = 0;
                for (int k = 0; k < _ns.Length; k++)
                {
                    while (m < _ns[k] - 1) { pw *= psi; m++; }
                    double v = _ns[k] * pw * bsum;
                    accG[k] += weight * v;
                    accA[k] += weightA * v;
                }
                return;
            }
            // n[β_b(ψⁿ⁻¹ − pⁿ⁻¹) + βₓ(ψⁿ⁻¹ − Zⁿ⁻¹)] = n[β_b(ψ − p)h_{n−2}(ψ, p) + βₓψ_b h_{n−2}(ψ, Z)].
            double d1 = pb + px + py;
            if (weight * (bb * d1 + bx * pb) * _maxN2 < 1e-22) return; // below 1e-22: no sum of them reaches 1e-13
            double z = p0 + px + py;
            double h1 = 1, h2 = 1, pp = 1, zp = 1;
            int mm = 0;
            for (int k = 0; k < _ns.Length; k++)
            {
                while (mm < _ns[k] - 2) { mm++; pp *= p0; zp *= z; h1 = psi * h1 + pp; h2 = psi * h2 + zp; }
                double v = _ns[k] * (bb * d1 * h1 + bx * pb * h2);
                accG[k] += weight * v;
                accA[k] += weightA * v;
            }
        }

        public IReadOnlyList<Moments> Run(int threads, SamplingProgress? progress)
        {
            int kk = _ns.Length;
            double[] centre = _ns.Select(n => Math.Log(n)).ToArray();
            double[] scale = _ns.Select(n => (double)n).ToArray();
            var mass = new double[kk];
            AddPsi(new Shape(0, 0, 0, 0), 1, mass);

            // One-dimensional and two-dimensional integrals in (u, τ) = (e^b, e^c): E a, E a², E[ab], all centred at ln n.
            double hu = 0.4 * _h;
            int nu = (int)Math.Round(80 / hu) + 1;
            var ug = Enumerable.Range(0, nu).Select(i => -40 + i * hu).ToArray();
            var psiU = new double[nu][];
            var psiT = new double[nu][];
            for (int i = 0; i < nu; i++)
            {
                double u = Math.Exp(ug[i]);
                psiU[i] = new double[kk];
                psiT[i] = new double[kk];
                AddPsi(new Shape(0, 0, u, 0), 1, psiU[i]);
                AddPsi(new Shape(0, 0, 0, u), 1, psiT[i]);
            }
            var ea = new double[kk];
            var ea2 = new double[kk];
            for (int i = 0; i < nu; i++)
            {
                double u = Math.Exp(ug[i]);
                for (int k = 0; k < kk; k++)
                {
                    double d = mass[k] * Math.Exp(-u * scale[k]) - psiU[i][k];
                    ea[k] += hu * d;
                    ea2[k] += -2 * hu * (ug[i] + centre[k]) * d;
                }
            }
            for (int k = 0; k < kk; k++) ea2[k] -= 2 * EulerGamma * ea[k];
            var eabRows = new double[nu][];
            Parallel.For(0, nu, new ParallelOptions { MaxDegreeOfParallelism = threads }, i =>
            {
                var row = new double[kk];
                var tmp = new double[kk];
                double u = Math.Exp(ug[i]);
                for (int l = 0; l < nu; l++)
                {
                    double tau = Math.Exp(ug[l]);
                    Array.Clear(tmp);
                    AddPsi(new Shape(0, 0, u, tau), 1, tmp);
                    for (int k = 0; k < kk; k++)
                        row[k] += hu * hu * (mass[k] * Math.Exp(-(u + tau) * scale[k]) - Math.Exp(-u * scale[k]) * psiT[l][k]
                            - Math.Exp(-tau * scale[k]) * psiU[i][k] + tmp[k]);
                }
                eabRows[i] = row;
            });
            var eab = new double[kk];
            foreach (var row in eabRows) for (int k = 0; k < kk; k++) eab[k] += row[k];

            // σ = e^a: G(σ) = E e^{−σS} and A(σ) = E[ln K₁₁ e^{−σS}], each a double integral over (x, w = √u).
            double ha = 0.4 * _h, hy = 0.2 * _h, hb = 0.15 * _h;
            double aLo = -30, aHi = 60 + 2 * Math.Log(1 / _s);
            int na = (int)Math.Round((aHi - aLo) / ha) + 1;
            double moment12 = (1 - _slope) * (1 - _slope) / (2 * Math.PI) * (_s + (Math.PI - _theta) * _c) + _slope * _c;
            double centreX = -moment12 / ((1 + _slope * _slope) / 2); // the x-integrand is centred near −E[z₁z₂]/E[z₁²]
            double mu0 = Math.Max(Math.Abs(centreX), 1e-300);
            double width = Math.Min(1, 0.5 * _s / mu0);
            int sideOfCentre = centreX < 0 ? -1 : 1;
            double bLo = -32, bHi = 26;
            int nb = (int)Math.Round((bHi - bLo) / hb) + 1;
            progress?.Start(na);
            var gRows = new double[na][];
            var aRows = new double[na][];
            Parallel.For(0, na, new ParallelOptions { MaxDegreeOfParallelism = threads }, ia =>
            {
                double a = aLo + ia * ha, sigma = Math.Exp(a);
                double pre = Math.Sqrt(sigma) / Math.PI;
                var accG = new double[kk];
                var accA = new double[kk];
                void Column(double x, double jacobian)
                {
                    for (int ib = 0; ib < nb; ib++)
                    {
                        double b = bLo + ib * hb, w = Math.Exp(b);
                        double weight = pre * jacobian * 2 * w * hb;
                        AddDerivative(new Shape(sigma, x, w * w, 0), weight, weight * (DigammaHalf - 2 * b), accG, accA);
                    }
                }
                // Side of the centre: ln|x| = ln μ₀ + d, y(d) = asinh(d/W) + d uniform (spacing ≈ h·min(|d| + W, 1)).
                double dLo = -30 - Math.Log(mu0), dHi = 26 + Math.Max(0, -a / 2) - Math.Log(mu0);
                int i0 = (int)Math.Floor((Math.Asinh(dLo / width) + dLo) / hy), i1 = (int)Math.Ceiling((Math.Asinh(dHi / width) + dHi) / hy);
                for (int iy = i0; iy <= i1; iy++)
                {
                    double d = InverseMap(iy * hy, width);
                    double slopeMap = 1 / (1 / Math.Sqrt(width * width + d * d) + 1);
                    double v = mu0 * Math.Exp(d);
                    Column(sideOfCentre * v, v * slopeMap * hy);
                }
                // Other side: |x| = e^y.
                int ny = (int)Math.Ceiling((56 + Math.Max(0, -a / 2)) / hy);
                for (int iy = 0; iy <= ny; iy++)
                {
                    double v = Math.Exp(-30 + iy * hy);
                    Column(-sideOfCentre * v, v * hy);
                }
                gRows[ia] = accG;
                aRows[ia] = accA;
                progress?.Advance(1);
            });
            var es = new double[kk];
            var es2 = new double[kk];
            var eas = new double[kk];
            for (int ia = 0; ia < na; ia++)
            {
                double a = aLo + ia * ha, sigma = Math.Exp(a);
                for (int k = 0; k < kk; k++)
                {
                    double reference = Math.Exp(-sigma * scale[k]);
                    double d = mass[k] * reference - gRows[ia][k];
                    es[k] += ha * d;
                    es2[k] += -2 * ha * (a + centre[k]) * d;
                    eas[k] += ha * (reference * ea[k] - (aRows[ia][k] - centre[k] * gRows[ia][k]));
                }
            }
            var result = new Moments[kk];
            for (int k = 0; k < kk; k++)
            {
                es2[k] -= 2 * EulerGamma * es[k];
                double m1 = (es[k] - ea[k]) / mass[k];
                double m2 = (es2[k] - 2 * eas[k] - ea2[k] + 2 * eab[k]) / mass[k];
                result[k] = new Moments(_ns[k], mass[k], m1, Math.Max(0, m2 - m1 * m1), 0, 0);
            }
            return result;
        }

        /// <summary>Solves asinh(d/W) + d = y for d (Newton; the left side is increasing and concave-convex).</summary>
        private static double InverseMap(double y, double w)
        {
            double d = Math.Abs(y) < 1 ? w * Math.Sinh(y) : Math.Sign(y) * Math.Min(Math.Abs(y), w * Math.Sinh(Math.Min(Math.Abs(y), 30)));
            for (int it = 0; it < 200; it++)
            {
                double f = Math.Asinh(d / w) + d - y;
                double next = d - f / (1 / Math.Sqrt(w * w + d * d) + 1);
                if (Math.Abs(next - d) <= 1e-15 * (1 + Math.Abs(d))) return next;
                d = next;
            }
            return d;
        }
    }
}
