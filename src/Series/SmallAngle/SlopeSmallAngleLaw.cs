using Degeneracy.Symbolic;

namespace Degeneracy.Series.SmallAngle;

/// <summary>
/// Exact finite-n values of the small-angle law of φ_s for every slope s (docs/SMALL_ANGLE.md, "Every slope"):
/// R = ‖P⊥_u v‖²/‖u‖² with u, v independent N(0, Λ), Λ = diag(λ_i), λ_i ∈ {1, w = s²} with probability ½ each.
/// </summary>
/// <remarks>
/// Given k = #{λ_i = 1}, write X_A, X_B for the χ²_k and χ²_{n−k} norms of u on the two blocks, S = X_A + X_B ~ χ²_n and
/// β = X_A/S ~ Beta(k/2, (n−k)/2), independent. The projected quadratic form of v has eigenvalues 1 (k − 1 times),
/// w (n − k − 1 times) and one intermediate c = w/h(β), h(β) = w + (1 − w)β, so with T ~ χ²_{n−1} and
/// p ~ Dirichlet((k−1)/2, (n−k−1)/2, ½) independent of everything,
/// ln R = (ln T − ln S) + ln L − ln h(β),  L = p₁ + w·p₂ + c·p₃.
/// E[ln T − ln S] = −g(n), Var = t(n) (the χ²_{n−1}/χ²_n law). Given β, E ln L and Var ln L are Frullani integrals of the
/// Laplace transforms Φ_T(t) = (1+2t)^{−(n−1)/2} and Φ_Z(t) = (1+2t)^{−(k−1)/2}(1+2wt)^{−(n−k−1)/2}(1+2ct)^{−1/2}:
/// E ln L = ∫₀^∞ (Φ_T − Φ_Z) dt/t and E ln²L = −2∫₀^∞ (Φ_T − Φ_Z) ln t dt/t − 2(γ + E ln T)·E ln L
/// (from ln x = ∫(e^{−t} − e^{−tx}) dt/t and ∫(e^{−t} − e^{−tx}) ln t dt/t = −γ ln x − ½ln²x). Both are summed by the
/// trapezoidal rule in x = ln t (step ¼, error ≈ e^{−π²/(2·¼)}); the Beta average by the trapezoidal rule in
/// y = logit β (step ≤ 0.3 and ≤ half the spread of y; the integrand is analytic for |Im y| &lt; π). Finally
/// ρ = −E_k[m_k], σ² = E_k[v_k] + Var_k[m_k] over k ~ Binomial(n, ½) (no conditioning: for s ≠ 0 nothing collapses).
/// </remarks>
public static class SlopeSmallAngleLaw
{
    /// <summary>Widths above this use the exact 1/n series to order <see cref="SeriesOrder"/> instead of the quadrature (its
    /// truncation error ≈ |c₉|/n⁹ ≲ 10⁻²⁰ there).</summary>
    public const int MaxQuadratureWidth = 2048;

    /// <summary>Order of the exact 1/n series used above <see cref="MaxQuadratureWidth"/> (a few milliseconds to build).</summary>
    public const int SeriesOrder = 8;

    private const double EulerGamma = 0.57721566490153286061;
    private const double Negligible = 1e-18;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Rational, (Rational[] Rho, Rational[] Variance)> SeriesCache = new();

    /// <summary>
    /// ρ_exact(n; s) = −lim_{θ→0} E[ln sin²θ' − ln sin²θ] and σ²_exact(0, n; s) = lim_{θ→0} Var[…] for every rational
    /// slope s and n ≥ 2 (s = 0 is ReLU's law, conditioned on no collapse); about 1e-13 absolute or better.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">n &lt; 2.</exception>
    public static (double Rho, double Variance) Evaluate(int n, Rational slope)
    {
        if (n < 2) throw new ArgumentOutOfRangeException(nameof(n), n, "The width n must satisfy 2 ≤ n ≤ int.MaxValue.");
        if (slope.IsZero) { var e = SmallAngleLaw.Evaluate(n); return (e.Rho, e.Variance); }
        if (slope.Abs().IsOne) return (HalfIntegerPolygamma.DigammaDifference(n), HalfIntegerPolygamma.TrigammaSum(n));
        if (n > MaxQuadratureWidth)
        {
            var (c, d) = SeriesCache.GetOrAdd(slope, s => ActivationSmallAngleLaw.DeltaMethod(SeriesOrder, s));
            return (SmallAngleLaw.SumSeries(c, n), SmallAngleLaw.SumSeries(d, n));
        }
        return EvaluateByQuadrature(n, (slope * slope).ToDouble());
    }

