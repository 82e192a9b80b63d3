using static Degeneracy.Cli.Tests.CliHarness;
using Degeneracy.Series.CodeGen;

namespace Degeneracy.Cli.Tests;

public class CodegenCommandTests
{

    [Fact]
    public void Codegen_WritesGeneratorOutput_ToOutFolder()
    {
        string dir = Path.Combine(Path.GetTempPath(), "degeneracy-codegen-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (code, stdout, stderr) = Run("codegen", "--out", dir, "--theta-order", "10", "--n-order", "1", "--namespace", "My.Laws", "--class", "Law10");
            Assert.Equal(0, code);
            Assert.Equal("", stderr);
            string path = Path.Combine(dir, "Law10.cs");
            Assert.Contains(path, stdout);
            Assert.Equal(EvaluatorGenerator.Generate(new EvaluatorSpec(10, 1, "My.Laws", "Law10")), File.ReadAllText(path));
            Assert.Single(Directory.GetFiles(dir)); // no temporary file left behind
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
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
        string dir = Path.Combine(Path.GetTempPath(), "degeneracy-codegen-" + Guid.NewGuid().ToString("N"));
        var (code, stdout, stderr) = Run("codegen", "--out", dir, option, value);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Single(stderr.TrimEnd('\n', '\r').Split('\n'));
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public void Codegen_MissingOut_ExitsTwo()
    {
        var (code, _, stderr) = Run("codegen", "--theta-order", "10");
        Assert.Equal(2, code);
        Assert.Single(stderr.TrimEnd('\n', '\r').Split('\n'));
    }
}
