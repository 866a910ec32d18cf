using KerjaSama.SharedKernel;

namespace KerjaSama.Planning.Contracts;

/// <summary>
/// The secretariat chose the meeting a mapping exercise belongs to (<paramref name="MeetingId"/>), or none (null);
/// <paramref name="PreviousMeetingId"/> is the meeting it belonged to until now, if any. The Meetings module keeps the link.
/// </summary>
public sealed record MappingExerciseMeetingChosen(Guid ExerciseId, Guid? MeetingId, Guid? PreviousMeetingId, DateTimeOffset OccurredAt)
    : IIntegrationEvent;