    /// <summary>
    /// E[ln R | k] and Var[ln R | k] for k of the n coordinates with λ = 1 and n − k with λ = w ≥ 0 (n ≥ 2, 0 ≤ k ≤ n;
    /// for w = 0 the law needs k ≥ 2 and is then ln(χ²_{k−1}/χ²_k): mean −g(k), variance t(k)).
    /// </summary>
    /// <param name="n">Width, n ≥ 2.</param>
    /// <param name="k">Number of unit weights, 0 ≤ k ≤ n (k ≥ 2 when w = 0).</param>
    /// <param name="w">The other weight s², finite and ≥ 0.</param>
    /// <param name="stepScale">Multiplies both quadrature steps (1 = default; smaller to check convergence), in (0, 1].</param>
    public static (double Mean, double Variance) Conditional(int n, int k, double w, double stepScale = 1.0)
    {
        if (n < 2) throw new ArgumentOutOfRangeException(nameof(n), n, "n must be ≥ 2.");
        if (!(w >= 0) || !double.IsFinite(w)) throw new ArgumentOutOfRangeException(nameof(w), w, "w must be finite and ≥ 0.");
        if (k < (w == 0 ? 2 : 0) || k > n) throw new ArgumentOutOfRangeException(nameof(k), k, $"k must be in [{(w == 0 ? 2 : 0)}, n].");
        if (!(stepScale > 0 && stepScale <= 1)) throw new ArgumentOutOfRangeException(nameof(stepScale), stepScale, "stepScale must be in (0, 1].");
        double gn = HalfIntegerPolygamma.DigammaDifference(n), tn = HalfIntegerPolygamma.TrigammaSum(n);
        if (k == 0 || k == n || w == 1) return (-gn, tn);

        double a = 0.5 * k, b = 0.5 * (n - k);
        double spread = Math.Sqrt(HalfIntegerPolygamma.Trigamma(a) + HalfIntegerPolygamma.Trigamma(b));
        double hy = Math.Min(0.3, 0.5 * spread) * stepScale;
        double mode = Math.Log(a / b);
        double lnB = LogBeta(a, b);
        var q = DigammaMinusLog(0.5 * (n - 1)) + EulerGamma; // γ + E ln T − ln(n − 1)
        var nodes = new List<(double Weight, double Mean, double Var)>();
        double total = 0;
        foreach (int dir in new[] { 1, -1 })
        {
            for (int i = dir == 1 ? 0 : 1; ; i++)
            {
                double y = mode + dir * i * hy;
                // log density of y = logit β: a·y − (a + b)·ln(1 + e^y) − ln B(a, b)
                double logDensity = a * y - (a + b) * Softplus(y) - lnB;
                double weight = Math.Exp(logDensity) * hy;
                if (i > 4 && weight < Negligible * total) break;
                total += weight;
                // β and 1 − β without cancellation; ln h = ln(w(1 − β) + β)
                double beta = Logistic(y), beta1 = Logistic(-y);
                double h = w * beta1 + beta;
                double c = w / h;
                var (d, varL) = LogMoments(n, k, w, c, q, stepScale);
                nodes.Add((weight, d - Math.Log(h), varL));
            }
        }
        double fMean = 0, varSum = 0;
        foreach (var node in nodes) { fMean += node.Weight * node.Mean; varSum += node.Weight * node.Var; }
        fMean /= total; varSum /= total;
        double spreadSum = 0;
        foreach (var node in nodes) spreadSum += node.Weight * (node.Mean - fMean) * (node.Mean - fMean);
        return (-gn + fMean, tn + varSum + spreadSum / total);
    }

    /// <summary>
    /// (ρ, σ²(0, n)) for weight w = s² &gt; 0 by quadrature at any n ≥ 2 (cost ∝ √n): the conditional moments of
    /// <see cref="Conditional"/> summed over k ~ Binomial(n, ½) outward from the mode with exact weight ratios, stopping
    /// where the weights fall below 1e-18 of the total.
    /// </summary>
    public static (double Rho, double Variance) EvaluateByQuadrature(int n, double w, double stepScale = 1.0)
    {
        if (n < 2) throw new ArgumentOutOfRangeException(nameof(n), n, "n must be ≥ 2.");
        if (!(w > 0) || !double.IsFinite(w)) throw new ArgumentOutOfRangeException(nameof(w), w, "w must be finite and > 0.");
        int mode = n / 2;
        var terms = new List<(double Weight, double Mean, double Var)>();
        double total = 0;
        foreach (int dir in new[] { 1, -1 })
        {
            double weight = 1.0;
            for (int k = dir == 1 ? mode : mode - 1; k >= 0 && k <= n; k += dir)
            {
                if (dir == -1) weight *= (double)(k + 1) / (n - k);
                if (terms.Count > 0 && weight < Negligible * total) break;
                var (m, v) = Conditional(n, k, w, stepScale);
                terms.Add((weight, m, v));
                total += weight;
                if (dir == 1) weight *= (double)(n - k) / (k + 1);
            }
        }
        double mean = 0, within = 0;
        foreach (var t in terms) { mean += t.Weight * t.Mean; within += t.Weight * t.Var; }
        mean /= total; within /= total;
        double between = 0;
        foreach (var t in terms) between += t.Weight * (t.Mean - mean) * (t.Mean - mean);
        return (-mean, within + between / total);
    }

