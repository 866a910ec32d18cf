using System.Globalization;
using KerjaSama.Modularity.Documents;
using KerjaSama.Planning.Documents;

namespace KerjaSama.Planning.Consolidation;

/// <summary>
/// The decree annex as the document the head of region signs (DOCX, A4 landscape, the source of its PDF): the
/// LAMPIRAN heading with the decree's number, date (from the adoption, else dotted lines) and subject, the lines per
/// affair with their indicative budgets, totals, the signature block with the signatory's name and NIP, page numbers.
/// </summary>
internal static class DecreeAnnexDocument
{
    public static byte[] Build(DecreeAnnex annex, DocumentSigning signing)
    {
        var head = signing.TitleFor(annex.RegionName);
        var doc = new WordDocument(landscape: true)
            .LabelledBlock(["LAMPIRAN", $"KEPUTUSAN {RegionNames.HeadOf(annex.RegionName)}"], HeadingLines(annex, signing))
            .Paragraph(DecreeAnnex.Heading, bold: true, size: 24, centre: true, spaceAfter: 0)
            .Paragraph($"{RegionNames.Government(annex.RegionName)} {annex.Period}", bold: true, size: 22, centre: true, spaceAfter: 200);

        List<string> headers = ["No", "Potensi / Objek Kerja Sama", "Jenis dan Bentuk", "Calon Mitra", "Program / Kegiatan / Sub Kegiatan", "Indikator"];
        headers.AddRange(annex.Years.Select(y => $"Pagu {y} (Rp)"));
        headers.AddRange(["Perangkat Daerah", "Status"]);
        List<int> widths = [2, 9, 5, 5, 9, 5];
        widths.AddRange(annex.Years.Select(_ => 5));
        widths.AddRange([6, 5]);
        var rows = new List<IReadOnlyList<string>>();
        foreach (var group in annex.Groups)
        {
            rows.Add([.. Enumerable.Repeat("", headers.Count).Select((_, i) => i == 1 ? $"Urusan {group.AffairTitle}" : "")]);
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

            rows.Add(Total($"Jumlah {group.AffairTitle}", y => group.Totals.GetValueOrDefault(y), annex, headers.Count));
        }

        rows.Add(Total("JUMLAH SELURUHNYA", annex.TotalFor, annex, headers.Count));
        doc.Table(headers, rows, widths, size: 14);
        if (annex.RowCount == 0)
            doc.Paragraph("Belum ada baris yang ditetapkan.", italic: true);
        doc.Blank().SignatureRight(
            [$"Ditetapkan di {signing.PlaceFor(annex.RegionName)}", $"pada tanggal {(signing.DecreeDate is { } d ? IndonesianDates.Format(d) : DocumentSigning.Dots)}"],
            new SignatureBlock($"{head},", signing.SignatoryName, signing.NipLine));
        return doc.ToBytes();
    }

    /// <summary>NOMOR, TANGGAL (from the adoption, else dotted lines to fill) and TENTANG.</summary>
    internal static List<(string, string)> HeadingLines(DecreeAnnex annex, DocumentSigning signing) =>
    [
        ("NOMOR", string.IsNullOrWhiteSpace(signing.DecreeNumber) ? DocumentSigning.Dots : signing.DecreeNumber),
        ("TANGGAL", signing.DecreeDate is { } date ? IndonesianDates.Format(date) : DocumentSigning.Dots),
        ("TENTANG", Subject(annex, signing)),
    ];

    internal static string Subject(DecreeAnnex annex, DocumentSigning signing) => string.IsNullOrWhiteSpace(signing.DecreeSubject)
        ? $"{DecreeAnnex.Heading} {RegionNames.Government(annex.RegionName)} TAHUN {annex.YearSpan}"
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
}
