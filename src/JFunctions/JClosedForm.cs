using Degeneracy.Symbolic;

namespace Degeneracy.JFunctions;

/// <summary>
/// The exact closed form J_{a,b}(θ) = κ·[(π − θ)·P(cos θ) + sin θ·Q(cos θ) + R(cos θ)] + K with
/// κ = E[R^{a+b}]/(2π) (rational for even a+b, a multiple of √(π/2) for odd), P, Q, R exact rational polynomials,
/// and K the constant E[φ(G)^{a+b}] when a or b is 0 (then P = Q = R = 0). Valid for 0 ≤ θ ≤ π. Built by
/// <see cref="Build"/> from the polar integral of docs/THEORY.md §2, never from a table.
/// For even a+b, R = 0; for odd a+b, P = 0 and R ≠ 0 in general — the often-quoted
/// "always (π−θ)P + sin θ Q" is not true there (e.g. J_{2,1}), which docs/DERIVATION.md reports.
/// </summary>
public sealed record JClosedForm(int A, int B, SqrtHalfPiMultiple Scale, RationalPolynomial P, RationalPolynomial Q, RationalPolynomial R, SqrtHalfPiMultiple Constant)
{
    /// <summary>Largest index accepted (a, b ≤ 200): beyond it the exact coefficients grow past any use.</summary>
    public const int MaxIndex = 200;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(int, int), JClosedForm> Cache = new();

    /// <summary>The closed form of J_{a,b}, a, b ∈ [0, <see cref="MaxIndex"/>]; cached (thread-safe).</summary>
    public static JClosedForm Build(int a, int b)
    {
        JArguments.CheckIndex(a, nameof(a));
        JArguments.CheckIndex(b, nameof(b));
        return Cache.GetOrAdd((a, b), k => BuildUncached(k.Item1, k.Item2));
    }

    /// <summary>True when J_{a,b} does not depend on θ (a = 0 or b = 0).</summary>
    public bool IsConstant => A == 0 || B == 0;

    /// <summary>The closed form of J_{a,b} constructed from scratch, bypassing the cache of <see cref="Build"/> (for benchmarks).</summary>
    public static JClosedForm BuildUncached(int a, int b)
    {
        JArguments.CheckIndex(a, nameof(a));
        JArguments.CheckIndex(b, nameof(b));
        var zero = new SqrtHalfPiMultiple(PiLaurent.Zero, (a + b) % 2 == 1);
        if (a == 0 || b == 0)
            return new JClosedForm(a, b, zero, RationalPolynomial.Zero, RationalPolynomial.Zero, RationalPolynomial.Zero, GaussianMoments.HalfAbsoluteMoment(a + b));

        // ∫_{θ−π/2}^{π/2} cos^a α (cos α c + sin α s)^b dα = Σ_j C(b,j) c^j s^{b−j} I(a+j, b−j), summed by Horner's
        // rule in s (each step one multiplication by s, O(degree)) instead of forming every c^j s^{b−j} product.
        var memo = new Dictionary<(int, int), (Rational R, TrigPolynomial T)>();
        var linPoly = TrigPolynomial.Zero;
        var rest = TrigPolynomial.Zero;
        for (int j = 0; j <= b; j++)
        {
            var (r, t) = Integral(a + j, b - j, memo);
            var w = (Rational)Rational.Binomial(b, j);
            linPoly = linPoly.TimesS() + new TrigPolynomial(RationalPolynomial.Monomial(w * r, j), RationalPolynomial.Zero);
            rest = rest.TimesS() + (w * t).TimesCPower(j);
        }
        if (!linPoly.Q.IsZero || ((a + b) % 2 == 0 && !rest.P.IsZero))
            throw new InvalidOperationException($"J_{{{a},{b}}}: construction did not reach the form (π−θ)P(c) + s·Q(c).");
        var rm = GaussianMoments.RayleighMoment(a + b);
        var scale = new SqrtHalfPiMultiple(rm.Value * PiLaurent.Monomial(Rational.Half, -1), rm.HasSqrtHalfPi);
        return new JClosedForm(a, b, scale, linPoly.P, rest.Q, rest.P, new SqrtHalfPiMultiple(PiLaurent.Zero, rm.HasSqrtHalfPi));
    }

    /// <summary>I(p,q) = ∫_{θ−π/2}^{π/2} cos^p α sin^q α dα = R·(π − θ) + T(c, s), by the standard reduction formulas.</summary>
    private static (Rational R, TrigPolynomial T) Integral(int p, int q, Dictionary<(int, int), (Rational, TrigPolynomial)> memo)
    {
        if (memo.TryGetValue((p, q), out var hit)) return hit;
        (Rational, TrigPolynomial) result;
        if (q >= 2)
        {
            // ∫cos^p sin^q = −cos^{p+1} sin^{q−1}/(p+q) + (q−1)/(p+q) ∫cos^p sin^{q−2}
            var (r, t) = Integral(p, q - 2, memo);
            var k = new Rational(q - 1, p + q);
            result = (k * r, new Rational(-1, p + q) * Bracket(p + 1, q - 1) + k * t);
        }
        else if (p >= 2)
        {
            // ∫cos^p sin^q = cos^{p−1} sin^{q+1}/(p+q) + (p−1)/(p+q) ∫cos^{p−2} sin^q
            var (r, t) = Integral(p - 2, q, memo);
            var k = new Rational(p - 1, p + q);
            result = (k * r, new Rational(1, p + q) * Bracket(p - 1, q + 1) + k * t);
        }
        else result = (p, q) switch
        {
            (0, 0) => (Rational.One, TrigPolynomial.Zero),
            (1, 0) => (Rational.Zero, Bracket(0, 1)),                       // ∫cos = sin
            (0, 1) => (Rational.Zero, Rational.MinusOne * Bracket(1, 0)),   // ∫sin = −cos
            _ => (Rational.Zero, Rational.Half * Bracket(0, 2)),            // ∫cos·sin = sin²/2
        };
        memo[(p, q)] = result;
        return result;
    }

