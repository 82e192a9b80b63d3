using System.Globalization;

namespace Degeneracy.Symbolic;

/// <summary>
/// An immutable expression tree over numbers, π, named variables (θ as <c>theta</c>, n), + − × ÷ ^, the functions
/// ln/log (natural), exp, sqrt, sin, cos, arcsin, and <c>J(a,b)</c> for J_{a,b}(θ). Produced by
/// <see cref="ExpressionParser"/>; consumed by the series engine and by double evaluation.
/// </summary>
public abstract record Expression
{
    /// <summary>The sum.</summary>
    public static Expression operator +(Expression a, Expression b) => new BinaryExpression('+', a, b);
    /// <summary>The difference.</summary>
    public static Expression operator -(Expression a, Expression b) => new BinaryExpression('-', a, b);
    /// <summary>The product.</summary>
    public static Expression operator *(Expression a, Expression b) => new BinaryExpression('*', a, b);
    /// <summary>The quotient.</summary>
    public static Expression operator /(Expression a, Expression b) => new BinaryExpression('/', a, b);
    /// <summary>The negation.</summary>
    public static Expression operator -(Expression a) => new NegateExpression(a);

    /// <summary>Text form that <see cref="ExpressionParser.Parse"/> reads back to an equal tree value.</summary>
    public abstract override string ToString();
    internal abstract int Precedence { get; }
    internal string Wrap(int parentPrecedence) => Precedence < parentPrecedence ? "(" + this + ")" : ToString();

    /// <summary>Evaluates in double precision; <paramref name="variables"/> binds names, <paramref name="j"/> evaluates J(a,b) at the bound θ.</summary>
    public abstract double Evaluate(IReadOnlyDictionary<string, double> variables, Func<int, int, double>? j = null);
}

/// <summary>An exact rational literal.</summary>
public sealed record NumberExpression(Rational Value) : Expression
{
    internal override int Precedence => Value.Sign < 0 || !Value.IsInteger ? 2 : 9;
    /// <inheritdoc/>
    public override string ToString() => Value.ToString();
    /// <inheritdoc/>
    public override double Evaluate(IReadOnlyDictionary<string, double> v, Func<int, int, double>? j) => Value.ToDouble();
}

/// <summary>A named symbol: <c>pi</c> or a variable such as <c>theta</c>, <c>n</c>.</summary>
public sealed record SymbolExpression(string Name) : Expression
{
    internal override int Precedence => 9;
    /// <inheritdoc/>
    public override string ToString() => Name;
    /// <inheritdoc/>
    public override double Evaluate(IReadOnlyDictionary<string, double> v, Func<int, int, double>? j)
    {
        if (Name == "pi") return Math.PI;
        return v.TryGetValue(Name, out var x) ? x : throw new ArgumentException($"No value bound for variable '{Name}'.", nameof(v));
    }
}

/// <summary>Unary minus.</summary>
public sealed record NegateExpression(Expression Operand) : Expression
{
    internal override int Precedence => 3;
    /// <inheritdoc/>
    public override string ToString() => "-" + Operand.Wrap(4);
    /// <inheritdoc/>
    public override double Evaluate(IReadOnlyDictionary<string, double> v, Func<int, int, double>? j) => -Operand.Evaluate(v, j);
}

/// <summary>A binary operation: one of + − * / ^.</summary>
public sealed record BinaryExpression(char Operator, Expression Left, Expression Right) : Expression
{
    internal override int Precedence => Operator switch { '+' or '-' => 1, '*' or '/' => 4, _ => 6 };
    /// <inheritdoc/>
    public override string ToString() => Operator switch
    {
        '+' => Left.Wrap(1) + " + " + Right.Wrap(2),
        '-' => Left.Wrap(1) + " - " + Right.Wrap(2),
        '*' => Left.Wrap(4) + "*" + Right.Wrap(5),
        '/' => Left.Wrap(4) + "/" + Right.Wrap(5),
        _ => Left.Wrap(7) + "^" + Right.Wrap(6),
    };
    /// <inheritdoc/>
    public override double Evaluate(IReadOnlyDictionary<string, double> v, Func<int, int, double>? j)
    {
        double a = Left.Evaluate(v, j), b = Right.Evaluate(v, j);
        return Operator switch { '+' => a + b, '-' => a - b, '*' => a * b, '/' => a / b, _ => Math.Pow(a, b) };
    }
}

/// <summary>A function call: ln, log (= ln), exp, sqrt, sin, cos, arcsin with one argument, or J with two integer arguments.</summary>
public sealed record CallExpression(string Function, IReadOnlyList<Expression> Arguments) : Expression
{
    internal override int Precedence => 9;
    /// <inheritdoc/>
    public override string ToString() => Function + "(" + string.Join(",", Arguments.Select(a => a.ToString())) + ")";
    /// <inheritdoc/>
    public bool Equals(CallExpression? other) =>
        other is not null && Function == other.Function && Arguments.SequenceEqual(other.Arguments);
    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Function, Arguments.Count);

    /// <inheritdoc/>
    public override double Evaluate(IReadOnlyDictionary<string, double> v, Func<int, int, double>? j)
    {
        if (Function == "J")
        {
            if (j is null) throw new ArgumentException("J(a,b) needs a J evaluator.", nameof(j));
            return j(JIndex(0), JIndex(1));
        }
        double x = Arguments[0].Evaluate(v, j);
        return Function switch
        {
            "ln" or "log" => Math.Log(x),
            "exp" => Math.Exp(x),
            "sqrt" => Math.Sqrt(x),
            "sin" => Math.Sin(x),
            "cos" => Math.Cos(x),
            "arcsin" => Math.Asin(x),
            _ => throw new ArgumentException($"Unknown function '{Function}'.", nameof(Function)),
        };
    }

    /// <summary>The integer index a or b of J(a,b).</summary>
    public int JIndex(int i) =>
        Arguments[i] is NumberExpression { Value.IsInteger: true } n && n.Value.Sign >= 0 && n.Value.Numerator <= 1000
            ? (int)n.Value.Numerator
            : throw new ArgumentException($"J's arguments must be integers in [0, 1000]; got '{Arguments[i]}'.", "J");

    internal static string Format(double x) => x.ToString("R", CultureInfo.InvariantCulture);
}
