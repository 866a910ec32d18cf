namespace KerjaSama.Planning.Contracts.Live;

/// <summary>A facilitator's change to the agenda timer (<see cref="TimerActions"/>).</summary>
public sealed record SetTimerRequest
{
    public Guid SessionId { get; init; }

    public string Action { get; init; } = "";

    /// <summary>The agenda item (start only; at most 200 characters).</summary>
    public string? Label { get; init; }

    public string? AffairCode { get; init; }

    public List<Guid>? RowIds { get; init; }

    /// <summary>The duration (start) or the time added (extend): 1 s to 4 h.</summary>
    public int Seconds { get; init; }
}