    /// <summary>E ln L and Var ln L given the intermediate weight c, by the trapezoidal rule in x = ln t.</summary>
    private static (double Mean, double Var) LogMoments(int n, int k, double w, double c, double q, double stepScale)
    {
        double eT = 0.5 * (n - 1), e1 = 0.5 * (k - 1), e2 = 0.5 * (n - k - 1);
        double minWeight = 1.0;
        if (e2 > 0 && w > 0) minWeight = Math.Min(minWeight, w);
        if (c > 0) minWeight = Math.Min(minWeight, c);
        // Beyond t ≈ 1/(2·min weight) both transforms decay like t^{−e}, e the smaller total exponent ((n − 1)/2 for w &gt; 0,
        // (k − 1)/2 for w = 0): stop where that tail is below 1e-19.
        double eZ = e1 + (w > 0 ? e2 : 0) + (c > 0 ? 0.5 : 0), decay = Math.Min(eT, eZ);
        double xMin = -Math.Log(n) - 44, xMax = Math.Log(0.5 / minWeight) + 45.0 / decay + 4;
        double hx = 0.25 * stepScale, lnNu = Math.Log(n - 1);
        double d = 0, j = 0;
        for (double x = xMin; x <= xMax; x += hx)
        {
            double t = Math.Exp(x);
            double lp = LogOnePlus(2 * t);
            double lnT = -eT * lp;
            double lnZ = -e1 * lp - (e2 > 0 ? e2 * LogOnePlus(2 * w * t) : 0) - 0.5 * LogOnePlus(2 * c * t);
            double delta = lnZ - lnT, diff;
            if (Math.Abs(delta) < 0.5) diff = -Math.Exp(lnT) * ExpMinusOne(delta);
            else diff = Math.Exp(lnT) - Math.Exp(lnZ);
            d += diff;
            j += diff * (x + lnNu);
        }
        d *= hx; j *= hx;
        double var = -2 * j - 2 * q * d - d * d;
        return (d, Math.Max(var, 0.0));
    }

    /// <summary>ln(1 + x) for x ≥ 0 to full relative precision (Kahan's correction of the rounded 1 + x).</summary>
    private static double LogOnePlus(double x)
    {
        double u = 1 + x;
        return u == 1 ? x : Math.Log(u) * x / (u - 1);
    }

    /// <summary>e^x − 1 to full relative precision for |x| &lt; 1 (Kahan's trick).</summary>
    private static double ExpMinusOne(double x)
    {
        double u = Math.Exp(x);
        if (u == 1) return x;
        double um1 = u - 1;
        return um1 == -1 ? -1 : um1 * x / Math.Log(u);
    }

    private static double Softplus(double y) => y > 0 ? y + Math.Log(1 + Math.Exp(-y)) : Math.Log(1 + Math.Exp(y));

    private static double Logistic(double y) => y >= 0 ? 1 / (1 + Math.Exp(-y)) : Math.Exp(y) / (1 + Math.Exp(y));

    /// <summary>ψ(x) − ln x for x ≥ ½ (upward recurrence to 20, then the asymptotic series), without cancellation.</summary>
    private static double DigammaMinusLog(double x)
    {
        double acc = 0;
        double y = x;
        while (y < 20) { acc -= 1 / y; y += 1; }
        double inv2 = 1 / (y * y);
        // ψ(y) − ln y ~ −1/(2y) − 1/(12y²) + 1/(120y⁴) − 1/(252y⁶) + 1/(240y⁸) − 1/(132y¹⁰)
        double tail = -0.5 / y - inv2 * (1.0 / 12 - inv2 * (1.0 / 120 - inv2 * (1.0 / 252 - inv2 * (1.0 / 240 - inv2 / 132))));
        return acc + tail + Math.Log(y / x);
    }

    private static double LogBeta(double a, double b) => LogGamma(a) + LogGamma(b) - LogGamma(a + b);

    /// <summary>ln Γ(x) for x &gt; 0 (Stirling series after upward recurrence to 20).</summary>
    private static double LogGamma(double x)
    {
        double acc = 0;
        while (x < 20) { acc -= Math.Log(x); x += 1; }
        double inv = 1 / x, inv2 = inv * inv;
        double series = inv * (1.0 / 12 - inv2 * (1.0 / 360 - inv2 * (1.0 / 1260 - inv2 * (1.0 / 1680 - inv2 / 1188))));
        return acc + (x - 0.5) * Math.Log(x) - x + 0.5 * Math.Log(2 * Math.PI) + series;
    }
}
