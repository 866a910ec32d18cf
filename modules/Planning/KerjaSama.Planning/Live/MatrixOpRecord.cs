namespace KerjaSama.Planning.Live;

/// <summary>One entry of a matrix's append-only op log: the one ordered history of the matrix.</summary>
internal sealed class MatrixOpRecord
{
    public Guid ExerciseId { get; set; }

    public long Seq { get; set; }

    public Guid OpId { get; set; }

    public Guid SessionId { get; set; }

    public required string Kind { get; set; }

    public Guid RowId { get; set; }

    public string FieldsJson { get; set; } = "{}";

    public Guid AuthorUserId { get; set; }

    public string AuthorName { get; set; } = "";

    public Guid AuthorOrganisationId { get; set; }

    public string AuthorOrganisationName { get; set; } = "";

    public DateTimeOffset At { get; set; }

    public string? OverwritesJson { get; set; }
}
