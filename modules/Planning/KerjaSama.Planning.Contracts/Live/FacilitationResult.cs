namespace KerjaSama.Planning.Contracts.Live;

/// <summary>The answer to a facilitation method: <see cref="Ok"/>, or refused with <see cref="Error"/> and nothing changed.</summary>
public sealed record FacilitationResult
{
    public bool Ok { get; init; }

    public AckError? Error { get; init; }

    /// <summary>The vote round as the caller sees it after the call (vote methods), else null.</summary>
    public VoteRound? Vote { get; init; }

    /// <summary>The timer after the call (<c>SetTimer</c>), else null.</summary>
    public MeetingTimer? Timer { get; init; }
}
