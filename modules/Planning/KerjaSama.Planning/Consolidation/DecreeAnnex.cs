using System.Globalization;
using KerjaSama.Modularity.Localization;
using KerjaSama.Modularity.Spreadsheets;
using KerjaSama.Planning.Exercises;

namespace KerjaSama.Planning.Consolidation;

/// <summary>One line of the decree annex.</summary>
internal sealed record AnnexLine(int No, RowView Row, string Partners, string Program, string Activity, string SubActivity, string Indicator,
    string Agency, string FundingSources);

/// <summary>The lines of one government affair with its indicative budget per year.</summary>
internal sealed record AnnexGroup(string AffairCode, string AffairTitle, IReadOnlyList<AnnexLine> Lines, IReadOnlyDictionary<int, long> Totals)
{
    public long Total => Totals.Values.Sum();
}

/// <summary>
/// "Daftar Program dan Kegiatan Kerja Sama Daerah", the annex of the head of region's decree: the adopted rows
/// (ditetapkan or later along the lifecycle, not merged), grouped by affair, with the planning columns and the
/// indicative budget per affair and year. The XLSX and the printable page both render this model. An official document:
/// always in Bahasa Indonesia (docs/messages.md), its texts are the catalogue's <c>export.decree_annex.*</c> read in Indonesian.
/// </summary>
internal sealed record DecreeAnnex(string Title, string RegionName, string Period, IReadOnlyList<int> Years, IReadOnlyList<AnnexGroup> Groups)
{
    public static string Heading => T("heading");

    public long TotalFor(int year) => Groups.Sum(g => g.Totals.GetValueOrDefault(year));

    public long Total => Groups.Sum(g => g.Total);

    public int RowCount => Groups.Sum(g => g.Lines.Count);

    /// <summary>"2025–2029", or "2026" for one year.</summary>
    public string YearSpan => Years.Count == 1 ? Years[0].ToString(CultureInfo.InvariantCulture) : $"{Years[0]}–{Years[^1]}";

