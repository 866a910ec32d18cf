namespace KerjaSama.Planning.Contracts.Register;

/// <summary>
/// The rows of a mapping exercise the consolidation keeps as agreed, with their names resolved, for documents other
/// modules produce (the Berita Acara of the mapping meeting).
/// </summary>
public interface IAgreedRows
{
    /// <summary>
    /// The exercise's rows that are neither removed, merged into another, rejected nor postponed (by status or TKKSD
    /// decision), ordered by affair and then by when they were added; empty when the exercise does not exist.
    /// </summary>
    Task<IReadOnlyList<AgreedRowInfo>> ListAgreedAsync(Guid exerciseId, CancellationToken cancellationToken);
}
