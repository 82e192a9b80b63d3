using Degeneracy.TestSupport.HighPrecision;
using static Degeneracy.Cli.Tests.CliHarness;
using System.Text.Json;
using Degeneracy.JFunctions;
using Degeneracy.Symbolic;
using Degeneracy.TestSupport.Quadrature;

namespace Degeneracy.Cli.Tests;

public class JCommandTests
{

    /// <summary>Coefficient of θ^j of J_{1,1} = (sin θ + (π − θ) cos θ)/(2π), from the Taylor series of sin and cos.</summary>
    private static PiLaurent J11Coefficient(int j)
    {
        static Rational Factorial(int n) { Rational f = 1; for (int i = 2; i <= n; i++) f *= i; return f; }
        static Rational Sin(int k) => k % 2 == 1 ? (k % 4 == 1 ? 1 : -1) / Factorial(k) : Rational.Zero;
        static Rational Cos(int k) => k >= 0 && k % 2 == 0 ? (k % 4 == 0 ? 1 : -1) / Factorial(k) : Rational.Zero;
        var bracket = (PiLaurent)Sin(j) + PiLaurent.Monomial(Cos(j), 1) - (PiLaurent)Cos(j - 1);
        return bracket * PiLaurent.Monomial(Rational.Half, -1);
    }

    [Fact]
    public void Json_J11_HasExactShapeAndCorrectValuesAndSeries()
    {
        var (code, stdout, stderr) = Run("j", "1", "1", "--theta", "0.3", "--theta", "1.7", "--theta", "0", "--theta-order", "9", "--format", "json");
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        Assert.Equal(["a", "b", "closedForm", "values", "series"], root.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(1, root.GetProperty("a").GetInt32());
        Assert.Equal(1, root.GetProperty("b").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("closedForm").GetString()));

        var values = root.GetProperty("values").EnumerateArray().ToArray();
        Assert.Equal([0.3, 1.7, 0.0], values.Select(v => v.GetProperty("theta").GetDouble()).ToArray());
        foreach (var v in values)
        {
            Assert.Equal(["theta", "value", "ln"], v.EnumerateObject().Select(p => p.Name).ToArray());
            double theta = v.GetProperty("theta").GetDouble(), value = v.GetProperty("value").GetDouble();
            double quad = JQuadrature.Evaluate(1, 1, theta);
            Assert.True(Math.Abs(value - quad) <= 1e-10 * quad, $"J11({theta}) = {value}, quadrature {quad}");
            Assert.Equal(Math.Log(value), v.GetProperty("ln").GetDouble());
        }

        var series = root.GetProperty("series").EnumerateArray().ToArray();
        Assert.Equal(10, series.Length);
        for (int j = 0; j < series.Length; j++)
        {
            Assert.Equal(["power", "coefficient", "value"], series[j].EnumerateObject().Select(p => p.Name).ToArray());
            Assert.Equal(j, series[j].GetProperty("power").GetInt32());
            var exact = ExpressionParser.ParsePiLaurent(series[j].GetProperty("coefficient").GetString()!);
            Assert.Equal(J11Coefficient(j), exact);
            Assert.Equal(exact.ToDouble(), series[j].GetProperty("value").GetDouble());
        }
    }

