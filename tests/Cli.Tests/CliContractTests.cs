using static Degeneracy.Cli.Tests.CliHarness;

namespace Degeneracy.Cli.Tests;

/// <summary>The exit-code contract (0 ok, 1 mismatch, 2 bad input, 3 internal error), strict numbers and atomic files.</summary>
public sealed class CliContractTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("degeneracy-contract-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static (int Code, string Out, string Err) RunWithFault(Exception fault, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var ctx = new CliContext(stdout, stderr) { FaultInjection = _ => throw fault };
        int code = Program.Run(args, ctx);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void InternalArgumentException_IsNotBadInput_ExitsThreeWithOneLine()
    {
        // An ArgumentOutOfRangeException from deep inside the library (e.g. a series order overrun) is a bug, not the user's fault.
        var (code, stdout, stderr) = RunWithFault(new ArgumentOutOfRangeException("order", 449, "order must be at most 448."),
            "j", "1", "1", "--theta", "1");
        Assert.Equal(CliRunner.InternalError, code);
        Assert.Equal("", stdout);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("internal error: ArgumentOutOfRangeException: order must be at most 448.", stderr);
        Assert.Contains("--verbose", stderr);
        Assert.DoesNotContain("   at ", stderr); // no stack-trace frames
    }

    [Theory]
    [InlineData(typeof(IOException))]
    [InlineData(typeof(InvalidOperationException))]
    [InlineData(typeof(FormatException))]
    public void AnyUnexpectedException_ExitsThree(Type type)
    {
        var (code, _, stderr) = RunWithFault((Exception)Activator.CreateInstance(type, "broken internal state")!, "rho", "--n", "4");
        Assert.Equal(CliRunner.InternalError, code);
        Assert.StartsWith("internal error: " + type.Name, stderr);
    }

    [Fact]
    public void InternalError_WithVerbose_PrintsStackTrace()
    {
        var (code, _, stderr) = RunWithFault(new InvalidOperationException("broken internal state"), "rho", "--n", "4", "--verbose");
        Assert.Equal(CliRunner.InternalError, code);
        Assert.Contains("stack trace follows", stderr);
        Assert.Contains("   at ", stderr);
        Assert.Contains(nameof(RunWithFault), stderr); // the frame that threw
    }

    [Theory]
    [InlineData("predict", "--widths", "16x2", "--theta0", "0,1")]
    [InlineData("eval", "--quantity", "mu", "--theta", "0,3", "--n", "100")]
    [InlineData("eval", "--quantity", "mu", "--theta", "0.3", "--n", "1,000")]
    [InlineData("mc", "--widths", "4", "--theta0", "0.5", "--samples", "1,000")]
    [InlineData("rho", "--n", "1,000")]
    [InlineData("j", "1", "1", "--theta", "1,5")]
    [InlineData("predict", "--widths", "16x2", "--theta0", "1e")]
    [InlineData("predict", "--widths", "16x2", "--theta0", " 0.1x")]
    public void GroupSeparatorsAndStrayText_AreBadInput(params string[] args)
    {
        // Before strict parsing, "0,1" was read as 1 and "1,000" as 1000 (a comma taken for a thousands separator).
        var (code, stdout, stderr) = Run(args);
        Assert.Equal(CliRunner.BadInput, code);
        Assert.Equal("", stdout);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("error:", stderr);
    }

    [Fact]
    public void DecimalPointAndExponent_Parse()
    {
        var (code, stdout, _) = Run("eval", "--quantity", "drift", "--theta", "1e-1", "--theta", "-0", "--n", "1E3", "--format", "csv");
        Assert.Equal(0, code);
        Assert.StartsWith("theta,n,drift\n0.1,1000,", stdout);
    }

    [Fact]
    public void Mc_UnwritableOut_FailsBeforeSampling()
    {
        // 2^40 samples would run for hours: exit 2 here means the path was checked before the work started.
        string target = OperatingSystem.IsWindows() ? @"C:\Windows\System32\degeneracy-x.json" : "/proc/degeneracy-x.json";
        var (code, stdout, stderr) = Run("mc", "--widths", "256x32", "--theta0", "0.1", "--samples", "1099511627776", "--out", target);
        Assert.Equal(CliRunner.BadInput, code);
        Assert.Equal("", stdout);
        Assert.StartsWith("error: --out", stderr);
    }

    [Fact]
    public void AtomicFile_WriterFails_LeavesNoFileBehind()
    {
        string target = Path.Combine(_folder, "out.json");
        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(target, temp =>
        {
            File.WriteAllText(temp, "partial");
            throw new InvalidOperationException("disk full");
        }));
        Assert.Empty(Directory.GetFileSystemEntries(_folder));
    }

    [Fact]
    public void AtomicFile_Replaces_ExistingFileWhole()
    {
        string target = Path.Combine(_folder, "out.txt");
        File.WriteAllText(target, "old");
        AtomicFile.WriteText(target, "new");
        Assert.Equal("new", File.ReadAllText(target));
        Assert.Single(Directory.GetFileSystemEntries(_folder));
    }

    [Fact]
    public void DerivationDoc_LeavesOnlyTheDocument()
    {
        string target = Path.Combine(_folder, "DERIVATION.md");
        var (code, _, _) = Run("derivation-doc", "--out", target, "--theta-order", "2", "--n-order", "1");
        Assert.Equal(0, code);
        Assert.Equal([target], Directory.GetFileSystemEntries(_folder));
    }

    [Theory]
    [InlineData("derive", "--format", "csv")]
    [InlineData("eval", "--quantity", "mu", "--theta", "1", "--n", "4", "--format", "latex")]
    [InlineData("predict", "--widths", "4", "--theta0", "1", "--format", "csharp")]
    public void Format_OutsideTheCommandsSubset_IsBadInput(params string[] args)
    {
        var (code, _, stderr) = Run(args);
        Assert.Equal(CliRunner.BadInput, code);
        Assert.StartsWith("error: --format must be one of", stderr);
    }

    [Fact]
    public void DeprecatedJsonAlias_MatchesFormatJson()
    {
        var a = Run("eval", "--quantity", "drift", "--theta", "0.5", "--n", "8", "--json");
        var b = Run("eval", "--quantity", "drift", "--theta", "0.5", "--n", "8", "--format", "json");
        Assert.Equal(0, a.Code);
        Assert.Equal(b.Out, a.Out);
    }

    [Fact]
    public void ErrorMessages_CarryNoParameterSuffix()
    {
        var (code, _, stderr) = Run("predict", "--widths", "4,1", "--theta0", "1");
        Assert.Equal(CliRunner.BadInput, code);
        Assert.DoesNotContain("(Parameter", stderr);
        Assert.DoesNotContain("Actual value", stderr);
    }
}
