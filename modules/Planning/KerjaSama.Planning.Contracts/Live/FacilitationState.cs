namespace KerjaSama.Planning.Contracts.Live;

/// <summary>What a (re)joining board needs to show the meeting: the timer, the latest vote round and the facilitator's view.</summary>
public sealed record FacilitationState
{
    public MeetingTimer? Timer { get; init; }

    /// <summary>The session's latest round (open or closed), as the caller may see it.</summary>
    public VoteRound? Vote { get; init; }

    public FacilitatorView? View { get; init; }
}
