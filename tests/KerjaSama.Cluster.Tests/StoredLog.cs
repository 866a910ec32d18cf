using System.Text.Json;
using Npgsql;
using Xunit;

namespace KerjaSama.Cluster.Tests;

/// <summary>
/// A matrix as PostgreSQL holds it, read directly (not through the host): the op log and the rows. Consistent means
/// the log has no gap and every row is exactly what its ops, folded in sequence order, make of it.
/// </summary>
internal sealed class StoredLog
{
    private readonly List<(long Seq, Guid OpId, Guid RowId, string Kind, Dictionary<string, string?> Fields)> _ops = [];
    private readonly Dictionary<Guid, (Dictionary<string, string> Values, bool Removed, long UpdatedSeq)> _rows = [];

    public IReadOnlyList<long> Seqs => [.. _ops.Select(o => o.Seq)];

    public IReadOnlyCollection<Guid> OpIds => [.. _ops.Select(o => o.OpId)];

    public long SeqOf(Guid opId) => _ops.Single(o => o.OpId == opId).Seq;

    public static async Task<StoredLog> ReadAsync(string connectionString, Guid exerciseId)
    {
        var log = new StoredLog();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var ops = new NpgsqlCommand(
            """SELECT "Seq", "OpId", "RowId", "Kind", "FieldsJson" FROM planning.matrix_ops WHERE "ExerciseId" = @e ORDER BY "Seq" """, connection))
        {
            ops.Parameters.AddWithValue("e", exerciseId);
            await using var reader = await ops.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                log._ops.Add((reader.GetInt64(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetString(3),
                    JsonSerializer.Deserialize<Dictionary<string, string?>>(reader.GetString(4))!));
            }
        }

        await using (var rows = new NpgsqlCommand(
            """SELECT "Id", "ValuesJson", "Removed", "UpdatedSeq" FROM planning.matrix_rows WHERE "ExerciseId" = @e""", connection))
        {
            rows.Parameters.AddWithValue("e", exerciseId);
            await using var reader = await rows.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var values = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(reader.GetString(1))!
                    .ToDictionary(kv => kv.Key, kv => kv.Value.GetRawText());
                log._rows[reader.GetGuid(0)] = (values, reader.GetBoolean(2), reader.GetInt64(3));
            }
        }

        return log;
    }

    public void AssertConsistent()
    {
        Assert.Equal(Enumerable.Range(1, _ops.Count).Select(i => (long)i), Seqs);
        Assert.Equal(_ops.Count, OpIds.Distinct().Count());
        var folded = new Dictionary<Guid, (Dictionary<string, string> Values, bool Removed, long UpdatedSeq)>();
        foreach (var (seq, _, rowId, kind, fields) in _ops)
        {
            if (!folded.TryGetValue(rowId, out var row))
                row = ([], false, 0);
            foreach (var (field, value) in fields)
            {
                if (value is null)
                    row.Values.Remove(field);
                else
                    row.Values[field] = value;
            }

            folded[rowId] = (row.Values, row.Removed || kind == "row.remove", seq);
        }

        Assert.Equal(folded.Keys.Order(), _rows.Keys.Order());
        foreach (var (rowId, row) in folded)
        {
            var stored = _rows[rowId];
            Assert.Equal(row.UpdatedSeq, stored.UpdatedSeq);
            Assert.Equal(row.Removed, stored.Removed);
            Assert.Equal(row.Values.OrderBy(v => v.Key), stored.Values.OrderBy(v => v.Key));
        }
    }
}
