using Degeneracy.Series.Derivation;
using Degeneracy.Symbolic;

namespace Degeneracy.TestSupport.HighPrecision;

/// <summary>
/// High-precision reference (well over 30 significant digits at the default 320 bits) of a derived per-layer law
/// Σ_k ε^k m_k(θ), ε = 1/n: every ε^k piece is the exact closed form evaluated in <see cref="FixedPoint"/> for
/// θ ≥ 10⁻³ and the exact θ-series of the derivation below (truncation there ~ (θ/2)^{order+1} ≪ 10⁻⁴⁰ for order ≥ 24).
/// Independent of the double evaluators' code paths (no libm, no rounded coefficients).
/// </summary>
public sealed class LawReference
{
    /// <summary>Default working precision in bits.</summary>
    public const int DefaultBits = 320;

    private readonly List<(int K, LawPieceReference Piece)> _drift = new(), _sigma2 = new();

    /// <remarks>For |x| and the identity D = 1 − 4J̄_{1,1}² also vanishes at θ = π, where the closed forms cancel like
    /// (π − θ)^{−2p}: within 10⁻³ of π the working precision is tripled (no symmetry of the law is assumed).</remarks>
    public LawReference(DerivationResult d, double seriesBelow = 1e-3)
    {
        NOrder = d.NOrder;
        _boostNearPi = d.Activation.Slope.Abs().IsOne;
        foreach (var (q, list) in new[] { (Quantity.Drift, _drift), (Quantity.Sigma2, _sigma2) })
            foreach (var term in d.ClosedForm(q))
            {
                var series = Enumerable.Range(0, d.ThetaOrder + 1).Select(j => d.Coefficient(q, j, term.InvNPower));
                list.Add((term.InvNPower, new LawPieceReference(term.Numerator, term.DPower, term.Special is not null, series, seriesBelow, d.Activation)));
            }
    }

    public int NOrder { get; }

    private readonly bool _boostNearPi;

    private AngleReference Angle(double theta, int bits) =>
        new(theta, _boostNearPi && Math.PI - theta < 1e-3 ? 3 * bits : bits);

    /// <summary>The drift μ − ln sin²θ.</summary>
    public FixedPoint Drift(double theta, double n, int bits = DefaultBits) => Sum(_drift, Angle(theta, bits), n);

    /// <summary>μ = drift + ln sin²θ (θ &gt; 0).</summary>
    public FixedPoint Mu(double theta, double n, int bits = DefaultBits)
    {
        var a = Angle(theta, bits);
        return Sum(_drift, a, n) + FixedPointMath.Ln(a.Sin * a.Sin);
    }

    /// <summary>σ².</summary>
    public FixedPoint Sigma2(double theta, double n, int bits = DefaultBits) => Sum(_sigma2, Angle(theta, bits), n);

    /// <summary>Drift and σ² at every n of <paramref name="ns"/> for one θ (J's computed once).</summary>
    public (FixedPoint Drift, FixedPoint Sigma2)[] Both(double theta, IReadOnlyList<double> ns, int bits = DefaultBits)
    {
        var a = Angle(theta, bits);
        var dv = _drift.Select(p => (p.K, V: p.Piece.Value(a))).ToArray();
        var sv = _sigma2.Select(p => (p.K, V: p.Piece.Value(a))).ToArray();
        return ns.Select(n => (Combine(dv, n, a.Bits), Combine(sv, n, a.Bits))).ToArray();
    }

    /// <summary>ρ(n) = −Σ_k c_{0k} ε^k.</summary>
    public FixedPoint Rho(double n, int bits = DefaultBits) => -Drift(0.0, n, bits);

    private static FixedPoint Sum(List<(int K, LawPieceReference Piece)> pieces, AngleReference a, double n) =>
        Combine(pieces.Select(p => (p.K, p.Piece.Value(a))).ToArray(), n, a.Bits);

    private static FixedPoint Combine((int K, FixedPoint V)[] values, double n, int bits)
    {
        var eps = FixedPoint.FromRational(Rational.FromDouble(n).Reciprocal(), bits);
        var sum = FixedPoint.Zero(bits);
        foreach (var (k, v) in values)
        {
            var term = v;
            for (int i = 0; i < k; i++) term *= eps;
            sum += term;
        }
        return sum;
    }
}
