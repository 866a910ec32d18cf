using System.Globalization;
using KerjaSama.Modularity.Documents;

namespace KerjaSama.Planning.Exports;

/// <summary>
/// The decree annex as the document the head of region signs (DOCX, A4 landscape, the source of its PDF): the
/// LAMPIRAN heading with number, date and subject left to fill, the lines per affair with their indicative budgets,
/// totals, the signature block and page numbers.
/// </summary>
internal static class DecreeAnnexDocument
{
    public static byte[] Build(DecreeAnnex annex, DateOnly today)
    {
        var head = HeadOfRegion(annex.RegionName);
        var doc = new WordDocument(landscape: true)
            .Paragraph("LAMPIRAN", bold: true, size: 20, spaceAfter: 0)
            .Paragraph($"KEPUTUSAN {head}", bold: true, size: 20, spaceAfter: 0)
            .Paragraph("NOMOR   : ........................................", size: 20, spaceAfter: 0)
            .Paragraph("TANGGAL : ........................................", size: 20, spaceAfter: 0)
            .Paragraph($"TENTANG : {DecreeAnnex.Heading} {annex.Period}", size: 20, spaceAfter: 240)
            .Paragraph(DecreeAnnex.Heading, bold: true, size: 24, centre: true, spaceAfter: 0)
            .Paragraph($"{annex.Title} · {annex.Period}", size: 20, centre: true, spaceAfter: 200);

        List<string> headers = ["No", "Potensi / Objek Kerja Sama", "Jenis dan Bentuk", "Calon Mitra", "Program / Kegiatan / Sub Kegiatan", "Indikator"];
        headers.AddRange(annex.Years.Select(y => $"Pagu {y} (Rp)"));
        headers.AddRange(["Perangkat Daerah", "Status"]);
        List<int> widths = [2, 9, 5, 5, 9, 5];
        widths.AddRange(annex.Years.Select(_ => 5));
        widths.AddRange([6, 4]);
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
        doc.Blank().Signatures([new SignatureBlock($"{head},", null)], $"Ditetapkan di {Capital(annex.RegionName)}, {IndonesianDates.Format(today)}");
        return doc.ToBytes();
    }

    /// <summary>GUBERNUR for a province, BUPATI for a regency, WALI KOTA for a city, with the region's name.</summary>
    internal static string HeadOfRegion(string regionName)
    {
        var name = regionName.Trim();
        if (name.StartsWith("Kota ", StringComparison.OrdinalIgnoreCase))
            return "WALI KOTA " + name[5..].ToUpperInvariant();
        if (name.StartsWith("Kabupaten ", StringComparison.OrdinalIgnoreCase))
            return "BUPATI " + name[10..].ToUpperInvariant();
        return "GUBERNUR " + (name.StartsWith("Provinsi ", StringComparison.OrdinalIgnoreCase) ? name[9..] : name).ToUpperInvariant();
    }

    // REVIEW: the seat of government is not in the Registry yet; Kalimantan Tengah's is Palangka Raya, others get a blank to fill.
    private static string Capital(string regionName) =>
        regionName.Contains("Kalimantan Tengah", StringComparison.OrdinalIgnoreCase) ? "Palangka Raya" : "....................";

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
