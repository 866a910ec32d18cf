namespace KerjaSama.Planning.Contracts.Sessions;

/// <summary>Read access to the prioritisation votes held during given live sessions (e.g. for a meeting's minutes).</summary>
public interface IVoteResults
{
    /// <summary>Every vote round of the sessions, in the order they started, each row with its votes (most first).</summary>
    Task<IReadOnlyList<VoteRoundResult>> RoundsAsync(Guid exerciseId, IReadOnlyCollection<Guid> sessionIds, CancellationToken cancellationToken);
}
