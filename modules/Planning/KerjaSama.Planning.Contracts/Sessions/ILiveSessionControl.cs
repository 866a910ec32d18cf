namespace KerjaSama.Planning.Contracts.Sessions;

/// <summary>Opens and closes an exercise's live session for another module (e.g. a meeting's facilitator).</summary>
public interface ILiveSessionControl
{
    /// <summary>
    /// Opens a live session on the exercise (or returns the one already open). <paramref name="inviteOrganisationIds"/>
    /// are added to the exercise's invited organisations first so that their members may join.
    /// </summary>
    Task<LiveSessionStatus> OpenAsync(Guid exerciseId, SessionActor actor, IReadOnlyCollection<Guid> inviteOrganisationIds,
        CancellationToken cancellationToken);

    /// <summary>Closes the live session.</summary>
    Task<LiveSessionStatus> CloseAsync(Guid sessionId, SessionActor actor, CancellationToken cancellationToken);

    /// <summary>The exercise's latest session, or null when it never had one.</summary>
    Task<LiveSessionStatus?> CurrentAsync(Guid exerciseId, CancellationToken cancellationToken);
}
