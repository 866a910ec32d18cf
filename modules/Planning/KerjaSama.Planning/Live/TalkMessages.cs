namespace KerjaSama.Planning.Live;

// Messages of the row discussion and the duplicate pairs between the hub, REST, the grains and the hosts' fan-out.

[GenerateSerializer, Immutable, Alias("KerjaSama.Planning.CommentMessage")]
internal sealed record CommentMessage(
    [property: Id(0)] Guid Id, [property: Id(1)] Guid RowId, [property: Id(2)] string Kind, [property: Id(3)] string Text,
    [property: Id(4)] List<Guid> Mentions, [property: Id(5)] AuthorMessage Author, [property: Id(6)] DateTimeOffset At,
    [property: Id(7)] AuthorMessage? ResolvedBy, [property: Id(8)] DateTimeOffset? ResolvedAt);

[GenerateSerializer, Immutable, Alias("KerjaSama.Planning.CommentRequest")]
internal sealed record CommentRequest(
    [property: Id(0)] Guid RowId, [property: Id(1)] string Kind, [property: Id(2)] string Text, [property: Id(3)] List<Guid> Mentions);

[GenerateSerializer, Immutable, Alias("KerjaSama.Planning.CommentOutcome")]
internal sealed record CommentOutcome([property: Id(0)] CommentMessage? Comment, [property: Id(1)] FieldError? Error);

[GenerateSerializer, Immutable, Alias("KerjaSama.Planning.RowText")]
internal sealed record RowText(
    [property: Id(0)] Guid RowId, [property: Id(1)] Guid Owner, [property: Id(2)] string? AffairCode, [property: Id(3)] string? Potential,
    [property: Id(4)] string? Object, [property: Id(5)] bool Merged);

[GenerateSerializer, Immutable, Alias("KerjaSama.Planning.RowTexts")]
internal sealed record RowTexts([property: Id(0)] long Seq, [property: Id(1)] List<RowText> Rows, [property: Id(2)] List<Guid> Invited);

[GenerateSerializer, Immutable, Alias("KerjaSama.Planning.PairMessage")]
internal sealed record PairMessage(
    [property: Id(0)] Guid Id, [property: Id(1)] string AffairCode, [property: Id(2)] string Field, [property: Id(3)] double Score,
    [property: Id(4)] PairSideMessage A, [property: Id(5)] PairSideMessage B, [property: Id(6)] string Status,
    [property: Id(7)] AuthorMessage? DecidedBy);

[GenerateSerializer, Immutable, Alias("KerjaSama.Planning.PairSideMessage")]
internal sealed record PairSideMessage(
    [property: Id(0)] Guid RowId, [property: Id(1)] Guid Owner, [property: Id(2)] string OrganisationName, [property: Id(3)] string Text);

[GenerateSerializer, Immutable, Alias("KerjaSama.Planning.PairOutcome")]
internal sealed record PairOutcome([property: Id(0)] PairMessage? Pair, [property: Id(1)] FieldError? Error);

[GenerateSerializer, Immutable, Alias("KerjaSama.Planning.SimilarMessage")]
internal sealed record SimilarMessage(
    [property: Id(0)] Guid RowId, [property: Id(1)] Guid Owner, [property: Id(2)] string OrganisationName, [property: Id(3)] string Field,
    [property: Id(4)] string Text, [property: Id(5)] double Score);
