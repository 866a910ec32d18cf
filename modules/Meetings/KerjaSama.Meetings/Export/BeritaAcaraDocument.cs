using System.Globalization;
using KerjaSama.Meetings.Features;
using KerjaSama.Modularity.Documents;

namespace KerjaSama.Meetings.Export;

/// <summary>
/// The Berita Acara of a mapping meeting: the formal record that the meeting took place (day, date, place, who
/// attended per organisation), what it produced (rows of the cooperation matrix per government affair, decisions)
/// and the signatures of the chair and one representative per attending organisation.
/// </summary>
internal static class BeritaAcaraDocument
{
    public const string Heading = "BERITA ACARA";

    public static byte[] Build(MeetingSummary s)
    {
        var m = s.Meeting;
        var date = MinutesDocument.LocalDate(m);
        var start = m.StartsAt.ToOffset(MinutesDocument.Offset(m));
        var doc = new WordDocument()
            .Paragraph(Heading, bold: true, size: 28, centre: true, spaceAfter: 0)
            .Paragraph(m.Title.ToUpperInvariant(), bold: true, size: 24, centre: true, spaceAfter: 0)
            .Paragraph("Nomor: ........................................", centre: true, spaceAfter: 240);
        var where = string.IsNullOrWhiteSpace(m.Place) ? (m.OnlineLink is null ? "" : " secara daring") : $" bertempat di {m.Place}";
        doc.Justified($"Pada hari ini, {IndonesianDates.DayName(date)} tanggal {IndonesianDates.Format(date)}, pukul {IndonesianDates.Time(start)} {m.TimeZone}{where}, " +
            $"telah dilaksanakan {m.Title} yang dihadiri oleh {Present(s)} orang dari {s.Organisations.Count(o => o.People > 0)} organisasi, " +
            "dengan hasil sebagaimana tercantum di bawah ini.");

        doc.Heading("A. Kehadiran per Organisasi");
        var organisations = s.Organisations.Where(o => o.People > 0 || o.Invited).ToList();
        if (organisations.Count == 0)
            doc.Paragraph(MinutesDocument.NoAttendance, italic: true);
        else
            doc.Table(["No", "Organisasi", "Diundang", "Jumlah hadir"],
                organisations.Select((o, i) => (IReadOnlyList<string>)[N(i + 1), o.OrganisationName, o.Invited ? "Ya" : "Tidak", N(o.People)]), widths: [1, 8, 2, 2]);

        doc.Heading("B. Hasil Pemetaan per Urusan Pemerintahan");
        doc.Paragraph($"Jumlah baris potensi kerja sama yang diisi dalam rapat: {s.RowsAdded}.");
        if (s.RowsPerAffair.Count > 0)
            doc.Table(["No", "Urusan", "Jumlah baris"],
                s.RowsPerAffair.Select((r, i) => (IReadOnlyList<string>)[N(i + 1), r.AffairCode ?? "(belum diisi)", N(r.Rows)]), widths: [1, 8, 3]);

        doc.Heading("C. Kesepakatan");
        if (s.Decisions.Count == 0)
            doc.Paragraph("-");
        for (var i = 0; i < s.Decisions.Count; i++)
            doc.Paragraph($"{i + 1}. {s.Decisions[i].Text}");

        doc.Justified("Demikian Berita Acara ini dibuat dengan sebenarnya untuk dipergunakan sebagaimana mestinya.");
        var representatives = s.Attendance.Where(a => a.Present).GroupBy(a => a.OrganisationId)
            .Select(g => new SignatureBlock($"Wakil {g.First().OrganisationName},", g.First().DisplayName)).ToList();
        doc.Blank().Signatures([new SignatureBlock("Pimpinan Rapat,", null, "NIP. ...................................."), .. representatives],
            $"{MinutesDocument.Place(m)}, {IndonesianDates.Format(date)}");
        return doc.ToBytes();
    }

    private static int Present(MeetingSummary s) => s.Attendance.Count(a => a.Present);

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
}
