using System.Globalization;
using Degeneracy.Verify.MonteCarlo;
using Degeneracy.Verify.Variability;

namespace Degeneracy.Verify.Claims;

/// <summary>
/// The claims of Zhang &amp; Yu, Variability of artificial neural networks (2021): the activation ratio (eq. 6), Propositions 1
/// and 2 and Remark 3, V₃ at about 3300 parameters (Figures 1 and 3), the C- and G-matrices (Figure 2), and training (Section 3).
/// </summary>
public sealed class VariabilityClaims : IClaimSource
{
    private const string Paper = "Zhang & Yu, Variability of artificial neural networks, 2021";

    /// <inheritdoc/>
    public string Name => "variability";

    /// <inheritdoc/>
    public IReadOnlyList<Claim> Evaluate(ClaimOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var claims = new List<Claim>();
        void Add(string id, Func<ClaimOptions, Claim> evaluate)
        {
            options.Progress?.Invoke(id);
            claims.Add(evaluate(options));
        }
        Add("variability.activation-ratio", ActivationRatioClaim);
        Add("variability.activation-ratio-derivative", ActivationRatioDerivativeClaim);
        Add("variability.prop1", Proposition1Claim);
        Add("variability.prop2", Proposition2Claim);
        Add("variability.prop2-in-networks", InNetworkClaim);
        var (relu, abs) = Figure1(options);
        Add("variability.v3-relu-vanishes", o => ReluVanishesClaim(o, relu));
        Add("variability.v3-abs-persists", o => AbsPersistsClaim(o, abs));
        var figure2 = Figure2(options);
        Add("variability.c-below-g", o => CBelowGClaim(o, figure2));
        Add("variability.relu-vs-abs-c", o => ReluVersusAbsClaim(o, figure2));
        Add("variability.training", _ => new Claim("variability.training", Paper,
            "Variability predicts trainability: on the 81×81 checkerboard with about 3200 parameters, FCNet/ReLU accuracy peaks for L between 10 and 15, where V₃ peaks (Section 3, Figure 5).",
            ClaimVerdict.Untestable,
            "Needs 40 000 gradient-descent iterations × 10 learning rates × 10 initialisations per depth; this library samples and analyses networks at initialisation and does not train them."));
        return claims;
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private static Claim ActivationRatioClaim(ClaimOptions o)
    {
        const double n = 3300;
        var rows = new[] { 1.0, 3, 12, 45 }.Select(l => F($"L = {l}: derived {ActivationRatio.Ratio(n, l):G5} (d = {ActivationRatio.Width(n, l):F3}), printed {ActivationRatio.PublishedRatio(n, l):G5} (ratio {ActivationRatio.PublishedRatio(n, l) / ActivationRatio.Ratio(n, l):F4})"));
        double l3 = 3, dp = ActivationRatio.PublishedWidth(n, l3);
        return new Claim("variability.activation-ratio", Paper,
            "With N_w = (d² + d)L parameters, d = (1 + √(1 + 4N_w/L))/2 and the activation ratio is ρ(L) = (L + √(L² + 4LN_w))/N_w (eq. 6).",
            ClaimVerdict.Fails,
            F($"Solving d² + d = N_w/L gives d = (√(1 + 4N_w/L) − 1)/2 and ρ = Ld/N_w = (√(L² + 4LN_w) − L)/(2N_w). The printed d solves d² − d = N_w/L (at N_w = 3300, L = 3: (d² − d)L = {(dp * dp - dp) * l3:F6}) and eq. 6 is 2Ld/N_w of that root, ≈ twice the true ratio. N_w = 3300: ") + string.Join("; ", rows) + ".");
    }

    private static Claim ActivationRatioDerivativeClaim(ClaimOptions o)
    {
        const double n = 3300;
        const double h = 1e-4;
        double fdPublished = (ActivationRatio.PublishedRatio(n, 5 + h) - ActivationRatio.PublishedRatio(n, 5 - h)) / (2 * h);
        bool decreasing = Enumerable.Range(1, 99).All(l => ActivationRatio.Derivative(n, l + 1) < ActivationRatio.Derivative(n, l) && ActivationRatio.Derivative(n, l) > 0);
        return new Claim("variability.activation-ratio-derivative", Paper,
            "ρ′(L) = (1/N_w)(1 + (1 + 2N_w/L)/√(1 + 4N_w/L)) > 0, so ρ increases with L, fastest at L = 1.",
            ClaimVerdict.Partly,
            F($"The printed ρ′ is the derivative of the printed eq. 6 (at L = 5: {ActivationRatio.PublishedDerivative(n, 5):G6} vs central difference {fdPublished:G6}) and so inherits its error; the true ρ′(L) = (1/(2N_w))((1 + 2N_w/L)/√(1 + 4N_w/L) − 1): at N_w = 3300, ρ′(1) = {ActivationRatio.Derivative(n, 1):G5} (printed {ActivationRatio.PublishedDerivative(n, 1):G5}), ρ′(45) = {ActivationRatio.Derivative(n, 45):G5} (printed {ActivationRatio.PublishedDerivative(n, 45):G5}). The conclusions hold for the true ρ′: positive and decreasing on L = 1…100: {(decreasing ? "yes" : "no")}."));
    }

    private static Claim Proposition1Claim(ClaimOptions o)
    {
        int networks = o.Quick ? 60 : 600;
        double worst = 0;
        string[] activations = ["relu", "abs", "leaky:1/10", "sigmoid"];
        for (int i = 0; i < networks; i++)
        {
            var act = NetworkActivation.Parse(activations[i % activations.Length]);
            var weights = (i / 4) % 2 == 0 ? WeightDistribution.Gaussian : WeightDistribution.Orthogonal;
            var spec = new BiasedNetworkSpec(2 + i % 3, 3 + i % 7, 1 + i % 12, i % 3, act, weights, act.IsSigmoid ? 4 : 2, 1);
            var net = BiasedNetwork.Sample(spec, o.Seed, i);
            var x = new double[spec.InputDimension];
            var xBar = new double[spec.InputDimension];
            NetworkParameters.InputPair(o.Seed, i, x, xBar);
            var f = net.Evaluate(x);
            var fBar = net.Evaluate(xBar);
            var c = net.CMatrix(x, xBar);
            double scale = f.Concat(fBar).Max(Math.Abs) + 1;
            for (int k = 0; k < f.Length; k++)
            {
                double predicted = 0;
                for (int a = 0; a < x.Length; a++) predicted += c[a, k] * (x[a] - xBar[a]);
                worst = Math.Max(worst, Math.Abs(f[k] - fBar[k] - predicted) / scale);
            }
        }
        return new Claim("variability.prop1", Paper,
            "F_L(x) − F_L(x̄) = C_L(x, x̄)ᵀ(x − x̄) for any two inputs (Proposition 1).",
            worst < 1e-12 ? ClaimVerdict.Holds : ClaimVerdict.Fails,
            F($"{networks} random networks with biases (ReLU, |x|, leaky 1/10, sigmoid; Gaussian and Haar weights; 1–12 layers, widths 3–9, with and without a linear output layer): largest |F(x) − F(x̄) − Cᵀ(x − x̄)| relative to max|F| + 1 is {worst:E2} (rounding). It is the telescoping identity φ(z) − φ(z̄) = D_φ(z, z̄)(z − z̄) applied layer by layer."));
    }

    private static Claim Proposition2Claim(ClaimOptions o)
    {
        int n = o.Quick ? 20_000 : 400_000;
        var key = PhiloxKey.FromSeed(o.Seed);
        var rows = new List<string>();
        double worstZ = 0;
        (string Act, double P, int D)[] cases = [("relu", 0.5, 2), ("relu", 0.25, 2), ("abs", 0.5, 3), ("abs", 0.25, 3)];
        for (int c = 0; c < cases.Length; c++)
        {
            var (name, p, d) = cases[c];
            var act = NetworkActivation.Parse(name);
            double mu = MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, p);
            var z1 = new double[d];
            var z2 = new double[d];
            int hits = 0;
            for (int t = 0; t < n; t++)
            {
                PhiloxGaussian.FillPairs(key, (uint)c, (uint)t, 0xC2C00000u, z1, z2);
                bool all = true;
                for (int i = 0; i < d; i++) all &= Math.Abs(act.DifferenceQuotient(z1[i] + mu, z2[i] + mu)) == 1;
                if (all) hits++;
            }
            double expected = DistancePreservation.IndependentLayerProbability(act, p, d);
            double observed = hits / (double)n, se = Math.Sqrt(expected * (1 - expected) / n), z = (observed - expected) / se;
            worstZ = Math.Max(worstZ, Math.Abs(z));
            rows.Add(F($"{name} p = {p} d = {d}: formula {expected:G5}, sampled {observed:G5} (z = {z:F2})"));
        }
        return new Claim("variability.prop2", Paper,
            "For u, v i.i.d. with P([u]_i ≥ 0) = p, P(|φ(u) − φ(v)| = |u − v|) is p^{2d} for ReLU and (p² + (1 − p)²)^d for |x| (Proposition 2).",
            worstZ < 4 ? ClaimVerdict.Holds : ClaimVerdict.Fails,
            F($"Holds when the d components are also independent of each other (the proof assumes it; the statement only says u, v are i.i.d.). {n} draws per case, components N(Φ⁻¹(p), 1): ") + string.Join("; ", rows) + ".");
    }

