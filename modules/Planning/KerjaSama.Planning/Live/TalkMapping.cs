using KerjaSama.Planning.Contracts.Live;

namespace KerjaSama.Planning.Live;

/// <summary>Maps the discussion and duplicate messages to the hub contract (also the REST answers).</summary>
internal static class TalkMapping
{
    public static RowComment ToComment(CommentMessage c) => new()
    {
        CommentId = c.Id, RowId = c.RowId, Kind = c.Kind, Text = c.Text, MentionedOrganisationIds = [.. c.Mentions],
        Author = LiveMapping.ToAuthor(c.Author), At = c.At, Resolved = c.ResolvedBy is not null,
        ResolvedBy = c.ResolvedBy is null ? null : LiveMapping.ToAuthor(c.ResolvedBy),
    };

    public static CommentResult ToResult(CommentOutcome o) => new()
    {
        Comment = o.Comment is null ? null : ToComment(o.Comment), Error = ToError(o.Error),
    };

    public static DuplicatePair ToPair(PairMessage p) => new()
    {
        PairId = p.Id, AffairCode = p.AffairCode, Field = p.Field, Score = p.Score, RowA = ToSide(p.A), RowB = ToSide(p.B), Status = p.Status,
        DecidedBy = p.DecidedBy is null ? null : LiveMapping.ToAuthor(p.DecidedBy),
    };

    public static DuplicateResult ToResult(PairOutcome o) => new() { Pair = o.Pair is null ? null : ToPair(o.Pair), Error = ToError(o.Error) };

    public static SimilarRow ToSimilar(SimilarMessage s) => new()
    {
        RowId = s.RowId, OwnerOrganisationId = s.Owner, OrganisationName = s.OrganisationName, Field = s.Field, Text = s.Text, Score = s.Score,
    };

    public static CommentMessage FromRecord(RowCommentRecord r) => new(r.Id, r.RowId, r.Kind, r.Text, [.. r.MentionedOrganisationIds],
        new AuthorMessage(r.AuthorUserId, r.AuthorName, r.AuthorOrganisationId, r.AuthorOrganisationName), r.At,
        r.ResolvedByUserId is { } by ? new AuthorMessage(by, r.ResolvedByName ?? "", r.ResolvedByOrganisationId ?? Guid.Empty, r.ResolvedByOrganisationName ?? "") : null,
        r.ResolvedAt);

    private static DuplicateSide ToSide(PairSideMessage s) => new() { RowId = s.RowId, OwnerOrganisationId = s.Owner, OrganisationName = s.OrganisationName, Text = s.Text };

    private static AckError? ToError(FieldError? e) => LiveText.Error(e);
}
