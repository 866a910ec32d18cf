using KerjaSama.Modularity.Persistence;
using KerjaSama.Modularity.Security;
using KerjaSama.Planning.Contracts.Live;
using Microsoft.EntityFrameworkCore;
using F = KerjaSama.Planning.Contracts.Live.MatrixFieldNames;

namespace KerjaSama.Planning.Live;

// Issue 19: the discussion on a row, and what the duplicates grain reads and publishes. Comments are stored on their
// own (not ops: they change no field) and fanned out to the current session through the same observers.
#pragma warning disable CA1001 // See MatrixGrain.cs: the gate has no wait handle.
internal sealed partial class MatrixGrain
#pragma warning restore CA1001
{
    private const int MaxMentions = 20;

    public async Task<CommentOutcome> PostComment(Caller caller, CommentRequest request)
    {
        if (!await EnsureLoadedAsync())
            return new CommentOutcome(null, Unavailable(StoreFailures.UnavailableCode));
        if (CheckTalker(caller) is { } denied)
            return new CommentOutcome(null, denied);
        if (request.Kind is not (CommentKinds.Comment or CommentKinds.Question))
            return Refused(RejectionCodes.InvalidKind, "A note is a 'comment' or a 'question'.", "kind");
        var text = request.Text?.Trim() ?? "";
        if (text.Length == 0)
            return Refused(RejectionCodes.CommentEmpty, "Write the comment.", "text");
        if (text.Length > PostCommentRequest.MaxLength)
            return Refused(RejectionCodes.CommentTooLong, $"A comment has at most {PostCommentRequest.MaxLength} characters.", "text");
        if (!_rows.TryGetValue(request.RowId, out var row) || row.Removed)
            return Refused(RejectionCodes.UnknownRow, $"No row {request.RowId} in this matrix.", "rowId");
        var mentions = (request.Mentions ?? []).Distinct().ToList();
        if (mentions.Count > MaxMentions)
            return Refused(RejectionCodes.InvalidValue, $"At most {MaxMentions} organisations can be mentioned.", "mentionedOrganisationIds");
        if (mentions.FirstOrDefault(m => !_invited.Contains(m)) is var stranger && stranger != Guid.Empty)
            return Refused(RejectionCodes.MentionNotInvited, $"Organisation {stranger} is not invited to this mapping exercise.", "mentionedOrganisationIds");

        var record = new RowCommentRecord
        {
            Id = Guid.CreateVersion7(), ExerciseId = ExerciseId, SessionId = _session?.Id ?? Guid.Empty, RowId = request.RowId, Kind = request.Kind,
            Text = text, MentionedOrganisationIds = mentions, AuthorUserId = caller.UserId, AuthorName = caller.DisplayName,
            AuthorOrganisationId = caller.OrganisationId, AuthorOrganisationName = caller.OrganisationName, At = clock.GetUtcNow(),
        };
        try
        {
            await using var db = await factory.CreateDbContextAsync();
            db.Comments.Add(record);
            await db.SaveChangesAsync();
        }
        catch (Exception ex) when (StoreFailures.IsUnavailable(ex))
        {
            return new CommentOutcome(null, Unavailable(StoreFailures.UnavailableCode));
        }

        var message = TalkMapping.FromRecord(record);
        await NotifyCommentAsync(message);
        return new CommentOutcome(message, null);
    }

    /// <summary>Resolves (or reopens) a comment: its author's organisation or a facilitator.</summary>
    public async Task<CommentOutcome> ResolveComment(Caller caller, Guid commentId, bool resolved)
    {
        if (!await EnsureLoadedAsync())
            return new CommentOutcome(null, Unavailable(StoreFailures.UnavailableCode));
        if (CheckTalker(caller) is { } denied)
            return new CommentOutcome(null, denied);
        try
        {
            await using var db = await factory.CreateDbContextAsync();
            var record = await db.Comments.FirstOrDefaultAsync(c => c.Id == commentId && c.ExerciseId == ExerciseId);
            if (record is null)
                return Refused(RejectionCodes.UnknownComment, $"No comment {commentId} in this matrix.", "commentId");
            if (!caller.CanFacilitate && record.AuthorOrganisationId != caller.OrganisationId)
                return Refused(RejectionCodes.Forbidden, "Only the author's organisation or a facilitator resolves or reopens a comment.", null);
            if ((record.ResolvedAt is not null) != resolved)
            {
                record.ResolvedAt = resolved ? clock.GetUtcNow() : null;
                record.ResolvedByUserId = resolved ? caller.UserId : null;
                record.ResolvedByName = resolved ? caller.DisplayName : null;
                record.ResolvedByOrganisationId = resolved ? caller.OrganisationId : null;
                record.ResolvedByOrganisationName = resolved ? caller.OrganisationName : null;
                await db.SaveChangesAsync();
            }

            var message = TalkMapping.FromRecord(record);
            await NotifyCommentAsync(message);
            return new CommentOutcome(message, null);
        }
        catch (Exception ex) when (StoreFailures.IsUnavailable(ex))
        {
            return new CommentOutcome(null, Unavailable(StoreFailures.UnavailableCode));
        }
    }

    /// <summary>The comments of one row (or of every row), oldest first. Readers are checked by the caller.</summary>
    public async Task<List<CommentMessage>> ListComments(Guid? rowId)
    {
        await using var db = await factory.CreateDbContextAsync();
        var query = db.Comments.AsNoTracking().Where(c => c.ExerciseId == ExerciseId);
        if (rowId is { } row)
            query = query.Where(c => c.RowId == row);
        return [.. (await query.ToListAsync()).OrderBy(c => c.At).ThenBy(c => c.Id).Select(TalkMapping.FromRecord)];
    }

    /// <summary>The affair, potential and object of every row (canonical JSON), for the duplicates grain.</summary>
    public async Task<RowTexts> GetRowTexts()
    {
        await RequireLoadedAsync();
        var rows = _rows.Values.Where(r => !r.Removed).Select(r => new RowText(r.Id, r.Owner, r.Values.GetValueOrDefault(F.AffairCode),
            r.Values.GetValueOrDefault(F.Potential), r.Values.GetValueOrDefault(F.CooperationObject), r.Values.ContainsKey(F.MergedInto))).ToList();
        return new RowTexts(_seq, rows, [.. _invited]);
    }

    /// <summary>Sends the exercise's duplicate pairs to the boards of its current session.</summary>
    public async Task PublishDuplicates(List<PairMessage> pairs)
    {
        if (_session is { State: not SessionStates.Closed } session)
            await _observers.Notify(o => o.OnDuplicates(ExerciseId, session.Id, pairs));
    }

    private async Task NotifyCommentAsync(CommentMessage message)
    {
        if (_session is { } session)
            await _observers.Notify(o => o.OnComment(ExerciseId, session.Id, message));
    }

    private FieldError? CheckTalker(Caller caller)
    {
        if (!caller.CanContribute)
            return new FieldError(RejectionCodes.Forbidden, "Observers read the discussion; they do not post or resolve.");
        return CanAccess(caller) ? null : new FieldError(RejectionCodes.NotInvited, "Your organisation is not invited to this mapping exercise.");
    }

    private static CommentOutcome Refused(string code, string message, string? field) => new(null, new FieldError(code, message, field));
}
