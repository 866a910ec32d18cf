namespace KerjaSama.Meetings.Minutes;

/// <summary>A follow-up agreed in a meeting, owned by one organisation, due on a date.</summary>
internal sealed class ActionItem
{
    public Guid Id { get; set; }

    public Guid MeetingId { get; set; }

    public required string Text { get; set; }

    public Guid OwnerOrganisationId { get; set; }

    public required string OwnerOrganisationName { get; set; }

    public DateOnly DueDate { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
