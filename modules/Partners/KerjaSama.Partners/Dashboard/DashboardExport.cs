using System.Globalization;
using KerjaSama.Modularity.Csv;
using KerjaSama.Modularity.Spreadsheets;

namespace KerjaSama.Partners.Dashboard;

/// <summary>The dashboard as an XLSX workbook, and the yearly summary for the Ministry of Home Affairs as CSV.</summary>
internal static class DashboardExport
{
    private static readonly string[] YearHeader = ["Tahun"];

    private static readonly string[] AgreementHeader =
    [
        "Jenis", "Nomor", "Objek", "Urusan", "Mitra", "Kode wilayah mitra", "Tanggal tanda tangan", "Mulai", "Berakhir", "Nilai (Rp)",
        "Persetujuan DPRD", "Status", "Pengingat berikutnya", "Rekomendasi evaluasi terakhir",
    ];

    public static Task<byte[]> XlsxAsync(DashboardDto dashboard, CancellationToken ct)
    {
        string[] countHeader = ["Kelompok", "Kunci", "Berjalan", "Berakhir ≤ 90 hari", "Selesai", "Belum berlaku"];
        return XlsxWriter.WriteAsync(
        [
            Sheet("Perjanjian", [AgreementHeader, .. dashboard.Agreements.Select(Cells)]),
            Sheet("Ringkasan",
            [
                countHeader,
                .. dashboard.ByKind.Select(c => Count("Jenis", c)),
                .. dashboard.ByAffair.Select(c => Count("Urusan", c)),
                .. dashboard.ByPartner.Select(c => Count("Mitra", c)),
            ]),
            Sheet("Daerah mitra",
            [
                ["Kode wilayah", "Pemerintah daerah", "Jenis", "Nomor", "Berakhir", "Status"],
                .. dashboard.Regions.SelectMany(r => r.Agreements.Select(a => new object?[] { r.RegionCode, r.OrganisationName, a.Kind, a.Number, a.EndsOn, a.State })),
            ]),
        ], ct);
    }

    /// <summary>Agreements signed in or running during <paramref name="year"/>, one line each, with the state at year end.</summary>
    public static string YearlyCsv(DashboardDto dashboard, int year)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        return CsvFile.Write(
        [
            YearHeader.Concat(AgreementHeader),
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
