using System.Collections.Concurrent;
using Degeneracy.Series.Derivation;

namespace Degeneracy.Series.Evaluation;

/// <summary>
/// The per-layer laws the library offers: <see cref="Series(int)"/>, the derived law Σ_k ε^k m_k(θ) to a chosen order
/// in ε = 1/n (0 … 5: generated evaluators checked in under Evaluation/Generated, nothing compiled at run time; above 5:
/// from <see cref="HigherOrderSource"/>, which the degeneracy CLI sets to generate, compile and cache one), and <see cref="Paper"/>, the published O(1/n) closed forms μ_pub, σ²_pub of docs/THEORY.md §3
/// evaluated stably. Instances are cached and thread-safe.
/// </summary>
public static class LayerLaws
{
    private static readonly ConcurrentDictionary<int, ILayerLaw> SeriesCache = new();

    /// <summary>Highest n-order with a checked-in evaluator (LayerLawOrder0 … 5).</summary>
    public const int CheckedInMaxOrder = 5;

    /// <summary>
    /// Supplies the law for an n-order above <see cref="CheckedInMaxOrder"/> (called once per order, result cached); null
    /// (the default) refuses such orders. The degeneracy CLI installs one that generates, compiles and caches evaluators.
    /// </summary>
    public static Func<int, ILayerLaw>? HigherOrderSource { get; set; }

    /// <summary>
    /// The derived law to order ε^<paramref name="nOrder"/> (n-order ≥ 0; above 5 through <see cref="HigherOrderSource"/>),
    /// accurate on 0 ≤ θ ≤ π.
    /// </summary>
    public static ILayerLaw Series(int nOrder = 1)
    {
        if (nOrder < 0)
            throw new ArgumentOutOfRangeException(nameof(nOrder), nOrder, "nOrder must be a non-negative integer.");
        if (nOrder > CheckedInMaxOrder)
        {
            if (SeriesCache.TryGetValue(nOrder, out var cached)) return cached;
            var source = HigherOrderSource ?? throw new ArgumentOutOfRangeException(nameof(nOrder), nOrder,
                $"n-orders above {CheckedInMaxOrder} need a generated evaluator: set LayerLaws.HigherOrderSource (the degeneracy CLI does) or use codegen.");
            return SeriesCache.GetOrAdd(nOrder, source);
        }
        return SeriesCache.GetOrAdd(nOrder, k => k switch
        {
            0 => new CodeGen.GeneratedLaw(Generated.LayerLawOrder0.ThetaOrder, 0, Generated.LayerLawOrder0.Mu,
                Generated.LayerLawOrder0.Drift, Generated.LayerLawOrder0.Sigma2, Generated.LayerLawOrder0.Rho),
            1 => new CodeGen.GeneratedLaw(Generated.LayerLawOrder1.ThetaOrder, 1, Generated.LayerLawOrder1.Mu,
                Generated.LayerLawOrder1.Drift, Generated.LayerLawOrder1.Sigma2, Generated.LayerLawOrder1.Rho),
            2 => new CodeGen.GeneratedLaw(Generated.LayerLawOrder2.ThetaOrder, 2, Generated.LayerLawOrder2.Mu,
                Generated.LayerLawOrder2.Drift, Generated.LayerLawOrder2.Sigma2, Generated.LayerLawOrder2.Rho),
            3 => new CodeGen.GeneratedLaw(Generated.LayerLawOrder3.ThetaOrder, 3, Generated.LayerLawOrder3.Mu,
                Generated.LayerLawOrder3.Drift, Generated.LayerLawOrder3.Sigma2, Generated.LayerLawOrder3.Rho),
            4 => new CodeGen.GeneratedLaw(Generated.LayerLawOrder4.ThetaOrder, 4, Generated.LayerLawOrder4.Mu,
                Generated.LayerLawOrder4.Drift, Generated.LayerLawOrder4.Sigma2, Generated.LayerLawOrder4.Rho),
            _ => new CodeGen.GeneratedLaw(Generated.LayerLawOrder5.ThetaOrder, 5, Generated.LayerLawOrder5.Mu,
                Generated.LayerLawOrder5.Drift, Generated.LayerLawOrder5.Sigma2, Generated.LayerLawOrder5.Rho),
        });
    }

    private static readonly ConcurrentDictionary<(int, JFunctions.Activation), ILayerLaw> ActivationCache = new();

    /// <summary>
    /// Supplies the law of an activation other than ReLU for an n-order above <see cref="CheckedInMaxOrder"/> (called once
    /// per (order, activation), result cached); null (the default) builds a <see cref="CodeGen.TabulatedLaw"/> from the
    /// derivation in-process instead. The degeneracy CLI installs one that generates, compiles and caches evaluators.
    /// </summary>
    public static Func<int, JFunctions.Activation, ILayerLaw>? ActivationHigherOrderSource { get; set; }

