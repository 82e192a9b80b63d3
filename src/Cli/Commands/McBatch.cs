using System.CommandLine;
using System.Globalization;
using System.Text;
using Degeneracy.Cli.Json;
using Degeneracy.JFunctions;
using Degeneracy.Verify.Batches;
using Degeneracy.Verify.MonteCarlo;

namespace Degeneracy.Cli.Commands;

/// <summary>
/// The batch mode of <c>mc</c>: <c>degeneracy mc --batch SPEC --widths W --samples S [--activation A] [--sigma-w2 V]
/// [--sigma-b2 V] [--weights gaussian|orthogonal] [--backend chain|network] [--input-dim D] [--labels Y.csv]
/// [--tolerance T] [--predict] [--format json|text|csv] [--shard i/N] [--threads P] [--out FILE]</c>: m inputs through
/// the Gram chain (docs/BATCHES.md), per-layer effective dimensions, pairwise angles and CDNV.
/// </summary>
internal sealed class McBatch
{
    public Option<string?> Batch { get; } = new("--batch")
    {
        Description = "batch of m inputs: FILE.csv (one input per row), gram:FILE.csv (an m×m Gram matrix), random:M (on the sphere), "
                      + "orthogonal:M, or clusters:K:M[:ANGLE] (K classes at angle ANGLE from their centres, default 0.5)",
    };
    public Option<double> SigmaW2 { get; } = new("--sigma-w2") { Description = "weight variance σ_w² ∈ (0, 1e6] (batch only; default 2)", DefaultValueFactory = _ => 2, CustomParser = r => InvariantNumber.ParseReal(r) };
    public Option<double> SigmaB2 { get; } = new("--sigma-b2") { Description = "bias variance σ_b² ∈ [0, 1e6] (batch only; default 0)", DefaultValueFactory = _ => 0, CustomParser = r => InvariantNumber.ParseReal(r) };
    public Option<string> Weights { get; } = new("--weights") { Description = "gaussian or orthogonal (Haar; needs --backend network)", DefaultValueFactory = _ => "gaussian" };
    public Option<string?> Labels { get; } = new("--labels") { Description = "class label of each input, one per line (CDNV)" };
    public Option<double> Tolerance { get; } = new("--tolerance") { Description = "relative tolerance τ of the numerical rank, λ > τ·λ_max (default 1e-3)", DefaultValueFactory = _ => BatchConfiguration.DefaultTolerance, CustomParser = r => InvariantNumber.ParseReal(r) };
    public Option<bool> Predict { get; } = new("--predict") { Description = "add the infinite-width (and, for ReLU without bias, finite-width) predictions" };
    public Option<string> Format { get; } = CommonOptions.Format("json", "text", "csv");

    /// <summary>The batch-only options (rejected without --batch when given).</summary>
    public IEnumerable<Option> Options => [Batch, SigmaW2, SigmaB2, Weights, Labels, Tolerance, Predict, Format];

    /// <summary>Runs the batch Monte Carlo described by the parse result and writes it.</summary>
    public int Run(CliContext ctx, ParseResult parse, IReadOnlyList<int> widths, long samples, ulong seed, string backendName,
        int? inputDimension, ShardSpec? shard, int? threads, string? outputPath, Activation activation,
        Func<Func<BatchResult>, SamplingProgress, BatchResult> execute)
    {
        string spec = parse.GetValue(Batch)!;
        OptionCheck.That(backendName is "chain" or "network", $"--backend: the batch Monte Carlo runs on chain or network, not '{backendName}'.");
        var weights = OptionCheck.OneOf("--weights", parse.GetValue(Weights)!, ["gaussian", "orthogonal"]) == "orthogonal" ? WeightLaw.Orthogonal : WeightLaw.Gaussian;
        var inputs = Inputs(spec, inputDimension, seed);
        if (parse.GetValue(Labels) is { } labelsFile)
            inputs = BadInputException.Check("--labels", () => inputs.WithLabels(CsvMatrix.ParseLabels(ReadText(labelsFile)), labelsFile));
        var configuration = BadInputException.Check("--batch", () => new BatchConfiguration(widths, inputs, samples, seed, activation,
            parse.GetValue(SigmaW2), parse.GetValue(SigmaB2), weights, backendName == "network" ? BatchBackend.Network : BatchBackend.GramChain,
            parse.GetValue(Tolerance)));
        var progress = new SamplingProgress();
        var options = new MonteCarloRunOptions { Threads = threads, Shard = shard ?? ShardSpec.Whole, Progress = progress };
        var result = execute(() => BatchSampler.Run(configuration, options), progress);

        var predictions = new Dictionary<string, IReadOnlyList<GramLayerPrediction>>();
        if (parse.GetValue(Predict))
        {
            predictions["infinite"] = GramPrediction.InfiniteWidth(configuration);
            if (activation.IsRelu && configuration.BiasVariance == 0 && widths.All(n => n >= 2))
                predictions["finite"] = GramPrediction.FiniteWidth(configuration);
        }
        string text = parse.GetValue(Format) switch
        {
            "text" => Text(result, configuration, predictions),
            "csv" => Csv(result, predictions),
            _ => BatchJson.Write(result, predictions.Count > 0 ? predictions : null),
        };
        AtomicFile.WriteTextOrPrint(outputPath, text, ctx.Out);
        return CliRunner.Ok;
    }

