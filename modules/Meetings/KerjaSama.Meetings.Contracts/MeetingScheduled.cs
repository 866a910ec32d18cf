using KerjaSama.SharedKernel;

namespace KerjaSama.Meetings.Contracts;

/// <summary>The secretariat scheduled a meeting, possibly on a mapping exercise.</summary>
public sealed record MeetingScheduled(Guid MeetingId, string Title, DateTimeOffset StartsAt, Guid? ExerciseId, DateTimeOffset OccurredAt)
    : IIntegrationEvent;
