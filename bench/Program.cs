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
        if (args.Length > 0 && args[0] == "expand-published")
        {
            int i = Array.IndexOf(args, "--theta-order");
            int order = PublishedExpansion.ThetaOrder;
            if (i >= 0 && (i + 1 >= args.Length
                           || !int.TryParse(args[i + 1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out order)
                           || order > 64))
            {
                Console.Error.WriteLine("expand-published: --theta-order must be an integer in [0, 64]");
                return 2;
            }
            return PublishedExpansion.Run(args.Contains("--cold-only"), order);
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
