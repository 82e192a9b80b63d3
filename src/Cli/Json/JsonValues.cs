using System.Buffers;
using System.Text.Json;

namespace Degeneracy.Cli.Json;

/// <summary>The JSON value conventions every command shares: non-finite numbers are written as null (JSON has no
/// NaN or Infinity), and small arrays are embedded compactly on one line.</summary>
internal static class JsonValues
{
    /// <summary>Writes <c>"name": value</c>, or <c>"name": null</c> when the value is NaN or infinite.</summary>
    public static void Number(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value)) w.WriteNumber(name, value);
        else w.WriteNull(name);
    }

    /// <summary>The UTF-8 bytes of a value written without indentation, for <see cref="Utf8JsonWriter.WriteRawValue(ReadOnlySpan{byte}, bool)"/>.</summary>
    public static byte[] Compact(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var c = new Utf8JsonWriter(buffer)) write(c);
        return buffer.WrittenSpan.ToArray();
    }
}
