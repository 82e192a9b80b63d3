using Degeneracy.Symbolic;

namespace Degeneracy.JFunctions;

/// <summary>
/// The exact closed form of J^{(s)}_{a,b}(θ) = E[φ_s(G)^a φ_s(Ĝ)^b] for the activation φ_s (slope s on x &lt; 0):
/// κ·[(π − θ)·P(cos θ) + θ·T(cos θ) + sin θ·Q(cos θ) + R(cos θ)] + K, valid for 0 ≤ θ ≤ π, with κ the ReLU scale of
/// J_{a,b} and P, T, Q, R exact rational polynomials (T = 0 for ReLU). Built from the ReLU closed form by the sign split
/// φ_s(x)^a = (x⁺)^a + (−s)^a (x⁻)^a (a ≥ 1) and the fact that (G, −Ĝ) has angle π − θ:
/// J^{(s)}_{a,b}(θ) = α·J_{a,b}(θ) + β·J_{a,b}(π − θ), α = 1 + (−s)^{a+b}, β = (−s)^a + (−s)^b (a, b ≥ 1);
/// J^{(s)}_{a,0} = J^{(s)}_{0,a} = (1 + (−s)^a)·E|G|^a/2 (a ≥ 1) and J^{(s)}_{0,0} = 1 are constants K.
/// </summary>
public sealed record ActivationJClosedForm(int A, int B, Activation Activation, SqrtHalfPiMultiple Scale,
    RationalPolynomial P, RationalPolynomial T, RationalPolynomial Q, RationalPolynomial R, SqrtHalfPiMultiple Constant)
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(int, int, Rational), ActivationJClosedForm> Cache = new();

    /// <summary>The closed form of J^{(s)}_{a,b} for a, b ∈ [0, <see cref="JClosedForm.MaxIndex"/>]; cached (thread-safe).</summary>
    public static ActivationJClosedForm Build(int a, int b, Activation activation)
    {
        ArgumentNullException.ThrowIfNull(activation);
        JArguments.CheckIndex(a, nameof(a));
        JArguments.CheckIndex(b, nameof(b));
        return Cache.GetOrAdd((a, b, activation.Slope), k => BuildUncached(k.Item1, k.Item2, activation));
    }

    /// <summary>α = 1 + (−s)^{a+b}: the weight of J_{a,b}(θ) (a, b ≥ 1).</summary>
    public static Rational Alpha(int a, int b, Activation activation) => Rational.One + (-activation.Slope).Pow(a + b);

    /// <summary>β = (−s)^a + (−s)^b: the weight of J_{a,b}(π − θ) (a, b ≥ 1).</summary>
    public static Rational Beta(int a, int b, Activation activation) => (-activation.Slope).Pow(a) + (-activation.Slope).Pow(b);

    /// <summary>E[φ_s(G)^m] = (1 + (−s)^m)·E|G|^m/2 for m ≥ 1, and 1 for m = 0.</summary>
    public static SqrtHalfPiMultiple Moment(int m, Activation activation)
    {
        ArgumentNullException.ThrowIfNull(activation);
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        var half = GaussianMoments.HalfAbsoluteMoment(m);
        return m == 0 ? half : half.Times(PiLaurent.Monomial(Rational.One + (-activation.Slope).Pow(m), 0));
    }

    /// <summary>(1 + s²)^{−m/2} for even m ≥ 0: the factor J̄_{a,b}/J^{(s)}_{a,b} (m = a + b) of the normalised activation
    /// φ_s/√(1 + s²), whose second moment E[φ̄(G)²] = ½ is ReLU's; throws <see cref="ArgumentException"/> for odd m.</summary>
    public static Rational NormalisingFactor(int m, Activation activation)
    {
        ArgumentNullException.ThrowIfNull(activation);
        if (m < 0 || m % 2 != 0) throw new ArgumentException($"m = {m}: the normalising factor is rational only for even m >= 0.", nameof(m));
        return (Rational.One + activation.Slope * activation.Slope).Pow(m / 2).Reciprocal();
    }

    /// <summary>True when J^{(s)}_{a,b} does not depend on θ (a = 0 or b = 0).</summary>
    public bool IsConstant => A == 0 || B == 0;

    /// <summary>True when J^{(s)}_{a,b} vanishes identically (s = 1 and a + b odd: odd Gaussian moments).</summary>
    public bool IsZero => IsConstant ? Constant.Value.IsZero : P.IsZero && T.IsZero && Q.IsZero && R.IsZero;

    private static ActivationJClosedForm BuildUncached(int a, int b, Activation activation)
    {
        var relu = JClosedForm.Build(a, b);
        if (relu.IsConstant)
            return new(a, b, activation, relu.Scale, RationalPolynomial.Zero, RationalPolynomial.Zero, RationalPolynomial.Zero,
                RationalPolynomial.Zero, Moment(a + b, activation));
        Rational alpha = Alpha(a, b, activation), beta = Beta(a, b, activation);
        // J(π − θ) = κ[θ·P(−c) + sin θ·Q(−c) + R(−c)]: cos(π − θ) = −c, sin(π − θ) = sin θ, π − (π − θ) = θ.
        var p = alpha * relu.P;
        var t = beta * Reflect(relu.P);
        var q = alpha * relu.Q + beta * Reflect(relu.Q);
        var r = alpha * relu.R + beta * Reflect(relu.R);
        return new(a, b, activation, relu.Scale, p, t, q, r, relu.Constant);
    }

    /// <summary>P(−c).</summary>
    private static RationalPolynomial Reflect(RationalPolynomial p) =>
        new(p.Coefficients.Select((x, i) => i % 2 == 0 ? x : -x));

    /// <summary>
    /// Coefficients j = 0 … <paramref name="order"/> of J^{(s)}_{a,b}(θ) = Σ_j e_j θ^j, exact in ℚ[π, 1/π] (times √(π/2)
    /// when a + b is odd): α times the series of J_{a,b} about 0 plus β times that of J_{a,b}(π − θ), order ∈ [0, 400].
    /// </summary>
    public IReadOnlyList<SqrtHalfPiMultiple> SeriesAboutZero(int order) =>
        Series(Alpha(A, B, Activation), Beta(A, B, Activation), order);

    /// <summary>
    /// Coefficients k = 0 … <paramref name="order"/> of J^{(s)}_{a,b}(π − t) = Σ_k f_k t^k, exact in ℚ[π, 1/π] (times √(π/2)
    /// when a + b is odd): β times the series of J_{a,b} about 0 plus α times that of J_{a,b}(π − t), order ∈ [0, 400].
    /// </summary>
    public IReadOnlyList<SqrtHalfPiMultiple> SeriesAboutPi(int order) =>
        IsConstant ? SeriesAboutZero(order) : Series(Beta(A, B, Activation), Alpha(A, B, Activation), order);

    /// <summary>The series of w₀·J_{a,b}(x) + w_π·J_{a,b}(π − x) about x = 0 (a, b ≥ 1), or of the constant.</summary>
    private List<SqrtHalfPiMultiple> Series(Rational w0, Rational wPi, int order)
    {
        var relu = JSeries.AboutZero(A, B, order);
        if (IsConstant)
            return Enumerable.Range(0, order + 1).Select(j => j == 0 ? Constant : new SqrtHalfPiMultiple(PiLaurent.Zero, Constant.HasSqrtHalfPi)).ToList();
        var reflected = JSeries.AboutPiRational(A, B, order);
        var result = new List<SqrtHalfPiMultiple>(order + 1);
        for (int j = 0; j <= order; j++)
            result.Add(new SqrtHalfPiMultiple(relu[j].Value * PiLaurent.Monomial(w0, 0) + Scale.Value * PiLaurent.Monomial(wPi * reflected[j], 0),
                Scale.HasSqrtHalfPi));
        return result;
    }

    /// <summary>
    /// Prints c/(2π)·[(π − θ)P(cos θ) + θ·T(cos θ) + sin θ·Q(cos θ) + R(cos θ)] (c folded into the polynomials) as text
    /// (parseable by ExpressionParser), LaTeX or C# (<c>c</c> = cos θ, <c>s</c> = sin θ in scope); identical to
    /// <see cref="JClosedForm.Print"/> for ReLU.
    /// </summary>
    public string Print(PrintFormat f = PrintFormat.Text)
    {
        if (IsConstant) return Constant.Print(f);
        if (IsZero) return f == PrintFormat.CSharp ? "0.0" : "0";
        return JClosedForm.PrintForm(Scale, P, T, Q, R, f);
    }

    /// <inheritdoc/>
    public override string ToString() => Print();
}