    /// <summary>[cos^u α sin^v α] from α = θ − π/2 (cos = s, sin = −c) to α = π/2 (cos = 0, sin = 1).</summary>
    private static TrigPolynomial Bracket(int u, int v)
    {
        var top = u == 0 ? TrigPolynomial.One : TrigPolynomial.Zero;
        var bottom = (v % 2 == 0 ? Rational.One : Rational.MinusOne) * TrigPolynomial.SinCosPower(u, v);
        return top - bottom;
    }

    /// <summary>
    /// Prints the closed form as docs/THEORY.md writes it, c/(2π)·[(π − θ)P(cos θ) + sin θ·Q(cos θ) + R(cos θ)] with c folded
    /// into the polynomials (c rational for even a + b; √(π/2) kept as a factor for odd): text
    /// <c>((pi - theta)*cos(theta) + sin(theta))/(2*pi)</c> (parseable by ExpressionParser), LaTeX, or C# (with
    /// <c>c</c> = cos θ, <c>s</c> = sin θ in scope).
    /// </summary>
    public string Print(PrintFormat f = PrintFormat.Text) =>
        IsConstant ? Constant.Print(f) : PrintForm(Scale, P, RationalPolynomial.Zero, Q, R, f);

    /// <summary>Prints κ·[(π − θ)P(c) + θ·T(c) + sin θ·Q(c) + R(c)] as c/(2π)·[…] (the θ·T part is empty for ReLU).</summary>
    internal static string PrintForm(SqrtHalfPiMultiple scale, RationalPolynomial p, RationalPolynomial thetaPart, RationalPolynomial q, RationalPolynomial r, PrintFormat f)
    {
        // κ = c/(2π): c = 2π·κ is rational (times √(π/2) for odd a + b).
        Rational cRational = (scale.Value * PiLaurent.Monomial(2, 1))[0];
        string c = f switch { PrintFormat.Latex => "\\cos\\theta", PrintFormat.CSharp => "c", _ => "cos(theta)" };
        string s = f switch { PrintFormat.Latex => "\\sin\\theta", PrintFormat.CSharp => "s", _ => "sin(theta)" };
        string pmt = f switch { PrintFormat.Latex => "(\\pi - \\theta)", PrintFormat.CSharp => "(Math.PI - theta)", _ => "(pi - theta)" };
        string th = f switch { PrintFormat.Latex => "\\theta", _ => "theta" };
        string mul = f == PrintFormat.Latex ? " " : "*";
        string Term(string lead, RationalPolynomial poly)
        {
            poly = cRational * poly;
            if (poly.IsZero) return "";
            if (poly.Degree == 0 && poly[0].IsOne) return lead;
            string body = poly.Print(c, f);
            return lead + mul + (poly.Coefficients.Count(x => !x.IsZero) == 1 && poly[poly.Degree].Sign > 0 ? body : "(" + body + ")");
        }
        var parts = new[] { Term(pmt, p), Term(th, thetaPart), Term(s, q), r.IsZero ? "" : (cRational * r).Print(c, f) }.Where(x => x.Length > 0).ToArray();
        string bracket = parts.Length == 0 ? "0" : string.Join(" + ", parts).Replace("+ -", "- ");
        string root = scale.HasSqrtHalfPi ? f switch { PrintFormat.Latex => "\\sqrt{\\frac{\\pi}{2}}\\,", PrintFormat.CSharp => "Math.Sqrt(Math.PI/2.0)*", _ => "sqrt(pi/2)*" } : "";
        string result = f switch
        {
            PrintFormat.Latex => root + "\\frac{" + bracket + "}{2\\pi}",
            PrintFormat.CSharp => root + "(" + bracket + ")/(2.0*Math.PI)",
            _ => root + "(" + bracket + ")/(2*pi)",
        };
        if (f == PrintFormat.Latex)
            result = System.Text.RegularExpressions.Regex.Replace(result, @"\\(cos|sin)\\theta\^\{(\d+)\}", @"\$1^{$2}\theta");
        return result;
    }

    /// <summary>The closed form as text (see <see cref="Print"/>).</summary>
    public override string ToString() => Print();
}

/// <summary>Validation of the public J arguments (index and angle ranges).</summary>
public static class JArguments
{
    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> unless 0 ≤ value ≤ <see cref="JClosedForm.MaxIndex"/>.</summary>
    public static void CheckIndex(int value, string name)
    {
        if (value < 0 || value > JClosedForm.MaxIndex)
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be an integer in [0, {JClosedForm.MaxIndex}].");
    }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> unless 0 ≤ θ ≤ π (NaN is refused).</summary>
    public static void CheckTheta(double theta, string name = "theta")
    {
        if (!(theta >= 0 && theta <= Math.PI))
            throw new ArgumentOutOfRangeException(name, theta, $"{name} must lie in [0, pi] (and not be NaN).");
    }
}