    /// <summary>The inputs of a --batch spec; files are read here, parsed by the library (errors name file, line, column).</summary>
    public static BatchInputs Inputs(string spec, int? inputDimension, ulong seed)
    {
        var parts = spec.Split(':');
        int Count(string text, string what) => InvariantNumber.TryInteger(text, out long v) && v is >= 2 and <= BatchInputs.MaxBatch ? (int)v
            : throw new BadInputException($"--batch: {what} '{text}' must be an integer in [2, {BatchInputs.MaxBatch}].");
        switch (parts[0])
        {
            case "random" when parts.Length == 2:
            {
                int m = Count(parts[1], "m");
                return BadInputException.Check("--batch", () => BatchInputs.Random(m, inputDimension ?? Math.Max(m, 2), seed));
            }
            case "orthogonal" when parts.Length == 2:
            {
                int m = Count(parts[1], "m");
                return BadInputException.Check("--batch", () => BatchInputs.Orthogonal(m, inputDimension ?? m));
            }
            case "clusters" when parts.Length is 3 or 4:
            {
                int k = Count(parts[1], "the number of clusters k"), m = Count(parts[2], "m");
                double angle = 0.5;
                if (parts.Length == 4 && !InvariantNumber.TryReal(parts[3], out angle))
                    throw new BadInputException($"--batch: the within-cluster angle '{parts[3]}' is not a number.");
                return BadInputException.Check("--batch", () => BatchInputs.Clusters(m, k, angle, inputDimension ?? Math.Max(m, k + 1), seed));
            }
            case "gram" when parts.Length >= 2:
            {
                OptionCheck.That(inputDimension is null, "--input-dim does not apply to a Gram matrix (its factor has dimension m).");
                string file = spec["gram:".Length..];
                return BadInputException.Check("--batch", () => BatchInputs.FromGram(CsvMatrix.Parse(ReadText(file), file), file));
            }
            case "random" or "orthogonal" or "clusters":
                throw new BadInputException($"--batch: '{spec}' must be random:M, orthogonal:M or clusters:K:M[:ANGLE].");
            default:
                OptionCheck.That(inputDimension is null, "--input-dim does not apply to inputs read from a file.");
                return BadInputException.Check("--batch", () => BatchInputs.FromVectors(CsvMatrix.Parse(ReadText(spec), spec), spec));
        }
    }

    /// <summary>A user file's text; a missing or unreadable file is bad input.</summary>
    public static string ReadText(string file)
    {
        try { return File.ReadAllText(file); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new BadInputException($"{file}: cannot read ({BadInputException.Plain(e)}).", e);
        }
    }

    private static string G(double x) => double.IsFinite(x) ? x.ToString("G6", CultureInfo.InvariantCulture) : "-";

    private static readonly BatchObservable[] Shown =
        [BatchObservable.ParticipationRatio, BatchObservable.EntropyRank, BatchObservable.NumericalRank, BatchObservable.Rank,
         BatchObservable.LnSin2Mean, BatchObservable.CollapsedPairs, BatchObservable.Cdnv];

    private static string Text(BatchResult result, BatchConfiguration configuration, IReadOnlyDictionary<string, IReadOnlyList<GramLayerPrediction>> predictions)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"batch Monte Carlo: m = {configuration.BatchSize} inputs ({configuration.Inputs.Description}, d = {configuration.Inputs.Dimension}), "
                      + $"{configuration.Activation.Name}, σ_w² = {G(configuration.WeightVariance)}, σ_b² = {G(configuration.BiasVariance)}, "
                      + $"{configuration.Weights.ToString().ToLowerInvariant()} weights, {(configuration.Backend == BatchBackend.Network ? "network" : "chain")}, "
                      + $"{result.Samples} samples, seed {configuration.Seed}, numerical-rank τ = {G(configuration.Tolerance)}");
        var shown = Shown.Where(o => o != BatchObservable.Cdnv || configuration.Inputs.Labels is not null).ToArray();
        sb.AppendLine("layer  width  " + string.Join("  ", shown.Select(o => BatchObservables.Name(o).PadLeft(20))));
        for (int l = 1; l <= result.Layout.Depth; l++)
        {
            sb.Append($"{l,5}  {result.Layout.Widths[l - 1],5}  ");
            sb.AppendLine(string.Join("  ", shown.Select(o => { var s = result.Statistic(l, o); return $"{G(s.Mean)} ± {G(s.StdError)}".PadLeft(20); })));
            foreach (var (name, layers) in predictions)
                sb.AppendLine($"{name,12}  " + string.Join("  ", shown.Select(o => (o == BatchObservable.CollapsedPairs ? "" : G(layers[l - 1][o])).PadLeft(20))));
        }
        return sb.ToString();
    }

    private static string Csv(BatchResult result, IReadOnlyDictionary<string, IReadOnlyList<GramLayerPrediction>> predictions)
    {
        var sb = new StringBuilder("layer,width,observable,count,mean,se,sd" + string.Concat(predictions.Keys.Select(k => "," + k)) + "\n");
        for (int l = 1; l <= result.Layout.Depth; l++)
            foreach (var o in BatchObservables.All)
            {
                var s = result.Statistic(l, o);
                sb.Append(string.Join(',', l, result.Layout.Widths[l - 1], BatchObservables.Name(o), s.Count, R(s.Mean), R(s.StdError), R(Math.Sqrt(s.Variance))));
                foreach (var layers in predictions.Values) sb.Append(',').Append(o == BatchObservable.CollapsedPairs ? "" : R(layers[l - 1][o]));
                sb.Append('\n');
            }
        return sb.ToString();
    }

    private static string R(double x) => double.IsFinite(x) ? x.ToString("R", CultureInfo.InvariantCulture) : "";
}
