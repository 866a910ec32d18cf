using System.Text.Json;
using KerjaSama.Planning.Live;
using KerjaSama.Registry.Contracts;
using KerjaSama.Planning.Contracts.Live;
using F = KerjaSama.Planning.Contracts.Live.MatrixFieldNames;

namespace KerjaSama.Planning.Consolidation;

/// <summary>
/// A kegiatan or sub kegiatan code carries the government level in its fourth part (<c>1.02.02.1.01</c>: 1 provinsi,
/// 2 kabupaten/kota). The rule is the Registry's (<see cref="GovernmentLevels"/>); this is Planning's view of it: the
/// matrix schema checks every kegiatan/sub kegiatan against the exercise's level on every path (live ops, REST edits,
/// the import and the re-import), and the row form lists only codes of the level.
/// </summary>
internal static class PlanningCodeLevel
{
    public static char Digit(string level) => GovernmentLevels.Digit(level);

    public static string Name(string level) => level == GovernmentLevels.Province ? "provinsi" : "kabupaten/kota";

    public static bool Fits(string code, string level) => GovernmentLevels.Fits(code, level);

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
        new(RejectionCodes.CodeNotOfLevel, GovernmentLevels.IsLevelSeries(code)
            ? $"{code} is a kegiatan of the series 3–8 that the nomenclature has only for the other level, not for {Name(level)}."
            : $"{code} is not a code of the {Name(level)} level (its fourth part must be {Digit(level)}).", field);

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