    private static Claim InNetworkClaim(ClaimOptions o)
    {
        int samples = o.Quick ? 4000 : 40_000;
        const int d = 8, depth = 30;
        double[] x = [0.6, -0.3], xBar = [-0.2, 0.7];
        var parts = new List<string>();
        double worstZ = 0;
        foreach (var (act, sw) in new[] { (NetworkActivation.Relu, 2.0), (NetworkActivation.Abs, 1.0) })
        {
            var spec = new BiasedNetworkSpec(2, d, depth, 0, act, WeightDistribution.Gaussian, sw, 1);
            var layers = InNetworkDistancePreservation.Run(spec, x, xBar, samples, o.Seed);
            worstZ = Math.Max(worstZ, layers.Max(l => Math.Max(Math.Abs(l.ZAll), Math.Abs(l.ZUnit))));
            var first = layers[0];
            var last = layers[^1];
            parts.Add(F($"{act.Name}: layer 1 θ = {first.MeanTheta:F3}, P(all |D| = 1) {first.ObservedAll:G4} (exact {first.ExpectedAll:G4}); layer {depth} mean θ = {last.MeanTheta:F4} (kernel map {last.KernelTheta:F4}), P {last.ObservedAll:G4} (exact {last.ExpectedAll:G4}); Proposition 2 with p = ½ would give {DistancePreservation.IndependentLayerProbability(act, 0.5, d):G4}"));
        }
        return new Claim("variability.prop2-in-networks", Paper,
            "Applied to z_k, z̄_k of one network (Remark 3): for large d both ReLU and |x| keep |D_ii| = 1 for all i with small probability — both contract distances with high probability — ReLU more forcefully.",
            ClaimVerdict.Partly,
            F($"In a network z_k and z̄_k are not independent: given layer k − 1 each unit's pair is bivariate normal with correlation cos θ_k, so P(all |D_ii| = 1) = ((π − θ_k)/(2π))^d for ReLU and (1 − θ_k/π)^d for |x| (Proposition 2's values are the case θ = π/2). |x|/ReLU = 2^d at every angle (holds), but as the angle collapses with depth |x|'s probability tends to 1: |x| stops contracting. Sampling, d = {d}, σ_b² = 1, {samples} networks, {depth} layers, largest |z| against the exact conditional law {worstZ:F2}: ") + string.Join("; ", parts) + ".");
    }

