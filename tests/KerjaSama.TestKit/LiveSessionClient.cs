using System.Collections.Concurrent;
using KerjaSama.Planning.Contracts.Live;
using KerjaSama.Planning.Sync;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace KerjaSama.TestKit;

/// <summary>
/// A participant of a live session over the real <c>/hubs/mapping</c> hub, as a browser behaves: it records what the
/// server pushes and keeps a replica of the rows through the sync engine the board's TypeScript twin shares its
/// conformance vectors with (<see cref="SyncEngine"/>, ADR 0024): ops apply strictly in sequence order (an op that
/// arrives before the ones it follows waits for them). The connection can be replaced (<see cref="AttachAsync"/>)
/// while the replica and its sequence survive, so a client can move to another host and rejoin where it left off.
/// </summary>
public class LiveSessionClient(string name, Guid userId = default, Guid organisationId = default) : IAsyncDisposable
{
    private readonly ConcurrentQueue<AppliedOp> _pushed = new();
    private readonly Lock _lock = new();
    private HubConnection? _connection;
    private SyncEngine? _engine;

    public string Name { get; } = name;

    /// <summary>The current connection (throws before the first <see cref="AttachAsync"/>).</summary>
    public HubConnection Connection => _connection ?? throw new InvalidOperationException($"{Name} has no connection yet.");

    public bool Connected => _connection?.State == HubConnectionState.Connected;

    /// <summary>The host of the current connection, when the caller named it.</summary>
    public Uri? Host { get; private set; }

    public Guid SessionId { get; private set; }

    public long Seq => Sync(e => e?.Seq ?? 0);

    public string? State { get; private set; }

    public List<Participant>? LastPresence { get; private set; }

    /// <summary>A copy of the replica's rows (field values as <see cref="Text"/>).</summary>
    public Dictionary<Guid, Dictionary<string, string>> Rows => RowsNow();

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
        Sync(e => e?.Disconnected());
        _connection = connection;
        Host = host;
        connection.On<AppliedOp>(HubNames.Applied, op =>
        {
            _pushed.Enqueue(op);
            Sync(e => e is not null && op.SessionId == e.SessionId ? e.Receive(op) : ReceiveOutcome.Old);
        });
        connection.On<Guid, List<Participant>>(HubNames.Presence, (_, participants) => LastPresence = participants);
        connection.On<Guid, string>(HubNames.SessionState, (_, state) => State = state);
        await connection.StartAsync();
    }

    /// <summary>Joins the session from <paramref name="sinceSeq"/> (default: what this client has seen already).</summary>
    public async Task<JoinResult> JoinAsync(Guid sessionId, long? sinceSeq = null)
    {
        var since = Sync(e =>
        {
            if (e is null || e.SessionId != sessionId)
                _engine = e = new SyncEngine(userId, organisationId, sessionId);
            SessionId = sessionId;
            return e.BeginJoin();
        });
        JoinResult result;
        try
        {
            result = await Connection.InvokeAsync<JoinResult>(HubNames.Join, sessionId, sinceSeq ?? since);
        }
        catch
        {
            Sync(e => e?.Disconnected());
            throw;
        }

        Sync(e => e!.CompleteJoin(result));
        State = result.State;
        return result;
    }

    public Task<Ack> SubmitAsync(string kind, Guid rowId, Dictionary<string, object?>? fields = null, Guid? opId = null, long? baseSeq = null) =>
        Connection.InvokeAsync<Ack>(HubNames.Submit, new SubmitOp
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
    public Dictionary<Guid, Dictionary<string, string>> RowsNow() =>
        Sync(e => e?.Rows.Values.ToDictionary(r => r.Id, r => r.Fields.ToDictionary(f => f.Key, f => Text(f.Value))) ?? []);

    /// <summary>Runs <paramref name="action"/> on the replica's engine (null before the first join) under the client's lock.</summary>
    protected T Sync<T>(Func<SyncEngine?, T> action)
    {
        lock (_lock)
            return action(_engine);
    }

    private void Sync(Action<SyncEngine?> action)
    {
        lock (_lock)
            action(_engine);
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
