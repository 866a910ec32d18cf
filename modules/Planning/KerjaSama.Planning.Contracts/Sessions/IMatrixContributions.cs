namespace KerjaSama.Planning.Contracts.Sessions;

/// <summary>Read access to what was contributed to a matrix during given live sessions (from the op log).</summary>
public interface IMatrixContributions
{
    /// <summary>
    /// Rows added during the sessions, per author organisation and per the row's current affair. Rows removed since
    /// still count: they were contributed in the meeting.
    /// </summary>
    Task<IReadOnlyList<RowsAdded>> RowsAddedAsync(Guid exerciseId, IReadOnlyCollection<Guid> sessionIds, CancellationToken cancellationToken);
}
