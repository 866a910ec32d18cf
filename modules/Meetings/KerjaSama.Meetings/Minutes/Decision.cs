namespace KerjaSama.Meetings.Minutes;

/// <summary>A decision taken in a meeting.</summary>
internal sealed class Decision
{
    public Guid Id { get; set; }

    public Guid MeetingId { get; set; }

    public required string Text { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
