using System.Globalization;
using System.Text.Json;
using static Degeneracy.Cli.Tests.CliHarness;

namespace Degeneracy.Cli.Tests;

/// <summary>`mu` means μ itself and `drift` means μ − ln sin²θ, in every command that names a quantity.</summary>
public sealed class QuantityNameTests
{
    private static double Value(string json) => JsonDocument.Parse(json).RootElement.GetProperty("values")[0].GetProperty("value").GetDouble();

    [Theory]
    [InlineData(1e-200)]
    [InlineData(1e-300)]
    [InlineData(4.9406564584124654e-324)] // the smallest positive double
    public void EvalMu_BelowSinSquaredUnderflow_IsTwoLnThetaPlusDrift(double theta)
    {
        // sin θ = θ to double precision here, so μ = 2 ln θ + drift(θ) with drift(θ) = drift(0) = −ρ(n) to ~θ.
        string t = theta.ToString("R", CultureInfo.InvariantCulture);
        double mu = Value(Run("eval", "--quantity", "mu", "--theta", t, "--n", "64", "--format", "json").Out);
        double drift = Value(Run("eval", "--quantity", "drift", "--theta", "0", "--n", "64", "--format", "json").Out);
        double expected = 2 * Math.Log(theta) + drift;
        Assert.True(double.IsFinite(mu), $"mu({t}) = {mu}");
        Assert.Equal(expected, mu, Math.Abs(expected) * 1e-15);
    }

    [Fact]
    public void DeriveMu_IsTheDriftSeriesWithLnSin2()
    {
        var drift = Run("derive", "--quantity", "drift", "--theta-order", "2", "--format", "json");
        var mu = Run("derive", "--quantity", "mu", "--theta-order", "2", "--format", "json");
        Assert.Equal(0, drift.Code);
        Assert.Equal(0, mu.Code);
        var d = JsonDocument.Parse(drift.Out).RootElement;
        var m = JsonDocument.Parse(mu.Out).RootElement;
        Assert.Equal("drift", d.GetProperty("quantity").GetString());
        Assert.Equal("mu", m.GetProperty("quantity").GetString());
        Assert.Equal(d.GetProperty("terms").GetRawText(), m.GetProperty("terms").GetRawText());
        Assert.StartsWith("mu = ln sin^2(theta) + (the drift below)", Run("derive", "--quantity", "mu", "--theta-order", "2").Out);
    }

    [Fact]
    public void CheckDrift_TakesADriftFormula_CheckMu_TakesAMuFormula()
    {
        const string rhoDrift = "-(ln((n+5)/(n-1)) - 10*n/(n+5)^2 + 6*n/(n-1)^2)";
        Assert.Equal(0, Run("check", "--quantity", "drift", "--formula", rhoDrift, "--theta-order", "0", "--n-order", "1").Code);
        Assert.Equal(0, Run("check", "--quantity", "mu", "--formula", "ln(sin(theta)^2) + " + rhoDrift, "--theta-order", "0", "--n-order", "1").Code);
        Assert.Equal(1, Run("check", "--quantity", "drift", "--formula", "ln(sin(theta)^2) + " + rhoDrift, "--theta-order", "0", "--n-order", "1").Code);
    }
}
