using System.Collections.Concurrent;
using KerjaSama.Planning.Contracts.Live;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace KerjaSama.TestKit;

/// <summary>
/// A participant of a live session over the real <c>/hubs/mapping</c> hub, as a browser behaves: it records what the
/// server pushes and keeps its own copy of the rows, applying ops strictly in sequence order (an op that arrives
/// before the ones it follows waits for them). The connection can be replaced (<see cref="AttachAsync"/>) while the
/// copy of the rows and the sequence survive, so a client can move to another host and rejoin where it left off.
/// </summary>
public class LiveSessionClient(string name) : IAsyncDisposable
{
    // Keeps this many applied ops: a snapshot that arrives after pushes it does not include re-applies them.
    private const int History = 1_000;

    private readonly ConcurrentQueue<AppliedOp> _pushed = new();
    private readonly SortedDictionary<long, AppliedOp> _received = [];
    private readonly Lock _lock = new();
    private HubConnection? _connection;

    public string Name { get; } = name;

    /// <summary>The current connection (throws before the first <see cref="AttachAsync"/>).</summary>
    public HubConnection Connection => _connection ?? throw new InvalidOperationException($"{Name} has no connection yet.");

    public bool Connected => _connection?.State == HubConnectionState.Connected;

    /// <summary>The host of the current connection, when the caller named it.</summary>
    public Uri? Host { get; private set; }

    public Guid SessionId { get; private set; }

    public long Seq { get; private set; }

    public string? State { get; private set; }

    public List<Participant>? LastPresence { get; private set; }

    public Dictionary<Guid, Dictionary<string, string>> Rows { get; } = [];

    /// <summary>Every op the server pushed, in arrival order.</summary>
    public IReadOnlyCollection<AppliedOp> Applied => _pushed;

    /// <summary>A connection to <c>/hubs/mapping</c> of <paramref name="host"/> with this bearer token (not yet started).</summary>
    public static HubConnection HubConnectionFor(Uri host, string accessToken, bool messagePack = false)
    {
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(host, "/hubs/mapping"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(accessToken));
        if (messagePack)
            builder.AddMessagePackProtocol();
        return builder.Build();
    }

    /// <summary>Replaces the connection (disposing the previous one), listens to the session's messages and starts it.</summary>
    public async Task AttachAsync(HubConnection connection, Uri? host = null)
    {
        if (_connection is not null)
            await _connection.DisposeAsync();
        _connection = connection;
        Host = host;
        connection.On<AppliedOp>("Applied", op =>
        {
            _pushed.Enqueue(op);
            lock (_lock)
                Receive(op);
        });
        connection.On<Guid, List<Participant>>("Presence", (_, participants) => LastPresence = participants);
        connection.On<Guid, string>("SessionState", (_, state) => State = state);
        await connection.StartAsync();
    }

    /// <summary>Joins the session from <paramref name="sinceSeq"/> (default: what this client has seen already).</summary>
    public async Task<JoinResult> JoinAsync(Guid sessionId, long? sinceSeq = null)
    {
        var result = await Connection.InvokeAsync<JoinResult>("Join", sessionId, sinceSeq ?? Seq);
        lock (_lock)
        {
            SessionId = sessionId;
            State = result.State;
            if (result.Rows is not null)
            {
                Rows.Clear();
                foreach (var row in result.Rows)
                    Rows[row.RowId] = row.Fields.ToDictionary(f => f.Key, f => Text(f.Value));
                Seq = result.Seq;
            }

            foreach (var op in result.Ops)
                _received.TryAdd(op.Seq, op);
            Advance();
        }

        return result;
    }

    public Task<Ack> SubmitAsync(string kind, Guid rowId, Dictionary<string, object?>? fields = null, Guid? opId = null, long? baseSeq = null) =>
        Connection.InvokeAsync<Ack>("Submit", new SubmitOp
        {
            SessionId = SessionId, OpId = opId ?? Guid.NewGuid(), Kind = kind, RowId = rowId, Fields = fields ?? [], BaseSeq = baseSeq ?? Seq,
        });

    /// <summary>Waits until this client has applied every op up to <paramref name="seq"/>.</summary>
    public async Task WaitForSeqAsync(long seq, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (Seq < seq)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{Name}{(Host is null ? "" : $" on {Host}")} saw seq {Seq}, expected {seq}.");
            await Task.Delay(10);
        }
    }

    /// <summary>A copy of the rows as they are now.</summary>
    public Dictionary<Guid, Dictionary<string, string>> RowsNow()
    {
        lock (_lock)
            return Rows.ToDictionary(r => r.Key, r => new Dictionary<string, string>(r.Value));
    }

    private void Receive(AppliedOp op)
    {
        _received.TryAdd(op.Seq, op);
        Advance();
    }

    /// <summary>Applies the received ops that follow <see cref="Seq"/> without a gap, and forgets old ones.</summary>
    private void Advance()
    {
        while (_received.TryGetValue(Seq + 1, out var next))
            Apply(next);
        while (_received.Count > 0 && _received.First().Key <= Seq - History)
            _received.Remove(_received.First().Key);
    }

    private void Apply(AppliedOp op)
    {
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

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
            await _connection.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