    private sealed record DepthRow(int Depth, int Width, VariabilityResult Result);

    /// <summary>Figure 1: V₃ at about 3300 parameters, L = 3, 6, …, 45, 1000 samples, 81 × 81 grid (quick: L = 12, 18, 21, 45 on a 33 × 33 grid).</summary>
    private static (IReadOnlyList<DepthRow> Relu, IReadOnlyList<DepthRow> Abs) Figure1(ClaimOptions o)
    {
        int[] depths = o.Quick ? [12, 18, 21, 45] : Enumerable.Range(1, 15).Select(i => 3 * i).ToArray();
        int samples = 1000, grid = o.Quick ? 33 : 81;
        List<DepthRow> Run(NetworkActivation act, double sw) => depths.Select(l =>
        {
            int d = BiasedNetworkSpec.WidthForBudget(3300, l);
            var spec = new BiasedNetworkSpec(2, d, l, 2, act, WeightDistribution.Gaussian, sw, 1);
            return new DepthRow(l, d, VariabilitySampler.Run(spec, grid, samples, o.Seed));
        }).ToList();
        return (Run(NetworkActivation.Relu, 2), Run(NetworkActivation.Abs, 1));
    }

    private static string Describe(IReadOnlyList<DepthRow> rows) => string.Join("; ", rows.Select(r =>
        F($"L = {r.Depth} (d = {r.Width}): V₃ = {r.Result.GeometricMean:G3}, {r.Result.ZeroCount} of {r.Result.Count} zero ({r.Result.ConstantCount} constant), over the others {r.Result.GeometricMeanOfPositive:G3}")));

