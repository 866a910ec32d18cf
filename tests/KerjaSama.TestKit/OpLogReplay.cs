using System.Text.Json;
using KerjaSama.Planning.Contracts.Live;
using Xunit;

namespace KerjaSama.TestKit;

/// <summary>
/// The op log replayed by the tests themselves, independently of the platform's replay: reads
/// <c>GET exercises/{id}/ops</c> page by page and applies each op the documented way (an add creates the row with its
/// fields and its author's organisation as owner, an update sets each field and removes those sent as null, a removal
/// drops the row). Values are compared as JSON text.
/// </summary>
public static class OpLogReplay
{
    public sealed record Row(Guid RowId, Guid Owner, Dictionary<string, string> Fields, long Seq);

    public static async Task<List<JsonElement>> OpsAsync(HttpClient client, Guid exerciseId)
    {
        var ops = new List<JsonElement>();
        while (true)
        {
            var after = ops.Count == 0 ? 0 : ops[^1].GetProperty("seq").GetInt64();
            var page = await (await client.GetAsync($"/api/planning/exercises/{exerciseId}/ops?afterSeq={after}&pageSize=100"))
                .ReadAsync<JsonElement>();
            var items = page.GetProperty("items").EnumerateArray().Select(i => i.Clone()).ToList();
            if (items.Count == 0)
                return ops;
            ops.AddRange(items);
        }
    }

    /// <summary>The rows after ops 1..<paramref name="atSeq"/>, in the order they were added.</summary>
    public static List<Row> Replay(IEnumerable<JsonElement> ops, long atSeq)
    {
        var rows = new Dictionary<Guid, Row>();
        var order = new List<Guid>();
        foreach (var op in ops.Where(o => o.GetProperty("seq").GetInt64() <= atSeq).OrderBy(o => o.GetProperty("seq").GetInt64()))
        {
            var seq = op.GetProperty("seq").GetInt64();
            var rowId = op.GetProperty("rowId").GetGuid();
            var fields = op.GetProperty("fields").EnumerateObject().ToList();
            switch (op.GetProperty("kind").GetString())
            {
                case OpKinds.Add:
                    var owner = op.GetProperty("author").GetProperty("organisationId").GetGuid();
                    rows[rowId] = new Row(rowId, owner, fields.Where(f => f.Value.ValueKind != JsonValueKind.Null)
                        .ToDictionary(f => f.Name, f => f.Value.GetRawText()), seq);
                    order.Add(rowId);
                    break;
                case OpKinds.Update:
                    var row = rows[rowId];
                    foreach (var f in fields)
                    {
                        if (f.Value.ValueKind == JsonValueKind.Null)
                            row.Fields.Remove(f.Name);
                        else
                            row.Fields[f.Name] = f.Value.GetRawText();
                    }

                    rows[rowId] = row with { Seq = seq };
                    break;
                case OpKinds.Remove:
                    rows.Remove(rowId);
                    order.Remove(rowId);
                    break;
                default:
                    Assert.Fail($"Unknown op kind in the log: {op}");
                    break;
            }
        }

        return [.. order.Select(id => rows[id])];
    }

    /// <summary>Rows as the platform answers them (<c>GET rows</c> or <c>GET replay</c>'s <c>rows</c>), in the same shape.</summary>
    public static List<Row> FromSnapshots(JsonElement rows) =>
        [.. rows.EnumerateArray().Select(r => new Row(r.GetProperty("rowId").GetGuid(), r.GetProperty("ownerOrganisationId").GetGuid(),
            r.GetProperty("fields").EnumerateObject().ToDictionary(f => f.Name, f => f.Value.GetRawText()), r.GetProperty("seq").GetInt64()))];

    /// <summary>Asserts two lists of rows are equal: same rows in the same order, owners, sequences and every field.</summary>
    public static void AssertEqual(IReadOnlyList<Row> expected, IReadOnlyList<Row> actual, string because)
    {
        Assert.True(expected.Count == actual.Count,
            $"{because}: expected {expected.Count} rows, got {actual.Count}");
        for (var i = 0; i < expected.Count; i++)
        {
            var (e, a) = (expected[i], actual[i]);
            Assert.True(e.RowId == a.RowId, $"{because}: row {i} is {a.RowId}, expected {e.RowId}");
            Assert.True(e.Owner == a.Owner && e.Seq == a.Seq, $"{because}: row {e.RowId} owner/seq {a.Owner}/{a.Seq}, expected {e.Owner}/{e.Seq}");
            Assert.Equal(e.Fields.OrderBy(f => f.Key, StringComparer.Ordinal), a.Fields.OrderBy(f => f.Key, StringComparer.Ordinal));
        }
    }
}
