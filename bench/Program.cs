using BenchmarkDotNet.Running;

namespace Degeneracy.Bench;

/// <summary>Entry point: <c>dotnet run -c Release --project bench -- --filter '*JFunction*' --job short</c>.</summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
