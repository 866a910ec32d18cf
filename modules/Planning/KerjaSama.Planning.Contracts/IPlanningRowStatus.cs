namespace KerjaSama.Planning.Contracts;

/// <summary>
/// Moves a matrix row along its lifecycle from another module (e.g. Partners when an offer is sent or an agreement
/// signed). The change goes through the matrix grain like every other change: checked against the allowed
/// transitions, recorded in the op log with the actor and reason, and pushed to open boards.
/// </summary>
public interface IPlanningRowStatus
{
    /// <summary>Changes the row's status; a refused change leaves the row as it was.</summary>
    /// <param name="rowId">The matrix row.</param>
    /// <param name="newStatus">One of <see cref="RowStatuses"/>.</param>
    /// <param name="reason">Why (required), e.g. the offer letter's number.</param>
    /// <param name="actor">Who made the change.</param>
    /// <param name="cancellationToken">Cancels the wait, not a change already sequenced.</param>
    Task<RowStatusChange> ChangeStatusAsync(Guid rowId, string newStatus, string reason, PlanningActor actor, CancellationToken cancellationToken);

    /// <summary>The row's current status, or null when no such row exists.</summary>
    Task<string?> GetStatusAsync(Guid rowId, CancellationToken cancellationToken);
}

/// <summary>The person (and organisation) on whose behalf another module changes a row.</summary>
public sealed record PlanningActor(Guid UserId, string DisplayName, Guid OrganisationId, string OrganisationName);

/// <summary>The outcome of a status change.</summary>
/// <param name="Changed">True when applied.</param>
/// <param name="Seq">The op's sequence number in the matrix's op log (0 when refused).</param>
/// <param name="ErrorCode">
/// When refused: <c>unknown_row</c>, <c>invalid_transition</c>, <c>reason_required</c>, <c>invalid_value</c> or
/// <c>not_committed</c>.
/// </param>
/// <param name="Error">A readable reason when refused.</param>
public sealed record RowStatusChange(bool Changed, long Seq, string? ErrorCode, string? Error);
