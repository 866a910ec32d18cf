namespace KerjaSama.Planning.Contracts.Live;

/// <summary>A comment or question on a row (<c>PostComment</c>); at most <see cref="MaxLength"/> characters.</summary>
public sealed record PostCommentRequest
{
    public const int MaxLength = 2000;

    public Guid SessionId { get; init; }

    public Guid RowId { get; init; }

    /// <summary><c>comment</c> or <c>question</c> (<see cref="CommentKinds"/>).</summary>
    public string Kind { get; init; } = CommentKinds.Comment;

    /// <summary>Plain text: boards render it as text, never as HTML.</summary>
    public string Text { get; init; } = "";

    /// <summary>Organisations mentioned (@): each must be invited to the exercise.</summary>
    public List<Guid> MentionedOrganisationIds { get; init; } = [];
}
