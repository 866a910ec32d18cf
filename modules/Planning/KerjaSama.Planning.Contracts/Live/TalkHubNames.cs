namespace KerjaSama.Planning.Contracts.Live;

/// <summary>
/// The row discussion and duplicate methods (client → server) and events (server → client) of <c>/hubs/mapping</c>,
/// next to <see cref="HubNames"/> (docs/live-sessions.md, "Facilitation: discussion and duplicates").
/// </summary>
public static class TalkHubNames
{
    /// <summary>(<see cref="PostCommentRequest"/>) → <see cref="CommentResult"/>.</summary>
    public const string PostComment = "PostComment";

    /// <summary>(sessionId, commentId, resolved) → <see cref="CommentResult"/>: resolve (true) or reopen (false).</summary>
    public const string ResolveComment = "ResolveComment";

    /// <summary>(sessionId, rowId or null for the whole exercise) → list of <see cref="RowComment"/>.</summary>
    public const string ListComments = "ListComments";

    /// <summary>(sessionId, affairCode, text) → list of <see cref="SimilarRow"/>: "mirip dengan …" while typing, nothing stored.</summary>
    public const string CheckSimilar = "CheckSimilar";

    /// <summary>(sessionId) → list of <see cref="DuplicatePair"/>.</summary>
    public const string ListDuplicates = "ListDuplicates";

    /// <summary>(sessionId, pairId, decision) → <see cref="DuplicateResult"/>; decisions are <see cref="DuplicateDecisions"/>.</summary>
    public const string DecideDuplicate = "DecideDuplicate";

    /// <summary>Event (<see cref="RowComment"/>): a comment was posted, resolved or reopened.</summary>
    public const string CommentChanged = nameof(IMappingClient.CommentChanged);

    /// <summary>Event (sessionId, list of <see cref="DuplicatePair"/>): the exercise's pairs as they are now.</summary>
    public const string Duplicates = nameof(IMappingClient.Duplicates);
}
