using KerjaSama.Modularity.Http;
using KerjaSama.Modularity.Security;
using KerjaSama.Planning.Contracts.Live;
using KerjaSama.Planning.Exercises;
using KerjaSama.Planning.Features.Consolidation;
using KerjaSama.Planning.Live;
using KerjaSama.Planning.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KerjaSama.Planning.Features.Talk;

/// <summary>
/// Issue 19 over REST: the discussion on rows (list, post, resolve, reopen) and the duplicate pairs (list, link,
/// dismiss, propose a merge, merge through consolidation's merge). The same grains as the hub decide.
/// </summary>
internal static class TalkEndpoints
{
    internal sealed record CommentBody(string? Kind, string? Text, List<Guid>? MentionedOrganisationIds);

    internal sealed record MergeBody(Guid? IntoRowId, string? Reason);

    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/exercises/{id:guid}").WithTags("Planning: row discussion and duplicates").RequireAuthorization(Policies.Member);
        group.MapGet("/comments", ListAll).WithName("ListComments").RequireExercise(ExerciseRight.Read);
        group.MapGet("/rows/{rowId:guid}/comments", ListRow).WithName("ListRowComments").RequireExercise(ExerciseRight.Read);
        group.MapPost("/rows/{rowId:guid}/comments", Post).WithName("PostRowComment").RequireExercise(ExerciseRight.Contribute);
        group.MapPost("/comments/{commentId:guid}/resolve", (Guid id, Guid commentId, HttpContext http, IGrainFactory grains) =>
            Resolve(id, commentId, true, http, grains)).WithName("ResolveComment").RequireExercise(ExerciseRight.Contribute);
        group.MapPost("/comments/{commentId:guid}/reopen", (Guid id, Guid commentId, HttpContext http, IGrainFactory grains) =>
            Resolve(id, commentId, false, http, grains)).WithName("ReopenComment").RequireExercise(ExerciseRight.Contribute);
        group.MapGet("/duplicates", ListPairs).WithName("ListDuplicatePairs").RequireExercise(ExerciseRight.Read);
        group.MapPost("/duplicates/{pairId:guid}/link", (Guid id, Guid pairId, HttpContext http, IGrainFactory grains) =>
            Decide(id, pairId, DuplicateDecisions.Link, http, grains)).WithName("LinkDuplicatePair").RequireExercise(ExerciseRight.Contribute);
        group.MapPost("/duplicates/{pairId:guid}/dismiss", (Guid id, Guid pairId, HttpContext http, IGrainFactory grains) =>
            Decide(id, pairId, DuplicateDecisions.Dismiss, http, grains)).WithName("DismissDuplicatePair").RequireExercise(ExerciseRight.Contribute);
        group.MapPost("/duplicates/{pairId:guid}/propose-merge", (Guid id, Guid pairId, HttpContext http, IGrainFactory grains) =>
            Decide(id, pairId, DuplicateDecisions.ProposeMerge, http, grains)).WithName("ProposeDuplicateMerge").RequireExercise(ExerciseRight.Contribute);
        group.MapPost("/duplicates/{pairId:guid}/merge", Merge).WithName("MergeDuplicatePair").RequireExercise(ExerciseRight.Consolidate);
    }

    private static async Task<IResult> ListAll(Guid id, IGrainFactory grains, bool? open = null) =>
        TypedResults.Ok(Filter(await grains.GetGrain<IMatrixGrain>(id).ListComments(null), open));

    private static async Task<IResult> ListRow(Guid id, Guid rowId, IGrainFactory grains, bool? open = null) =>
        TypedResults.Ok(Filter(await grains.GetGrain<IMatrixGrain>(id).ListComments(rowId), open));

    private static List<RowComment> Filter(List<CommentMessage> comments, bool? open) =>
        [.. comments.Select(TalkMapping.ToComment).Where(c => open is null || c.Resolved != open)];

    private static async Task<IResult> Post(Guid id, Guid rowId, CommentBody body, HttpContext http, IGrainFactory grains)
    {
        var outcome = await grains.GetGrain<IMatrixGrain>(id).PostComment(Caller.From(http.User)!,
            new CommentRequest(rowId, body.Kind ?? CommentKinds.Comment, body.Text ?? "", body.MentionedOrganisationIds ?? []));
        return outcome.Comment is { } comment
            ? TypedResults.Created($"/api/planning/exercises/{id}/rows/{rowId}/comments", TalkMapping.ToComment(comment))
            : Problem(outcome.Error!);
    }

    private static async Task<IResult> Resolve(Guid id, Guid commentId, bool resolved, HttpContext http, IGrainFactory grains)
    {
        var outcome = await grains.GetGrain<IMatrixGrain>(id).ResolveComment(Caller.From(http.User)!, commentId, resolved);
        return outcome.Comment is { } comment ? TypedResults.Ok(TalkMapping.ToComment(comment)) : Problem(outcome.Error!);
    }

    private static async Task<IResult> ListPairs(Guid id, IGrainFactory grains, string? status = null) =>
        TypedResults.Ok((await grains.GetGrain<IDuplicatesGrain>(id).List()).Select(TalkMapping.ToPair)
            .Where(p => string.IsNullOrEmpty(status) || p.Status == status).ToList());

    private static async Task<IResult> Decide(Guid id, Guid pairId, string decision, HttpContext http, IGrainFactory grains)
    {
        var outcome = await grains.GetGrain<IDuplicatesGrain>(id).Decide(Caller.From(http.User)!, pairId, decision);
        return outcome.Pair is { } pair ? TypedResults.Ok(TalkMapping.ToPair(pair)) : Problem(outcome.Error!);
    }

    /// <summary>Merges the pair's rows through consolidation's merge (the survivor is <c>intoRowId</c>, by default the first row).</summary>
    private static async Task<IResult> Merge(Guid id, Guid pairId, MergeBody? body, HttpContext http, PlanningDb db, IGrainFactory grains)
    {
        var duplicates = grains.GetGrain<IDuplicatesGrain>(id);
        var pair = (await duplicates.List()).FirstOrDefault(p => p.Id == pairId);
        if (pair is null)
            return Problems.NotFound(RejectionCodes.UnknownPair, $"No duplicate pair {pairId} in this matrix.");
        var into = body?.IntoRowId ?? pair.A.RowId;
        if (into != pair.A.RowId && into != pair.B.RowId)
            return Problems.Validation("intoRowId", "The survivor is one of the pair's two rows.", "invalid_merge");
        var merged = into == pair.A.RowId ? pair.B.RowId : pair.A.RowId;
        var reason = string.IsNullOrWhiteSpace(body?.Reason) ? "Duplikat (pasangan mirip)" : body.Reason;
        var result = await ConsolidationEndpoints.Merge(id, merged, new ConsolidationEndpoints.MergeRequest(into, reason), http, db, grains,
            http.RequestAborted);
        if (result is not Microsoft.AspNetCore.Http.HttpResults.Ok<ConsolidationEndpoints.ChangeResult>)
            return result;
        var marked = await duplicates.Merged(Caller.From(http.User)!, pairId);
        return marked.Pair is { } done ? TypedResults.Ok(TalkMapping.ToPair(done)) : Problem(marked.Error!);
    }

    private static IResult Problem(FieldError error)
    {
        var status = error.Code switch
        {
            RejectionCodes.Forbidden or RejectionCodes.NotInvited => StatusCodes.Status403Forbidden,
            RejectionCodes.UnknownRow or RejectionCodes.UnknownComment or RejectionCodes.UnknownPair => StatusCodes.Status404NotFound,
            "already_merged" => StatusCodes.Status409Conflict,
            "database_unavailable" => StatusCodes.Status503ServiceUnavailable,
            _ => StatusCodes.Status400BadRequest,
        };
        if (status == StatusCodes.Status400BadRequest)
            return Problems.Validation(error.Field ?? "body", error.Message, error.Code);
        return TypedResults.Problem(Planning.Live.LiveText.Of(error.Code, error.Message, error.Field), statusCode: status, extensions: new Dictionary<string, object?> { ["code"] = error.Code, ["field"] = error.Field });
    }
}
