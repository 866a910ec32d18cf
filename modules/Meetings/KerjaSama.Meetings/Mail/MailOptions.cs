namespace KerjaSama.Meetings.Mail;

/// <summary>The mail settings resolved at start-up: the effective mode and the absolute pickup folder.</summary>
internal sealed record MailOptions(string Mode, string PickupDirectory, MailSettings Settings);
