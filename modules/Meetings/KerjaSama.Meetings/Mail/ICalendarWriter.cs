using System.Globalization;
using System.Text;

namespace KerjaSama.Meetings.Mail;

/// <summary>
/// Writes an iCalendar (RFC 5545) meeting request: one VEVENT in the meeting's own time zone, with a VTIMEZONE
/// (Indonesia has no daylight saving, so one STANDARD block with a fixed offset), lines folded at 75 octets, CRLF.
/// </summary>
internal static class ICalendarWriter
{
    public static string TzId(IndonesianTimeZone zone) => zone switch
    {
        IndonesianTimeZone.Wib => "Asia/Jakarta",
        IndonesianTimeZone.Wita => "Asia/Makassar",
        _ => "Asia/Jayapura",
    };

    public static string Request(Meeting meeting, string organizerName, string organizerEmail, IEnumerable<(string Name, string Email)> attendees,
        DateTimeOffset stamp, string? url)
    {
        var offset = TimeSpan.FromHours((int)meeting.TimeZone);
        var tz = TzId(meeting.TimeZone);
        var sb = new StringBuilder();
        void Line(string text) => Fold(sb, text);

        Line("BEGIN:VCALENDAR");
        Line("PRODID:-//KerjaSama Platform//Meetings//ID");
        Line("VERSION:2.0");
        Line("CALSCALE:GREGORIAN");
        Line("METHOD:REQUEST");
        Line("BEGIN:VTIMEZONE");
        Line("TZID:" + tz);
        Line("BEGIN:STANDARD");
        Line("DTSTART:19700101T000000");
        Line("TZOFFSETFROM:" + Offset(offset));
        Line("TZOFFSETTO:" + Offset(offset));
        Line("TZNAME:" + meeting.TimeZone.ToString().ToUpperInvariant());
        Line("END:STANDARD");
        Line("END:VTIMEZONE");
        Line("BEGIN:VEVENT");
        Line($"UID:{meeting.Id:D}@kerjasama");
        Line("SEQUENCE:" + meeting.Version.ToString(CultureInfo.InvariantCulture));
        Line("DTSTAMP:" + stamp.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture));
        Line($"DTSTART;TZID={tz}:{Local(meeting.StartsAt, offset)}");
        Line($"DTEND;TZID={tz}:{Local(meeting.EndsAt, offset)}");
        Line("SUMMARY:" + Escape(meeting.Title));
        var location = string.Join(" · ", new[] { meeting.Place, meeting.OnlineLink }.Where(s => !string.IsNullOrWhiteSpace(s)));
        if (location.Length > 0)
            Line("LOCATION:" + Escape(location));
        if (url is not null)
            Line("URL:" + url);
        var description = new StringBuilder();
        if (meeting.OnlineLink is { } link)
            description.Append("Tautan / link: ").Append(link).Append('\n');
        if (meeting.Agenda.Count > 0)
        {
            description.Append("Agenda:\n");
            for (var i = 0; i < meeting.Agenda.Count; i++)
                description.Append(CultureInfo.InvariantCulture, $"{i + 1}. {meeting.Agenda[i]}\n");
        }

        if (description.Length > 0)
            Line("DESCRIPTION:" + Escape(description.ToString().TrimEnd('\n')));
        Line($"ORGANIZER;CN={Param(organizerName)}:mailto:{organizerEmail}");
        foreach (var (name, email) in attendees)
            Line($"ATTENDEE;CN={Param(name)};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:{email}");
        Line("STATUS:CONFIRMED");
        Line("END:VEVENT");
        Line("END:VCALENDAR");
        return sb.ToString();
    }

    private static string Offset(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString("hhmm", CultureInfo.InvariantCulture);

    private static string Local(DateTimeOffset instant, TimeSpan offset) =>
        instant.ToOffset(offset).ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);

    private static string Escape(string text) => text
        .Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal).Replace("\r\n", "\\n", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\n", StringComparison.Ordinal);

    // A parameter value with any of : ; , must be quoted; DQUOTE itself is not allowed in it.
    private static string Param(string value)
    {
        var clean = value.Replace("\"", "'", StringComparison.Ordinal).Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
        return clean.IndexOfAny([':', ';', ',']) >= 0 ? $"\"{clean}\"" : clean;
    }

    /// <summary>Folds a content line at 75 octets (continuation lines start with a space) without splitting a UTF-8 sequence.</summary>
    private static void Fold(StringBuilder sb, string line)
    {
        var octets = 0;
        var limit = 75;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > limit)
            {
                sb.Append("\r\n ");
                octets = 0;
                limit = 74;
            }

            sb.Append(rune.ToString());
            octets += size;
        }

        sb.Append("\r\n");
    }
}
