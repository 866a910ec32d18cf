namespace KerjaSama.Modularity.Mail;

/// <summary>The mail settings resolved at start-up: the effective mode and the absolute pickup folder.</summary>
public sealed record MailOptions(string Mode, string PickupDirectory, MailSettings Settings);
