using KerjaSama.Modularity.Localization;
using KerjaSama.Planning.Exercises;

namespace KerjaSama.Planning.Consolidation;

/// <summary>One cooperation of the yearly report with the group its type belongs to (KSDD, KSDPK, KSDPL, other).</summary>
internal sealed record ReportLine(int No, RowView Row, string TypeGroup, string Affair, string Partners, string Agency);

/// <summary>
/// The yearly report on regional cooperation to the Minister of Home Affairs (laporan kerja sama daerah, PP 28/2018):
/// the adopted cooperations running in the year (their start year and duration cover it, or they have a plan for it),
/// with their type, by type group. The DOCX (<see cref="MinistryReportDocument"/>) renders this model. Its texts are the
/// catalogue's <c>export.ministry_report.*</c> read in Indonesian (an official report).
/// </summary>
internal sealed record MinistryReport(string RegionName, string ExerciseTitle, int Year, IReadOnlyList<ReportLine> Lines)
{
    /// <summary>The type groups in the order of PP 28/2018, with their names in the report.</summary>
    public static IReadOnlyList<(string Group, string Name)> Groups =>
    [
        ("KSDD", T("group_ksdd")),
        ("KSDPK", T("group_ksdpk")),
        ("KSDPL", T("group_ksdpl")),
        ("Lainnya", T("group_other")),
    ];

    public static MinistryReport Build(MappingExercise exercise, IEnumerable<RowView> rows, MatrixNames names, int year)
    {
        var lines = rows.Where(r => r.IsAdopted && r.MergedInto is null && RunsIn(r, year))
            .OrderBy(r => Order(Group(r.CooperationType))).ThenBy(r => r.AffairCode, StringComparer.Ordinal).ThenBy(r => r.CreatedSeq)
            .Select((r, i) => new ReportLine(i + 1, r, Group(r.CooperationType), names.Affair(r.AffairCode), names.Partners(r), names.Agency(r)))
            .ToList();
        return new MinistryReport(names.RegionName, exercise.Title, year, lines);
    }

    public long BudgetOf(ReportLine line) => line.Row.PlanFor(Year)?.Budget ?? 0;

    /// <summary>KSDD-wajib and KSDD-sukarela are KSDD; KSDPL and KSDLL are KSDPL; Sinergi and blanks are "Lainnya".</summary>
    public static string Group(string? type) => type switch
    {
        "KSDD-wajib" or "KSDD-sukarela" or "KSDD" => "KSDD",
        "KSDPK" => "KSDPK",
        "KSDPL" or "KSDLL" => "KSDPL",
        _ => "Lainnya",
    };

    /// <summary>The type as the report prints it per line: "KSDD (wajib)", "KSDPK", "KSDPL (lembaga luar negeri)".</summary>
    public static string TypeLabel(string? type) => type switch
    {
        "KSDD-wajib" => T("type_ksdd_mandatory"),
        "KSDD-sukarela" => T("type_ksdd_voluntary"),
        "KSDLL" => T("type_ksdll"),
        "Sinergi" => T("type_synergy"),
        null or "" => T("type_unset"),
        _ => type,
    };

    private static int Order(string group) => group switch { "KSDD" => 0, "KSDPK" => 1, "KSDPL" => 2, _ => 3 };

    private static bool RunsIn(RowView r, int year) =>
        r.PlanFor(year) is not null || (r.StartYear is { } start && start <= year && year < start + Math.Max(r.DurationYears ?? 1, 1));

    private static string T(string key) => Messages.Text(Messages.Indonesian, "export.ministry_report." + key);
}
