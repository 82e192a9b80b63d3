namespace Degeneracy.Cli.Tests;

public sealed class TableCommandTests
{
    [Fact]
    public void Table_SmallMonteCarlo_ListsAll25AndSpearman()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = Program.Run(["table", "--samples", "200", "--seed", "4"], stdout, stderr);
        Assert.Equal(0, code);
        string text = stdout.ToString();
        Assert.Contains("Spearman", text);
        var lines = text.Split('\n');
        Assert.Contains(lines, l => l.TrimStart().StartsWith("25 ", StringComparison.Ordinal) && l.Contains("75x14"));
        Assert.Contains(lines, l => l.StartsWith("MC ", StringComparison.Ordinal) || l.TrimStart().StartsWith("MC ", StringComparison.Ordinal));
    }

    [Fact]
    public void Table_BadSamples_ExitTwo()
    {
        var stderr = new StringWriter();
        Assert.Equal(2, Program.Run(["table", "--samples", "0"], new StringWriter(), stderr));
        Assert.StartsWith("error: ", stderr.ToString());
    }
}
