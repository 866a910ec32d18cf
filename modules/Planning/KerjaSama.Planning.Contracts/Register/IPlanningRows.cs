namespace KerjaSama.Planning.Contracts.Register;

/// <summary>Read access to the current rows of the mapping register for other modules (e.g. offers from adopted rows).</summary>
public interface IPlanningRows
{
    /// <summary>The row as currently stored, or null when there is none with that id or it was removed.</summary>
    Task<PlanningRowInfo?> FindAsync(Guid rowId, CancellationToken cancellationToken);

    /// <summary>The rows that can be offered to a partner now (<see cref="PlanningRowInfo.CanBeOffered"/>), by affair, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<PlanningRowInfo>> ListOfferableAsync(int max, CancellationToken cancellationToken);
}
