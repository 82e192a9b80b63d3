using System.Globalization;
using System.Numerics;
using Degeneracy.Symbolic;

namespace Degeneracy.JFunctions;

/// <summary>
/// A member of the piecewise-linear activation family φ_s(x) = x (x ≥ 0), s·x (x &lt; 0) with an exact rational slope s:
/// s = 0 is ReLU, s = −1 is |x|, s = 1 the identity, s = 1/100 the usual leaky ReLU. Every a·max(x,0) − b·max(−x,0)
/// with a &gt; 0 is φ_{b/a} up to scale, which the angle between two inputs does not see.
/// Spelling (CLI and <see cref="Parse"/>): <c>relu</c>, <c>abs</c>, <c>linear</c>, <c>leaky:S</c> with S a decimal
/// (<c>0.01</c>) or a fraction (<c>1/100</c>), read exactly. |s| and the numerator and denominator of s are bounded
/// by <see cref="MaxSlopePart"/>.
/// </summary>
public sealed record Activation
{
    /// <summary>Bound on |numerator| and denominator of the slope (and so |s| ≤ 10⁶): beyond it the exact
    /// coefficients grow without adding any activation a user could mean.</summary>
    public const long MaxSlopePart = 1_000_000;

    /// <summary>The exact negative-side slope s.</summary>
    public Rational Slope { get; }

    private Activation(Rational slope) => Slope = slope;

    /// <summary>ReLU, s = 0.</summary>
    public static readonly Activation Relu = new(Rational.Zero);
    /// <summary>Absolute value, s = −1.</summary>
    public static readonly Activation Abs = new(Rational.MinusOne);
    /// <summary>Identity (a linear network), s = 1.</summary>
    public static readonly Activation Linear = new(Rational.One);

    /// <summary>φ_s for the slope s; throws <see cref="ArgumentOutOfRangeException"/> when |numerator| or denominator
    /// exceeds <see cref="MaxSlopePart"/>.</summary>
    public static Activation FromSlope(Rational slope)
    {
        if (BigInteger.Abs(slope.Numerator) > MaxSlopePart || slope.Denominator > MaxSlopePart)
            throw new ArgumentOutOfRangeException(nameof(slope), slope.ToString(),
                $"the activation slope's numerator and denominator must be at most {MaxSlopePart} in absolute value.");
        return slope.IsZero ? Relu : slope == Rational.MinusOne ? Abs : slope.IsOne ? Linear : new Activation(slope);
    }

    /// <summary>True for s = 0.</summary>
    public bool IsRelu => Slope.IsZero;

    /// <summary>The slope as a double.</summary>
    public double SlopeValue => Slope.ToDouble();

    /// <summary>φ_s(x) in double precision.</summary>
    public double Apply(double x) => x >= 0 ? x : SlopeValue * x;

    /// <summary>The canonical spelling: relu, abs, linear or leaky:p/q.</summary>
    public string Name => IsRelu ? "relu" : Slope == Rational.MinusOne ? "abs" : Slope.IsOne ? "linear" : "leaky:" + Slope;

    /// <inheritdoc/>
    public override string ToString() => Name;

    /// <summary>Parses relu | abs | linear | leaky:S (S a decimal such as 0.01 or -2.5e-3 without exponent, or p/q),
    /// exactly and culture-independently; throws <see cref="FormatException"/> naming the text, or
    /// <see cref="ArgumentOutOfRangeException"/> for a slope beyond <see cref="MaxSlopePart"/>.</summary>
    public static Activation Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        switch (text)
        {
            case "relu": return Relu;
            case "abs": return Abs;
            case "linear": return Linear;
        }
        const string expected = "expected relu, abs, linear or leaky:S with S a decimal (0.01) or a fraction (1/100)";
        if (!text.StartsWith("leaky:", StringComparison.Ordinal))
            throw new FormatException($"unknown activation '{text}': {expected}.");
        var s = text["leaky:".Length..];
        if (!TryParseExactSlope(s, out var slope))
            throw new FormatException($"activation '{text}': the slope '{s}' is not a decimal or fraction; {expected}.");
        return FromSlope(slope);
    }

    /// <summary>Reads "p", "p/q" or a plain decimal "−d.ddd" exactly (no exponent, no group separators, no spaces).
    /// Numbers with more than 30 digits are refused (they could never pass <see cref="MaxSlopePart"/>).</summary>
    private static bool TryParseExactSlope(string s, out Rational value)
    {
        value = Rational.Zero;
        if (s.Length == 0 || s.Length > 64) return false;
        int slash = s.IndexOf('/');
        if (slash >= 0)
        {
            if (!IsSignedDigits(s[..slash]) || !IsDigits(s[(slash + 1)..])) return false;
            var q = BigInteger.Parse(s[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture);
            if (q.IsZero) return false;
            value = new Rational(BigInteger.Parse(s[..slash], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture), q);
            return true;
        }
        bool negative = s[0] == '-';
        var body = s[0] is '-' or '+' ? s[1..] : s;
        int dot = body.IndexOf('.');
        var whole = dot < 0 ? body : body[..dot];
        var frac = dot < 0 ? "" : body[(dot + 1)..];
        if ((whole.Length == 0 && frac.Length == 0) || (whole.Length > 0 && !IsDigits(whole)) || (frac.Length > 0 && !IsDigits(frac))
            || (dot >= 0 && frac.Length == 0 && whole.Length == 0) || whole.Length + frac.Length > 30)
            return false;
        var digits = BigInteger.Parse(whole + frac is { Length: > 0 } d ? d : "0", NumberStyles.None, CultureInfo.InvariantCulture);
        value = new Rational(negative ? -digits : digits, BigInteger.Pow(10, frac.Length));
        return true;
    }

    private static bool IsDigits(string s) => s.Length is > 0 and <= 30 && s.All(char.IsAsciiDigit);
    private static bool IsSignedDigits(string s) => IsDigits(s is ['-' or '+', .. var rest] ? rest : s);
}
