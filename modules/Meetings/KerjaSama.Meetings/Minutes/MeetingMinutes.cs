using KerjaSama.Modularity.Persistence;

namespace KerjaSama.Meetings.Minutes;

/// <summary>The minutes (notulen) of a meeting: one text, saved with optimistic concurrency so no edit is lost.</summary>
internal sealed class MeetingMinutes : IVersioned
{
    public Guid MeetingId { get; set; }

    public string Text { get; set; } = "";

    public DateTimeOffset UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = "";

    public long Version { get; set; }
}
