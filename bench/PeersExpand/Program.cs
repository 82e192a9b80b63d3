namespace Degeneracy.Bench;

/// <summary>Entry point: <c>Degeneracy.PeersExpand expand-published [--cold-only] [--theta-order K]</c> (see <see cref="PublishedExpansion"/>).</summary>
public static class Program
{
    public static int Main(string[] args) => PublishedExpansion.CommandLine(args);
}
