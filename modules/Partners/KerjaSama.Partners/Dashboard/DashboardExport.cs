using System.Globalization;
using KerjaSama.Modularity.Csv;
using KerjaSama.Modularity.Localization;
using KerjaSama.Modularity.Spreadsheets;

namespace KerjaSama.Partners.Dashboard;

/// <summary>The dashboard as an XLSX workbook, and the yearly summary for the Ministry of Home Affairs as CSV.</summary>
internal static class DashboardExport
{
    private static readonly string[] AgreementColumns =
    [
        "export.agreements.kind", "export.agreements.number", "export.agreements.object", "export.agreements.affair", "export.agreements.partners",
        "export.agreements.partner_regions", "export.agreements.signed_on", "export.agreements.starts_on", "export.agreements.ends_on",
        "export.agreements.value", "export.agreements.dprd_approval", "export.agreements.state", "export.agreements.next_reminder",
        "export.agreements.last_recommendation",
    ];

    /// <summary>The workbook's sheet names and headings are <c>export.agreements.*</c> in the reader's language (issue 20).</summary>
    public static Task<byte[]> XlsxAsync(DashboardDto dashboard, CultureInfo language, CancellationToken ct)
    {
        string[] countHeader = [T(language, "group"), T(language, "key"), T(language, "active"), T(language, "expiring"), T(language, "ended"), T(language, "draft")];
        return XlsxWriter.WriteAsync(
        [
            Sheet(T(language, "sheet_agreements"), [AgreementHeader(language), .. dashboard.Agreements.Select(Cells)]),
            Sheet(T(language, "sheet_summary"),
            [
                countHeader,
                .. dashboard.ByKind.Select(c => Count(T(language, "kind"), c)),
                .. dashboard.ByAffair.Select(c => Count(T(language, "affair"), c)),
                .. dashboard.ByPartner.Select(c => Count(T(language, "partner"), c)),
            ]),
            Sheet(T(language, "sheet_regions"),
            [
                [T(language, "region_code"), T(language, "government"), T(language, "kind"), T(language, "number"), T(language, "ends_on"), T(language, "state")],
                .. dashboard.Regions.SelectMany(r => r.Agreements.Select(a => new object?[] { r.RegionCode, r.OrganisationName, a.Kind, a.Number, a.EndsOn, a.State })),
            ]),
        ], ct);
    }

    private static string[] AgreementHeader(CultureInfo language) => [.. AgreementColumns.Select(key => Messages.Text(language, key))];

    private static string T(CultureInfo language, string key) => Messages.Text(language, "export.agreements." + key);

    /// <summary>
    /// Agreements signed in or running during <paramref name="year"/>, one line each, with the state at year end. A report
    /// to the Ministry of Home Affairs: always in Bahasa Indonesia, whatever the reader chose (docs/messages.md).
    /// </summary>
    public static string YearlyCsv(DashboardDto dashboard, int year)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        return CsvFile.Write(
        [
            AgreementHeader(Messages.Indonesian).Prepend(T(Messages.Indonesian, "year")),
            .. dashboard.Agreements.Where(a => a.SignedOn is { } s && s <= last && a.EndsOn >= first).Select(a => new object?[] { year }.Concat(Cells(a))),
        ]);
    }

    private static object?[] Cells(DashboardRow a) =>
    [
        a.Kind, a.Number, a.Object, a.AffairCode, a.Partners, a.PartnerRegions, a.SignedOn, a.StartsOn, a.EndsOn, a.Value, a.DprdApprovalReference,
        a.State, a.NextReminderOn, a.LastRecommendation,
    ];

    private static object?[] Count(string group, DashboardCount c) => [group, c.Label, c.Active, c.Expiring, c.Ended, c.Draft];

    private static XlsxSheet Sheet(string name, IEnumerable<object?[]> rows)
    {
        var sheet = new XlsxSheet(name);
        foreach (var values in rows)
            sheet.AddRow([.. values.Select(v => new XlsxCell(v is int or long or decimal ? v : Format(v), XlsxStyle.Plain))]);
        return sheet;
    }

    private static string Format(object? value) => value switch
    {
        null => "",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
