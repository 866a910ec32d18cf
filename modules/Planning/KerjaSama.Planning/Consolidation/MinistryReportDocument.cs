using System.Globalization;
using KerjaSama.Modularity.Documents;
using KerjaSama.Modularity.Localization;
using KerjaSama.Planning.Documents;

namespace KerjaSama.Planning.Consolidation;

/// <summary>
/// The yearly report to the Ministry of Home Affairs as the head of region signs it (DOCX, A4 landscape): addressee,
/// a summary per cooperation type (KSDD, KSDPK, KSDPL), the list of cooperations with their type, partner, term,
/// stage and budget of the year, the signature block and page numbers. Always in Bahasa Indonesia: the catalogue's
/// <c>export.ministry_report.*</c> read in Indonesian.
/// </summary>
internal static class MinistryReportDocument
{
    public static string Heading => T("heading");

    public static byte[] Build(MinistryReport report, DocumentSigning signing, DateOnly today)
    {
        var government = RegionNames.Government(report.RegionName);
        var year = report.Year.ToString(CultureInfo.InvariantCulture);
        var doc = new WordDocument(landscape: true)
            .Paragraph(Heading, bold: true, size: 26, centre: true, spaceAfter: 0)
            .Paragraph(government, bold: true, size: 24, centre: true, spaceAfter: 0)
            .Paragraph(T("year", year), bold: true, size: 24, centre: true, spaceAfter: 240)
            .Paragraph(T("to"), spaceAfter: 0)
            .Paragraph(T("to_minister"), spaceAfter: 0)
            .Paragraph(T("to_directorate"), spaceAfter: 0)
            .Paragraph(T("to_place"), spaceAfter: 200)
            .Justified(T("opening", government, year, report.ExerciseTitle));

        doc.Heading(T("summary"));
        var summary = MinistryReport.Groups.Select((g, i) =>
        {
            var lines = report.Lines.Where(l => l.TypeGroup == g.Group).ToList();
            return (IReadOnlyList<string>)[N(i + 1), g.Name, N(lines.Count), DecreeAnnex.Rupiah(lines.Sum(report.BudgetOf))];
        }).ToList();
        summary.Add(["", T("total"), N(report.Lines.Count), DecreeAnnex.Rupiah(report.Lines.Sum(report.BudgetOf))]);
        doc.Table([T("col_number"), T("col_type"), T("col_count"), T("col_budget", year)], summary, widths: [1, 12, 3, 4], size: 18);

        doc.Heading(T("list"));
        if (report.Lines.Count == 0)
            doc.Paragraph(T("no_lines", year), italic: true);
        else
            doc.Table([T("col_number"), T("col_type"), T("col_affair"), T("col_object"), T("col_partner"), T("col_form"), T("col_term"), T("col_stage"),
                    T("col_budget", year), T("col_agency")],
                report.Lines.Select(l => (IReadOnlyList<string>)
                [
                    N(l.No), MinistryReport.TypeLabel(l.Row.CooperationType), l.Affair, l.Row.Object ?? l.Row.Potential ?? "", l.Partners,
                    Labels.Form(l.Row.Form), Term(l.Row.StartYear, l.Row.DurationYears), Labels.Status(l.Row.Status),
                    l.Row.PlanFor(report.Year)?.Budget is { } b ? DecreeAnnex.Rupiah(b) : "-", l.Agency,
                ]), widths: [2, 5, 7, 9, 7, 6, 4, 5, 5, 7], size: 16);

        doc.Justified(T("closing"));
        doc.Blank().SignatureRight([$"{signing.PlaceFor(report.RegionName)}, {IndonesianDates.Format(today)}"],
            new SignatureBlock($"{signing.TitleFor(report.RegionName)},", signing.SignatoryName, signing.NipLine));
        return doc.ToBytes();
    }

    private static string Term(int? start, int? years) => (start, years) switch
    {
        ({ } s, { } y) => T("term", N(s), N(s + y - 1), N(y)),
        ({ } s, null) => T("term_from", N(s)),
        _ => "-",
    };

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    // An official report: Indonesian whatever the reader chose.
    private static string T(string key, params object?[] args) => Messages.Text(Messages.Indonesian, "export.ministry_report." + key, args);
}
