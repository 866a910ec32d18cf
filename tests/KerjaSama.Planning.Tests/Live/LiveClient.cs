using System.Collections.Concurrent;
using KerjaSama.Planning.Contracts.Live;
using KerjaSama.TestKit;
using Microsoft.AspNetCore.SignalR.Client;

namespace KerjaSama.Planning.Tests.Live;

/// <summary>A participant of a live session over the real hub: records what the server pushes and keeps its own copy of the rows.</summary>
internal sealed class LiveClient : IAsyncDisposable
{
    private readonly ConcurrentQueue<AppliedOp> _applied = new();
    private readonly Lock _lock = new();

    private LiveClient(TestUser user, HubConnection connection)
    {
        User = user;
        Connection = connection;
        connection.On<AppliedOp>("Applied", op =>
        {
            _applied.Enqueue(op);
            lock (_lock)
                Apply(op);
        });
        connection.On<Guid, List<Participant>>("Presence", (_, participants) => LastPresence = participants);
        connection.On<Guid, string>("SessionState", (_, state) => State = state);
    }

    public TestUser User { get; }

    public HubConnection Connection { get; }

    public Guid SessionId { get; private set; }

    public long Seq { get; private set; }

    public string? State { get; private set; }

    public List<Participant>? LastPresence { get; private set; }

    public Dictionary<Guid, Dictionary<string, string>> Rows { get; } = [];

    public IReadOnlyCollection<AppliedOp> Applied => _applied;

    public static async Task<LiveClient> ConnectAsync(PlatformFixture platform, TestUser user, bool messagePack = false)
    {
        var client = new LiveClient(user, platform.HubFor(user, messagePack: messagePack));
        await client.Connection.StartAsync();
        return client;
    }

    public async Task<JoinResult> JoinAsync(Guid sessionId, long sinceSeq = 0)
    {
        var result = await Connection.InvokeAsync<JoinResult>("Join", sessionId, sinceSeq);
        lock (_lock)
        {
            SessionId = sessionId;
            State = result.State;
            if (result.Rows is not null)
            {
                Rows.Clear();
                foreach (var row in result.Rows)
                    Rows[row.RowId] = row.Fields.ToDictionary(f => f.Key, f => Text(f.Value));
            }

            foreach (var op in result.Ops)
                Apply(op);
            Seq = Math.Max(Seq, result.Seq);
        }

        return result;
    }

    public Task<Ack> SubmitAsync(string kind, Guid rowId, Dictionary<string, object?>? fields = null, Guid? opId = null, long? baseSeq = null) =>
        Connection.InvokeAsync<Ack>("Submit", new SubmitOp
        {
            SessionId = SessionId, OpId = opId ?? Guid.NewGuid(), Kind = kind, RowId = rowId, Fields = fields ?? [], BaseSeq = baseSeq ?? Seq,
        });

    /// <summary>Waits until this client has seen every op up to <paramref name="seq"/>.</summary>
    public async Task WaitForSeqAsync(long seq, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (Seq < seq)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{User.Caller.DisplayName} saw seq {Seq}, expected {seq}.");
            await Task.Delay(10);
        }
    }

    private void Apply(AppliedOp op)
    {
        if (op.Seq <= Seq)
            return;
        if (op.Seq != Seq + 1)
            throw new InvalidOperationException($"Gap: had {Seq}, got {op.Seq}.");
        Seq = op.Seq;
        if (op.Kind == OpKinds.Remove)
        {
            Rows.Remove(op.RowId);
            return;
        }

        if (!Rows.TryGetValue(op.RowId, out var row))
            Rows[op.RowId] = row = [];
        foreach (var (field, value) in op.Fields)
        {
            if (value is null)
                row.Remove(field);
            else
                row[field] = Text(value);
        }
    }

    /// <summary>A protocol-neutral text of a value, to compare rows between clients and the REST read.</summary>
    public static string Text(object? value) => value switch
    {
        null => "null",
        System.Text.Json.JsonElement e => e.ValueKind == System.Text.Json.JsonValueKind.String ? e.GetString()! : e.GetRawText().Replace(" ", "", StringComparison.Ordinal),
        string s => s,
        bool b => b ? "true" : "false",
        System.Collections.IEnumerable list => "[" + string.Join(",", list.Cast<object?>().Select(v => v is string s2 ? $"\"{s2}\"" : Text(v))) + "]",
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!,
    };

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();
}
