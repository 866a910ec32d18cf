using System.Text.Json;
using KerjaSama.Planning.Contracts;
using KerjaSama.Planning.Lifecycle;
using KerjaSama.Planning.Live;
using F = KerjaSama.Planning.Contracts.Live.MatrixFieldNames;

namespace KerjaSama.Planning.Consolidation;

/// <summary>A year of a row's plan: indicator, target, indicative budget (whole Rupiah) and funding source.</summary>
internal sealed record YearPlan(int Year, string? Indicator, string? Target, long? Budget, string? FundingSource);

/// <summary>A stored matrix row read into typed columns, for consolidation, review, exports and the dashboard.</summary>
internal sealed record RowView
{
    public Guid RowId { get; init; }

    public Guid OwnerOrganisationId { get; init; }

    public long CreatedSeq { get; init; }

    public long Seq { get; init; }

    public string Status { get; init; } = RowStatuses.Proposed;

    public string? StatusReason { get; init; }

    public string? AffairCode { get; init; }

    public string? SubAffairCode { get; init; }

    public string? Potential { get; init; }

    public string? Object { get; init; }

    public string? CooperationType { get; init; }

    public IReadOnlyList<string> PartnerRegionCodes { get; init; } = [];

    public IReadOnlyList<Guid> PartnerOrganisationIds { get; init; } = [];

    public string? Form { get; init; }

    public string? Benefit { get; init; }

    public string? ProgramCode { get; init; }

    public string? ActivityCode { get; init; }

    public string? SubActivityCode { get; init; }

    public IReadOnlyList<YearPlan> YearlyPlans { get; init; } = [];

    public int? StartYear { get; init; }

    public int? DurationYears { get; init; }

    public string? DurationLegalBasis { get; init; }

    public Guid? ResponsibleAgencyId { get; init; }

    public IReadOnlyList<Guid> SupportingAgencyIds { get; init; } = [];

    public bool? DprdApprovalRequired { get; init; }

    public string? DprdReason { get; init; }

    public int? Priority { get; init; }

    public string? Notes { get; init; }

    public string? Location { get; init; }

    public string? Problem { get; init; }

    public string? Unit { get; init; }

    public decimal? Baseline { get; init; }

    public string? ForwardTarget { get; init; }

    /// <summary>The forward estimate's indicative budget, for the year after the period (whole Rupiah).</summary>
    public long? ForwardBudget { get; init; }

    public string? RpjmdGoal { get; init; }

    public string? RpjmdIndicator { get; init; }

    public bool? CentralConsentRequired { get; init; }

    public Guid? MergedInto { get; init; }

    public IReadOnlyList<Guid> MergedFrom { get; init; } = [];

    public string? Question { get; init; }

    public string? Answer { get; init; }

    public string? ReviewDecision { get; init; }

    public string? ReviewNote { get; init; }

    public long TotalBudget => YearlyPlans.Sum(p => p.Budget ?? 0);

    public bool LacksPlanningCodes => ProgramCode is null || ActivityCode is null || SubActivityCode is null;

    public bool IsAdopted => StatusLifecycle.AdoptedOrLater.Contains(Status);

    /// <summary>
    /// Suggest DPRD approval when the row is not funded in the current budget year (no plan with a positive budget for
    /// it) and the flag is not set yet (docs/domain.md: approval is needed when not funded in the current APBD).
    /// </summary>
    public bool DprdSuggested(int budgetYear) =>
        DprdApprovalRequired != true && !YearlyPlans.Any(p => p.Year == budgetYear && p.Budget > 0);

    public YearPlan? PlanFor(int year) => YearlyPlans.FirstOrDefault(p => p.Year == year);

