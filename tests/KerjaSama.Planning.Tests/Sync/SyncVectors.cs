using System.Text.Json;
using System.Text.Json.Nodes;
using KerjaSama.Planning.Contracts.Live;
using KerjaSama.Planning.Sync;
using KerjaSama.Planning.Tests.Contracts;

namespace KerjaSama.Planning.Tests.Sync;

/// <summary>
/// Runs one conformance vector (<c>KerjaSama.Planning.Sync/vectors/*.json</c>) against the C# engine; the board's
/// TypeScript engine runs the same files (<c>Board/test/sync-vectors.test.ts</c>).
/// </summary>
internal static class SyncVectors
{
    public const string RelativeDirectory = "modules/Planning/KerjaSama.Planning.Sync/vectors";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    public static string Directory => Path.Combine(TypeScriptContracts.RepositoryRoot(), RelativeDirectory);

    public static IEnumerable<string> Names() =>
        System.IO.Directory.GetFiles(Directory, "*.json").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!;

    public static void Run(string name)
    {
        var vector = JsonNode.Parse(File.ReadAllText(Path.Combine(Directory, name + ".json")))!;
        var me = vector["me"]!;
        var engine = new SyncEngine(Guid.Parse((string)me["userId"]!), Guid.Parse((string)me["organisationId"]!), Guid.Parse((string)vector["sessionId"]!));
        var i = 0;
        foreach (var step in vector["steps"]!.AsArray())
        {
            var at = $"{name}, step {++i} ({(string?)step!["do"] ?? "check"})";
            if (step["check"] is { } check)
                Check(engine, check.AsObject(), at);
            else
                Do(engine, step, at);
        }
    }

    private static void Do(SyncEngine engine, JsonNode step, string at)
    {
        switch ((string)step["do"]!)
        {
            case "beginJoin":
                Same(step["expect"], engine.BeginJoin(), at);
                break;
            case "completeJoin":
                Same(step["expect"], engine.CompleteJoin(Read<JoinResult>(step["join"])), at);
                break;
            case "receive":
                Same(step["expect"], Camel(engine.Receive(Read<AppliedOp>(step["op"])).ToString()), at);
                break;
            case "disconnected":
                engine.Disconnected();
                break;
            case "restore":
                engine.Restore(Read<List<SubmitOp>>(step["queue"]), step["rejected"]!.AsArray().Select(r => new RejectedEdit(
                    Guid.Parse((string)r!["opId"]!), Guid.Parse((string)r["rowId"]!), (string?)r["field"], (string)r["code"]!, (string)r["message"]!,
                    (bool)r["wasQueued"]!, Read<object?>(r["value"]))));
                break;
            case "edit":
                var op = engine.Edit((string)step["kind"]!, Guid.Parse((string)step["rowId"]!), Read<Dictionary<string, object?>>(step["fields"]), Guid.Parse((string)step["opId"]!));
                Same(step["expectBaseSeq"], op.BaseSeq, at);
                break;
            case "next":
                Same(step["expect"], engine.Next()?.OpId, at);
                break;
            case "acknowledge":
                var opId = Guid.Parse((string)step["opId"]!);
                var queued = engine.Queue.Find(q => q.OpId == opId) ?? throw new Xunit.Sdk.XunitException($"{at}: op {opId} is not in the queue");
                Same(step["expect"], Camel(engine.Acknowledge(queued, Read<Ack>(step["ack"])).ToString()), at);
                break;
            case "dismiss":
                Same(step["expect"], engine.DismissRejected(Guid.Parse((string)step["opId"]!))?.OpId, at);
                break;
            default:
                throw new Xunit.Sdk.XunitException($"{at}: unknown step");
        }
    }

    private static void Check(SyncEngine engine, JsonObject c, string at)
    {
        if (c["seq"] is { } seq) Same(seq, engine.Seq, $"{at}: seq");
        if (c["joined"] is { } joined) Same(joined, engine.Joined, $"{at}: joined");
        if (c["rows"] is { } rows)
            Same(rows, engine.Rows.Values.ToDictionary(r => r.Id.ToString(), r => new { owner = r.Owner, fields = r.Fields }), $"{at}: rows");
        if (c["queue"] is { } queue) Same(queue, engine.Queue.Select(q => q.OpId), $"{at}: queue");
        if (c["acked"] is { } acked) Same(Sorted(acked), engine.Acked.Keys.Select(k => k.ToString()).Order(StringComparer.Ordinal), $"{at}: acked");
        if (c["pendingCount"] is { } pendingCount) Same(pendingCount, engine.PendingCount, $"{at}: pendingCount");
        if (c["rejected"] is { } rejected) Same(rejected, engine.Rejected.Select(r => Pick(r, rejected)), $"{at}: rejected");
        if (c["notices"] is { } notices) Same(notices, engine.Notices.Select(n => Pick(n, notices)), $"{at}: notices");
        if (c["view"] is JsonArray view)
        {
            var rowsNow = engine.ViewRows();
            Same(new JsonArray([.. view.Select(v => v!["id"]!.DeepClone())]), rowsNow.Select(r => r.Id), $"{at}: view rows");
            for (var i = 0; i < view.Count; i++)
            {
                var expected = view[i]!.AsObject();
                var row = rowsNow[i];
                if (expected["owner"] is { } owner) Same(owner, row.Owner, $"{at}: view {row.Id} owner");
                if (expected["fields"] is { } fields) Same(fields, row.Fields, $"{at}: view {row.Id} fields");
                if (expected["pending"] is { } pending) Same(pending, row.Pending, $"{at}: view {row.Id} pending");
                if (expected["pendingFields"] is { } pendingFields) Same(pendingFields, row.PendingFields.Order(StringComparer.Ordinal), $"{at}: view {row.Id} pendingFields");
            }
        }
    }

    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);

    /// <summary>The members of <paramref name="actual"/> (camelCase) that the vector's first entry names.</summary>
    private static JsonObject Pick(object actual, JsonNode list)
    {
        var all = JsonSerializer.SerializeToNode(actual, WebJson)!.AsObject();
        var shape = list.AsArray().FirstOrDefault()?.AsObject();
        return shape is null ? all : new JsonObject(shape.Select(k => KeyValuePair.Create(k.Key, all[k.Key]?.DeepClone())));
    }

    private static JsonArray Sorted(JsonNode list) => new([.. list.AsArray().Select(n => (string)n!).Order(StringComparer.Ordinal).Select(s => JsonValue.Create(s))]);

    private static T Read<T>(JsonNode? node) => node is null ? default! : node.Deserialize<T>(Json)!;

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private static void Same(JsonNode? expected, object? actual, string at)
    {
        var actualNode = JsonSerializer.SerializeToNode(actual, Json);
        if (!JsonNode.DeepEquals(expected, actualNode))
            throw new Xunit.Sdk.XunitException($"{at}: expected {expected?.ToJsonString() ?? "null"}, got {actualNode?.ToJsonString() ?? "null"}");
    }
}