    /// <summary>
    /// The lowest n-order at which <see cref="ActivationHigherOrderSource"/> (when set) supplies the law of an activation
    /// other than ReLU; below it the law is tabulated in-process. Default 6 (above the checked-in orders); the CLI lowers it
    /// to 3, where tabulating costs seconds per process and a cached compiled evaluator costs a fraction of one.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">On set: a value below 1.</exception>
    public static int ActivationSourceFromOrder
    {
        get => _activationSourceFromOrder;
        set => _activationSourceFromOrder = value >= 1 ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "ActivationSourceFromOrder must be an integer ≥ 1.");
    }

    private static int _activationSourceFromOrder = CheckedInMaxOrder + 1;

    /// <summary>
    /// The derived law of the activation φ_s to order ε^<paramref name="nOrder"/> (n-order ≥ 0), accurate on
    /// 0 ≤ θ ≤ π: the checked-in evaluator for ReLU (the same instance as <see cref="Series(int)"/>), otherwise a
    /// <see cref="CodeGen.TabulatedLaw"/> built from the derivation at the checked-in θ-order (a derivation at first use,
    /// then cached; no code is compiled). Above n-order 5, and from <see cref="ActivationSourceFromOrder"/> on: from
    /// <see cref="ActivationHigherOrderSource"/> when set (the CLI's on-disk cache of compiled evaluators), else tabulated
    /// (above n-order 5 under the closed forms' time guard, <see cref="DerivationCost.CheckClosedForms"/>).
    /// </summary>
    public static ILayerLaw Series(int nOrder, JFunctions.Activation activation)
    {
        ArgumentNullException.ThrowIfNull(activation);
        if (activation.IsRelu) return Series(nOrder);
        if (nOrder < 0)
            throw new ArgumentOutOfRangeException(nameof(nOrder), nOrder, "nOrder must be a non-negative integer.");
        if (nOrder > CheckedInMaxOrder || nOrder >= ActivationSourceFromOrder)
        {
            if (ActivationCache.TryGetValue((nOrder, activation), out var cached)) return cached;
            if (ActivationHigherOrderSource is { } source)
                return ActivationCache.GetOrAdd((nOrder, activation), k => source(k.Item1, k.Item2));
            if (nOrder > CheckedInMaxOrder) DerivationCost.CheckClosedForms(nOrder, nameof(nOrder));
        }
        return ActivationCache.GetOrAdd((nOrder, activation), k =>
        {
            var template = CodeGen.EvaluatorGenerator.CheckedIn[Math.Min(k.Item1, CheckedInMaxOrder)].Spec;
            var spec = template with { NOrder = k.Item1, ClassName = "LayerLaw", Activation = k.Item2 };
            return new CodeGen.TabulatedLaw(CodeGen.EvaluatorPlan.Create(spec));
        });
    }

    /// <summary>The published law μ_pub, σ²_pub (docs/THEORY.md §3), stable near θ = 0.</summary>
    public static ILayerLaw Paper => PublishedLaw.Instance;

    /// <summary>μ(θ, n) = ln sin²θ + Drift(θ, n) of a law (−∞ at θ = 0); θ ∈ [0, π], finite n ≥ 2.</summary>
    public static double Mu(ILayerLaw law, double theta, double n)
    {
        ArgumentNullException.ThrowIfNull(law);
        if (law is CodeGen.GeneratedLaw g) return g.Mu(theta, n);
        if (law is CodeGen.TabulatedLaw tab) return tab.Mu(theta, n);
        return law.Drift(theta, n) + LnSin2(theta);
    }

    /// <summary>π − Math.PI (the double Math.PI lies below π by this much).</summary>
    private const double PiLow = 1.2246467991473532e-16;

    /// <summary>
    /// ln sin²θ = 2·ln sin θ on [0, π], finite down to the smallest positive double (sin²θ itself would underflow below
    /// θ ≈ 1.5e-162); above π/2 it uses sin θ = sin(π − θ) with π − θ formed exactly (−∞ at θ = 0 and θ = π).
    /// </summary>
    public static double LnSin2(double theta)
    {
        double s = theta <= Math.PI / 2 ? Math.Sin(theta) : Math.Sin(Math.PI - theta + PiLow);
        return 2.0 * Math.Log(s);
    }

    /// <summary>
    /// ρ(n) of a law, finite n ≥ 2: −Drift(0, n) = −Σ_k c_{0k} n^−k for the derived law; the published
    /// ρ(n) = ln((n+5)/(n−1)) − 10n/(n+5)² + 6n/(n−1)² for <see cref="Paper"/>.
    /// </summary>
    public static double Rho(ILayerLaw law, double n)
    {
        ArgumentNullException.ThrowIfNull(law);
        return law switch
        {
            CodeGen.GeneratedLaw g => g.Rho(n),
            CodeGen.TabulatedLaw tab => tab.Rho(n),
            PublishedLaw => PublishedLaw.Rho(n),
            _ => -law.Drift(0.0, n),
        };
    }
}
