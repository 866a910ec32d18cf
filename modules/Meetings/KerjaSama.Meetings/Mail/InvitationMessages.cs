using System.Globalization;
using System.Text;
using KerjaSama.Modularity.Mail;
using MimeKit;

namespace KerjaSama.Meetings.Mail;

/// <summary>Builds the invitation email for one person: a bilingual text body and the meeting as an .ics request.</summary>
internal static class InvitationMessages
{
    public static MimeMessage Build(Meeting meeting, Invitation to, MailSettings settings, DateTimeOffset now)
    {
        var url = settings.PublicBaseUrl is { Length: > 0 } baseUrl ? $"{baseUrl.TrimEnd('/')}/meetings/{meeting.Id}" : null;
        var ics = InvitationCalendar.Request(meeting, settings.FromName, settings.From, [(to.DisplayName, to.Email)], now, url);
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(settings.FromName, settings.From));
        message.To.Add(new MailboxAddress(to.DisplayName, to.Email));
        message.Subject = $"Undangan rapat / Meeting invitation: {meeting.Title}";
        message.Date = now;
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("kerjasama.local");

        var text = new TextPart("plain") { Text = Body(meeting, url) };
        var calendar = new MimePart("text", "calendar")
        {
            Content = new MimeContent(new MemoryStream(Encoding.UTF8.GetBytes(ics))),
            ContentTransferEncoding = ContentEncoding.Base64,
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            FileName = "undangan.ics",
        };
        calendar.ContentType.Parameters.Add("method", "REQUEST");
        calendar.ContentType.Charset = "utf-8";
        message.Body = new Multipart("mixed") { text, calendar };
        return message;
    }

    private static string Body(Meeting meeting, string? url)
    {
        var offset = TimeSpan.FromHours((int)meeting.TimeZone);
        var zone = meeting.TimeZone.ToString().ToUpperInvariant();
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"Dengan hormat, Anda diundang ke rapat \"{meeting.Title}\".\n\n");
        sb.Append(CultureInfo.InvariantCulture,
            $"Waktu / Time: {meeting.StartsAt.ToOffset(offset):yyyy-MM-dd HH:mm} – {meeting.EndsAt.ToOffset(offset):HH:mm} {zone}\n");
        if (meeting.Place is { } place)
            sb.Append(CultureInfo.InvariantCulture, $"Tempat / Place: {place}\n");
        if (meeting.OnlineLink is { } link)
            sb.Append(CultureInfo.InvariantCulture, $"Tautan daring / Online link: {link}\n");
        if (meeting.Agenda.Count > 0)
        {
            sb.Append("\nAgenda:\n");
            for (var i = 0; i < meeting.Agenda.Count; i++)
                sb.Append(CultureInfo.InvariantCulture, $"{i + 1}. {meeting.Agenda[i]}\n");
        }

        if (url is not null)
            sb.Append(CultureInfo.InvariantCulture, $"\nRincian / Details: {url}\n");
        sb.Append("\nUndangan kalender terlampir (undangan.ics). / The calendar invitation is attached.\n");
        return sb.ToString();
    }
}
