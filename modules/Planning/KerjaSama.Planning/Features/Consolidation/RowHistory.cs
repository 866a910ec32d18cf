using System.Text.Json;
using KerjaSama.Modularity.Http;
using KerjaSama.Modularity.Security;
using KerjaSama.Planning.Consolidation;
using KerjaSama.Planning.Contracts;
using KerjaSama.Planning.Contracts.Live;
using KerjaSama.Planning.Live;
using KerjaSama.Planning.Persistence;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace KerjaSama.Planning.Features.Consolidation;

/// <summary>
/// A row's full history from the op log: live-session edits and every later change, in sequence order, with each
/// status transition spelled out (from, to, reason, who, when). A surviving row's history includes the rows merged
/// into it. Each entry also carries the values its fields had before it (<c>previous</c>), from the op log replayed with
/// the grain's writes (<see cref="RowWrites"/>); a removed row's history stays readable (<c>removed: true</c>).
/// </summary>
internal static class RowHistory
{
    internal sealed record Transition(string? From, string To, string? Reason);

    internal sealed record Entry(long Seq, DateTimeOffset At, string Kind, Guid RowId, Guid SessionId, Author Author,
        Dictionary<string, object?> Fields, Transition? Transition, Dictionary<string, object?> Previous);

    internal sealed record History(Guid RowId, string Status, IReadOnlyList<Guid> MergedFrom, Guid? MergedInto, IReadOnlyList<Entry> Entries,
        IReadOnlyList<RowComment> Comments, bool Removed = false);

    public static async Task<IResult> GetAsync(Guid id, Guid rowId, HttpContext http, PlanningDb db, IGrainFactory grains, CancellationToken ct)
    {
        var (_, denied) = await RegisterCalls.ReadableAsync(id, Caller.From(http.User)!, db, http.RequestServices, ct);
        if (denied is not null)
            return denied;
        var rows = (await RegisterCalls.RowsAsync(db, id, includeMerged: true, ct)).ToDictionary(r => r.RowId);
        var removed = false;
        if (!rows.TryGetValue(rowId, out var row))
        {
            // A removed row left the matrix, not its history (the replay shows it at the points where it existed).
            var gone = await db.Rows.AsNoTracking().FirstOrDefaultAsync(r => r.ExerciseId == id && r.Id == rowId && r.Removed, ct);
            if (gone is null)
                return Problems.NotFound(RejectionCodes.UnknownRow, $"No row {rowId} in this matrix.");
            row = RowView.From(gone);
            removed = true;
        }

        // The rows merged into this one, and those merged into them, and so on.
        var ids = new HashSet<Guid> { rowId };
        var pending = new Queue<Guid>(row.MergedFrom);
        while (pending.TryDequeue(out var next))
        {
            if (ids.Add(next) && rows.TryGetValue(next, out var mergedRow))
            {
                foreach (var further in mergedRow.MergedFrom)
                    pending.Enqueue(further);
            }
        }

        var ops = await db.Ops.AsNoTracking().Where(o => o.ExerciseId == id && ids.Contains(o.RowId)).OrderBy(o => o.Seq).ToListAsync(ct);
        var status = new Dictionary<Guid, string>();
        var entries = new List<Entry>(ops.Count);
        var states = new Dictionary<Guid, RowState>();
        foreach (var op in ops.Select(MatrixStore.ToMessage))
        {
            var before = states.GetValueOrDefault(op.RowId);
            var previous = op.Fields.Keys.ToDictionary(f => f, f => FieldValues.FromJson(before?.Values.GetValueOrDefault(f)), StringComparer.Ordinal);
            RowWrites.Apply(states, op, _ => null);
            Transition? transition = null;
            if (op.Fields.TryGetValue(MatrixFieldNames.Status, out var json) && json is not null)
            {
                var to = JsonSerializer.Deserialize<string>(json)!;
                var from = op.Kind == OpKinds.Add ? null : status.GetValueOrDefault(op.RowId, RowStatuses.Proposed);
                var reason = op.Fields.TryGetValue(MatrixFieldNames.StatusReason, out var r) && r is not null ? JsonSerializer.Deserialize<string>(r) : null;
                if (op.Kind != OpKinds.Add && from != to)
                    transition = new Transition(from, to, reason);
                status[op.RowId] = to;
            }

            var applied = LiveMapping.ToApplied(op);
            entries.Add(new Entry(op.Seq, op.At, op.Kind, op.RowId, op.SessionId, applied.Author, applied.Fields, transition, previous));
        }

        // The row's discussion (and that of the rows merged into it), oldest first, beside the ops (issue 19).
        var comments = await db.Comments.AsNoTracking().Where(c => c.ExerciseId == id && ids.Contains(c.RowId)).ToListAsync(ct);
        var talk = comments.OrderBy(c => c.At).ThenBy(c => c.Id).Select(c => TalkMapping.ToComment(TalkMapping.FromRecord(c))).ToList();
        return TypedResults.Ok(new History(rowId, row.Status, [.. ids.Where(i => i != rowId)], row.MergedInto, entries, talk, removed));
    }
}