    [Fact]
    public void Json_WithoutThetaOrSeries_HasEmptyArrays()
    {
        var (code, stdout, _) = Run("j", "2", "0", "--format", "json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal(0, doc.RootElement.GetProperty("values").GetArrayLength());
        Assert.Equal(0, doc.RootElement.GetProperty("series").GetArrayLength());
        // J_{2,0} = E[φ(G)²] = 1/2
        Assert.Equal(Rational.Half, ExpressionParser.ParsePiLaurent(doc.RootElement.GetProperty("closedForm").GetString()!));
    }

    [Fact]
    public void Text_J22_PrintsClosedFormValueAndSeries()
    {
        var (code, stdout, stderr) = Run("j", "2", "2", "--theta", "0.5", "--theta-order", "4");
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
        Assert.StartsWith("J_{2,2}(theta) = ", lines[0]);
        Assert.StartsWith("J_{2,2}(0.5) = ", lines[1]);
        double value = double.Parse(lines[1]["J_{2,2}(0.5) = ".Length..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(JFunction.Evaluate(2, 2, 0.5), value);
        // J_{2,2} = 3/2 − θ² + θ⁴/3 + O(θ⁵)
        Assert.Contains("theta^0: 3/2", stdout);
        Assert.Contains("theta^2: -1", stdout);
        Assert.Contains("theta^4: 1/3", stdout);
    }

    [Theory]
    [InlineData("latex")]
    [InlineData("csharp")]
    public void OtherFormats_Succeed(string format)
    {
        var (code, stdout, stderr) = Run("j", "3", "2", "--theta", "1", "--theta-order", "5", "--format", format);
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        Assert.Contains(format == "latex" ? "\\theta" : "Math.Cos(theta)", stdout);
    }

    [Theory]
    [InlineData("j", "-1", "2")]
    [InlineData("j", "2", "-3")]
    [InlineData("j", "201", "1")]
    [InlineData("j", "1", "201")]
    [InlineData("j", "1", "1", "--theta", "-0.1")]
    [InlineData("j", "1", "1", "--theta", "3.2")]
    [InlineData("j", "1", "1", "--theta", "NaN")]
    [InlineData("j", "1", "1", "--theta", "0.5", "--theta", "Infinity")]
    [InlineData("j", "1", "1", "--theta", "abc")]
    [InlineData("j", "1", "1", "--theta-order", "-1")]
    [InlineData("j", "1", "1", "--theta-order", "401")]
    [InlineData("j", "1", "1", "--theta-order", "1000000000000")]
    [InlineData("j", "1", "1", "--format", "xml")]
    [InlineData("j", "1")]
    [InlineData("j", "x", "1")]
    public void BadInput_ExitsWith2_AndOneErrorLine(params string[] args)
    {
        var (code, stdout, stderr) = Run(args);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.DoesNotContain("   at ", stderr);
        Assert.DoesNotContain("Exception", stderr);
    }

    /// <summary>ln(½·E|G|^m) = ln ½ + (m/2)·ln 2 + lnΓ((m+1)/2) − ½·ln π: J_{a,b}(0), independent of the J code.</summary>
    private static double LnJAtZero(int m) =>
        Math.Log(0.5) + m / 2.0 * Math.Log(2) + MathNet.Numerics.SpecialFunctions.GammaLn((m + 1) / 2.0) - 0.5 * Math.Log(Math.PI);

    private static double Ln(Degeneracy.Symbolic.Rational x) =>
        System.Numerics.BigInteger.Log(x.Numerator) - System.Numerics.BigInteger.Log(x.Denominator);

    [Theory]
    [InlineData(200, 200)] // before: an internal "order … 449" error after 20–40 s, exiting 2 as if the input were bad
    [InlineData(200, 151)] // before: "Infinity" with exit 0 after 95 s (and not valid JSON)
    [InlineData(151, 151)]
    [InlineData(200, 101)] // a + b = 301: finite, but κ overflowed and the value printed as Infinity
    public void J_LargeIndices_ValuesGivenWithTheirLogarithm_ValidJson(int a, int b)
    {
        var (code, stdout, stderr) = Run("j", $"{a}", $"{b}", "--theta", "0", "--theta", "1", "--theta", "2.5", "--format", "json");
        Assert.True(code == 0, stderr);
        using var doc = System.Text.Json.JsonDocument.Parse(stdout); // valid JSON: no bare Infinity
        var values = doc.RootElement.GetProperty("values");
        // Independent references: the half-normal moment at θ = 0 (lnΓ), the closed form in high-precision fixed point elsewhere.
        double[] expected = [LnJAtZero(a + b), Ln(JReference.Evaluate(a, b, 1)), Ln(JReference.Evaluate(a, b, 2.5))];
        for (int i = 0; i < 3; i++)
        {
            double ln = values[i].GetProperty("ln").GetDouble();
            Assert.True(Math.Abs(ln - expected[i]) <= 1e-12 * Math.Abs(expected[i]) + 1e-12, $"θ #{i}: ln J {ln:R}, reference {expected[i]:R}");
            var value = values[i].GetProperty("value");
            if (a + b <= 301) Assert.Equal(Math.Exp(expected[i]), value.GetDouble(), Math.Exp(expected[i]) * 1e-10);
            else if (expected[i] > Math.Log(double.MaxValue)) Assert.Equal(System.Text.Json.JsonValueKind.Null, value.ValueKind);
        }
        var text = Run("j", $"{a}", $"{b}", "--theta", "0");
        Assert.Equal(0, text.Code);
        if (a + b > 301) Assert.Contains("beyond the double range; ln J = ", text.Out);
    }

    [Fact]
    public void J_LargeIndices_ClosedFormAndSeriesStillExact_JsonValid()
    {
        var (code, stdout, _) = Run("j", "200", "200", "--theta-order", "2", "--format", "json");
        Assert.Equal(0, code);
        using var doc = System.Text.Json.JsonDocument.Parse(stdout); // valid JSON: no bare Infinity
        // J_{200,200}(0) = ½·E|G|^400 = ½·399!! overflows a double: the exact coefficient is kept, its value is null.
        var c0 = doc.RootElement.GetProperty("series")[0];
        Assert.Equal(System.Text.Json.JsonValueKind.Null, c0.GetProperty("value").ValueKind);
        Assert.False(string.IsNullOrEmpty(c0.GetProperty("coefficient").GetString()));
    }
}
