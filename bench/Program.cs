using BenchmarkDotNet.Running;

namespace Degeneracy.Bench;

/// <summary>
/// Entry point: <c>dotnet run -c Release --project bench -- --filter '*JFunction*' --job short</c>.
/// <c>-- expand-published</c> instead runs <see cref="PublishedExpansion"/> once (cold and warm timings plus the
/// coefficients, for <c>bench/sympy_compare.py</c>; add <c>--cold-only</c> to skip the warm repeats).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "expand-published") return PublishedExpansion.Run(args.Contains("--cold-only"));
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
