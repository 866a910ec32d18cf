namespace KerjaSama.Planning.Contracts.Live;

/// <summary>
/// The events <c>/hubs/mapping</c> sends to a board (server → client). The server's hub is typed with this interface,
/// so an event's name is its method name here and its arguments are checked at compile time; <see cref="HubNames"/>,
/// <see cref="TalkHubNames"/> and <see cref="FacilitationHubNames"/> take their event names from it for the clients
/// that subscribe by name (the TestKit, the load generator, the board's generated contracts).
/// </summary>
public interface IMappingClient
{
    /// <summary>An op was committed: every board of the session applies it in sequence order.</summary>
    Task Applied(AppliedOp op);

    /// <summary>Who is in the session now.</summary>
    Task Presence(Guid sessionId, List<Participant> participants);

    /// <summary>The session was opened, paused or closed (<see cref="SessionStates"/>).</summary>
    Task SessionState(Guid sessionId, string state);

    /// <summary>The caller's organisation may no longer take part: (sessionId, rejection code).</summary>
    Task Revoked(Guid sessionId, string code);

    /// <summary>A row comment was posted, resolved or reopened.</summary>
    Task CommentChanged(RowComment comment);

    /// <summary>The exercise's duplicate pairs as they are now.</summary>
    Task Duplicates(Guid sessionId, List<DuplicatePair> pairs);

    /// <summary>A vote round as the receiving organisation may see it.</summary>
    Task VoteState(VoteRound round);

    /// <summary>The agenda timer.</summary>
    Task Timer(MeetingTimer timer);

    /// <summary>What the facilitator's board shows (boards that follow move along).</summary>
    Task FacilitatorView(FacilitatorView view);
}
