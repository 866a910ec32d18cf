using System.Globalization;
using KerjaSama.Modularity.Documents;
using KerjaSama.Planning.Documents;

namespace KerjaSama.Planning.Consolidation;

/// <summary>
/// The yearly report to the Ministry of Home Affairs as the head of region signs it (DOCX, A4 landscape): addressee,
/// a summary per cooperation type (KSDD, KSDPK, KSDPL), the list of cooperations with their type, partner, term,
/// stage and budget of the year, the signature block and page numbers.
/// </summary>
internal static class MinistryReportDocument
{
    public const string Heading = "LAPORAN PENYELENGGARAAN KERJA SAMA DAERAH";

    public static byte[] Build(MinistryReport report, DocumentSigning signing, DateOnly today)
    {
        var government = RegionNames.Government(report.RegionName);
        var year = report.Year.ToString(CultureInfo.InvariantCulture);
        var doc = new WordDocument(landscape: true)
            .Paragraph(Heading, bold: true, size: 26, centre: true, spaceAfter: 0)
            .Paragraph(government, bold: true, size: 24, centre: true, spaceAfter: 0)
            .Paragraph($"TAHUN {year}", bold: true, size: 24, centre: true, spaceAfter: 240)
            .Paragraph("Kepada Yth.", spaceAfter: 0)
            .Paragraph("Menteri Dalam Negeri Republik Indonesia", spaceAfter: 0)
            .Paragraph("c.q. Direktur Jenderal Bina Administrasi Kewilayahan", spaceAfter: 0)
            .Paragraph("di Jakarta", spaceAfter: 200)
            .Justified($"Berdasarkan Peraturan Pemerintah Nomor 28 Tahun 2018 tentang Kerja Sama Daerah, bersama ini kami sampaikan laporan " +
                $"penyelenggaraan kerja sama daerah {government} tahun {year}, bersumber dari {report.ExerciseTitle}, sebagai berikut.");

        doc.Heading("A. Rekapitulasi per Jenis Kerja Sama");
        var summary = MinistryReport.Groups.Select((g, i) =>
        {
            var lines = report.Lines.Where(l => l.TypeGroup == g.Group).ToList();
            return (IReadOnlyList<string>)[N(i + 1), g.Name, N(lines.Count), DecreeAnnex.Rupiah(lines.Sum(report.BudgetOf))];
        }).ToList();
        summary.Add(["", "JUMLAH", N(report.Lines.Count), DecreeAnnex.Rupiah(report.Lines.Sum(report.BudgetOf))]);
        doc.Table(["No", "Jenis Kerja Sama", "Jumlah Kerja Sama", $"Pagu Indikatif {year} (Rp)"], summary, widths: [1, 12, 3, 4], size: 18);

        doc.Heading("B. Daftar Kerja Sama Daerah");
        if (report.Lines.Count == 0)
            doc.Paragraph($"Tidak ada kerja sama yang ditetapkan untuk tahun {year}.", italic: true);
        else
            doc.Table(["No", "Jenis Kerja Sama", "Urusan Pemerintahan", "Objek Kerja Sama", "Mitra", "Bentuk Kerja Sama", "Jangka Waktu", "Tahapan",
                    $"Pagu Indikatif {year} (Rp)", "Perangkat Daerah Penanggung Jawab"],
                report.Lines.Select(l => (IReadOnlyList<string>)
                [
                    N(l.No), MinistryReport.TypeLabel(l.Row.CooperationType), l.Affair, l.Row.Object ?? l.Row.Potential ?? "", l.Partners,
                    Labels.Form(l.Row.Form), Term(l.Row.StartYear, l.Row.DurationYears), Labels.Status(l.Row.Status),
                    l.Row.PlanFor(report.Year)?.Budget is { } b ? DecreeAnnex.Rupiah(b) : "-", l.Agency,
                ]), widths: [2, 5, 7, 9, 7, 6, 4, 5, 5, 7], size: 16);

        doc.Justified("Demikian laporan ini kami sampaikan untuk menjadi bahan pembinaan dan pengawasan penyelenggaraan kerja sama daerah.");
        doc.Blank().SignatureRight([$"{signing.PlaceFor(report.RegionName)}, {IndonesianDates.Format(today)}"],
            new SignatureBlock($"{signing.TitleFor(report.RegionName)},", signing.SignatoryName, signing.NipLine));
        return doc.ToBytes();
    }

    private static string Term(int? start, int? years) => (start, years) switch
    {
        ({ } s, { } y) => $"{s}–{s + y - 1} ({y} tahun)",
        ({ } s, null) => $"mulai {s}",
        _ => "-",
    };

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
}
