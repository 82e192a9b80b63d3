using System.Globalization;
using System.Numerics;

namespace Degeneracy.Symbolic;

/// <summary>A parse error with the 0-based character position where it was detected.</summary>
public sealed class ExpressionParseException(string message, int position)
    : FormatException($"{message} at position {position}")
{
    /// <summary>0-based index into the input string.</summary>
    public int Position { get; } = position;
}

/// <summary>
/// Recursive-descent parser for ordinary formulas: numbers (integers, decimals, read exactly), <c>pi</c>, variables,
/// <c>+ - * / ^</c> (^ right-associative, binding tighter than unary minus), parentheses, the functions of
/// <see cref="CallExpression"/> and <c>J(a,b)</c>. Hand-written (about 150 lines) rather than Pidgin/Superpower so
/// the algebra core has no dependency and every error carries an exact position; any malformed input produces an
/// <see cref="ExpressionParseException"/> and nothing else.
/// </summary>
public sealed class ExpressionParser
{
    private static readonly HashSet<string> Functions = ["ln", "log", "exp", "sqrt", "sin", "cos", "arcsin", "J"];
    private readonly string _s;
    private readonly IReadOnlySet<string> _variables;
    private int _pos;
    private int _depth;

    private ExpressionParser(string s, IReadOnlySet<string> variables) { _s = s; _variables = variables; }

    /// <summary>Parses <paramref name="text"/>; identifiers other than <c>pi</c> must be in <paramref name="variables"/> (default: theta, n).</summary>
    public static Expression Parse(string text, IReadOnlySet<string>? variables = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var p = new ExpressionParser(text, variables ?? new HashSet<string> { "theta", "n" });
        var e = p.ParseSum();
        p.SkipSpace();
        if (p._pos < text.Length) throw new ExpressionParseException($"unexpected '{text[p._pos]}'", p._pos);
        return e;
    }

    /// <summary>Parses a constant expression (no variables) and evaluates it exactly in ℚ[π, 1/π].</summary>
    public static PiLaurent ParsePiLaurent(string text) => ToPiLaurent(Parse(text, new HashSet<string>()));

    /// <summary>Exact value of a constant expression built from numbers, π, + − × ÷ and integer powers.</summary>
    public static PiLaurent ToPiLaurent(Expression e) => e switch
    {
        NumberExpression n => n.Value,
        SymbolExpression { Name: "pi" } => PiLaurent.Pi,
        NegateExpression ne => -ToPiLaurent(ne.Operand),
        BinaryExpression { Operator: '+' } b => ToPiLaurent(b.Left) + ToPiLaurent(b.Right),
        BinaryExpression { Operator: '-' } b => ToPiLaurent(b.Left) - ToPiLaurent(b.Right),
        BinaryExpression { Operator: '*' } b => ToPiLaurent(b.Left) * ToPiLaurent(b.Right),
        BinaryExpression { Operator: '/' } b => ToPiLaurent(b.Left) / ToPiLaurent(b.Right),
        BinaryExpression { Operator: '^', Right: NumberExpression { Value.IsInteger: true } k } b when BigInteger.Abs(k.Value.Numerator) <= 64
            => ToPiLaurent(b.Left).Pow((int)k.Value.Numerator),
        _ => throw new ArgumentException($"'{e}' is not an exact element of Q[pi, 1/pi].", nameof(e)),
    };

    private void SkipSpace() { while (_pos < _s.Length && char.IsWhiteSpace(_s[_pos])) _pos++; }
    private bool Eat(char c) { SkipSpace(); if (_pos < _s.Length && _s[_pos] == c) { _pos++; return true; } return false; }
    private ExpressionParseException Error(string what) =>
        new(_pos < _s.Length ? $"{what}, found '{_s[_pos]}'" : $"{what}, found end of input", _pos);

    private Expression ParseSum()
    {
        var left = ParseProduct();
        while (true)
        {
            if (Eat('+')) left = new BinaryExpression('+', left, ParseProduct());
            else if (Eat('-')) left = new BinaryExpression('-', left, ParseProduct());
            else return left;
        }
    }