    public static DecreeAnnex Build(MappingExercise exercise, IEnumerable<RowView> rows, MatrixNames names)
    {
        var years = Enumerable.Range(exercise.StartYear, exercise.EndYear - exercise.StartYear + 1).ToList();
        var groups = rows.Where(r => r.IsAdopted && r.MergedInto is null)
            .GroupBy(r => r.AffairCode ?? "~")
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var lines = g.OrderBy(r => r.Priority ?? int.MaxValue).ThenBy(r => r.CreatedSeq)
                    .Select((r, i) => new AnnexLine(i + 1, r, names.Partners(r), names.Nomenclature(r.ProgramCode), names.Nomenclature(r.ActivityCode),
                        names.Nomenclature(r.SubActivityCode), Indicator(r, names), names.Agency(r),
                        string.Join("; ", r.YearlyPlans.Select(p => p.FundingSource).OfType<string>().Distinct())))
                    .ToList();
                var totals = years.ToDictionary(y => y, y => g.Sum(r => r.PlanFor(y)?.Budget ?? 0));
                return new AnnexGroup(g.Key == "~" ? "" : g.Key, names.Affair(g.Key == "~" ? null : g.Key), lines, totals);
            }).ToList();
        var period = years.Count == 1
            ? $"{exercise.PeriodKind.ToString().ToUpperInvariant()} {exercise.StartYear}"
            : $"{exercise.PeriodKind.ToString().ToUpperInvariant()} {exercise.StartYear}–{exercise.EndYear}";
        return new DecreeAnnex(exercise.Title, names.RegionName, period, years, groups);
    }

    private static string Indicator(RowView r, MatrixNames names) =>
        r.YearlyPlans.Select(p => p.Indicator).FirstOrDefault(i => !string.IsNullOrWhiteSpace(i)) ?? names.Indicator(r.SubActivityCode) ?? "";

    public static string Rupiah(long value) => value.ToString("#,##0", CultureInfo.GetCultureInfo("id-ID"));

    /// <summary>The annex as a formatted workbook: title, header, a heading per affair, lines, a total per affair, the grand total.</summary>
    public Task<byte[]> ToXlsxAsync(CancellationToken ct)
    {
        var sheet = new XlsxSheet(T("sheet")) { FitToWidth = true, Language = Messages.Indonesian };
        string[] fixedHeaders =
        [
            T("col_number"), T("col_sub_affair"), T("col_potential_problem"), T("col_object"), T("col_type"), T("col_partners"), T("col_form"), T("col_benefit"),
            T("col_program"), T("col_activity"), T("col_sub_activity"), T("col_indicator"),
        ];
        var yearHeaders = Years.SelectMany(y => new[] { T("col_target", Year(y)), T("col_budget_indicative", Year(y)) }).ToArray();
        string[] tailHeaders = [T("col_funding_source"), T("col_responsible_agency"), T("col_dprd_approval"), T("col_status")];
        var columns = fixedHeaders.Length + yearHeaders.Length + tailHeaders.Length;
        sheet.Widths.AddRange([5, 10, 32, 28, 14, 24, 18, 28, 30, 30, 34, 28]);
        sheet.Widths.AddRange(Years.SelectMany(_ => new double[] { 14, 18 }));
        sheet.Widths.AddRange([16, 26, 12, 16]);

        var last = XlsxWriter.ColumnName(columns - 1);
        sheet.AddRow(new XlsxCell(T("title", Documents.RegionNames.HeadOf(RegionName)), XlsxStyle.Title));
        sheet.AddRow(new XlsxCell(Heading, XlsxStyle.Title));
        sheet.AddRow(new XlsxCell($"{Title} · {Period}", XlsxStyle.Plain));
        sheet.Merges.AddRange([$"A1:{last}1", $"A2:{last}2", $"A3:{last}3"]);
        sheet.AddRow();
        sheet.AddRow([.. fixedHeaders.Concat(yearHeaders).Concat(tailHeaders).Select(h => new XlsxCell(h, XlsxStyle.Header))]);
        sheet.FrozenRows = sheet.Rows.Count;

        foreach (var group in Groups)
        {
            var heading = Enumerable.Repeat(new XlsxCell(null, XlsxStyle.Group), columns).ToList();
            heading[0] = new XlsxCell(T("affair", group.AffairTitle), XlsxStyle.Group);
            sheet.Rows.Add(heading);
            sheet.Merges.Add($"A{sheet.Rows.Count}:{last}{sheet.Rows.Count}");
            foreach (var line in group.Lines)
            {
                var r = line.Row;
                var cells = new List<XlsxCell>
                {
                    new((long)line.No, XlsxStyle.Number), new(r.SubAffairCode), new(r.Potential), new(r.Object), new(Labels.CooperationType(r.CooperationType)), new(line.Partners),
                    new(Labels.Form(r.Form)), new(r.Benefit), new(line.Program), new(line.Activity), new(line.SubActivity), new(line.Indicator),
                };
                foreach (var year in Years)
                {
                    var plan = r.PlanFor(year);
                    cells.Add(new XlsxCell(plan?.Target));
                    cells.Add(new XlsxCell(plan?.Budget, XlsxStyle.Rupiah));
                }

                cells.AddRange([new(line.FundingSources), new(line.Agency), new(Labels.YesNo(r.DprdApprovalRequired)), new(Labels.Status(r.Status))]);
                sheet.Rows.Add(cells);
            }

            sheet.Rows.Add(TotalRow(T("affair_total", group.AffairTitle), y => group.Totals.GetValueOrDefault(y), fixedHeaders.Length, tailHeaders.Length));
        }

        sheet.Rows.Add(TotalRow(T("grand_total"), TotalFor, fixedHeaders.Length, tailHeaders.Length));
        return XlsxWriter.WriteAsync([sheet], ct);
    }

    private List<XlsxCell> TotalRow(string label, Func<int, long> total, int fixedColumns, int tailColumns)
    {
        var cells = Enumerable.Repeat(new XlsxCell(null, XlsxStyle.Group), fixedColumns).ToList();
        cells[fixedColumns - 1] = new XlsxCell(label, XlsxStyle.TotalLabel);
        foreach (var year in Years)
        {
            cells.Add(new XlsxCell(null, XlsxStyle.Group));
            cells.Add(new XlsxCell(total(year), XlsxStyle.Total));
        }

        cells.AddRange(Enumerable.Repeat(new XlsxCell(null, XlsxStyle.Group), tailColumns));
        return cells;
    }

    /// <summary>A year as the documents print it: 2026, not 2.026.</summary>
    internal static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);

    // An official document: Indonesian whatever the reader chose.
    private static string T(string key, params object?[] args) => Messages.Text(Messages.Indonesian, "export.decree_annex." + key, args);
}
