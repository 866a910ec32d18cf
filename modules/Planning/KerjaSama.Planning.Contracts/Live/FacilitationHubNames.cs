namespace KerjaSama.Planning.Contracts.Live;

/// <summary>
/// The facilitation methods (client → server) and events (server → client) of <c>/hubs/mapping</c>, next to
/// <see cref="HubNames"/>: prioritisation votes, the agenda timer and following the facilitator's view.
/// Every method answers a <see cref="FacilitationResult"/>; a refused call changes nothing.
/// </summary>
public static class FacilitationHubNames
{
    /// <summary><c>StartVote(StartVoteRequest)</c>: facilitators.</summary>
    public const string StartVote = "StartVote";

    /// <summary><c>CastVote(sessionId, roundId, rowId)</c>: one vote of the caller's organisation on a row of the round.</summary>
    public const string CastVote = "CastVote";

    /// <summary><c>RetractVote(sessionId, roundId, rowId)</c>: takes one of the organisation's votes back from the row.</summary>
    public const string RetractVote = "RetractVote";

    /// <summary><c>RevealVote(sessionId, roundId)</c>: facilitators; everyone sees the tally from then on.</summary>
    public const string RevealVote = "RevealVote";

    /// <summary><c>CloseVote(sessionId, roundId)</c>: facilitators; later votes are refused with <c>vote_closed</c>.</summary>
    public const string CloseVote = "CloseVote";

    /// <summary><c>SetTimer(SetTimerRequest)</c>: facilitators.</summary>
    public const string SetTimer = "SetTimer";

    /// <summary><c>ShareView(FacilitatorView)</c>: facilitators publish what their board shows (throttled by the board).</summary>
    public const string ShareView = "ShareView";

    /// <summary><c>BringEveryone(FacilitatorView)</c>: facilitators; every board starts following this view.</summary>
    public const string BringEveryone = "BringEveryone";

    /// <summary>Server → client: <c>VoteState(VoteRound)</c>, as the receiving organisation may see it.</summary>
    public const string VoteState = nameof(IMappingClient.VoteState);

    /// <summary>Server → client: <c>Timer(MeetingTimer)</c>.</summary>
    public const string Timer = nameof(IMappingClient.Timer);

    /// <summary>Server → client: <c>FacilitatorView(FacilitatorView)</c>.</summary>
    public const string FacilitatorView = nameof(IMappingClient.FacilitatorView);
}
