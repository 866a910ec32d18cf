using KerjaSama.Planning.Contracts.Live;
using KerjaSama.Planning.Live;
using KerjaSama.Planning.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KerjaSama.Planning.Features.Replay;

/// <summary>
/// The timeline of an exercise's matrix (or of one live session): ops counted per time bucket and organisation, the
/// sessions' open/lock/unlock/close moments, and one line per op (who changed which fields of which row, when).
/// </summary>
internal static class Timeline
{
    /// <summary>At most this many buckets in one answer: the caller chooses a larger bucket instead.</summary>
    public const int MaxBuckets = 2000;

    public const int MaxBucketSeconds = 31 * 86_400;

    internal sealed record OrganisationCount(Guid OrganisationId, string Name, int Ops, int RowsAdded, int FieldsEdited, int RowsRemoved);

    internal sealed record Bucket(DateTimeOffset From, DateTimeOffset To, long FirstSeq, long LastSeq, int Ops, List<OrganisationCount> ByOrganisation);

    /// <summary>A state change of a session: <c>opened</c>, <c>locked</c>, <c>unlocked</c> or <c>closed</c>.</summary>
    internal sealed record Moment(string Kind, string State, DateTimeOffset At, long Seq, Guid? ByUserId, string? ByName);

    internal sealed record SessionLine(Guid SessionId, string State, DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt, List<Moment> Moments);

    internal sealed record Change(long Seq, DateTimeOffset At, string Kind, Guid RowId, Guid SessionId, IReadOnlyList<string> Fields, Author Author);

    internal sealed record View(Guid ExerciseId, Guid? SessionId, long FirstSeq, long LastSeq, DateTimeOffset? From, DateTimeOffset? To,
        int BucketSeconds, List<Bucket> Buckets, List<SessionLine> Sessions, List<OrganisationCount> Organisations, List<Change> Changes);

    /// <summary>The ops of the exercise, or of one session (those made while it was open or locked), in order.</summary>
    public static async Task<List<OpMessage>> OpsAsync(PlanningDb db, Guid exerciseId, MappingSession? session, CancellationToken ct)
    {
        var query = db.Ops.AsNoTracking().Where(o => o.ExerciseId == exerciseId);
        if (session is not null)
            query = query.Where(o => o.SessionId == session.Id);
        var ops = (await query.OrderBy(o => o.Seq).ToListAsync(ct)).Select(MatrixStore.ToMessage);
        // Changes after the session (consolidation) carry its id too, being the exercise's latest: they are not the session's.
        return [.. session?.ClosedAt is { } closed ? ops.Where(o => o.At <= closed) : ops];
    }

    public static async Task<List<SessionLine>> SessionsAsync(PlanningDb db, Guid exerciseId, MappingSession? only, CancellationToken ct)
    {
        var sessions = only is not null ? [only]
            : await db.Sessions.AsNoTracking().Where(s => s.ExerciseId == exerciseId).ToListAsync(ct);
        var ids = sessions.Select(s => s.Id).ToList();
        var moments = await db.SessionMoments.AsNoTracking().Where(m => m.ExerciseId == exerciseId && ids.Contains(m.SessionId)).ToListAsync(ct);
        var lines = new List<SessionLine>();
        foreach (var session in sessions.OrderBy(s => s.OpenedAt))
        {
            var own = moments.Where(m => m.SessionId == session.Id).OrderBy(m => m.At).ThenBy(m => m.Seq).ToList();
            var list = new List<Moment>();
            if (own.Count == 0)
            {
                // A session from before moments were recorded: its opening and closing are on the session itself.
                list.Add(new Moment("opened", SessionStates.Open, session.OpenedAt, await SeqAtAsync(db, exerciseId, session.OpenedAt, ct), session.OpenedBy, null));
                if (session.ClosedAt is { } closedAt)
                    list.Add(new Moment("closed", SessionStates.Closed, closedAt, await SeqAtAsync(db, exerciseId, closedAt, ct), null, null));
            }

            var state = "";
            foreach (var m in own)
            {
                var kind = m.State switch
                {
                    SessionStates.Locked => "locked",
                    SessionStates.Closed => "closed",
                    _ => state == "" ? "opened" : "unlocked",
                };
                state = m.State;
                list.Add(new Moment(kind, m.State, m.At, m.Seq, m.ByUserId, m.ByName));
            }

            lines.Add(new SessionLine(session.Id, session.State, session.OpenedAt, session.ClosedAt, list));
        }

        return lines;
    }

