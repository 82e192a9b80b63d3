using static Degeneracy.Cli.Tests.CliHarness;
using Degeneracy.Series.CodeGen;

namespace Degeneracy.Cli.Tests;

public class CodegenCommandTests
{

    [Fact]
    public void Codegen_OutNamesTheFile_LikeEveryOtherCommand()
    {
        string dir = Directory.CreateTempSubdirectory("degeneracy-codegen-").FullName;
        try
        {
            string path = Path.Combine(dir, "Law10.cs");
            var (code, stdout, stderr) = Run("codegen", "--out", path, "--theta-order", "10", "--n-order", "1", "--namespace", "My.Laws", "--class", "Law10");
            Assert.Equal(0, code);
            Assert.Equal("", stderr);
            Assert.StartsWith($"wrote {path} ", stdout);
            Assert.Equal(EvaluatorGenerator.Generate(new EvaluatorSpec(10, 1, "My.Laws", "Law10")), File.ReadAllText(path));
            Assert.Single(Directory.GetFiles(dir)); // no temporary file left behind
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Codegen_WithoutOut_PrintsTheSource()
    {
        var (code, stdout, stderr) = Run("codegen", "--theta-order", "10", "--n-order", "1", "--class", "Law10");
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        Assert.Equal(EvaluatorGenerator.Generate(new EvaluatorSpec(10, 1, EvaluatorSpec.DefaultNamespace, "Law10")), stdout);
    }

    [Fact]
    public void Codegen_OutIsAFolder_ExitsTwoSuggestingAFile()
    {
        // Before: --out was a folder here and a file in every other command.
        string dir = Directory.CreateTempSubdirectory("degeneracy-codegen-").FullName;
        try
        {
            var (code, stdout, stderr) = Run("codegen", "--out", dir, "--theta-order", "10");
            Assert.Equal(2, code);
            Assert.Equal("", stdout);
            Assert.Contains("is a folder, not a file", stderr); // the message every command's --out gives
            Assert.Empty(Directory.GetFileSystemEntries(dir));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [InlineData("--theta-order", "1")]
    [InlineData("--theta-order", "99")]
    [InlineData("--n-order", "-1")]
    [InlineData("--n-order", "12")]
    [InlineData("--namespace", "1nope")]
    [InlineData("--class", "class")]
    [InlineData("--theta-order", "abc")]
    public void Codegen_BadInput_ExitsTwoWithOneLine(string option, string value)
    {
        string file = Path.Combine(Path.GetTempPath(), "degeneracy-codegen-" + Guid.NewGuid().ToString("N") + ".cs");
        var (code, stdout, stderr) = Run("codegen", "--out", file, option, value);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Single(stderr.TrimEnd('\n', '\r').Split('\n'));
        Assert.False(File.Exists(file));
    }

    [Fact]
    public void Codegen_OutInMissingFolder_ExitsTwoBeforeGenerating()
    {
        string path = Path.Combine(Path.GetTempPath(), "degeneracy-missing-" + Guid.NewGuid().ToString("N"), "Law.cs");
        var (code, stdout, stderr) = Run("codegen", "--out", path, "--theta-order", "10");
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Single(stderr.TrimEnd('\n', '\r').Split('\n'));
    }
}
