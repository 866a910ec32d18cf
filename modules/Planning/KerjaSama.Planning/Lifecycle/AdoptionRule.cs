using System.Text.Json;
using KerjaSama.Modularity.Security;
using KerjaSama.Planning.Live;
using S = KerjaSama.Planning.Contracts.RowStatuses;
using F = KerjaSama.Planning.Contracts.Live.MatrixFieldNames;
using KerjaSama.Planning.Contracts.Live;

namespace KerjaSama.Planning.Lifecycle;

/// <summary>
/// Adoption (ditetapkan) follows the TKKSD's decision and the head of region's decree, which the secretariat records:
/// only a facilitator or secretariat administrator moves a row to ditetapkan, on every path (live, consolidation,
/// review, other modules), and never a row whose recorded TKKSD decision is other than accept.
/// </summary>
internal static class AdoptionRule
{
    public static FieldError? Check(Caller caller, IReadOnlyDictionary<string, string>? before, IReadOnlyDictionary<string, string?> canonical)
    {
        if (!canonical.TryGetValue(F.Status, out var toJson) || toJson is null || Text(toJson) != S.Adopted)
            return null;
        if (before is not null && before.TryGetValue(F.Status, out var fromJson) && Text(fromJson) == S.Adopted)
            return null;
        if (!caller.CanFacilitate)
            return new FieldError(RejectionCodes.Forbidden, "Only the secretariat adopts rows (ditetapkan), after the TKKSD's decision.", F.Status);
        var decision = canonical.TryGetValue(F.ReviewDecision, out var changed) ? changed : before?.GetValueOrDefault(F.ReviewDecision);
        return decision is not null && Text(decision) != "accept"
            ? new FieldError("tkksd_not_accepted", $"The TKKSD decided '{Text(decision)}' on this row; record its acceptance before adopting it.", F.Status)
            : null;
    }

    private static string? Text(string json) => JsonSerializer.Deserialize<string>(json);
}
