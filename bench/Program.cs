using BenchmarkDotNet.Running;

namespace Degeneracy.Bench;

/// <summary>
/// Entry point: <c>dotnet run -c Release --project bench -- --filter '*JFunction*' --job short</c>.
/// <c>-- expand-published</c> instead runs <see cref="PublishedExpansion"/> once (cold and warm timings plus the
/// coefficients, for <c>bench/sympy_compare.py</c> and <c>bench/peers/run.sh</c>; add <c>--cold-only</c> to skip the
/// warm repeats and <c>--theta-order K</c> for an order other than 4).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "expand-published") return PublishedExpansion.CommandLine(args);
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
