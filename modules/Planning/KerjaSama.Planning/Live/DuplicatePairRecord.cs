namespace KerjaSama.Planning.Live;

/// <summary>
/// A flagged pair of rows (<see cref="RowA"/> sorts before <see cref="RowB"/>) and what was decided about it. Open
/// pairs come and go with the rows' texts; decided ones stay.
/// </summary>
internal sealed class DuplicatePairRecord
{
    public Guid Id { get; set; }

    public Guid ExerciseId { get; set; }

    public Guid RowA { get; set; }

    public Guid RowB { get; set; }

    public string AffairCode { get; set; } = "";

    public string Field { get; set; } = "";

    public double Score { get; set; }

    public required string Status { get; set; }

    public DateTimeOffset DetectedAt { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public Guid? DecidedByUserId { get; set; }

    public string? DecidedByName { get; set; }

    public Guid? DecidedByOrganisationId { get; set; }

    public string? DecidedByOrganisationName { get; set; }
}
