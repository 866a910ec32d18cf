using System.Globalization;
using System.Text;
using KerjaSama.Modularity.Localization;
using KerjaSama.Modularity.Mail;
using MimeKit;

namespace KerjaSama.Meetings.Mail;

/// <summary>Builds the invitation email for one person, in the person's language (<c>mail.meeting_invitation.*</c>), with the meeting as an .ics request.</summary>
internal static class InvitationMessages
{
    public static MimeMessage Build(Meeting meeting, Invitation to, MailSettings settings, DateTimeOffset now, CultureInfo language)
    {
        var url = settings.PublicBaseUrl is { Length: > 0 } baseUrl ? $"{baseUrl.TrimEnd('/')}/meetings/{meeting.Id}" : null;
        var ics = InvitationCalendar.Request(meeting, settings.FromName, settings.From, [(to.DisplayName, to.Email)], now, url, language);
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(settings.FromName, settings.From));
        message.To.Add(new MailboxAddress(to.DisplayName, to.Email));
        message.Subject = Messages.Text(language, "mail.meeting_invitation.subject", meeting.Title);
        message.Date = now;
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("kerjasama.local");

        var text = new TextPart("plain") { Text = Body(meeting, url, language) };
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

    private static string Body(Meeting meeting, string? url, CultureInfo language)
    {
        var offset = TimeSpan.FromHours((int)meeting.TimeZone);
        var zone = meeting.TimeZone.ToString().ToUpperInvariant();
        var sb = new StringBuilder();
        sb.Append(Messages.Text(language, "mail.meeting_invitation.opening", meeting.Title)).Append("\n\n");
        var time = string.Create(CultureInfo.InvariantCulture,
            $"{meeting.StartsAt.ToOffset(offset):yyyy-MM-dd HH:mm} – {meeting.EndsAt.ToOffset(offset):HH:mm} {zone}");
        sb.Append(Messages.Text(language, "mail.meeting_invitation.time", time)).Append('\n');
        if (meeting.Place is { } place)
            sb.Append(Messages.Text(language, "mail.meeting_invitation.place", place)).Append('\n');
        if (meeting.OnlineLink is { } link)
            sb.Append(Messages.Text(language, "mail.meeting_invitation.online_link", link)).Append('\n');
        if (meeting.Agenda.Count > 0)
        {
            sb.Append('\n').Append(Messages.Text(language, "mail.meeting_invitation.agenda")).Append('\n');
            for (var i = 0; i < meeting.Agenda.Count; i++)
                sb.Append(CultureInfo.InvariantCulture, $"{i + 1}. {meeting.Agenda[i]}\n");
        }

        if (url is not null)
            sb.Append('\n').Append(Messages.Text(language, "mail.meeting_invitation.details", url)).Append('\n');
        sb.Append('\n').Append(Messages.Text(language, "mail.meeting_invitation.attached")).Append('\n');
        return sb.ToString();
    }
}
