using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace KerjaSama.Modularity.Mail;

/// <summary>The platform's one mail sender (MailKit): into the pickup folder as .eml files, or through the configured SMTP server.</summary>
internal sealed partial class MailKitSender(MailOptions options, TimeProvider clock, ILogger<MailKitSender> logger) : IMailSender
{
    public MailOptions Options => options;

    public async Task<int> SendAsync(IReadOnlyList<MimeMessage> messages, CancellationToken ct)
    {
        if (messages.Count == 0)
            return 0;
        switch (options.Mode)
        {
            case MailModes.Pickup:
                Directory.CreateDirectory(options.PickupDirectory);
                var stamp = clock.GetUtcNow().ToString("yyyyMMdd'T'HHmmssfff", System.Globalization.CultureInfo.InvariantCulture);
                foreach (var message in messages)
                {
                    var path = Path.Combine(options.PickupDirectory, $"{stamp}-{Guid.NewGuid():N}.eml");
                    await message.WriteToAsync(path, ct);
                }

                LogPickedUp(messages.Count, options.PickupDirectory);
                return messages.Count;
            case MailModes.Smtp:
                var s = options.Settings;
                using (var smtp = new SmtpClient())
                {
                    var security = Enum.TryParse<SecureSocketOptions>(s.Security, true, out var parsed) ? parsed : SecureSocketOptions.StartTls;
                    await smtp.ConnectAsync(s.Host ?? "localhost", s.Port, security, ct);
                    if (!string.IsNullOrEmpty(s.UserName))
                        await smtp.AuthenticateAsync(s.UserName, s.Password ?? "", ct);
                    foreach (var message in messages)
                        await smtp.SendAsync(message, ct);
                    await smtp.DisconnectAsync(true, ct);
                }

                return messages.Count;
            default:
                LogDisabled(messages.Count);
                return 0;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Wrote {Count} message(s) to the mail pickup folder {Folder}")]
    private partial void LogPickedUp(int count, string folder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail is disabled (KerjaSama:Mail): {Count} message(s) not sent")]
    private partial void LogDisabled(int count);
}
