using Degeneracy.Symbolic;

namespace Degeneracy.JFunctions;

/// <summary>
/// An exact constant x·(√(π/2))^h with x ∈ ℚ[π, 1/π] and h ∈ {0, 1}: the scale factors of the J functions
/// (h = 1 exactly when a + b is odd, since E[R^k] carries √(2π) for odd k).
/// </summary>
public sealed record SqrtHalfPiMultiple(PiLaurent Value, bool HasSqrtHalfPi)
{
    /// <summary>√(π/2) as a double.</summary>
    public const double SqrtHalfPiDouble = 1.2533141373155002512078826424055226;

    /// <summary>The value as a double.</summary>
    public double ToDouble() => HasSqrtHalfPi ? Value.ToDouble() * SqrtHalfPiDouble : Value.ToDouble();

    /// <summary>The product with an element of ℚ[π, 1/π].</summary>
    public SqrtHalfPiMultiple Times(PiLaurent x) => new(Value * x, HasSqrtHalfPi);

    /// <summary>Text, LaTeX or C# form.</summary>
    public string Print(PrintFormat f)
    {
        if (!HasSqrtHalfPi) return Value.Print(f);
        string root = f switch
        {
            PrintFormat.Latex => "\\sqrt{\\frac{\\pi}{2}}",
            PrintFormat.CSharp => "Math.Sqrt(Math.PI/2.0)",
            _ => "sqrt(pi/2)",
        };
        if (Value.IsOne) return root;
        string v = Value.Print(f);
        if (Value.TermCount > 1) v = "(" + v + ")";
        return f == PrintFormat.Latex ? v + root : v + "*" + root;
    }

    /// <summary>Text form.</summary>
    public override string ToString() => Print(PrintFormat.Text);
}
