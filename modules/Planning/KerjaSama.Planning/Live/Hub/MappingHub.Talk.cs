using KerjaSama.Planning.Contracts.Live;
using Microsoft.AspNetCore.SignalR;

namespace KerjaSama.Planning.Live.Hub;

// Issue 19: the discussion on a row and the duplicate pairs (TalkHubNames). Every method needs the session joined;
// refusals are results with a code (posting, resolving, deciding) or hub errors whose message starts with the code
// (lists), like Join.
internal sealed partial class MappingHub
{
    public async Task<CommentResult> PostComment(PostCommentRequest request)
    {
        if (request is null)
            return CommentRefused(RejectionCodes.InvalidOp, "Send a comment.");
        if (JoinedExercise(request.SessionId, out var refusal) is not { } exerciseId)
            return CommentRefused(refusal!.Value.Code, refusal.Value.Message);
        var outcome = await grains.GetGrain<IMatrixGrain>(exerciseId).PostComment(Connection.Caller,
            new CommentRequest(request.RowId, request.Kind ?? "", request.Text ?? "", request.MentionedOrganisationIds ?? []));
        return TalkMapping.ToResult(outcome);
    }

    public async Task<CommentResult> ResolveComment(Guid sessionId, Guid commentId, bool resolved)
    {
        if (JoinedExercise(sessionId, out var refusal) is not { } exerciseId)
            return CommentRefused(refusal!.Value.Code, refusal.Value.Message);
        return TalkMapping.ToResult(await grains.GetGrain<IMatrixGrain>(exerciseId).ResolveComment(Connection.Caller, commentId, resolved));
    }

    public async Task<List<RowComment>> ListComments(Guid sessionId, Guid? rowId)
    {
        var exerciseId = RequireJoined(sessionId);
        return [.. (await grains.GetGrain<IMatrixGrain>(exerciseId).ListComments(rowId)).Select(TalkMapping.ToComment)];
    }

    public async Task<List<SimilarRow>> CheckSimilar(Guid sessionId, string affairCode, string text)
    {
        var exerciseId = RequireJoined(sessionId);
        if (string.IsNullOrWhiteSpace(affairCode) || affairCode.Length > 10 || string.IsNullOrWhiteSpace(text))
            return [];
        var similar = await grains.GetGrain<IDuplicatesGrain>(exerciseId).FindSimilar(affairCode, text.Length > PostCommentRequest.MaxLength ? text[..PostCommentRequest.MaxLength] : text);
        return [.. similar.Select(TalkMapping.ToSimilar)];
    }

    public async Task<List<DuplicatePair>> ListDuplicates(Guid sessionId)
    {
        var exerciseId = RequireJoined(sessionId);
        return [.. (await grains.GetGrain<IDuplicatesGrain>(exerciseId).List()).Select(TalkMapping.ToPair)];
    }

    public async Task<DuplicateResult> DecideDuplicate(Guid sessionId, Guid pairId, string decision)
    {
        if (JoinedExercise(sessionId, out var refusal) is not { } exerciseId)
            return new DuplicateResult { Error = LiveText.Error(refusal!.Value.Code, refusal.Value.Message) };
        return TalkMapping.ToResult(await grains.GetGrain<IDuplicatesGrain>(exerciseId).Decide(Connection.Caller, pairId, decision ?? ""));
    }

    /// <summary>The exercise of a session this connection joined while its membership holds; otherwise why not.</summary>
    private Guid? JoinedExercise(Guid sessionId, out (string Code, string Message)? refusal)
    {
        var connection = Connection;
        refusal = null;
        if (guard.Refusal(connection) is { } changed)
            refusal = (changed, "Your membership or role changed; sign in again.");
        else if (connection.Revoked.TryGetValue(sessionId, out var revoked))
            refusal = (revoked, "Your organisation is no longer invited to this mapping exercise.");
        else if (!connection.Joined.TryGetValue(sessionId, out var exerciseId))
            refusal = (RejectionCodes.NotJoined, "Join the session first.");
        else
            return exerciseId;
        return null;
    }

    private Guid RequireJoined(Guid sessionId) =>
        JoinedExercise(sessionId, out var refusal) ?? throw new HubException(LiveText.Hub(refusal!.Value.Code, refusal.Value.Message));

    private static CommentResult CommentRefused(string code, string message) => new() { Error = LiveText.Error(code, message) };
}
