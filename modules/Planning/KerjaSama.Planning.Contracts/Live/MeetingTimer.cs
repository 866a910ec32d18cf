namespace KerjaSama.Planning.Contracts.Live;

/// <summary>
/// The agenda item's timer. Boards count down from <see cref="EndsAtMs"/> against their offset to
/// <see cref="ServerNowMs"/> (both Unix milliseconds), not from local ticks. <see cref="Active"/> is false once cleared.
/// </summary>
public sealed record MeetingTimer
{
    public Guid SessionId { get; init; }

    public bool Active { get; init; }

    public string Label { get; init; } = "";

    public string? AffairCode { get; init; }

    public List<Guid> RowIds { get; init; } = [];

    public int DurationSeconds { get; init; }

    public bool Running { get; init; }

    /// <summary>When the time is up (Unix ms), while running; null when paused or cleared.</summary>
    public long? EndsAtMs { get; init; }

    /// <summary>Time left when the message was made (ms); negative once overrun.</summary>
    public long RemainingMs { get; init; }

    public long ServerNowMs { get; init; }
}
