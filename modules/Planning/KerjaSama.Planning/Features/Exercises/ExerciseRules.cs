using KerjaSama.Modularity.Http;
using KerjaSama.Modularity.Localization;
using KerjaSama.Planning.Exercises;
using KerjaSama.Registry.Contracts;

namespace KerjaSama.Planning.Features.Exercises;

/// <summary>What an exercise must satisfy, created or edited (API and form alike): one validator, field names as the request's.</summary>
internal static class ExerciseRules
{
    internal sealed record Checked(Validator Validator, PlanningPeriodKind? Kind, int EndYear, List<Guid> Invited);

    public static async Task<Checked> CheckAsync(string? regionCode, string? title, string? periodKind, int startYear, int? endYear,
        IReadOnlyList<Guid>? invitedOrganisationIds, IRegionDirectory regions, IOrganisationDirectory organisations, CancellationToken ct)
    {
        var v = new Validator()
            .Require("RegionCode", regionCode, 13)
            .Require("Title", title)
            .Check(startYear is >= 2000 and <= 2100, "StartYear", Msg.Of("year_range"));
        var kind = Enum.TryParse<PlanningPeriodKind>(periodKind, true, out var parsed) && Enum.IsDefined(parsed) ? parsed : (PlanningPeriodKind?)null;
        v.Check(kind is not null, "PeriodKind", Msg.Of("plan_kind_one_of"));
        var end = endYear ?? (kind == PlanningPeriodKind.Rpjmd ? startYear + 4 : startYear);
        v.Check(kind != PlanningPeriodKind.Rpjmd || end == startYear + 4, "EndYear", Msg.Of("rpjmd_five_years"));
        v.Check(kind != PlanningPeriodKind.Rkpd || end == startYear, "EndYear", Msg.Of("rkpd_one_year"));
        if (!string.IsNullOrWhiteSpace(regionCode) && await regions.FindAsync(regionCode.Trim(), ct) is null)
            v.Add("RegionCode", Msg.Of("region_not_found"));
        var invited = (invitedOrganisationIds ?? []).Distinct().ToList();
        await ExerciseInvitations.CheckAsync(invited, organisations, v, ct);
        return new Checked(v, kind, end, invited);
    }
}
