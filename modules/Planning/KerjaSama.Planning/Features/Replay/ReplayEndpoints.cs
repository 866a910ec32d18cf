using System.Globalization;
using KerjaSama.Modularity.Http;
using KerjaSama.Modularity.Security;
using KerjaSama.Planning.Contracts.Live;
using KerjaSama.Planning.Exercises;
using KerjaSama.Planning.Live;
using KerjaSama.Planning.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace KerjaSama.Planning.Features.Replay;

/// <summary>
/// History and replay of a matrix from its op log: the matrix as it was at any sequence number, the timeline of the
/// exercise or of one session, and its export. Read-only, for whoever may read the matrix (the rule of
/// <c>GET exercises/{id}/rows</c>: <see cref="ExerciseAccess.CanReadAsync"/>).
/// </summary>
internal static class ReplayEndpoints
{
    internal sealed record Step(long Seq, DateTimeOffset At, string Kind, Guid RowId, Guid SessionId, Author Author,
        Dictionary<string, object?> Fields, Dictionary<string, object?> Previous);

    internal sealed record ReplayView(Guid ExerciseId, long AtSeq, long LastSeq, DateTimeOffset? At, List<MatrixRowSnapshot> Rows, Step? Step);

    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/exercises/{id:guid}").WithTags("Planning: history and replay").RequireAuthorization(Policies.Member)
            .RequireExercise(ExerciseRight.Read);
        group.MapGet("/replay", Replay).WithName("ReplayMatrix")
            .WithDescription("The matrix as it was after op atSeq (0: empty; default: the last), with the op at atSeq and the values it replaced.");
        group.MapGet("/timeline", GetTimeline).WithName("GetMatrixTimeline")
            .WithDescription("Ops per time bucket and organisation, the sessions' open/lock/unlock/close moments, and every op's author and fields.");
        group.MapGet("/timeline/export.{format}", TimelineExport.ExportAsync).WithName("ExportMatrixTimeline")
            .WithDescription("The timeline as CSV (one line per field written, with the value before) or XLSX (changes, buckets, sessions).");
    }

    public static async Task<long> LastSeqAsync(PlanningDb db, Guid exerciseId, CancellationToken ct) =>
        await db.Ops.Where(o => o.ExerciseId == exerciseId).MaxAsync(o => (long?)o.Seq, ct) ?? 0;

    private static async Task<IResult> Replay(Guid id, PlanningDb db, string? atSeq, CancellationToken ct)
    {
        var last = await LastSeqAsync(db, id, ct);
        long seq = last;
        if (!string.IsNullOrWhiteSpace(atSeq)
            && (!long.TryParse(atSeq, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out seq) || seq < 0 || seq > last))
        {
            return Problems.Validation("atSeq", $"A sequence number between 0 and {last} (the last op of this matrix).", "invalid_seq");
        }

        var result = await MatrixReplay.AtAsync(db, id, seq, ct);
        var rows = result.Rows.Values.Where(r => !r.Removed).OrderBy(r => r.CreatedSeq).Select(r => new MatrixRowSnapshot
        {
            RowId = r.Id, OwnerOrganisationId = r.Owner, Seq = r.UpdatedSeq,
            Fields = r.Values.ToDictionary(kv => kv.Key, kv => FieldValues.FromJson(kv.Value), StringComparer.Ordinal),
        }).ToList();
        Step? step = null;
        if (result.Step is { } op)
        {
            var applied = LiveMapping.ToApplied(op);
            step = new Step(op.Seq, op.At, op.Kind, op.RowId, op.SessionId, applied.Author, applied.Fields,
                result.Previous.ToDictionary(kv => kv.Key, kv => FieldValues.FromJson(kv.Value), StringComparer.Ordinal));
        }

        return TypedResults.Ok(new ReplayView(id, seq, last, result.Step?.At, rows, step));
    }

    private static async Task<IResult> GetTimeline(Guid id, PlanningDb db, string? sessionId, string? bucketSeconds, CancellationToken ct)
    {
        var (session, bucket, problem) = await ParseAsync(db, id, sessionId, bucketSeconds, ct);
        if (problem is not null)
            return problem;
        var (view, tooMany) = await LoadAsync(db, id, session, bucket, ct);
        return tooMany ?? TypedResults.Ok(view);
    }

    /// <summary>The session (when named) and the bucket width (when given), or the problem with the parameter's name.</summary>
    public static async Task<(MappingSession? Session, int? BucketSeconds, IResult? Problem)> ParseAsync(PlanningDb db, Guid id, string? sessionId,
        string? bucketSeconds, CancellationToken ct)
    {
        MappingSession? session = null;
        if (!string.IsNullOrWhiteSpace(sessionId))
        {
            if (!Guid.TryParse(sessionId, out var sid))
                return (null, null, Problems.Validation("sessionId", "A session id (a GUID).", "invalid_session_id"));
            session = await db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sid && s.ExerciseId == id, ct);
            if (session is null)
                return (null, null, Problems.NotFound(RejectionCodes.UnknownSession, $"This exercise has no live session {sid}."));
        }

        int? bucket = null;
        if (!string.IsNullOrWhiteSpace(bucketSeconds))
        {
            if (!int.TryParse(bucketSeconds, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var b) || b < 1 || b > Timeline.MaxBucketSeconds)
                return (null, null, Problems.Validation("bucketSeconds", $"Whole seconds between 1 and {Timeline.MaxBucketSeconds} (31 days).", "invalid_bucket"));
            bucket = b;
        }

        return (session, bucket, null);
    }

    /// <summary>The timeline, or a 400 naming <c>bucketSeconds</c> when the width gives more than <see cref="Timeline.MaxBuckets"/> buckets.</summary>
    public static async Task<(Timeline.View View, IResult? Problem)> LoadAsync(PlanningDb db, Guid id, MappingSession? session, int? bucketSeconds,
        CancellationToken ct)
    {
        var ops = await Timeline.OpsAsync(db, id, session, ct);
        var sessions = await Timeline.SessionsAsync(db, id, session, ct);
        var times = ops.Select(o => o.At).Concat(sessions.SelectMany(s => s.Moments).Select(m => m.At)).ToList();
        var width = bucketSeconds ?? (times.Count == 0 ? 60 : Timeline.AutoBucketSeconds(times.Max() - times.Min()));
        if (times.Count > 0 && Timeline.BucketCount(times.Min(), times.Max(), width) > Timeline.MaxBuckets)
        {
            return (null!, Problems.Validation("bucketSeconds",
                $"{Timeline.BucketCount(times.Min(), times.Max(), width)} buckets; at most {Timeline.MaxBuckets}: choose a larger width.", "too_many_buckets"));
        }

        return (Timeline.Build(id, session?.Id, ops, sessions, width), null);
    }
}
