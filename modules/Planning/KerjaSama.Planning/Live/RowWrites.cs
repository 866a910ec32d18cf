using KerjaSama.Planning.Contracts.Live;

namespace KerjaSama.Planning.Live;

/// <summary>
/// The one implementation of "apply an op's canonical values to a row": set a field (null removes it), stamp it with
/// the op's sequence and author, mark a removal. Pure: the values were validated before (by the grain when the op was
/// submitted; the op log holds only validated canonical values), so the grain's state and the replay of the op log
/// (<see cref="MatrixReplay"/>) give the same rows.
/// </summary>
internal static class RowWrites
{
    /// <summary>A new row as an add op creates it (its values are then written with <see cref="Write"/>).</summary>
    public static RowState Create(Guid rowId, Guid owner, long seq) => new() { Id = rowId, Owner = owner, CreatedSeq = seq, UpdatedSeq = seq };

    /// <summary>Writes canonical values (JSON text; null removes the field) and stamps each field written.</summary>
    public static void Write(RowState row, IEnumerable<KeyValuePair<string, string?>> canonical, long seq, AuthorMessage author)
    {
        foreach (var (field, value) in canonical)
        {
            if (value is null)
                row.Values.Remove(field);
            else
                row.Values[field] = value;
            row.Stamps[field] = new Stamp(seq, author);
        }

        row.UpdatedSeq = seq;
    }

    /// <summary>A removal: the row stays (its history does) but leaves the matrix.</summary>
    public static void Remove(RowState row, long seq)
    {
        row.Removed = true;
        row.UpdatedSeq = seq;
    }

    /// <summary>
    /// Applies one op of the log to <paramref name="rows"/> (row id → state). <paramref name="ownerOf"/> names the owner of
    /// a row an add creates: the log records the author, and a register add may give the row to another organisation
    /// (imports), so the owner comes from the stored row.
    /// </summary>
    public static RowState? Apply(Dictionary<Guid, RowState> rows, OpMessage op, Func<Guid, Guid?> ownerOf)
    {
        switch (op.Kind)
        {
            case OpKinds.Add:
                var created = Create(op.RowId, ownerOf(op.RowId) ?? op.Author.OrganisationId, op.Seq);
                Write(created, op.Fields, op.Seq, op.Author);
                rows[op.RowId] = created;
                return created;
            case OpKinds.Update when rows.TryGetValue(op.RowId, out var row):
                Write(row, op.Fields, op.Seq, op.Author);
                return row;
            case OpKinds.Remove when rows.TryGetValue(op.RowId, out var removed):
                Remove(removed, op.Seq);
                return removed;
            default:
                // The grain never logs an op on an unknown row; a log that has one is not ours to repair here.
                return null;
        }
    }
}
