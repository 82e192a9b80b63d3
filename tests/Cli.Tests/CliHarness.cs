using System.Text.Json.Nodes;

namespace Degeneracy.Cli.Tests;

/// <summary>Runs the <c>degeneracy</c> command line in-process and captures its exit code, stdout and stderr.</summary>
internal static class CliHarness
{
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = Program.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>
    /// A JSON document without its top-level <c>elapsedSeconds</c> (the only field that differs between two runs of the
    /// same configuration), re-serialised compactly so that two documents compare as text.
    /// </summary>
    public static string WithoutElapsed(string json)
    {
        var node = JsonNode.Parse(json) ?? throw new ArgumentException("not a JSON document", nameof(json));
        if (node is JsonObject o) o.Remove("elapsedSeconds");
        return node.ToJsonString();
    }
}
