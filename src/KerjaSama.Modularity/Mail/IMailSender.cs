using MimeKit;

namespace KerjaSama.Modularity.Mail;

/// <summary>The platform's mail sender, registered once by the host (<c>KerjaSama:Mail</c>); every module sends through it.</summary>
public interface IMailSender
{
    /// <summary>The effective mode, pickup folder and settings (sender address, public address for links).</summary>
    MailOptions Options { get; }

    /// <summary>Delivers every message; returns how many went out (0 when mail is disabled).</summary>
    Task<int> SendAsync(IReadOnlyList<MimeMessage> messages, CancellationToken ct);
}
