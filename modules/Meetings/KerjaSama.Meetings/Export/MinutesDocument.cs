using System.Globalization;
using KerjaSama.Meetings.Features.Meetings;
using KerjaSama.Meetings.Features.Summary;
using KerjaSama.Modularity.Documents;
using KerjaSama.Modularity.Localization;

namespace KerjaSama.Meetings.Export;

/// <summary>
/// The minutes (notulen) with attendance as a DOCX for the secretariat to sign and file: details with the Indonesian
/// date, agenda, attendance (or a sentence saying none was recorded), contributions, minutes text, decisions, action
/// items, the signature blocks of the chair and the minute taker, and page numbers. Its texts are the catalogue's
/// <c>export.minutes.*</c> in the reader's language (issue 20); the Berita Acara, an official record, stays Indonesian.
/// </summary>
internal static class MinutesDocument
{
    public static string NoAttendance(CultureInfo language) => T(language, "no_attendance");

    public static byte[] Build(MeetingSummary s, CultureInfo language)
    {
        var c = language;
        var m = s.Meeting;
        var doc = new WordDocument(language: c)
            .Paragraph(T(c, "title"), bold: true, size: 28, centre: true, spaceAfter: 0)
            .Paragraph(m.Title, bold: true, size: 24, centre: true, spaceAfter: 240);
        doc.Table(["", ""], Details(m, c), widths: [1, 3], size: 20);

        doc.Heading(T(c, "agenda"));
        if (m.Agenda.Count == 0)
            doc.Paragraph("-");
        for (var i = 0; i < m.Agenda.Count; i++)
            doc.Paragraph($"{i + 1}. {m.Agenda[i]}");

        doc.Heading(T(c, "attendance"));
        if (s.Attendance.Count == 0)
        {
            doc.Paragraph(NoAttendance(c), italic: true);
        }
        else
        {
            doc.Table([T(c, "col_number"), T(c, "col_name"), T(c, "col_organisation"), T(c, "col_in"), T(c, "col_out"), T(c, "col_minutes"), T(c, "col_signature")],
                s.Attendance.Select((a, i) => (IReadOnlyList<string>)
                [
                    (i + 1).ToString(CultureInfo.InvariantCulture), a.DisplayName + (a.Corrected ? " *" : ""), a.OrganisationName,
                    Clock(s, a.FirstJoinAt), a.StillPresent ? T(c, "present") : Clock(s, a.LastLeaveAt),
                    a.TotalMinutes.ToString(CultureInfo.InvariantCulture), "",
                ]), widths: [2, 8, 9, 4, 4, 4, 6]);
            if (s.Attendance.Any(a => a.Corrected))
                doc.Paragraph(T(c, "corrected"), italic: true, size: 18);
        }

        doc.Heading(T(c, "contributions"));
        doc.Paragraph(T(c, "rows_added", s.RowsAdded));
        if (s.RowsPerOrganisation.Count > 0)
            doc.Table([T(c, "col_organisation"), T(c, "col_rows")], s.RowsPerOrganisation.Select(r => (IReadOnlyList<string>)[r.OrganisationName, Count(r.Rows)]), widths: [5, 1]);
        if (s.RowsPerAffair.Count > 0)
            doc.Table([T(c, "col_affair"), T(c, "col_rows")], s.RowsPerAffair.Select(r => (IReadOnlyList<string>)[r.AffairCode ?? T(c, "not_filled"), Count(r.Rows)]), widths: [5, 1]);

        if (s.Votes is { Count: > 0 } rounds)
        {
            doc.Heading(T(c, "votes"));
            foreach (var round in rounds)
            {
                doc.Paragraph(T(c, "vote_round", round.Label, round.AffairCode is null ? "" : T(c, "vote_affair", round.AffairCode), round.OrganisationsVoted,
                    round.VotesPerOrganisation, round.State == "closed" ? "" : T(c, "vote_open")));
                doc.Table([T(c, "col_rank"), T(c, "col_potential"), T(c, "col_votes")], round.Rows.Select((r, i) => (IReadOnlyList<string>)
                    [(i + 1).ToString(CultureInfo.InvariantCulture), r.Potential ?? T(c, "not_filled"), Count(r.Votes)]), widths: [1, 6, 1]);
            }
        }

        doc.Heading(T(c, "notes"));
        doc.Justified(string.IsNullOrWhiteSpace(s.Minutes.Text) ? "-" : s.Minutes.Text);

        doc.Heading(T(c, "decisions"));
        if (s.Decisions.Count == 0)
            doc.Paragraph("-");
        for (var i = 0; i < s.Decisions.Count; i++)
            doc.Paragraph($"{i + 1}. {s.Decisions[i].Text}");

        doc.Heading(T(c, "action_items"));
        if (s.ActionItems.Count == 0)
            doc.Paragraph("-");
        else
            doc.Table([T(c, "col_action"), T(c, "col_owner"), T(c, "col_due")],
                s.ActionItems.Select(a => (IReadOnlyList<string>)[a.Text, a.OwnerOrganisationName, Date(c, a.DueDate)]), widths: [6, 4, 3]);

        doc.Blank().Signatures(
            [new SignatureBlock(T(c, "chair"), null, "NIP. ...................................."), new SignatureBlock(T(c, "minute_taker"), s.Minutes.UpdatedBy)],
            $"{Place(m)}, {Date(c, LocalDate(m))}");
        return doc.ToBytes();
    }

    internal static IEnumerable<IReadOnlyList<string>> Details(MeetingDto m, CultureInfo language)
    {
        var c = language;
        var start = m.StartsAt.ToOffset(Offset(m));
        var end = m.EndsAt.ToOffset(Offset(m));
        yield return [T(c, "day_date"), English(c) ? DateOnly.FromDateTime(start.DateTime).ToString("dddd, d MMMM yyyy", c) : IndonesianDates.WithDay(DateOnly.FromDateTime(start.DateTime))];
        yield return [T(c, "time"), $"{IndonesianDates.Time(start)} – {IndonesianDates.Time(end)} {m.TimeZone}"];
        if (m.Place is { } place)
            yield return [T(c, "place"), place];
        if (m.OnlineLink is { } link)
            yield return [T(c, "online_link"), link];
        if (m.Invitees.Count > 0)
            yield return [T(c, "invited"), string.Join(", ", m.Invitees.Select(i => i.OrganisationName))];
    }

    internal static TimeSpan Offset(MeetingDto m) => TimeSpan.FromHours(m.TimeZone switch { "WITA" => 8, "WIT" => 9, _ => 7 });

    internal static DateOnly LocalDate(MeetingDto m) => DateOnly.FromDateTime(m.StartsAt.ToOffset(Offset(m)).DateTime);

    internal static string Place(MeetingDto m) =>
        string.IsNullOrWhiteSpace(m.Place) ? "Palangka Raya" : m.Place.Split(',').Last().Trim() is { Length: > 0 } city ? city : m.Place;

    private static string T(CultureInfo language, string key, params object?[] args) => Messages.Text(language, "export.minutes." + key, args);

    private static bool English(CultureInfo language) => language.TwoLetterISOLanguageName == "en";

    private static string Date(CultureInfo language, DateOnly date) =>
        English(language) ? date.ToString("d MMMM yyyy", language) : IndonesianDates.Format(date);

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Clock(MeetingSummary s, DateTimeOffset? at) =>
        at is { } t ? IndonesianDates.Time(t.ToOffset(Offset(s.Meeting))) : "";
}
