using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Degeneracy.Series.CodeGen;

namespace Degeneracy.Cli.CodeGen;

/// <summary>
/// Compiles generated evaluator source in-process with Roslyn (optimised, into a collectible load context) and returns
/// its methods as delegates: `codegen`'s check that what it writes compiles and runs. The libraries never compile at run
/// time (every 1/n order they offer is checked in under src/Series/Evaluation/Generated).
/// </summary>
internal static class EvaluatorCompiler
{
    /// <summary>Generates and compiles the evaluator for <paramref name="spec"/>.</summary>
    public static GeneratedLaw Build(EvaluatorSpec spec) => Compile(EvaluatorGenerator.Generate(spec), spec);

    /// <summary>
    /// Compiles <paramref name="source"/> (as emitted by <see cref="EvaluatorGenerator"/> for <paramref name="spec"/>)
    /// and binds Mu, Drift, Sigma2 and Rho of <c>spec.Namespace.spec.ClassName</c>. Throws
    /// <see cref="InvalidOperationException"/> with the first diagnostics when it does not compile.
    /// </summary>
    public static GeneratedLaw Compile(string source, EvaluatorSpec spec) => Load(CompileToImage(source, spec), spec);

    /// <summary>Compiles <paramref name="source"/> to an assembly image (PE bytes); throws <see cref="InvalidOperationException"/> when it does not compile.</summary>
    public static byte[] CompileToImage(string source, EvaluatorSpec spec)
    {
        ArgumentNullException.ThrowIfNull(source);
        spec.Validate();
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest));
        var compilation = CSharpCompilation.Create(
            "Degeneracy.Generated." + spec.ClassName + "." + Guid.NewGuid().ToString("N"),
            [tree], References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release,
                nullableContextOptions: NullableContextOptions.Enable));
        using var pe = new MemoryStream();
        var result = compilation.Emit(pe);
        if (!result.Success)
        {
            var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(5).Select(d => d.ToString());
            throw new InvalidOperationException("generated evaluator does not compile: " + string.Join("; ", errors));
        }
        return pe.ToArray();
    }

    /// <summary>
    /// Loads an assembly image (into a collectible context) and binds Mu, Drift, Sigma2 and Rho of
    /// <c>spec.Namespace.spec.ClassName</c>; throws <see cref="BadImageFormatException"/> or <see cref="InvalidOperationException"/>
    /// when the image is not such an evaluator.
    /// </summary>
    public static GeneratedLaw Load(byte[] image, EvaluatorSpec spec)
    {
        var context = new AssemblyLoadContext(spec.ClassName, isCollectible: true);
        using var pe = new MemoryStream(image, writable: false);
        var assembly = context.LoadFromStream(pe);
        var type = assembly.GetType(spec.Namespace + "." + spec.ClassName)
                   ?? throw new InvalidOperationException($"compiled assembly lacks {spec.Namespace}.{spec.ClassName}.");
        Func<double, double, double> Two(string name) => (type.GetMethod(name, BindingFlags.Public | BindingFlags.Static, [typeof(double), typeof(double)])
            ?? throw new InvalidOperationException($"compiled assembly lacks {name}.")).CreateDelegate<Func<double, double, double>>();
        var rho = (type.GetMethod("Rho", BindingFlags.Public | BindingFlags.Static, [typeof(double)])
            ?? throw new InvalidOperationException("compiled assembly lacks Rho.")).CreateDelegate<Func<double, double>>();
        return new GeneratedLaw(spec.ThetaOrder, spec.NOrder, Two("Mu"), Two("Drift"), Two("Sigma2"), rho);
    }

    private static readonly Lazy<MetadataReference[]> References = new(() =>
    {
        var tpa = (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "").Split(Path.PathSeparator);
        string[] wanted = ["System.Runtime.dll", "System.Private.CoreLib.dll", "netstandard.dll", "System.Runtime.Intrinsics.dll", "System.Memory.dll"];
        return tpa.Where(p => wanted.Contains(Path.GetFileName(p), StringComparer.OrdinalIgnoreCase))
            .OrderBy(p => Path.GetFileName(p), StringComparer.Ordinal)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToArray();
    });
}
