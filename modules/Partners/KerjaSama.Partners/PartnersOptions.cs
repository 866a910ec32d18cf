namespace KerjaSama.Partners;

/// <summary>Settings under <c>KerjaSama:Partners</c>.</summary>
internal sealed class PartnersOptions
{
    public const string Section = "KerjaSama:Partners";

    public static readonly IReadOnlyList<int> DefaultReminderDays = [90, 60, 30, 7, 0];

    /// <summary>Days before an agreement ends at which its parties are reminded; default 90, 60, 30, 7, 0.</summary>
    public int[]? ReminderDays { get; set; }

    /// <summary>How often each host looks for due reminders.</summary>
    public int ReminderPollSeconds { get; set; } = 300;

    /// <summary>Largest PDF document accepted, in bytes.</summary>
    public long MaxDocumentBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Whether a PKS needs a signed KB (PP 28/2018); a region may switch it off for KSDPK practice.</summary>
    public bool RequireJointAgreementBeforeCooperationAgreement { get; set; } = true;

    /// <summary>The secretariat's mailbox for reminder e-mails; none when empty.</summary>
    public string? SecretariatEmail { get; set; }

    public IReadOnlyList<int> Thresholds => ReminderDays is { Length: > 0 } days ? [.. days.Distinct().OrderDescending()] : DefaultReminderDays;
}
