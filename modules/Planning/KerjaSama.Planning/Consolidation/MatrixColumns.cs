using System.Globalization;
using System.Text.RegularExpressions;
using F = KerjaSama.Planning.Contracts.Live.MatrixFieldNames;

namespace KerjaSama.Planning.Consolidation;

/// <summary>
/// The columns of the planning matrix as a spreadsheet (RPJMD/RKPD export and import): one column per matrix field,
/// organisations by their Registry code, lists separated by ';', and four columns per year of the plan.
/// </summary>
internal static partial class MatrixColumns
{
    /// <summary>Column → field, for the columns that carry one value each.</summary>
    public static readonly IReadOnlyList<(string Column, string Field)> Fields =
    [
        ("affair_code", F.AffairCode), ("sub_affair_code", F.SubAffairCode), ("potential", F.Potential), ("object", F.CooperationObject),
        ("cooperation_type", F.CooperationType), ("partner_region_codes", F.PartnerRegionCodes), ("partner_organisation_codes", F.PartnerOrganisationIds),
        ("form", F.Form), ("benefit", F.Benefit), ("program_code", F.ProgramCode), ("activity_code", F.ActivityCode),
        ("sub_activity_code", F.SubActivityCode), ("start_year", F.StartYear), ("duration_years", F.DurationYears),
        ("duration_legal_basis", F.DurationLegalBasis), ("responsible_agency_code", F.ResponsibleAgencyId),
        ("supporting_agency_codes", F.SupportingAgencyIds), ("dprd_approval_required", F.DprdApprovalRequired), ("dprd_reason", F.DprdReason),
        ("priority", F.Priority), ("notes", F.Notes),
        ("location", F.Location), ("problem", F.Problem), ("unit", F.Unit), ("baseline", F.Baseline), ("forward_target", F.ForwardTarget),
        ("forward_budget", F.ForwardBudget), ("rpjmd_goal", F.RpjmdGoal), ("rpjmd_indicator", F.RpjmdIndicator),
        ("central_consent_required", F.CentralConsentRequired),
    ];

    /// <summary>
    /// Written by the export for reading, ignored by the import. <c>row_id</c> and <c>row_seq</c> (the row's version when exported) are
    /// what the re-import (<c>import/preview</c>) matches rows and detects later edits by.
    /// </summary>
    public static readonly IReadOnlyList<string> ReadOnly =
        ["row_id", "row_seq", "status", "affair_name", "nomenclature_name", "responsible_agency_name", "total_budget"];

    public static readonly IReadOnlyList<string> Required = ["affair_code", "potential"];

    public static readonly IReadOnlyList<string> YearParts = ["indicator", "target", "budget", "funding_source"];

    public static string YearColumn(string part, int year) => $"{part}_{year.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>indicator_2026 → ("indicator", 2026).</summary>
    public static (string Part, int Year)? ParseYearColumn(string column) =>
        YearColumnPattern().Match(column) is { Success: true } m
            ? (m.Groups[1].Value, int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)) : null;

    public static string? ColumnOf(string field) => Fields.FirstOrDefault(f => f.Field == field).Column;

    [GeneratedRegex(@"^(indicator|target|budget|funding_source)_(\d{4})$")]
    private static partial Regex YearColumnPattern();
}
