namespace KerjaSama.Meetings.Contracts;

/// <summary>Read access to meetings for other modules (e.g. choosing the meeting a mapping exercise belongs to).</summary>
public interface IMeetingDirectory
{
    /// <summary>The meeting, or null when there is none with that id.</summary>
    Task<MeetingInfo?> FindAsync(Guid meetingId, CancellationToken cancellationToken);

    /// <summary>The meetings on a mapping exercise, earliest first.</summary>
    Task<IReadOnlyList<MeetingInfo>> OfExerciseAsync(Guid exerciseId, CancellationToken cancellationToken);

    /// <summary>Meetings a mapping exercise may belong to: those on no exercise and those already on <paramref name="exerciseId"/>, newest first.</summary>
    Task<IReadOnlyList<MeetingInfo>> ChoosableAsync(Guid? exerciseId, int limit, CancellationToken cancellationToken);
}

/// <summary>A meeting as other modules see it: its local start (e.g. "2025-02-25 09:00 WIB") and the exercise it is on, if any.</summary>
public sealed record MeetingInfo(Guid Id, string Title, DateTimeOffset StartsAt, string LocalStart, Guid? ExerciseId);
