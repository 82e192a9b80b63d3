using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using static Degeneracy.Cli.Json.JsonValues;
using Degeneracy.Verify.MonteCarlo;
using Degeneracy.Verify.Statistics;

namespace Degeneracy.Cli.Json;

/// <summary>
/// The JSON form of a <see cref="MonteCarloResult"/>: configuration, per-layer statistics of ln sin²θ^ℓ, the exact
/// mergeable state (compact arrays) and elapsedSeconds. Doubles are written shortest-round-trip, so reading a file back
/// restores every bit; non-finite statistics are written as null.
/// </summary>
internal static class MonteCarloJson
{
    /// <summary>
    /// Serialises <paramref name="result"/> as indented JSON ending in a newline; with an <paramref name="accelerator"/>
    /// (a reduced-chain run on ILGPU) the backend is written as <c>"gpu"</c> followed by the accelerator's name.
    /// </summary>
    public static string Write(MonteCarloResult result, string? accelerator = null)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            var config = result.Configuration;
            w.WriteStartObject();
            w.WritePropertyName("widths");
            w.WriteRawValue(Compact(c => { c.WriteStartArray(); foreach (int n in config.Widths) c.WriteNumberValue(n); c.WriteEndArray(); }));
            w.WriteNumber("theta0", config.Theta0);
            w.WriteNumber("samples", config.Samples);
            w.WriteNumber("seed", config.Seed);
            if (accelerator is null) w.WriteString("backend", BackendName(config.Backend));
            else
            {
                w.WriteString("backend", "gpu");
                w.WriteString("accelerator", accelerator);
            }
            if (config.InputDimension is int d) w.WriteNumber("inputDim", d);
            if (!config.Activation.IsRelu) w.WriteString("activation", config.Activation.Name);
            w.WriteBoolean("complete", result.IsComplete);
            w.WriteStartArray("layers");
            foreach (var layer in result.Layers)
            {
                w.WriteStartObject();
                w.WriteNumber("layer", layer.Layer);
                w.WriteNumber("width", layer.Width);
                w.WriteNumber("count", layer.Count);
                w.WriteNumber("degenerate", layer.Degenerate);
                Number(w, "mean", layer.Mean);
                Number(w, "variance", layer.Variance);
                Number(w, "meanStdError", layer.MeanStdError);
                Number(w, "varianceStdError", layer.VarianceStdError);
                Number(w, "min", layer.Min);
                Number(w, "max", layer.Max);
                w.WriteStartObject("quantiles");
                foreach (var q in layer.Quantiles) Number(w, q.Probability.ToString("R", CultureInfo.InvariantCulture), q.Value);
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            WriteState(w, result.State);
            w.WriteNumber("elapsedSeconds", Math.Round(result.Elapsed.TotalSeconds, 3));
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    /// <summary>Reads a result written by <see cref="Write"/>; <paramref name="source"/> names the file in error messages.</summary>
    /// <exception cref="InvalidDataException">Not a Monte Carlo result of this format.</exception>
    /// <exception cref="ArgumentException">The configuration inside is invalid.</exception>
    public static MonteCarloResult Read(string json, string source) => Read(json, source, out _);

    /// <summary>
    /// <see cref="Read(string, string)"/>, also giving the accelerator of a <c>"gpu"</c> file (null for chain and
    /// network files).
    /// </summary>
    public static MonteCarloResult Read(string json, string source, out string? accelerator)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            accelerator = root.GetProperty("backend").GetString() == "gpu"
                ? (root.TryGetProperty("accelerator", out var acc) ? acc.GetString() : null) ?? "unknown accelerator"
                : null;
            var widths = root.GetProperty("widths").EnumerateArray().Select(e => e.GetInt32()).ToArray();
            var backend = ParseBackend(root.GetProperty("backend").GetString(), source);
            int? inputDimension = root.TryGetProperty("inputDim", out var dim) ? dim.GetInt32() : null;
            var activation = root.TryGetProperty("activation", out var act) ? Degeneracy.JFunctions.Activation.Parse(act.GetString() ?? "") : null;
            var configuration = new MonteCarloConfiguration(widths, root.GetProperty("theta0").GetDouble(),
                root.GetProperty("samples").GetInt64(), root.GetProperty("seed").GetUInt64(), backend, inputDimension, activation);

            var stateElement = root.GetProperty("state");
            if (stateElement.GetProperty("blockSize").GetInt32() != MonteCarloState.BlockSize)
                throw new InvalidDataException($"{source}: block size {stateElement.GetProperty("blockSize").GetInt32()} differs from {MonteCarloState.BlockSize}");
            if (stateElement.GetProperty("histogramBinWidth").GetDouble() != FixedBinHistogram.BinWidth)
                throw new InvalidDataException($"{source}: histogram bin width differs from {FixedBinHistogram.BinWidth}");
            long totalBlocks = stateElement.GetProperty("totalBlocks").GetInt64();
            var coverage = stateElement.GetProperty("coverage").EnumerateArray()
                .Select(r => new BlockRange(r[0].GetInt64(), r[1].GetInt64())).ToList();
            var reportLayers = root.GetProperty("layers").EnumerateArray().ToList();
            var stateLayers = stateElement.GetProperty("layers").EnumerateArray().ToList();
            if (reportLayers.Count != widths.Length || stateLayers.Count != widths.Length)
                throw new InvalidDataException($"{source}: expected {widths.Length} layers");
            var layers = new List<LayerState>();
            for (int l = 0; l < widths.Length; l++)
            {
                var nodes = new Dictionary<DyadicNode, MomentAccumulator>();
                foreach (var n in stateLayers[l].GetProperty("nodes").EnumerateArray())
                {
                    var node = new DyadicNode(n[0].GetInt32(), n[1].GetInt64());
                    long count = n[2].GetInt64();
                    nodes[node] = count == 0 ? MomentAccumulator.Empty
                        : new MomentAccumulator(count, n[3].GetDouble(), n[4].GetDouble(), n[5].GetDouble(), n[6].GetDouble(), n[7].GetDouble(), n[8].GetDouble());
                }
                var histogram = new FixedBinHistogram();
                foreach (var bin in stateLayers[l].GetProperty("bins").EnumerateArray())
                    histogram.AddToBin(bin[0].GetInt64(), bin[1].GetInt64());
                layers.Add(new LayerState(nodes, histogram, reportLayers[l].GetProperty("degenerate").GetInt64()));
            }
            var state = new MonteCarloState(totalBlocks, coverage, layers);
            var elapsed = TimeSpan.FromSeconds(root.GetProperty("elapsedSeconds").GetDouble());
            return new MonteCarloResult(configuration, state, elapsed);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or IndexOutOfRangeException)
        {
            throw new InvalidDataException($"{source}: not a degeneracy Monte Carlo result ({CliRunner.OneLine(e.Message)})", e);
        }
    }

    /// <summary>"chain" or "network".</summary>
    public static string BackendName(MonteCarloBackend backend) => backend == MonteCarloBackend.Network ? "network" : "chain";

    /// <summary>Parses "chain" or "network".</summary>
    /// <exception cref="ArgumentOutOfRangeException">Any other text.</exception>
    public static MonteCarloBackend ParseBackend(string? text, string what) => text switch
    {
        "chain" => MonteCarloBackend.Chain,
        "network" => MonteCarloBackend.Network,
        // A gpu file holds the same reduced chain (same Philox samples), so it merges with chain shards.
        "gpu" when what != "--backend" => MonteCarloBackend.Chain,
        _ => throw new ArgumentOutOfRangeException(what, text, $"{what}: backend must be 'chain' or 'network', not '{text}'"),
    };

    private static void WriteState(Utf8JsonWriter w, MonteCarloState state)
    {
        w.WriteStartObject("state");
        w.WriteNumber("blockSize", MonteCarloState.BlockSize);
        w.WriteNumber("totalBlocks", state.TotalBlocks);
        w.WriteNumber("histogramBinWidth", FixedBinHistogram.BinWidth);
        w.WritePropertyName("coverage");
        w.WriteRawValue(Compact(c =>
        {
            c.WriteStartArray();
            foreach (var r in state.Coverage) { c.WriteStartArray(); c.WriteNumberValue(r.Start); c.WriteNumberValue(r.End); c.WriteEndArray(); }
            c.WriteEndArray();
        }));
        w.WriteStartArray("layers");
        foreach (var layer in state.Layers)
        {
            w.WriteStartObject();
            w.WritePropertyName("nodes");
            w.WriteRawValue(Compact(c =>
            {
                c.WriteStartArray();
                foreach (var (node, acc) in layer.Nodes.OrderBy(kv => kv.Key.FirstBlock))
                {
                    c.WriteStartArray();
                    c.WriteNumberValue(node.Level);
                    c.WriteNumberValue(node.Index);
                    c.WriteNumberValue(acc.Count);
                    if (acc.Count > 0)
                        foreach (double x in new[] { acc.Mean, acc.M2, acc.M3, acc.M4, acc.Min, acc.Max }) c.WriteNumberValue(x);
                    c.WriteEndArray();
                }
                c.WriteEndArray();
            }));
            w.WritePropertyName("bins");
            w.WriteRawValue(Compact(c =>
            {
                c.WriteStartArray();
                foreach (var (bin, count) in layer.Histogram.Bins) { c.WriteStartArray(); c.WriteNumberValue(bin); c.WriteNumberValue(count); c.WriteEndArray(); }
                c.WriteEndArray();
            }));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
