namespace KerjaSama.Planning.Contracts.Live;

/// <summary>The answer to <c>PostComment</c> and <c>ResolveComment</c>: the comment as stored, or why nothing was stored.</summary>
public sealed record CommentResult
{
    public RowComment? Comment { get; init; }

    public AckError? Error { get; init; }
}
