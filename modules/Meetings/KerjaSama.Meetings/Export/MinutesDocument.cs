using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using KerjaSama.Meetings.Features;

namespace KerjaSama.Meetings.Export;

/// <summary>
/// The minutes (notulen) with attendance as a DOCX for the secretariat to sign and file: details, agenda, attendance
/// (or a sentence saying none was recorded), contributions, minutes text, decisions, action items and a signature block.
/// </summary>
internal static class MinutesDocument
{
    public const string NoAttendance = "Tidak ada kehadiran yang tercatat. / No attendance was recorded.";

    public static byte[] Build(MeetingSummary s)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);
            var m = s.Meeting;

            body.Append(Para("NOTULEN RAPAT / MINUTES OF MEETING", bold: true, size: 28, centre: true));
            body.Append(Para(m.Title, bold: true, size: 26, centre: true));
            body.Append(Para($"Waktu / Time: {m.LocalStart} – {m.LocalEnd}"));
            if (m.Place is { } place)
                body.Append(Para($"Tempat / Place: {place}"));
            if (m.OnlineLink is { } link)
                body.Append(Para($"Tautan daring / Online link: {link}"));
            if (m.Invitees.Count > 0)
                body.Append(Para("Diundang / Invited: " + string.Join(", ", m.Invitees.Select(i => i.OrganisationName))));

            body.Append(Heading("Agenda"));
            if (m.Agenda.Count == 0)
                body.Append(Para("-"));
            for (var i = 0; i < m.Agenda.Count; i++)
                body.Append(Para($"{i + 1}. {m.Agenda[i]}"));

            body.Append(Heading("Daftar hadir / Attendance"));
            if (s.Attendance.Count == 0)
            {
                body.Append(Para(NoAttendance, italic: true));
            }
            else
            {
                body.Append(Table(["No", "Nama / Name", "Organisasi / Organisation", "Masuk / First join", "Keluar / Last leave", "Durasi / Total (min)", "Tanda tangan / Signature"],
                    s.Attendance.Select((a, i) => new[]
                    {
                        (i + 1).ToString(CultureInfo.InvariantCulture), a.DisplayName + (a.Corrected ? " *" : ""), a.OrganisationName,
                        Time(s, a.FirstJoinAt), a.StillPresent ? "(hadir / present)" : Time(s, a.LastLeaveAt),
                        a.TotalMinutes.ToString(CultureInfo.InvariantCulture), "",
                    })));
                if (s.Attendance.Any(a => a.Corrected))
                    body.Append(Para("* dikoreksi oleh sekretariat / corrected by the secretariat", italic: true, size: 18));
            }

            body.Append(Heading("Kontribusi / Contributions"));
            body.Append(Para($"Baris ditambahkan / Rows added: {s.RowsAdded}"));
            if (s.RowsPerOrganisation.Count > 0)
                body.Append(Table(["Organisasi / Organisation", "Baris / Rows"],
                    s.RowsPerOrganisation.Select(r => new[] { r.OrganisationName, r.Rows.ToString(CultureInfo.InvariantCulture) })));
            if (s.RowsPerAffair.Count > 0)
                body.Append(Table(["Urusan / Affair", "Baris / Rows"],
                    s.RowsPerAffair.Select(r => new[] { r.AffairCode ?? "(belum diisi / not set)", r.Rows.ToString(CultureInfo.InvariantCulture) })));

            body.Append(Heading("Notulen / Minutes"));
            var lines = string.IsNullOrWhiteSpace(s.Minutes.Text) ? ["-"] : s.Minutes.Text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
            foreach (var line in lines)
                body.Append(Para(line));

            body.Append(Heading("Keputusan / Decisions"));
            if (s.Decisions.Count == 0)
                body.Append(Para("-"));
            for (var i = 0; i < s.Decisions.Count; i++)
                body.Append(Para($"{i + 1}. {s.Decisions[i].Text}"));

            body.Append(Heading("Tindak lanjut / Action items"));
            if (s.ActionItems.Count == 0)
                body.Append(Para("-"));
            else
                body.Append(Table(["Tindak lanjut / Action", "Penanggung jawab / Owner", "Tenggat / Due"],
                    s.ActionItems.Select(a => new[] { a.Text, a.OwnerOrganisationName, a.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) })));

            body.Append(Para(""));
            body.Append(Para("Mengetahui / Acknowledged,", centre: false));
            body.Append(Para(""));
            body.Append(Para(""));
            body.Append(Para("(........................................)"));
            body.Append(Para("Notulis / Minute taker: " + (s.Minutes.UpdatedBy ?? "")));
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static string Time(MeetingSummary s, DateTimeOffset? at) =>
        at is { } t ? t.ToOffset(TimeSpan.FromHours(s.Meeting.TimeZone switch { "WITA" => 8, "WIT" => 9, _ => 7 }))
            .ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "";

    private static Paragraph Heading(string text) => Para(text, bold: true, size: 24);

    private static Paragraph Para(string text, bool bold = false, bool italic = false, int size = 22, bool centre = false)
    {
        var props = new RunProperties(new FontSize { Val = size.ToString(CultureInfo.InvariantCulture) });
        if (bold)
            props.Append(new Bold());
        if (italic)
            props.Append(new Italic());
        var paragraph = new Paragraph(new Run(props, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        if (centre)
            paragraph.PrependChild(new ParagraphProperties(new Justification { Val = JustificationValues.Center }));
        return paragraph;
    }

    private static Table Table(string[] headers, IEnumerable<string[]> rows)
    {
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var table = new Table(new TableProperties(border, new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }));
        table.Append(Row(headers, bold: true));
        foreach (var row in rows)
            table.Append(Row(row, bold: false));
        return table;
    }

    private static TableRow Row(string[] cells, bool bold) =>
        new(cells.Select(c => new TableCell(Para(c, bold: bold, size: 20))));
}
