using System.Globalization;
using KerjaSama.Meetings.Features.Meetings;
using KerjaSama.Meetings.Features.Summary;
using KerjaSama.Modularity.Documents;

namespace KerjaSama.Meetings.Export;

/// <summary>
/// The minutes (notulen) with attendance as a DOCX for the secretariat to sign and file: details with the Indonesian
/// date, agenda, attendance (or a sentence saying none was recorded), contributions, minutes text, decisions, action
/// items, the signature blocks of the chair and the minute taker, and page numbers.
/// </summary>
internal static class MinutesDocument
{
    public const string NoAttendance = "Tidak ada kehadiran yang tercatat. / No attendance was recorded.";

    public static byte[] Build(MeetingSummary s)
    {
        var m = s.Meeting;
        var doc = new WordDocument()
            .Paragraph("NOTULEN RAPAT", bold: true, size: 28, centre: true, spaceAfter: 0)
            .Paragraph(m.Title, bold: true, size: 24, centre: true, spaceAfter: 240);
        doc.Table(["", ""], Details(m), widths: [1, 3], size: 20);

        doc.Heading("Agenda");
        if (m.Agenda.Count == 0)
            doc.Paragraph("-");
        for (var i = 0; i < m.Agenda.Count; i++)
            doc.Paragraph($"{i + 1}. {m.Agenda[i]}");

        doc.Heading("Daftar Hadir");
        if (s.Attendance.Count == 0)
        {
            doc.Paragraph(NoAttendance, italic: true);
        }
        else
        {
            doc.Table(["No", "Nama", "Organisasi", "Masuk", "Keluar", "Durasi (menit)", "Tanda tangan"],
                s.Attendance.Select((a, i) => (IReadOnlyList<string>)
                [
                    (i + 1).ToString(CultureInfo.InvariantCulture), a.DisplayName + (a.Corrected ? " *" : ""), a.OrganisationName,
                    Clock(s, a.FirstJoinAt), a.StillPresent ? "(hadir)" : Clock(s, a.LastLeaveAt),
                    a.TotalMinutes.ToString(CultureInfo.InvariantCulture), "",
                ]), widths: [2, 8, 9, 4, 4, 4, 6]);
            if (s.Attendance.Any(a => a.Corrected))
                doc.Paragraph("* dikoreksi oleh sekretariat", italic: true, size: 18);
        }

        doc.Heading("Kontribusi pada Matriks");
        doc.Paragraph($"Baris ditambahkan: {s.RowsAdded}");
        if (s.RowsPerOrganisation.Count > 0)
            doc.Table(["Organisasi", "Baris"], s.RowsPerOrganisation.Select(r => (IReadOnlyList<string>)[r.OrganisationName, Count(r.Rows)]), widths: [5, 1]);
        if (s.RowsPerAffair.Count > 0)
            doc.Table(["Urusan", "Baris"], s.RowsPerAffair.Select(r => (IReadOnlyList<string>)[r.AffairCode ?? "(belum diisi)", Count(r.Rows)]), widths: [5, 1]);

        if (s.Votes is { Count: > 0 } rounds)
        {
            doc.Heading("Hasil Pemungutan Suara Prioritas");
            foreach (var round in rounds)
            {
                doc.Paragraph($"{round.Label}{(round.AffairCode is null ? "" : $" (urusan {round.AffairCode})")}: {round.OrganisationsVoted} organisasi memilih, "
                    + $"{round.VotesPerOrganisation} suara per organisasi{(round.State == "closed" ? "" : " (belum ditutup)")}");
                doc.Table(["Peringkat", "Potensi", "Suara"], round.Rows.Select((r, i) => (IReadOnlyList<string>)
                    [(i + 1).ToString(CultureInfo.InvariantCulture), r.Potential ?? "(belum diisi)", Count(r.Votes)]), widths: [1, 6, 1]);
            }
        }

        doc.Heading("Catatan Rapat");
        doc.Justified(string.IsNullOrWhiteSpace(s.Minutes.Text) ? "-" : s.Minutes.Text);

        doc.Heading("Keputusan");
        if (s.Decisions.Count == 0)
            doc.Paragraph("-");
        for (var i = 0; i < s.Decisions.Count; i++)
            doc.Paragraph($"{i + 1}. {s.Decisions[i].Text}");

        doc.Heading("Tindak Lanjut");
        if (s.ActionItems.Count == 0)
            doc.Paragraph("-");
        else
            doc.Table(["Tindak lanjut", "Penanggung jawab", "Tenggat"],
                s.ActionItems.Select(a => (IReadOnlyList<string>)[a.Text, a.OwnerOrganisationName, IndonesianDates.Format(a.DueDate)]), widths: [6, 4, 3]);

        doc.Blank().Signatures(
            [new SignatureBlock("Pimpinan Rapat,", null, "NIP. ...................................."), new SignatureBlock("Notulis,", s.Minutes.UpdatedBy)],
            $"{Place(m)}, {IndonesianDates.Format(LocalDate(m))}");
        return doc.ToBytes();
    }

    internal static IEnumerable<IReadOnlyList<string>> Details(MeetingDto m)
    {
        var start = m.StartsAt.ToOffset(Offset(m));
        var end = m.EndsAt.ToOffset(Offset(m));
        yield return ["Hari, tanggal", IndonesianDates.WithDay(DateOnly.FromDateTime(start.DateTime))];
        yield return ["Waktu", $"{IndonesianDates.Time(start)} – {IndonesianDates.Time(end)} {m.TimeZone}"];
        if (m.Place is { } place)
            yield return ["Tempat", place];
        if (m.OnlineLink is { } link)
            yield return ["Tautan daring", link];
        if (m.Invitees.Count > 0)
            yield return ["Diundang", string.Join(", ", m.Invitees.Select(i => i.OrganisationName))];
    }

    internal static TimeSpan Offset(MeetingDto m) => TimeSpan.FromHours(m.TimeZone switch { "WITA" => 8, "WIT" => 9, _ => 7 });

    internal static DateOnly LocalDate(MeetingDto m) => DateOnly.FromDateTime(m.StartsAt.ToOffset(Offset(m)).DateTime);

    internal static string Place(MeetingDto m) =>
        string.IsNullOrWhiteSpace(m.Place) ? "Palangka Raya" : m.Place.Split(',').Last().Trim() is { Length: > 0 } city ? city : m.Place;

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Clock(MeetingSummary s, DateTimeOffset? at) =>
        at is { } t ? IndonesianDates.Time(t.ToOffset(Offset(s.Meeting))) : "";
}
