namespace KerjaSama.Planning.Contracts.Live;

/// <summary>A comment or question on a matrix row, open or resolved.</summary>
public sealed record RowComment
{
    public Guid CommentId { get; init; }

    public Guid RowId { get; init; }

    public string Kind { get; init; } = "";

    public string Text { get; init; } = "";

    public List<Guid> MentionedOrganisationIds { get; init; } = [];

    public Author Author { get; init; } = new();

    public DateTimeOffset At { get; init; }

    public bool Resolved { get; init; }

    /// <summary>Who resolved it, while it is resolved.</summary>
    public Author? ResolvedBy { get; init; }
}
