using Degeneracy.TestSupport.Properties;
using Degeneracy.Symbolic;
using FsCheck;
using FsCheck.Fluent;

namespace Degeneracy.Symbolic.Tests;

public class ExpressionParserTests
{
    private static readonly Dictionary<string, double> Vars = new() { ["theta"] = 0.7, ["n"] = 13 };

    private static Gen<Expression> Expr(int size) =>
        size <= 0
            ? Gen.OneOf(
                Gen.Choose(0, 40).Select(k => (Expression)new NumberExpression(k)),
                Gen.Choose(1, 9).Select(k => (Expression)new NumberExpression(new Rational(k, 7))),
                Gen.Elements<Expression>(new SymbolExpression("pi"), new SymbolExpression("theta"), new SymbolExpression("n")))
            : Gen.OneOf(
                Expr(0),
                from op in Gen.Elements('+', '-', '*', '/')
                from l in Expr(size / 2)
                from r in Expr(size / 2)
                select (Expression)new BinaryExpression(op, l, r),
                from e in Expr(size - 1) select (Expression)new NegateExpression(e),
                from e in Expr(size / 2) from k in Gen.Choose(0, 3) select (Expression)new BinaryExpression('^', e, new NumberExpression(k)),
                from f in Gen.Elements("exp", "sin", "cos", "ln", "sqrt")
                from e in Expr(size / 2)
                select (Expression)new CallExpression(f, [e]));

    [Fact]
    public void PrintThenParse_GivesSameValue() =>
        PropertyCheck.Run(Prop.ForAll(Gen.Sized(s => Expr(Math.Min(s, 12))).ToArbitrary(), e =>
        {
            var back = ExpressionParser.Parse(e.ToString());
            double x = e.Evaluate(Vars), y = back.Evaluate(Vars);
            return x.Equals(y) || Math.Abs(x - y) <= 1e-12 * Math.Max(1, Math.Abs(x));
        }));

    [Fact]
    public void GarbageStrings_GiveParseErrorWithPosition_OrParse() =>
        PropertyCheck.Run(Prop.ForAll(Gen.ArrayOf(Gen.Elements("(", ")", "+", "-", "*", "/", "^", "1", "2.5", "pi", "theta", "n", "J", ",", "x", "ln", " ", "e", ".", "@", "#", "3e")).Select(a => string.Concat(a)).ToArbitrary(), s =>
        {
            try { ExpressionParser.Parse(s); return true; }
            catch (ExpressionParseException e) { return e.Position >= 0 && e.Position <= s.Length && e.Message.Contains("position"); }
        }));

    [Fact]
    public void RandomUnicodeStrings_NeverThrowAnythingButParseErrors() =>
        PropertyCheck.Run(Prop.ForAll<string>(s =>
        {
            if (s is null) return true;
            try { ExpressionParser.Parse(s); return true; }
            catch (ExpressionParseException) { return true; }
        }));

    [Theory]
    [InlineData("1 +", 3)]
    [InlineData("sin(theta", 9)]
    [InlineData("2*foo", 2)]
    [InlineData(")", 0)]
    [InlineData("J(1.5,2)", 0)]
    public void Parse_Malformed_ReportsPosition(string text, int position)
    {
        var e = Assert.Throws<ExpressionParseException>(() => ExpressionParser.Parse(text));
        Assert.Equal(position, e.Position);
    }

    [Fact]
    public void Parse_PowerBindsTighterThanUnaryMinus() =>
        Assert.Equal(-4.0, ExpressionParser.Parse("-2^2").Evaluate(Vars));

    [Fact]
    public void Parse_DecimalsAreExact() =>
        Assert.Equal(new Rational(1, 10), ((NumberExpression)ExpressionParser.Parse("0.1")).Value);
}