    private Expression ParseProduct()
    {
        var left = ParseUnary();
        while (true)
        {
            if (Eat('*')) left = new BinaryExpression('*', left, ParseUnary());
            else if (Eat('/')) left = new BinaryExpression('/', left, ParseUnary());
            else return left;
        }
    }

    private Expression ParseUnary()
    {
        if (Eat('-')) return Nest(() => new NegateExpression(ParseUnary()));
        if (Eat('+')) return Nest(ParseUnary);
        return ParsePower();
    }

    private Expression ParsePower()
    {
        var b = ParseAtom();
        if (Eat('^')) return new BinaryExpression('^', b, Nest(ParseUnary));
        return b;
    }

    private Expression Nest(Func<Expression> f)
    {
        if (++_depth > 200) throw new ExpressionParseException("expression nested too deeply", _pos);
        try { return f(); } finally { _depth--; }
    }

    private Expression ParseAtom()
    {
        SkipSpace();
        if (_pos >= _s.Length) throw Error("expected a number, name or '('");
        char c = _s[_pos];
        if (c == '(')
        {
            _pos++;
            var e = Nest(ParseSum);
            if (!Eat(')')) throw Error("expected ')'");
            return e;
        }
        if (char.IsAsciiDigit(c) || c == '.') return ParseNumber();
        if (char.IsAsciiLetter(c))
        {
            int start = _pos;
            while (_pos < _s.Length && (char.IsAsciiLetterOrDigit(_s[_pos]) || _s[_pos] == '_')) _pos++;
            string name = _s[start.._pos];
            if (Functions.Contains(name))
            {
                if (!Eat('(')) throw Error($"expected '(' after {name}");
                var args = new List<Expression> { Nest(ParseSum) };
                while (Eat(',')) args.Add(Nest(ParseSum));
                if (!Eat(')')) throw Error("expected ')'");
                int want = name == "J" ? 2 : 1;
                if (args.Count != want) throw new ExpressionParseException($"{name} takes {want} argument(s), got {args.Count}", start);
                var call = new CallExpression(name, args);
                if (name == "J")
                    for (int i = 0; i < 2; i++)
                        if (args[i] is not NumberExpression { Value.IsInteger: true } n || n.Value.Sign < 0 || n.Value.Numerator > 1000)
                            throw new ExpressionParseException("J(a,b) needs integer arguments 0 <= a,b <= 1000", start);
                return call;
            }
            if (name == "pi" || _variables.Contains(name)) return new SymbolExpression(name);
            throw new ExpressionParseException($"unknown name '{name}'", start);
        }
        throw Error("expected a number, name or '('");
    }

    private Expression ParseNumber()
    {
        int start = _pos;
        while (_pos < _s.Length && char.IsAsciiDigit(_s[_pos])) _pos++;
        string intPart = _s[start.._pos], frac = "";
        if (_pos < _s.Length && _s[_pos] == '.')
        {
            _pos++;
            int fs = _pos;
            while (_pos < _s.Length && char.IsAsciiDigit(_s[_pos])) _pos++;
            frac = _s[fs.._pos];
        }
        if (intPart.Length == 0 && frac.Length == 0) throw new ExpressionParseException("malformed number", start);
        int exp = 0;
        if (_pos < _s.Length && (_s[_pos] == 'e' || _s[_pos] == 'E'))
        {
            int es = _pos++;
            bool neg = false;
            if (_pos < _s.Length && (_s[_pos] == '+' || _s[_pos] == '-')) neg = _s[_pos++] == '-';
            int ds = _pos;
            while (_pos < _s.Length && char.IsAsciiDigit(_s[_pos])) _pos++;
            if (_pos == ds || _pos - ds > 4) throw new ExpressionParseException("malformed exponent", es);
            exp = int.Parse(_s[ds.._pos], CultureInfo.InvariantCulture) * (neg ? -1 : 1);
        }
        if (intPart.Length + frac.Length > 1000) throw new ExpressionParseException("number too long", start);
        var mant = BigInteger.Parse((intPart + frac).Length == 0 ? "0" : intPart + frac, CultureInfo.InvariantCulture);
        int scale = exp - frac.Length;
        Rational v = scale >= 0 ? new Rational(mant * BigInteger.Pow(10, scale), 1) : new Rational(mant, BigInteger.Pow(10, -scale));
        return new NumberExpression(v);
    }
}
