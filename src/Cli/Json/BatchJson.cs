using System.Buffers;
using System.Text;
using System.Text.Json;
using static Degeneracy.Cli.Json.JsonValues;
using Degeneracy.Verify.Batches;
using Degeneracy.Verify.MonteCarlo;
using Degeneracy.Verify.Statistics;

namespace Degeneracy.Cli.Json;

/// <summary>
/// The JSON form of a <see cref="BatchResult"/> (<c>"kind": "batch"</c>): configuration, per-layer statistics of every
/// observable (and the Gram matrix when tracked), optional predictions, the exact mergeable state and elapsedSeconds.
/// Doubles are written shortest-round-trip, so a file read back restores every bit; undefined values are null.
/// </summary>
internal static class BatchJson
{
    /// <summary>The value of <c>"kind"</c> that marks a batch result.</summary>
    public const string Kind = "batch";

    /// <summary>Serialises a result (and, when given, its predictions) as indented JSON ending in a newline.</summary>
    /// <param name="result">The result.</param>
    /// <param name="predictions">Named per-layer predictions to include, or null.</param>
    /// <param name="configuration">For a result read from files (no configuration object): the "configuration" JSON of the first file.</param>
    public static string Write(BatchResult result, IReadOnlyDictionary<string, IReadOnlyList<GramLayerPrediction>>? predictions = null,
        string? configuration = null)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var layout = result.Layout;
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("kind", Kind);
            w.WritePropertyName("widths");
            w.WriteRawValue(Compact(c => { c.WriteStartArray(); foreach (int n in layout.Widths) c.WriteNumberValue(n); c.WriteEndArray(); }));
            w.WriteNumber("m", layout.BatchSize);
            w.WriteBoolean("gram", layout.TrackGram);
            w.WritePropertyName("configuration");
            w.WriteRawValue(result.Configuration is { } config ? Encoding.UTF8.GetString(Configuration(config)) : configuration
                ?? throw new ArgumentException("a result read from a file needs its configuration text", nameof(configuration)));
            w.WriteNumber("samples", result.Samples);
            w.WriteString("fingerprint", result.Fingerprint);
            w.WriteBoolean("complete", result.IsComplete);
            w.WriteStartArray("layers");
            for (int l = 1; l <= layout.Depth; l++)
            {
                w.WriteStartObject();
                w.WriteNumber("layer", l);
                w.WriteNumber("width", layout.Widths[l - 1]);
                foreach (var o in BatchObservables.All)
                {
                    var s = result.Statistic(l, o);
                    w.WriteStartObject(BatchObservables.Name(o));
                    w.WriteNumber("count", s.Count);
                    Number(w, "mean", s.Mean);
                    Number(w, "se", s.StdError);
                    Number(w, "sd", Math.Sqrt(s.Variance));
                    w.WriteEndObject();
                }
                if (layout.TrackGram)
                {
                    w.WriteStartObject("gram");
                    Matrix(w, "mean", layout.BatchSize, (i, j) => result.GramStatistic(l, i, j).Mean);
                    Matrix(w, "se", layout.BatchSize, (i, j) => result.GramStatistic(l, i, j).StdError);
                    w.WriteEndObject();
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
            if (predictions is not null)
            {
                w.WriteStartObject("predictions");
                foreach (var (name, layers) in predictions)
                {
                    w.WriteStartArray(name);
                    foreach (var p in layers)
                    {
                        w.WriteStartObject();
                        w.WriteNumber("layer", p.Layer);
                        foreach (var o in BatchObservables.All.Where(o => o != BatchObservable.CollapsedPairs)) Number(w, BatchObservables.Name(o), p[o]);
                        if (layout.TrackGram) Matrix(w, "gram", layout.BatchSize, (i, j) => p.Gram[i, j]);
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                }
                w.WriteEndObject();
            }
            w.WriteStartObject("state");
            w.WriteNumber("blockSize", MonteCarloState.BlockSize);
            w.WriteNumber("totalBlocks", result.TotalBlocks);
            w.WritePropertyName("coverage");
            w.WriteRawValue(Compact(c =>
            {
                c.WriteStartArray();
                foreach (var r in result.Coverage) { c.WriteStartArray(); c.WriteNumberValue(r.Start); c.WriteNumberValue(r.End); c.WriteEndArray(); }
                c.WriteEndArray();
            }));
            w.WriteStartArray("nodes");
            foreach (var (node, values) in result.Nodes.OrderBy(kv => kv.Key.FirstBlock))
            {
                w.WriteRawValue(Compact(c =>
                {
                    c.WriteStartArray();
                    c.WriteNumberValue(node.Level);
                    c.WriteNumberValue(node.Index);
                    foreach (var acc in values)
                    {
                        c.WriteStartArray();
                        c.WriteNumberValue(acc.Count);
                        if (acc.Count > 0)
                            foreach (double x in new[] { acc.Mean, acc.M2, acc.M3, acc.M4, acc.Min, acc.Max }) c.WriteNumberValue(x);
                        c.WriteEndArray();
                    }
                    c.WriteEndArray();
                }));
            }
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteNumber("elapsedSeconds", Math.Round(result.Elapsed.TotalSeconds, 3));
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    /// <summary>The human-readable configuration object (inputs, activation, variances, weights, backend, seed, tolerance).</summary>
    private static byte[] Configuration(BatchConfiguration config) => Compact(c =>
    {
        c.WriteStartObject();
        c.WriteString("inputs", config.Inputs.Description);
        c.WriteNumber("inputDim", config.Inputs.Dimension);
        if (config.Inputs.Labels is { } labels) c.WriteNumber("classes", labels.ClassCount);
        c.WriteString("activation", config.Activation.Name);
        c.WriteNumber("sigmaW2", config.WeightVariance);
        c.WriteNumber("sigmaB2", config.BiasVariance);
        c.WriteString("weights", config.Weights == WeightLaw.Orthogonal ? "orthogonal" : "gaussian");
        c.WriteString("backend", config.Backend == BatchBackend.Network ? "network" : "chain");
        c.WriteNumber("seed", config.Seed);
        c.WriteNumber("tolerance", config.Tolerance);
        c.WriteEndObject();
    });

    /// <summary>True when <paramref name="json"/> is a batch result (has <c>"kind": "batch"</c>).</summary>
    public static bool IsBatch(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("kind", out var k) && k.GetString() == Kind;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Reads a result written by <see cref="Write"/> (without its configuration object); <paramref name="source"/> names the file.</summary>
    /// <exception cref="InvalidDataException">Not a batch result of this format.</exception>
    public static (BatchResult Result, string Configuration) Read(string json, string source)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            if (root.GetProperty("kind").GetString() != Kind) throw new InvalidDataException($"{source}: not a batch result");
            var widths = root.GetProperty("widths").EnumerateArray().Select(e => e.GetInt32()).ToArray();
            var layout = new BatchLayout(widths, root.GetProperty("m").GetInt32(), root.GetProperty("gram").GetBoolean());
            var state = root.GetProperty("state");
            if (state.GetProperty("blockSize").GetInt32() != MonteCarloState.BlockSize)
                throw new InvalidDataException($"{source}: block size differs from {MonteCarloState.BlockSize}");
            var coverage = state.GetProperty("coverage").EnumerateArray().Select(r => new BlockRange(r[0].GetInt64(), r[1].GetInt64())).ToList();
            var nodes = new Dictionary<DyadicNode, MomentAccumulator[]>();
            foreach (var n in state.GetProperty("nodes").EnumerateArray())
            {
                var values = n.EnumerateArray().Skip(2).Select(a =>
                {
                    long count = a[0].GetInt64();
                    return count == 0 ? MomentAccumulator.Empty
                        : new MomentAccumulator(count, a[1].GetDouble(), a[2].GetDouble(), a[3].GetDouble(), a[4].GetDouble(), a[5].GetDouble(), a[6].GetDouble());
                }).ToArray();
                nodes[new DyadicNode(n[0].GetInt32(), n[1].GetInt64())] = values;
            }
            var elapsed = TimeSpan.FromSeconds(root.GetProperty("elapsedSeconds").GetDouble());
            return (new BatchResult(layout, root.GetProperty("fingerprint").GetString()!, root.GetProperty("samples").GetInt64(), coverage, nodes, elapsed),
                root.GetProperty("configuration").GetRawText());
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or IndexOutOfRangeException or ArgumentException)
        {
            throw new InvalidDataException($"{source}: not a degeneracy batch result ({CliRunner.OneLine(e.Message)})", e);
        }
    }

    private static void Matrix(Utf8JsonWriter w, string name, int m, Func<int, int, double> entry)
    {
        w.WritePropertyName(name);
        w.WriteRawValue(Compact(c =>
        {
            c.WriteStartArray();
            for (int i = 0; i < m; i++)
            {
                c.WriteStartArray();
                for (int j = 0; j < m; j++)
                {
                    double x = entry(i, j);
                    if (double.IsFinite(x)) c.WriteNumberValue(x); else c.WriteNullValue();
                }
                c.WriteEndArray();
            }
            c.WriteEndArray();
        }));
    }
}