    public static RowView From(MatrixRow row)
    {
        var v = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(row.ValuesJson)!;
        string? S(string f) => v.TryGetValue(f, out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
        int? I(string f) => v.TryGetValue(f, out var e) && e.ValueKind == JsonValueKind.Number ? e.GetInt32() : null;
        List<string> Ss(string f) => v.TryGetValue(f, out var e) && e.ValueKind == JsonValueKind.Array ? [.. e.EnumerateArray().Select(x => x.GetString()!)] : [];
        List<Guid> Gs(string f) => v.TryGetValue(f, out var e) && e.ValueKind == JsonValueKind.Array ? [.. e.EnumerateArray().Select(x => x.GetGuid())] : [];
        Guid? G(string f) => v.TryGetValue(f, out var e) && e.ValueKind == JsonValueKind.String ? e.GetGuid() : null;
        return new RowView
        {
            RowId = row.Id, OwnerOrganisationId = row.OwnerOrganisationId, CreatedSeq = row.CreatedSeq, Seq = row.UpdatedSeq,
            Status = S(F.Status) ?? RowStatuses.Proposed, StatusReason = S(F.StatusReason),
            AffairCode = S(F.AffairCode), SubAffairCode = S(F.SubAffairCode), Potential = S(F.Potential), Object = S(F.CooperationObject),
            CooperationType = S(F.CooperationType), PartnerRegionCodes = Ss(F.PartnerRegionCodes), PartnerOrganisationIds = Gs(F.PartnerOrganisationIds),
            Form = S(F.Form), Benefit = S(F.Benefit), ProgramCode = S(F.ProgramCode), ActivityCode = S(F.ActivityCode), SubActivityCode = S(F.SubActivityCode),
            YearlyPlans = v.TryGetValue(F.YearlyPlans, out var plans) ? ReadPlans(plans) : [],
            StartYear = I(F.StartYear), DurationYears = I(F.DurationYears), ResponsibleAgencyId = G(F.ResponsibleAgencyId),
            DurationLegalBasis = S(F.DurationLegalBasis), SupportingAgencyIds = Gs(F.SupportingAgencyIds),
            DprdApprovalRequired = v.TryGetValue(F.DprdApprovalRequired, out var d) && d.ValueKind is JsonValueKind.True or JsonValueKind.False ? d.GetBoolean() : null,
            DprdReason = S(F.DprdReason), Priority = I(F.Priority), Notes = S(F.Notes), MergedInto = G(F.MergedInto), MergedFrom = Gs(F.MergedFrom),
            Question = S(F.Question), Answer = S(F.Answer), ReviewDecision = S(F.ReviewDecision), ReviewNote = S(F.ReviewNote),
            Location = S(F.Location), Problem = S(F.Problem), Unit = S(F.Unit),
            Baseline = v.TryGetValue(F.Baseline, out var bl) && bl.ValueKind == JsonValueKind.Number ? bl.GetDecimal() : null,
            ForwardTarget = S(F.ForwardTarget),
            ForwardBudget = v.TryGetValue(F.ForwardBudget, out var fb) && fb.ValueKind == JsonValueKind.Number ? fb.GetInt64() : null,
            RpjmdGoal = S(F.RpjmdGoal), RpjmdIndicator = S(F.RpjmdIndicator),
            CentralConsentRequired = v.TryGetValue(F.CentralConsentRequired, out var cc) && cc.ValueKind is JsonValueKind.True or JsonValueKind.False
                ? cc.GetBoolean() : null,
        };
    }

    private static List<YearPlan> ReadPlans(JsonElement plans)
    {
        if (plans.ValueKind != JsonValueKind.Array)
            return [];
        static string? Text(JsonElement p, string name) =>
            p.TryGetProperty(name, out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        return [.. plans.EnumerateArray().Select(p => new YearPlan(
            p.GetProperty("year").GetInt32(), Text(p, "indicator"), Text(p, "target"),
            p.TryGetProperty("budget", out var b) && b.ValueKind == JsonValueKind.Number ? b.GetInt64() : null, Text(p, "fundingSource")))
            .OrderBy(p => p.Year)];
    }
}
