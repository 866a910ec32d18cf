using System.Globalization;
using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using KerjaSama.Modularity.Localization;
using IcalCalendar = Ical.Net.Calendar;

namespace KerjaSama.Meetings.Mail;

/// <summary>
/// The meeting request (.ics) sent with an invitation, written with Ical.Net (ADR 0017: escaping, parameter quoting,
/// folding at 75 octets, CRLF). One VEVENT in the meeting's own zone, with a VTIMEZONE for it: Indonesia keeps no
/// daylight saving, so one STANDARD block with the zone's fixed offset (WIB +07, WITA +08, WIT +09).
/// </summary>
internal static class InvitationCalendar
{
    public static string TzId(IndonesianTimeZone zone) => zone switch
    {
        IndonesianTimeZone.Wib => "Asia/Jakarta",
        IndonesianTimeZone.Wita => "Asia/Makassar",
        _ => "Asia/Jayapura",
    };

    public static string Request(Meeting meeting, string organizerName, string organizerEmail, IEnumerable<(string Name, string Email)> attendees,
        DateTimeOffset stamp, string? url, CultureInfo language)
    {
        var offset = TimeSpan.FromHours((int)meeting.TimeZone);
        var tzId = TzId(meeting.TimeZone);
        var calendar = new IcalCalendar { ProductId = "-//KerjaSama Platform//Meetings//ID", Method = "REQUEST" };
        var zone = new VTimeZone(tzId);
        zone.TimeZoneInfos.Add(new VTimeZoneInfo
        {
            Name = "STANDARD", TimeZoneName = meeting.TimeZone.ToString().ToUpperInvariant(), OffsetFrom = new UtcOffset(offset), OffsetTo = new UtcOffset(offset),
            Start = new CalDateTime(1970, 1, 1, 0, 0, 0),
        });
        calendar.TimeZones.Add(zone);

        var location = string.Join(" · ", new[] { meeting.Place, meeting.OnlineLink }.Where(s => !string.IsNullOrWhiteSpace(s)));
        var invitation = new CalendarEvent
        {
            Uid = $"{meeting.Id:D}@kerjasama",
            Sequence = (int)meeting.Version,
            DtStamp = new CalDateTime(stamp.UtcDateTime, "UTC"),
            Start = Local(meeting.StartsAt, offset, tzId),
            End = Local(meeting.EndsAt, offset, tzId),
            Summary = meeting.Title,
            Location = location.Length > 0 ? location : null,
            Url = url is null ? null : new Uri(url),
            Description = Description(meeting, language),
            Status = "CONFIRMED",
            Organizer = new Organizer("mailto:" + organizerEmail) { CommonName = Clean(organizerName) },
        };
        foreach (var (name, email) in attendees)
        {
            invitation.Attendees.Add(new Attendee("mailto:" + email)
            {
                CommonName = Clean(name), Role = "REQ-PARTICIPANT", ParticipationStatus = "NEEDS-ACTION", Rsvp = true,
            });
        }

        calendar.Events.Add(invitation);
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    // The wall-clock time in the meeting's zone, labelled with its TZID.
    private static CalDateTime Local(DateTimeOffset instant, TimeSpan offset, string tzId)
    {
        var local = instant.ToOffset(offset).DateTime;
        return new CalDateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, local.Second, tzId);
    }

    private static string? Description(Meeting meeting, CultureInfo language)
    {
        var description = new StringBuilder();
        if (meeting.OnlineLink is { } link)
            description.Append(Messages.Text(language, "mail.meeting_invitation.online_link", link)).Append('\n');
        if (meeting.Agenda.Count > 0)
        {
            description.Append(Messages.Text(language, "mail.meeting_invitation.agenda")).Append('\n');
            for (var i = 0; i < meeting.Agenda.Count; i++)
                description.Append(CultureInfo.InvariantCulture, $"{i + 1}. {meeting.Agenda[i]}\n");
        }

        return description.Length > 0 ? description.ToString().TrimEnd('\n') : null;
    }

    // A parameter value cannot hold DQUOTE or line breaks (RFC 5545 3.1); the library quotes it when it has : ; or ,.
    private static string Clean(string value) =>
        value.Replace("\"", "'", StringComparison.Ordinal).Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
