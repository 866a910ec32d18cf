using KerjaSama.Planning.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KerjaSama.Planning.Live;

/// <summary>
/// The matrix as it was at a sequence number: the op log replayed from the start with <see cref="RowWrites"/>, the same
/// writes the grain makes. The values in the log are canonical (validated when the op was applied), so replay only sets
/// and removes values and adds and removes rows.
/// </summary>
internal static class MatrixReplay
{
    internal sealed record Result(Dictionary<Guid, RowState> Rows, OpMessage? Step, Dictionary<string, string?> Previous);

    /// <summary>
    /// Replays ops 1..<paramref name="atSeq"/>. <see cref="Result.Step"/> is the op at <paramref name="atSeq"/> and
    /// <see cref="Result.Previous"/> the values its fields had just before it (null: no value).
    /// </summary>
    // REVIEW: replays from seq 1 on every call (a few ms per thousand ops); keep checkpoints when logs reach 100k ops.
    public static async Task<Result> AtAsync(PlanningDb db, Guid exerciseId, long atSeq, CancellationToken ct)
    {
        var owners = await OwnersAsync(db, exerciseId, ct);
        var rows = new Dictionary<Guid, RowState>();
        OpMessage? step = null;
        var previous = new Dictionary<string, string?>(StringComparer.Ordinal);
        var records = db.Ops.AsNoTracking().Where(o => o.ExerciseId == exerciseId && o.Seq <= atSeq).OrderBy(o => o.Seq).AsAsyncEnumerable();
        await foreach (var record in records.WithCancellation(ct))
        {
            var op = MatrixStore.ToMessage(record);
            if (op.Seq == atSeq)
            {
                step = op;
                var before = rows.GetValueOrDefault(op.RowId);
                foreach (var field in op.Fields.Keys)
                    previous[field] = before?.Values.GetValueOrDefault(field);
            }

            RowWrites.Apply(rows, op, id => owners.TryGetValue(id, out var owner) ? owner : null);
        }

        return new Result(rows, step, previous);
    }

    /// <summary>Every row's owner: fixed when the row is added, and rows are never deleted from the table.</summary>
    public static async Task<Dictionary<Guid, Guid>> OwnersAsync(PlanningDb db, Guid exerciseId, CancellationToken ct) =>
        await db.Rows.AsNoTracking().Where(r => r.ExerciseId == exerciseId)
            .Select(r => new { r.Id, r.OwnerOrganisationId }).ToDictionaryAsync(r => r.Id, r => r.OwnerOrganisationId, ct);
}
