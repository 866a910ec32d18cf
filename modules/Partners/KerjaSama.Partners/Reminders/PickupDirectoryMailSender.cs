using System.Text;

namespace KerjaSama.Partners.Reminders;

/// <summary>Writes each e-mail as an .eml file into a pickup folder (App_Data/mail by default).</summary>
// REVIEW: production needs an SMTP (or mail API) sender behind IMailSender; add it with its settings.
internal sealed class PickupDirectoryMailSender(PartnersPaths paths, TimeProvider clock) : IMailSender
{
    public async Task SendAsync(string to, string subject, string body, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(paths.MailPickup);
        var text = new StringBuilder()
            .Append("From: KerjaSama <no-reply@kerjasama.local>\r\n")
            .Append("To: ").Append(to).Append("\r\n")
            .Append("Subject: =?utf-8?B?").Append(Convert.ToBase64String(Encoding.UTF8.GetBytes(subject))).Append("?=\r\n")
            .Append("Date: ").Append(clock.GetUtcNow().ToString("r", System.Globalization.CultureInfo.InvariantCulture)).Append("\r\n")
            .Append("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n")
            .Append(body.Replace("\n", "\r\n", StringComparison.Ordinal)).Append("\r\n");
        var file = Path.Combine(paths.MailPickup, $"{Guid.CreateVersion7():N}.eml");
        await File.WriteAllTextAsync(file, text.ToString(), new UTF8Encoding(false), cancellationToken);
    }
}
