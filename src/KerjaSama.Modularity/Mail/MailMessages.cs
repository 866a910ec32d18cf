using MimeKit;

namespace KerjaSama.Modularity.Mail;

/// <summary>Plain-text messages from the platform's sender address.</summary>
public static class MailMessages
{
    public static MimeMessage PlainText(MailSettings settings, string? toName, string toEmail, string subject, string body, DateTimeOffset now)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(settings.FromName, settings.From));
        message.To.Add(new MailboxAddress(toName ?? "", toEmail));
        message.Subject = subject;
        message.Date = now;
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("kerjasama.local");
        message.Body = new TextPart("plain") { Text = body };
        return message;
    }

    /// <summary>Sends one plain-text message.</summary>
    public static async Task<int> SendTextAsync(this IMailSender sender, string? toName, string toEmail, string subject, string body, DateTimeOffset now,
        CancellationToken ct)
    {
        // The sender writes or sends the message before it returns; the message (and its body parts) are freed here.
        using var message = PlainText(sender.Options.Settings, toName, toEmail, subject, body, now);
        return await sender.SendAsync([message], ct);
    }
}
