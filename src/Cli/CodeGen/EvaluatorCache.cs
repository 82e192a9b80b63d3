using System.Security.Cryptography;
using System.Text;
using Degeneracy.JFunctions;
using Degeneracy.Series.CodeGen;
using Degeneracy.Series.Evaluation;

namespace Degeneracy.Cli.CodeGen;

/// <summary>
/// Evaluators for n-orders above the checked-in ones (LayerLawOrder0 … 5), and for activations other than ReLU from
/// n-order <see cref="ActivationFromOrder"/>: generated (closed forms in J's, then C#),
/// compiled with Roslyn and cached on disk, so that only the first call at an order pays for the derivation.
/// Layout of the cache folder (<see cref="Folder"/>): <c>spec-KEY.txt</c> holds the SHA-256 of the generated source for
/// one (spec, activation, library build) KEY; <c>SOURCEHASH.dll</c> is the compiled evaluator, <c>SOURCEHASH.sha256</c> the hash of
/// its bytes. Every file is written atomically; an entry that is missing, unreadable, fails its hash or does not bind is
/// rebuilt (never fatal).
/// </summary>
internal static class EvaluatorCache
{
    /// <summary>The θ-order of cached evaluators' small-angle series (that of the checked-in ones).</summary>
    public const int ThetaOrder = 24;

    /// <summary>
    /// The cache folder: $DEGENERACY_CACHE_DIR when set, else $XDG_CACHE_HOME/degeneracy/evaluators, else
    /// ~/.cache/degeneracy/evaluators.
    /// </summary>
    public static string Folder
    {
        get
        {
            var dir = Environment.GetEnvironmentVariable("DEGENERACY_CACHE_DIR");
            if (!string.IsNullOrWhiteSpace(dir)) return dir;
            var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            var root = !string.IsNullOrWhiteSpace(xdg) ? xdg : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
            return Path.Combine(root, "degeneracy", "evaluators");
        }
    }

    /// <summary>What the last <see cref="Get(CliContext, int, Activation)"/> did: "checked-in", "cache hit", "generated" or "rebuilt (…)".</summary>
    public static string LastOutcome { get; private set; } = "";

    /// <summary>Makes <see cref="LayerLaws.Series(int)"/> and <see cref="LayerLaws.Series(int, Activation)"/> use this cache
    /// above n-order 5 (progress shown on ctx's terminal).</summary>
    public static void Install(CliContext ctx)
    {
        LayerLaws.HigherOrderSource = k => Get(ctx, k);
        LayerLaws.ActivationHigherOrderSource = (k, act) => Get(ctx, k, act);
        LayerLaws.ActivationSourceFromOrder = ActivationFromOrder;
    }

    /// <summary>Lowest n-order from which laws of activations other than ReLU come from this cache (below it they are
    /// tabulated in-process in about a second; from here on tabulating costs 4–25 s per process).</summary>
    public const int ActivationFromOrder = 3;

    /// <summary>True when the law at this n-order and activation comes from this cache (ReLU above n-order 5; other
    /// activations from <see cref="ActivationFromOrder"/>).</summary>
    public static bool Serves(int nOrder, Activation? activation) =>
        nOrder > LayerLaws.CheckedInMaxOrder || (activation is { IsRelu: false } && nOrder >= ActivationFromOrder);

    /// <summary>The spec of the cached evaluator at n-order <paramref name="nOrder"/> for φ_s (default ReLU).</summary>
    public static EvaluatorSpec Spec(int nOrder, Activation? activation = null) =>
        new(ThetaOrder, nOrder, EvaluatorSpec.DefaultNamespace, $"LayerLawOrder{nOrder}") { Activation = activation ?? Activation.Relu };

    /// <summary>True when a readable, hash-checked entry exists for n-order <paramref name="nOrder"/> (no generation).</summary>
    public static bool Has(int nOrder, Activation? activation = null) => TryLoad(Spec(nOrder, activation), Folder, out _, out _);

    /// <summary>The evaluator at n-order <paramref name="nOrder"/> for φ_s (default ReLU): from the cache, else
    /// generated, compiled and stored.</summary>
    public static GeneratedLaw Get(CliContext ctx, int nOrder, Activation? activation = null) => Get(ctx, Spec(nOrder, activation), Folder);

    /// <summary>The evaluator for <paramref name="spec"/> from the cache in <paramref name="folder"/>, else generated, compiled and stored there.</summary>
    internal static GeneratedLaw Get(CliContext ctx, EvaluatorSpec spec, string folder)
    {
        if (TryLoad(spec, folder, out var law, out var why)) { LastOutcome = "cache hit"; return law!; }
        string of = spec.Activation.IsRelu ? "" : $" of {spec.Activation.Name}";
        var source = ProgressDisplay.Run(ctx, $"generating the n-order {spec.NOrder} evaluator{of} (closed forms in J's, first call only)",
            _ => EvaluatorGenerator.Generate(spec));
        var image = EvaluatorCompiler.CompileToImage(source, spec);
        law = EvaluatorCompiler.Load(image, spec);
        try { Store(spec, folder, source, image); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { why = $"not stored: {e.Message}"; }
        LastOutcome = why is null ? "generated" : $"generated ({why})";
        return law;
    }

    private static string SpecKey(EvaluatorSpec spec)
    {
        var build = typeof(EvaluatorGenerator).Assembly.ManifestModule.ModuleVersionId;
        return Hash(Encoding.UTF8.GetBytes($"v2|{spec.ThetaOrder}|{spec.NOrder}|{spec.Namespace}|{spec.ClassName}|{spec.Activation.Name}|{build}"));
    }

    private static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static bool TryLoad(EvaluatorSpec spec, string folder, out GeneratedLaw? law, out string? why)
    {
        law = null; why = null;
        string index = Path.Combine(folder, $"spec-{SpecKey(spec)}.txt");
        if (!File.Exists(index)) { why = null; return false; }
        try
        {
            string sourceHash = File.ReadAllText(index).Trim();
            if (sourceHash.Length != 64 || !sourceHash.All(char.IsAsciiHexDigitLower)) { why = "rebuilt: corrupt index"; return false; }
            string dll = Path.Combine(folder, sourceHash + ".dll"), sum = Path.Combine(folder, sourceHash + ".sha256");
            var image = File.ReadAllBytes(dll);
            if (File.ReadAllText(sum).Trim() != Hash(image)) { why = "rebuilt: corrupt assembly"; return false; }
            law = EvaluatorCompiler.Load(image, spec);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or BadImageFormatException or InvalidOperationException)
        {
            why = "rebuilt: " + e.GetType().Name;
            return false;
        }
    }

    private static void Store(EvaluatorSpec spec, string folder, string source, byte[] image)
    {
        Directory.CreateDirectory(folder);
        string sourceHash = Hash(Encoding.UTF8.GetBytes(source));
        AtomicFile.Write(Path.Combine(folder, sourceHash + ".dll"), temp => File.WriteAllBytes(temp, image));
        AtomicFile.WriteText(Path.Combine(folder, sourceHash + ".sha256"), Hash(image));
        AtomicFile.WriteText(Path.Combine(folder, $"spec-{SpecKey(spec)}.txt"), sourceHash);
    }
}
