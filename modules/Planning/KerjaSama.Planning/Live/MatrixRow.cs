namespace KerjaSama.Planning.Live;

/// <summary>
/// One cooperation opportunity of a mapping exercise. Written only by the matrix grain, in the same transaction as
/// the op that changed it. Field values are a JSON document (one property per field of <c>MatrixFieldNames</c>);
/// the columns the other features filter on are promoted.
/// </summary>
internal sealed class MatrixRow
{
    public Guid Id { get; set; }

    public Guid ExerciseId { get; set; }

    public Guid OwnerOrganisationId { get; set; }

    public string ValuesJson { get; set; } = "{}";

    /// <summary>Field → seq and author of its last write, for property-level last-writer-wins and overwrite notices.</summary>
    public string StampsJson { get; set; } = "{}";

    public string? AffairCode { get; set; }

    public string? CooperationType { get; set; }

    public string? Status { get; set; }

    public bool Removed { get; set; }

    public long CreatedSeq { get; set; }

    public long UpdatedSeq { get; set; }
}
