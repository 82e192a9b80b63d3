using System.CommandLine.Parsing;
using System.Globalization;

namespace Degeneracy.Cli;

/// <summary>
/// Strict parsing of numbers on the command line: invariant culture, a decimal point, an optional exponent, no group
/// separators and no surrounding text (<c>0,1</c> and <c>1,000</c> are bad input, never 1 and 1000).
/// </summary>
internal static class InvariantNumber
{
    private const NumberStyles Real = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    /// <summary>A real number; NaN and infinities are refused here (every option needs a finite value).</summary>
    public static bool TryReal(string text, out double value) =>
        double.TryParse(text, Real, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    /// <summary>A signed integer in decimal digits.</summary>
    public static bool TryInteger(string text, out long value) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    /// <summary>An unsigned 64-bit integer in decimal digits.</summary>
    public static bool TryUnsigned(string text, out ulong value) =>
        ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    /// <summary>The option's name for messages (e.g. <c>--theta0</c>), or the argument's name.</summary>
    internal static string Name(ArgumentResult r) => r.Parent is OptionResult o ? o.Option.Name : r.Argument.Name;

    /// <summary>Parser of one real per token.</summary>
    public static double ParseReal(ArgumentResult r) => ParseReals(r).FirstOrDefault();

    /// <summary>Parser of one real per token (repeatable options).</summary>
    public static double[] ParseReals(ArgumentResult r)
    {
        var values = new double[r.Tokens.Count];
        for (int i = 0; i < values.Length; i++)
            if (!TryReal(r.Tokens[i].Value, out values[i]))
            {
                r.AddError($"{Name(r)}: '{r.Tokens[i].Value}' is not a finite number (use a decimal point, e.g. 0.1; no group separators).");
                return [];
            }
        return values;
    }

    /// <summary>Parser of a 32-bit integer.</summary>
    public static int ParseInt(ArgumentResult r)
    {
        long v = ParseLong(r);
        if (v < int.MinValue || v > int.MaxValue)
        {
            r.AddError($"{Name(r)}: '{r.Tokens[0].Value}' is out of range.");
            return 0;
        }
        return (int)v;
    }

    /// <summary>Parser of a 64-bit integer.</summary>
    public static long ParseLong(ArgumentResult r)
    {
        if (r.Tokens.Count == 0) return 0;
        if (TryInteger(r.Tokens[0].Value, out long v)) return v;
        r.AddError($"{Name(r)}: '{r.Tokens[0].Value}' is not an integer (decimal digits only; no group separators).");
        return 0;
    }

    /// <summary>Parser of an unsigned 64-bit integer.</summary>
    public static ulong ParseUnsigned(ArgumentResult r)
    {
        if (r.Tokens.Count == 0) return 0;
        if (TryUnsigned(r.Tokens[0].Value, out ulong v)) return v;
        r.AddError($"{Name(r)}: '{r.Tokens[0].Value}' is not an integer in [0, 2^64 − 1] (decimal digits only).");
        return 0;
    }
}
