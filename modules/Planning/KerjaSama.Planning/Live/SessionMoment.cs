using KerjaSama.Modularity.Security;

namespace KerjaSama.Planning.Live;

/// <summary>
/// A change of a live session's state (opened, locked, unlocked, closed): when, by whom, and where the op log stood.
/// The session row keeps only the current state; the timeline and the replay show these moments.
/// </summary>
internal sealed class SessionMoment
{
    public Guid Id { get; set; }

    public Guid SessionId { get; set; }

    public Guid ExerciseId { get; set; }

    /// <summary>The state entered: <c>open</c>, <c>locked</c> or <c>closed</c>.</summary>
    public required string State { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The matrix sequence at the change: every op up to it came before.</summary>
    public long Seq { get; set; }

    public Guid ByUserId { get; set; }

    public string ByName { get; set; } = "";

    public static SessionMoment Of(Guid sessionId, Guid exerciseId, string state, DateTimeOffset at, long seq, Caller by) => new()
    {
        Id = Guid.CreateVersion7(), SessionId = sessionId, ExerciseId = exerciseId, State = state, At = at, Seq = seq,
        ByUserId = by.UserId, ByName = by.DisplayName,
    };
}
