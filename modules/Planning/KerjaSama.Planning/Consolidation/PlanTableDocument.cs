using System.Globalization;
using KerjaSama.Modularity.Documents;
using KerjaSama.Modularity.Localization;
using KerjaSama.Planning.Documents;

namespace KerjaSama.Planning.Consolidation;

/// <summary>
/// The RPJMD or RKPD table as Bapperida prints it (DOCX, A4 landscape): per government affair, each row's
/// programme/kegiatan/sub kegiatan, performance indicator, target and indicative budget per year, location and the
/// responsible agency, with totals per affair and in all, and page numbers. The XLSX is the working copy of the same rows.
/// Its headings are <c>export.plan_table.*</c> in the reader's language (issue 20).
/// </summary>
internal static class PlanTableDocument
{
    private static readonly int[] YearWidths = [4, 5];

    public static byte[] Build(IReadOnlyList<RowView> rows, MatrixNames names, IReadOnlyList<int> years, string plan, CultureInfo language)
    {
        var span = years.Count == 1 ? years[0].ToString(CultureInfo.InvariantCulture) : $"{years[0]}–{years[^1]}";
        var doc = new WordDocument(landscape: true, language: language)
            .Paragraph(T(language, "title", plan), bold: true, size: 24, centre: true, spaceAfter: 0)
            .Paragraph(T(language, "subtitle", RegionNames.Government(names.RegionName, language), span), bold: true, size: 22, centre: true, spaceAfter: 200);
        List<string> headers = [T(language, "col_number"), T(language, "col_nomenclature"), T(language, "col_indicator")];
        headers.AddRange(years.SelectMany(y => new[] { T(language, "col_target", y), T(language, "col_budget", y) }));
        headers.AddRange([T(language, "col_location"), T(language, "col_agency")]);
        List<int> widths = [2, 11, 6];
        widths.AddRange(years.SelectMany(_ => YearWidths));
        widths.AddRange([5, 6]);
        var lines = new List<IReadOnlyList<string>>();
        foreach (var affair in rows.GroupBy(r => r.AffairCode ?? "~").OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            lines.Add(Spanning(headers.Count, T(language, "affair", names.Affair(affair.Key == "~" ? null : affair.Key))));
            var n = 0;
            foreach (var r in affair.OrderBy(r => r.Priority ?? int.MaxValue).ThenBy(r => r.CreatedSeq))
            {
                var cells = new List<string> { (++n).ToString(CultureInfo.InvariantCulture), Nomenclature(r, names), Indicator(r, names) };
                foreach (var year in years)
                {
                    var p = r.PlanFor(year);
                    cells.AddRange([p?.Target ?? "-", p?.Budget is { } b ? DecreeAnnex.Rupiah(b) : "-"]);
                }

                cells.AddRange([Location(r, names), names.Agency(r)]);
                lines.Add(cells);
            }

            lines.Add(Total(headers.Count, T(language, "affair_total", names.AffairName(affair.Key == "~" ? null : affair.Key)).TrimEnd(), years, y => affair.Sum(r => r.PlanFor(y)?.Budget ?? 0)));
        }

        lines.Add(Total(headers.Count, T(language, "grand_total"), years, y => rows.Sum(r => r.PlanFor(y)?.Budget ?? 0)));
        doc.Table(headers, lines, widths, size: 14);
        if (rows.Count == 0)
            doc.Paragraph(T(language, "no_rows"), italic: true);
        return doc.ToBytes();
    }

    private static string T(CultureInfo language, string key, params object?[] args) => Messages.Text(language, "export.plan_table." + key, args);

    private static string Nomenclature(RowView r, MatrixNames names)
    {
        var codes = new[] { r.ProgramCode, r.ActivityCode, r.SubActivityCode }.OfType<string>().Select(names.Nomenclature).ToList();
        return codes.Count > 0 ? string.Join("\n", codes) : r.Potential ?? "";
    }

    private static string Indicator(RowView r, MatrixNames names) =>
        r.YearlyPlans.Select(p => p.Indicator).FirstOrDefault(i => !string.IsNullOrWhiteSpace(i)) ?? names.Indicator(r.SubActivityCode) ?? "-";

    /// <summary>The row's own lokasi; a row without one is located in the region and its partner regions.</summary>
    private static string Location(RowView r, MatrixNames names) =>
        !string.IsNullOrWhiteSpace(r.Location)
            ? r.Location
            : string.Join("; ", new[] { names.RegionName }.Concat(r.PartnerRegionCodes.Select(names.RegionNameOf)).Distinct());

    private static List<string> Spanning(int columns, string text)
    {
        var cells = Enumerable.Repeat("", columns).ToList();
        cells[1] = text;
        return cells;
    }

    private static List<string> Total(int columns, string label, IReadOnlyList<int> years, Func<int, long> total)
    {
        var cells = Enumerable.Repeat("", columns).ToList();
        cells[1] = label;
        for (var i = 0; i < years.Count; i++)
            cells[4 + 2 * i] = DecreeAnnex.Rupiah(total(years[i]));
        return cells;
    }
}