    private static async Task<long> SeqAtAsync(PlanningDb db, Guid exerciseId, DateTimeOffset at, CancellationToken ct) =>
        (await db.Ops.AsNoTracking().Where(o => o.ExerciseId == exerciseId).Select(o => new { o.Seq, o.At }).ToListAsync(ct))
        .Where(o => o.At <= at).Select(o => o.Seq).DefaultIfEmpty(0).Max();

    /// <summary>The bucket width that gives at most about 40 buckets over the span, from a list of round widths.</summary>
    public static int AutoBucketSeconds(TimeSpan span)
    {
        int[] steps = [10, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 21_600, 43_200, 86_400, 604_800, MaxBucketSeconds];
        foreach (var step in steps)
        {
            if (span.TotalSeconds / step <= 40)
                return step;
        }

        return MaxBucketSeconds;
    }

    /// <summary>The buckets between <paramref name="from"/> and <paramref name="to"/> (aligned to whole widths since 1970).</summary>
    public static long BucketCount(DateTimeOffset from, DateTimeOffset to, int bucketSeconds) =>
        ((to.ToUnixTimeSeconds() / bucketSeconds) - (from.ToUnixTimeSeconds() / bucketSeconds)) + 1;

    public static View Build(Guid exerciseId, Guid? sessionId, List<OpMessage> ops, List<SessionLine> sessions, int bucketSeconds)
    {
        var times = ops.Select(o => o.At).Concat(sessions.SelectMany(s => s.Moments).Select(m => m.At)).ToList();
        DateTimeOffset? from = times.Count == 0 ? null : times.Min();
        DateTimeOffset? to = times.Count == 0 ? null : times.Max();
        var buckets = new List<Bucket>();
        if (from is { } start && to is { } end)
        {
            var first = start.ToUnixTimeSeconds() / bucketSeconds;
            var count = BucketCount(start, end, bucketSeconds);
            var byBucket = ops.ToLookup(o => (o.At.ToUnixTimeSeconds() / bucketSeconds) - first);
            for (var i = 0L; i < count; i++)
            {
                var inside = byBucket[i].ToList();
                var begins = DateTimeOffset.FromUnixTimeSeconds((first + i) * bucketSeconds);
                buckets.Add(new Bucket(begins, begins.AddSeconds(bucketSeconds), inside.Count == 0 ? 0 : inside[0].Seq,
                    inside.Count == 0 ? 0 : inside[^1].Seq, inside.Count, Count(inside)));
            }
        }

        var changes = ops.Select(o => new Change(o.Seq, o.At, o.Kind, o.RowId, o.SessionId, [.. o.Fields.Keys.Order(StringComparer.Ordinal)],
            LiveMapping.ToAuthor(o.Author))).ToList();
        return new View(exerciseId, sessionId, ops.Count == 0 ? 0 : ops[0].Seq, ops.Count == 0 ? 0 : ops[^1].Seq, from, to, bucketSeconds,
            buckets, sessions, Count(ops), changes);
    }

    private static List<OrganisationCount> Count(IEnumerable<OpMessage> ops) =>
        [.. ops.GroupBy(o => o.Author.OrganisationId).Select(g => new OrganisationCount(g.Key, g.Last().Author.OrganisationName, g.Count(),
            g.Count(o => o.Kind == OpKinds.Add), g.Where(o => o.Kind == OpKinds.Update).Sum(o => o.Fields.Count), g.Count(o => o.Kind == OpKinds.Remove)))
            .OrderByDescending(c => c.Ops).ThenBy(c => c.Name, StringComparer.Ordinal)];
}
