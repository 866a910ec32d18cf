namespace KerjaSama.Planning.Live;

/// <summary>A stored comment or question on a matrix row (the row discussion of a live session, also read in consolidation).</summary>
internal sealed class RowCommentRecord
{
    public Guid Id { get; set; }

    public Guid ExerciseId { get; set; }

    /// <summary>The exercise's current session when posted; empty outside one.</summary>
    public Guid SessionId { get; set; }

    public Guid RowId { get; set; }

    public required string Kind { get; set; }

    public required string Text { get; set; }

    public List<Guid> MentionedOrganisationIds { get; set; } = [];

    public Guid AuthorUserId { get; set; }

    public string AuthorName { get; set; } = "";

    public Guid AuthorOrganisationId { get; set; }

    public string AuthorOrganisationName { get; set; } = "";

    public DateTimeOffset At { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    public Guid? ResolvedByUserId { get; set; }

    public string? ResolvedByName { get; set; }

    public Guid? ResolvedByOrganisationId { get; set; }

    public string? ResolvedByOrganisationName { get; set; }
}
