namespace KerjaSama.Partners.Reminders;

/// <summary>An in-app notification to an organisation's users, or to the secretariat when OrganisationId is null.</summary>
internal sealed class Notification
{
    public Guid Id { get; set; }

    public Guid? OrganisationId { get; set; }

    public Guid? AgreementId { get; set; }

    public int? ThresholdDays { get; set; }

    public required string Title { get; set; }

    public required string Body { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
