using System.Text.Json;
using KerjaSama.Planning.Live;
using F = KerjaSama.Planning.Contracts.Live.MatrixFieldNames;

namespace KerjaSama.Planning.Consolidation;

/// <summary>
/// A kegiatan or sub kegiatan code carries the government level in its fourth part (<c>1.02.02.1.01</c>: 1 provinsi,
/// 2 kabupaten/kota). Consolidation (the edit form, <c>rows/{id}/edit</c>) and the re-import check it against the
/// exercise's region. REVIEW: live ops and the add-only import do not check it yet (issue 22 item 3 makes it a rule of
/// the matrix schema, with a nomenclature per level).
/// </summary>
internal static class PlanningCodeLevel
{
    public static char Digit(string level) => level == "provinsi" ? '1' : '2';

    public static string Name(string level) => level == "provinsi" ? "provinsi" : "kabupaten/kota";

    public static bool Fits(string code, string level)
    {
        var parts = code.Split('.');
        return parts.Length < 4 || (parts[3].Length == 1 && parts[3][0] == Digit(level));
    }

    /// <summary>The first kegiatan/sub kegiatan code (field → JSON string) that is not of the level, as a field error.</summary>
    public static FieldError? Check(IReadOnlyDictionary<string, string?> fields, string level)
    {
        foreach (var field in new[] { F.ActivityCode, F.SubActivityCode })
        {
            if (fields.TryGetValue(field, out var json) && json is not null && Code(json) is { } code && !Fits(code, level))
                return Error(field, code, level);
        }

        return null;
    }

    public static FieldError Error(string field, string code, string level) =>
        new("code_not_of_level", $"{code} is not a code of the {Name(level)} level (its fourth part must be {Digit(level)}).", field);

    private static string? Code(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.ValueKind == JsonValueKind.String ? doc.RootElement.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
