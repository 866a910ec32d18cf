using System.Globalization;
using KerjaSama.Modularity.Documents;
using KerjaSama.Modularity.Localization;
using KerjaSama.Planning.Documents;

namespace KerjaSama.Planning.Consolidation;

/// <summary>
/// The decree annex as the document the head of region signs (DOCX, A4 landscape, the source of its PDF): the
/// LAMPIRAN heading with the decree's number, date (from the adoption, else dotted lines) and subject, the lines per
/// affair with their indicative budgets, totals, the signature block with the signatory's name and NIP, page numbers.
/// Always in Bahasa Indonesia: the catalogue's <c>export.decree_annex.*</c> read in Indonesian.
/// </summary>
internal static class DecreeAnnexDocument
{
    public static byte[] Build(DecreeAnnex annex, DocumentSigning signing)
    {
        var head = signing.TitleFor(annex.RegionName);
        var doc = new WordDocument(landscape: true)
            .LabelledBlock([T("annex"), T("decree", RegionNames.HeadOf(annex.RegionName))], HeadingLines(annex, signing))
            .Paragraph(DecreeAnnex.Heading, bold: true, size: 24, centre: true, spaceAfter: 0)
            .Paragraph($"{RegionNames.Government(annex.RegionName)} {annex.Period}", bold: true, size: 22, centre: true, spaceAfter: 200);

        List<string> headers = [T("col_number"), T("col_potential_object"), T("col_type_form"), T("col_partners"), T("col_nomenclature"), T("col_indicator")];
        headers.AddRange(annex.Years.Select(y => T("col_budget", DecreeAnnex.Year(y))));
        headers.AddRange([T("col_agency"), T("col_status")]);
        List<int> widths = [2, 9, 5, 5, 9, 5];
        widths.AddRange(annex.Years.Select(_ => 5));
        widths.AddRange([6, 5]);
        var rows = new List<IReadOnlyList<string>>();
        foreach (var group in annex.Groups)
        {
            rows.Add([.. Enumerable.Repeat("", headers.Count).Select((_, i) => i == 1 ? T("affair", group.AffairTitle) : "")]);
            foreach (var line in group.Lines)
            {
                var r = line.Row;
                var cells = new List<string>
                {
                    line.No.ToString(CultureInfo.InvariantCulture), Join(r.Potential, r.Object), Join(Labels.CooperationType(r.CooperationType), Labels.Form(r.Form)), line.Partners,
                    Join(line.Program, line.Activity, line.SubActivity), line.Indicator,
                };
                cells.AddRange(annex.Years.Select(y => r.PlanFor(y)?.Budget is { } b ? DecreeAnnex.Rupiah(b) : "-"));
                cells.AddRange([line.Agency, Labels.Status(r.Status)]);
                rows.Add(cells);
            }

            rows.Add(Total(T("affair_total", group.AffairTitle), y => group.Totals.GetValueOrDefault(y), annex, headers.Count));
        }

        rows.Add(Total(T("grand_total"), annex.TotalFor, annex, headers.Count));
        doc.Table(headers, rows, widths, size: 14);
        if (annex.RowCount == 0)
            doc.Paragraph(T("no_rows"), italic: true);
        doc.Blank().SignatureRight(
            [T("adopted_at", signing.PlaceFor(annex.RegionName)), T("adopted_on", signing.DecreeDate is { } d ? IndonesianDates.Format(d) : DocumentSigning.Dots)],
            new SignatureBlock($"{head},", signing.SignatoryName, signing.NipLine));
        return doc.ToBytes();
    }

    /// <summary>NOMOR, TANGGAL (from the adoption, else dotted lines to fill) and TENTANG.</summary>
    internal static List<(string, string)> HeadingLines(DecreeAnnex annex, DocumentSigning signing) =>
    [
        (T("number"), string.IsNullOrWhiteSpace(signing.DecreeNumber) ? DocumentSigning.Dots : signing.DecreeNumber),
        (T("date"), signing.DecreeDate is { } date ? IndonesianDates.Format(date) : DocumentSigning.Dots),
        (T("subject"), Subject(annex, signing)),
    ];

    internal static string Subject(DecreeAnnex annex, DocumentSigning signing) => string.IsNullOrWhiteSpace(signing.DecreeSubject)
        ? T("default_subject", DecreeAnnex.Heading, RegionNames.Government(annex.RegionName), annex.YearSpan)
        : signing.DecreeSubject.ToUpperInvariant();

    private static string Join(params string?[] parts) => string.Join(" / ", parts.Where(p => !string.IsNullOrWhiteSpace(p)));

    private static List<string> Total(string label, Func<int, long> total, DecreeAnnex annex, int columns)
    {
        var cells = Enumerable.Repeat("", columns).ToList();
        cells[5] = label;
        for (var i = 0; i < annex.Years.Count; i++)
            cells[6 + i] = DecreeAnnex.Rupiah(total(annex.Years[i]));
        return cells;
    }

    // An official document: Indonesian whatever the reader chose.
    private static string T(string key, params object?[] args) => Messages.Text(Messages.Indonesian, "export.decree_annex." + key, args);
}
