using System.Collections;
using System.Globalization;
using System.Text.Json;

namespace KerjaSama.Planning.Live;

/// <summary>
/// Converts field values between what the protocols deliver (JsonElement from JSON; strings, numbers, arrays and
/// maps from MessagePack) and the canonical JSON text the grain validates and stores, and back to plain values.
/// </summary>
internal static class FieldValues
{
    public static string? ToJson(object? value) => value switch
    {
        null => null,
        JsonElement { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
        JsonElement element => element.GetRawText(),
        _ => JsonSerializer.Serialize(Normalise(value)),
    };

    private static object? Normalise(object? value) => value switch
    {
        null or string or bool => value,
        IDictionary map => map.Keys.Cast<object>().ToDictionary(k => Convert.ToString(k, CultureInfo.InvariantCulture)!, k => Normalise(map[k])),
        IEnumerable list => list.Cast<object?>().Select(Normalise).ToList(),
        _ => value,
    };

    public static object? FromJson(string? json)
    {
        if (json is null)
            return null;
        // FromElement copies every value out, so the document (and its pooled buffers) can go back at once.
        using var document = JsonDocument.Parse(json);
        return FromElement(document.RootElement);
    }

    public static Dictionary<string, object?> FromJson(IReadOnlyDictionary<string, string?> fields) =>
        fields.ToDictionary(kv => kv.Key, kv => FromJson(kv.Value), StringComparer.Ordinal);

    private static object? FromElement(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Number => e.TryGetInt64(out var l) ? l : e.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Array => e.EnumerateArray().Select(FromElement).ToList(),
        JsonValueKind.Object => e.EnumerateObject().ToDictionary(p => p.Name, p => FromElement(p.Value)),
        _ => null,
    };
}
