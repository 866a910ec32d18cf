using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using KerjaSama.Modularity.Csv;

namespace KerjaSama.Partners.Dashboard;

/// <summary>The dashboard as an XLSX workbook, and the yearly summary for the Ministry of Home Affairs as CSV.</summary>
internal static class DashboardExport
{
    private static readonly string[] AgreementHeader =
    [
        "Jenis", "Nomor", "Objek", "Urusan", "Mitra", "Kode wilayah mitra", "Tanggal tanda tangan", "Mulai", "Berakhir", "Nilai (Rp)",
        "Persetujuan DPRD", "Status", "Pengingat berikutnya", "Rekomendasi evaluasi terakhir",
    ];

    public static byte[] Xlsx(DashboardDto dashboard)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook(new Sheets());
            AddSheet(workbook, "Perjanjian", [AgreementHeader, .. dashboard.Agreements.Select(Cells)]);
            string[] countHeader = ["Kelompok", "Kunci", "Berjalan", "Berakhir ≤ 90 hari", "Selesai", "Belum berlaku"];
            AddSheet(workbook, "Ringkasan",
            [
                countHeader,
                .. dashboard.ByKind.Select(c => Count("Jenis", c)),
                .. dashboard.ByAffair.Select(c => Count("Urusan", c)),
                .. dashboard.ByPartner.Select(c => Count("Mitra", c)),
            ]);
            AddSheet(workbook, "Daerah mitra",
            [
                ["Kode wilayah", "Pemerintah daerah", "Jenis", "Nomor", "Berakhir", "Status"],
                .. dashboard.Regions.SelectMany(r => r.Agreements.Select(a => new object?[] { r.RegionCode, r.OrganisationName, a.Kind, a.Number, a.EndsOn, a.State })),
            ]);
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    /// <summary>Agreements signed in or running during <paramref name="year"/>, one line each, with the state at year end.</summary>
    public static string YearlyCsv(DashboardDto dashboard, int year)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var text = new StringBuilder();
        text.AppendLine(CsvCells.Line(new[] { "Tahun" }.Concat(AgreementHeader)));
        foreach (var a in dashboard.Agreements.Where(a => a.SignedOn is { } s && s <= last && a.EndsOn >= first))
            text.AppendLine(CsvCells.Line(new object?[] { year }.Concat(Cells(a))));
        return text.ToString();
    }

    private static object?[] Cells(DashboardRow a) =>
    [
        a.Kind, a.Number, a.Object, a.AffairCode, a.Partners, a.PartnerRegions, a.SignedOn, a.StartsOn, a.EndsOn, a.Value, a.DprdApprovalReference,
        a.State, a.NextReminderOn, a.LastRecommendation,
    ];

    private static object?[] Count(string group, DashboardCount c) => [group, c.Label, c.Active, c.Expiring, c.Ended, c.Draft];

    private static void AddSheet(WorkbookPart workbook, string name, IEnumerable<object?[]> rows)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        uint index = 1;
        foreach (var values in rows)
        {
            var row = new Row { RowIndex = index++ };
            foreach (var value in values)
            {
                row.Append(value switch
                {
                    int or decimal or long => new Cell { DataType = CellValues.Number, CellValue = new CellValue(Format(value)) },
                    _ => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(Format(value)) { Space = SpaceProcessingModeValues.Preserve }) },
                });
            }

            data.Append(row);
        }

        part.Worksheet = new Worksheet(data);
        var sheets = workbook.Workbook.Sheets!;
        sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = (uint)sheets.ChildElements.Count + 1, Name = name });
    }

    private static string Format(object? value) => value switch
    {
        null => "",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
