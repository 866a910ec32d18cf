namespace KerjaSama.Modularity.Mail;

/// <summary>
/// <c>KerjaSama:Mail</c>: how the platform sends e-mail (meeting invitations, agreement reminders, user invitations). <c>Pickup</c> writes each message as an .eml file into
/// <see cref="PickupDirectory"/> (the default in Development and Testing); <c>Smtp</c> sends through <see cref="Host"/>;
/// <c>Disabled</c> sends no email (in-app notices still work). Unset: Pickup in Development and Testing,
/// Smtp when a host is configured, otherwise Disabled.
/// </summary>
public sealed class MailSettings
{
    public const string Section = "KerjaSama:Mail";

    public string? Mode { get; set; }

    /// <summary>Relative paths are resolved against the data folder: the default is <c>App_Data/mail</c>.</summary>
    public string PickupDirectory { get; set; } = "mail";

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary><c>StartTls</c> (default), <c>SslOnConnect</c>, <c>None</c> or <c>Auto</c>.</summary>
    public string Security { get; set; } = "StartTls";

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "sekretariat@kerjasama.local";

    public string FromName { get; set; } = "Sekretariat KerjaSama";

    /// <summary>The public address of the platform, used for links in messages.</summary>
    public string? PublicBaseUrl { get; set; }
}

public static class MailModes
{
    public const string Pickup = "Pickup";
    public const string Smtp = "Smtp";
    public const string Disabled = "Disabled";
}
