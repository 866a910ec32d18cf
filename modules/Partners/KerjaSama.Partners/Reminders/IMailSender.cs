namespace KerjaSama.Partners.Reminders;

/// <summary>Sends one e-mail. The platform has no SMTP sender yet; development writes .eml files.</summary>
internal interface IMailSender
{
    Task SendAsync(string to, string subject, string body, CancellationToken cancellationToken);
}
