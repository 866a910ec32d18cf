using System.Text;
using KerjaSama.Modularity.Csv;
using KerjaSama.Modularity.Http;
using KerjaSama.Modularity.Security;
using KerjaSama.Planning.Contracts.Live;
using KerjaSama.Planning.Exercises;
using KerjaSama.Planning.Live;
using KerjaSama.Planning.Persistence;
using KerjaSama.SharedKernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace KerjaSama.Planning.Features.Live;

/// <summary>REST for live sessions and the matrix: open/lock/close, rows, the op log and its audit export, ops.</summary>
internal static class LiveEndpoints
{
    private static readonly string[] OpsHeader = ["seq", "at_utc", "kind", "row_id", "field", "value", "author", "organisation", "session_id", "op_id"];

    internal sealed record SessionDto(Guid SessionId, Guid ExerciseId, string State, long Seq);

    internal sealed record OpLogEntry(long Seq, Guid OpId, Guid SessionId, string Kind, Guid RowId, Dictionary<string, object?> Fields,
        Author Author, DateTimeOffset At);

    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("").WithTags("Planning: live sessions and matrix").RequireAuthorization(Policies.Member);
        group.MapPost("/exercises/{id:guid}/sessions", Open).RequireAuthorization(Policies.Facilitator).WithName("OpenSession");
        group.MapGet("/exercises/{id:guid}/session", Current).WithName("GetCurrentSession").RequireExercise(ExerciseRight.Read);
        group.MapPost("/sessions/{sessionId:guid}/lock", (Guid sessionId, HttpContext http, SessionDirectory d, IGrainFactory g) =>
            Change(sessionId, SessionStates.Locked, http, d, g)).RequireAuthorization(Policies.Facilitator).WithName("LockSession");
        group.MapPost("/sessions/{sessionId:guid}/unlock", (Guid sessionId, HttpContext http, SessionDirectory d, IGrainFactory g) =>
            Change(sessionId, SessionStates.Open, http, d, g)).RequireAuthorization(Policies.Facilitator).WithName("UnlockSession");
        group.MapPost("/sessions/{sessionId:guid}/close", Close).RequireAuthorization(Policies.Facilitator).WithName("CloseSession");
        group.MapGet("/exercises/{id:guid}/rows", Rows).WithName("GetMatrixRows").RequireExercise(ExerciseRight.Read);
        group.MapGet("/exercises/{id:guid}/ops", Ops).WithName("GetOpLog").RequireExercise(ExerciseRight.Read);
        group.MapGet("/exercises/{id:guid}/ops/export", Export).WithName("ExportOpLog").RequireExercise(ExerciseRight.Read);
        group.MapPost("/exercises/{id:guid}/ops", Submit).WithName("SubmitOp").RequireExercise(ExerciseRight.Contribute);
    }

    private static async Task<Results<Created<SessionDto>, ProblemHttpResult>> Open(Guid id, HttpContext http, PlanningDb db, IGrainFactory grains,
        CancellationToken ct)
    {
        if (!await db.Exercises.AnyAsync(e => e.Id == id, ct))
            return Problems.NotFound("exercise_not_found", $"No mapping exercise has the id {id}.");
        var info = await grains.GetGrain<IMatrixGrain>(id).OpenSession(Caller.From(http.User)!);
        return info.Error is { } error
            ? Forbidden(error)
            : TypedResults.Created($"/api/planning/exercises/{id}/session", new SessionDto(info.SessionId, id, info.State, info.Seq));
    }

    private static async Task<Results<Ok<SessionDto>, ProblemHttpResult>> Current(Guid id, HttpContext http, PlanningDb db, IGrainFactory grains,
        CancellationToken ct)
    {
        var info = await grains.GetGrain<IMatrixGrain>(id).GetSession();
        return info is null
            ? Problems.NotFound("no_session", "This exercise has never had a live session.")
            : TypedResults.Ok(new SessionDto(info.SessionId, id, info.State, info.Seq));
    }

    private static async Task<Results<Ok<SessionDto>, ProblemHttpResult>> Change(Guid sessionId, string state, HttpContext http,
        SessionDirectory sessions, IGrainFactory grains)
    {
        if (await sessions.ExerciseOfAsync(sessionId, http.RequestAborted) is not { } exerciseId)
            return Problems.NotFound(RejectionCodes.UnknownSession, $"No live session has the id {sessionId}.");
        var info = await grains.GetGrain<IMatrixGrain>(exerciseId).ChangeSessionState(Caller.From(http.User)!, sessionId, state);
        // A closed session cannot change any more: that is a conflict with its state, not a refusal of the caller.
        return info.Error is { } error
            ? Problem(error.Code switch { RejectionCodes.Forbidden => 403, RejectionCodes.UnknownSession => 404, RejectionCodes.SessionClosed => 409, _ => 400 }, error)
            : TypedResults.Ok(new SessionDto(info.SessionId, exerciseId, info.State, info.Seq));
    }

    private static async Task<Results<Ok<SessionDto>, ProblemHttpResult>> Close(Guid sessionId, HttpContext http, SessionDirectory sessions,
        IGrainFactory grains, KerjaSama.Planning.Live.Hub.PresenceEvents presence)
    {
        var result = await Change(sessionId, SessionStates.Closed, http, sessions, grains);
        if (result.Result is Ok<SessionDto> { Value: { } closed })
            await presence.ClosedAsync(sessionId, closed.ExerciseId);
        return result;
    }

    private static async Task<Results<Ok<List<MatrixRowSnapshot>>, ProblemHttpResult>> Rows(Guid id, HttpContext http, PlanningDb db,
        CancellationToken ct)
    {
        var rows = await db.Rows.AsNoTracking().Where(r => r.ExerciseId == id && !r.Removed).OrderBy(r => r.CreatedSeq).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(r => new MatrixRowSnapshot
        {
            RowId = r.Id, OwnerOrganisationId = r.OwnerOrganisationId, Seq = r.UpdatedSeq,
            Fields = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, System.Text.Json.JsonElement>>(r.ValuesJson)!
                .ToDictionary(kv => kv.Key, kv => FieldValues.FromJson(kv.Value.GetRawText())),
        }).ToList());
    }

    private static async Task<Results<Ok<PagedResult<OpLogEntry>>, ProblemHttpResult>> Ops(Guid id, HttpContext http, PlanningDb db,
        long afterSeq = 0, int pageSize = 100, CancellationToken ct = default)
    {
        (_, pageSize) = Paging.Clamp(1, pageSize);
        var total = await db.Ops.CountAsync(o => o.ExerciseId == id, ct);
        var ops = await db.Ops.AsNoTracking().Where(o => o.ExerciseId == id && o.Seq > afterSeq).OrderBy(o => o.Seq).Take(pageSize).ToListAsync(ct);
        var items = ops.Select(MatrixStore.ToMessage).Select(LiveMapping.ToApplied)
            .Select(a => new OpLogEntry(a.Seq, a.OpId, a.SessionId, a.Kind, a.RowId, a.Fields, a.Author, a.At)).ToList();
        return TypedResults.Ok(new PagedResult<OpLogEntry>(items, 1, pageSize, total));
    }

    /// <summary>The audit trail of who changed what and when, as CSV (one line per field written).</summary>
    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Export(Guid id, HttpContext http, PlanningDb db,
        CancellationToken ct)
    {
        var ops = await db.Ops.AsNoTracking().Where(o => o.ExerciseId == id).OrderBy(o => o.Seq).ToListAsync(ct);
        var records = new List<IEnumerable<object?>> { OpsHeader };
        foreach (var op in ops.Select(MatrixStore.ToMessage))
        {
            var fields = op.Fields.Count == 0 ? [new KeyValuePair<string, string?>("", null)] : op.Fields.ToList();
            // Names and values are user text: neutralised against formulas (CsvCells, through CsvFile); seq and ids as they are.
            foreach (var (field, value) in fields)
                records.Add([op.Seq, op.At, op.Kind, op.RowId, field, value, op.Author.DisplayName, op.Author.OrganisationName, op.SessionId, op.OpId]);
        }

        return TypedResults.File(Encoding.UTF8.GetBytes(CsvFile.Write(records)), "text/csv", $"matrix-{id:N}-audit.csv");
    }

    private static async Task<Results<Ok<Ack>, ProblemHttpResult>> Submit(Guid id, SubmitOp op, HttpContext http, PlanningDb db,
        IGrainFactory grains, CancellationToken ct)
    {
        if (!await db.Exercises.AnyAsync(e => e.Id == id, ct))
            return Problems.NotFound("exercise_not_found", $"No mapping exercise has the id {id}.");
        if (op.OpId == Guid.Empty || op.RowId == Guid.Empty)
            return Problem(400, new FieldError(RejectionCodes.InvalidOp, "An op needs an opId and a rowId."));
        var fields = (op.Fields ?? []).ToDictionary(kv => kv.Key, kv => FieldValues.ToJson(kv.Value), StringComparer.Ordinal);
        var result = await grains.GetGrain<IMatrixGrain>(id)
            .Submit(Caller.From(http.User)!, new OpRequest(op.SessionId, op.OpId, op.Kind ?? "", op.RowId, fields, op.BaseSeq));
        if (result.Error is { } error)
            return Problem(error.Code is RejectionCodes.Forbidden or RejectionCodes.NotInvited ? 403 : error.Code is RejectionCodes.UnknownRow ? 404 : error.Code is RejectionCodes.NotCommitted ? 503 : 400, error);
        return TypedResults.Ok(LiveMapping.ToAck(result));
    }

    private static ProblemHttpResult Forbidden(FieldError error) => Problem(403, error);

    private static ProblemHttpResult Problem(int status, FieldError error) =>
        TypedResults.Problem(Planning.Live.LiveText.Of(error.Code, error.Message, error.Field), statusCode: status,
            title: KerjaSama.Modularity.Localization.Messages.Text(status == 403 ? "title.forbidden" : "title.not_saved"),
            extensions: new Dictionary<string, object?> { ["code"] = error.Code, ["field"] = error.Field });
}