    private static Claim ReluVanishesClaim(ClaimOptions o, IReadOnlyList<DepthRow> rows)
    {
        var first = rows.FirstOrDefault(r => r.Result.ZeroCount > 0);
        var peak = rows.MaxBy(r => r.Result.GeometricMeanOfPositive)!;
        var verdict = first is null ? ClaimVerdict.Fails : first.Depth == 21 ? ClaimVerdict.Holds : ClaimVerdict.Partly;
        return new Claim("variability.v3-relu-vanishes", Paper,
            "For ReLU (σ_w² = 2, biases N(0, 1)) at about 3300 parameters, V₃ over 1000 samples vanishes at L = 21, where a sampled network becomes constant (Figure 1); before that it rises to a peak (near L = 12) and falls.",
            verdict,
            F($"{(o.Quick ? "Quick run (33 × 33 grid, four depths): " : "")}first depth with a zero geometric mean: {(first is null ? "none" : first.Depth.ToString(CultureInfo.InvariantCulture))}. The vanishing is a rare event — a constant network is about 1 in 1000 at L = 21 and a few in 1000 at L = 24–27 — so another seed can move it by a step of 3. Largest geometric mean at L = {peak.Depth}. ") + Describe(rows) + ".");
    }

    private static Claim AbsPersistsClaim(ClaimOptions o, IReadOnlyList<DepthRow> rows)
    {
        int zeros = rows.Sum(r => r.Result.ZeroCount);
        return new Claim("variability.v3-abs-persists", Paper,
            "For |x| (σ_w² = 1) V₃ declines after its peak but does not vanish up to L = 45 (Figure 1).",
            zeros == 0 ? ClaimVerdict.Holds : ClaimVerdict.Fails,
            F($"{zeros} zero samples over all depths. |x| never zeroes a unit on a set of positive measure, so an |x| network is constant on the grid only with probability 0. ") + Describe(rows) + ".");
    }

    private sealed record Figure2Data(int Width, int Samples, CgDepthStatistics Relu, CgDepthStatistics Abs);

    private static Figure2Data Figure2(ClaimOptions o)
    {
        int d = o.Quick ? 16 : 32, samples = o.Quick ? 24 : 200;
        CgDepthStatistics Last(NetworkActivation act, double sw) =>
            CgMatrixSampler.Run(new BiasedNetworkSpec(d, d, 1000, 0, act, WeightDistribution.Gaussian, sw, 1), samples, o.Seed)[^1];
        return new Figure2Data(d, samples, Last(NetworkActivation.Relu, 2), Last(NetworkActivation.Abs, 1));
    }

    private static Claim CBelowGClaim(ClaimOptions o, Figure2Data f)
    {
        var r = f.Relu;
        double decades = -r.MeanLog10COverG;
        var verdict = decades - 4 * r.StdErrorLog10COverG > 1.5 ? ClaimVerdict.Holds : ClaimVerdict.Fails;
        return new Claim("variability.c-below-g", Paper,
            "For ReLU (σ_w² = 2, σ_b² = 1) the C-matrix becomes about two orders of magnitude smaller than the two G-matrices at the same depth (Figure 2, left).",
            verdict,
            F($"d = {f.Width}, {f.Samples} networks and random input pairs, L = 1000: mean log₁₀‖C‖ = {r.MeanLog10C:F2} ± {r.StdErrorLog10C:F2}, log₁₀‖G(x)‖ = {r.MeanLog10G:F2} ± {r.StdErrorLog10G:F2}, log₁₀‖G(x̄)‖ = {r.MeanLog10GBar:F2} ± {r.StdErrorLog10GBar:F2}; paired log₁₀(‖C‖/‖G‖) = {r.MeanLog10COverG:F2} ± {r.StdErrorLog10COverG:F2} decades, not −2. The pair is propagated as (s, s̄ − s); the difference of two forward passes is rounding noise once ‖C‖ ≲ 10⁻¹³ and then overstates ‖C‖."));
    }

    private static Claim ReluVersusAbsClaim(ClaimOptions o, Figure2Data f)
    {
        double gap = f.Abs.MeanLog10C - f.Relu.MeanLog10C;
        double se = Math.Sqrt(f.Abs.StdErrorLog10C * f.Abs.StdErrorLog10C + f.Relu.StdErrorLog10C * f.Relu.StdErrorLog10C);
        return new Claim("variability.relu-vs-abs-c", Paper,
            "At L = 1000 the C-matrix of ReLU (σ_w² = 2) is more than three orders of magnitude smaller than that of |x| (σ_w² = 1) (Figure 2, right).",
            gap - 4 * se > 3 ? ClaimVerdict.Holds : ClaimVerdict.Fails,
            F($"d = {f.Width}, {f.Samples} networks each: mean log₁₀‖C_1000‖ = {f.Relu.MeanLog10C:F2} ± {f.Relu.StdErrorLog10C:F2} (ReLU) vs {f.Abs.MeanLog10C:F2} ± {f.Abs.StdErrorLog10C:F2} (|x|): {gap:F2} ± {se:F2} decades apart."));
    }
}
