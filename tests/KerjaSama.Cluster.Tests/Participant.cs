using System.Collections.Concurrent;
using KerjaSama.Planning.Contracts.Live;
using Microsoft.AspNetCore.SignalR.Client;

namespace KerjaSama.Cluster.Tests;

/// <summary>
/// A live-session participant over the real hub of one host, as a browser would behave: it keeps its own copy of the
/// rows in sequence order, and when its host goes away it reconnects to another host, rejoins with its last
/// sequence and resubmits an unacknowledged op with the same op id (the grain answers a repeat as a duplicate).
/// </summary>
internal sealed class Participant(string name, string accessToken, Guid sessionId) : IAsyncDisposable
{
    private readonly Lock _lock = new();
    private readonly SortedDictionary<long, AppliedOp> _early = [];
    private HubConnection? _connection;

    public string Name { get; } = name;

    public Uri? Host { get; private set; }

    public long Seq { get; private set; }

    public int Reconnects { get; private set; }

    public List<KerjaSama.Planning.Contracts.Live.Participant>? LastPresence { get; private set; }

    public Dictionary<Guid, Dictionary<string, string>> Rows { get; } = [];

    /// <summary>Op id → sequence of every op this participant had acknowledged (applied or duplicate).</summary>
    public ConcurrentDictionary<Guid, long> Acknowledged { get; } = new();

    public bool Connected => _connection?.State == HubConnectionState.Connected;

    public async Task ConnectAsync(Uri host)
    {
        if (_connection is not null)
            await _connection.DisposeAsync();
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(host, "/hubs/mapping"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(accessToken))
            .Build();
        connection.On<AppliedOp>("Applied", op =>
        {
            lock (_lock)
                Receive(op);
        });
        connection.On<Guid, List<KerjaSama.Planning.Contracts.Live.Participant>>("Presence", (_, participants) => LastPresence = participants);
        await connection.StartAsync();
        var joined = await connection.InvokeAsync<JoinResult>("Join", sessionId, Seq);
        lock (_lock)
        {
            if (joined.Rows is not null)
            {
                Rows.Clear();
                foreach (var row in joined.Rows)
                    Rows[row.RowId] = row.Fields.ToDictionary(f => f.Key, f => Text(f.Value));
                Seq = joined.Seq;
            }

            foreach (var op in joined.Ops)
                Receive(op);
        }

        _connection = connection;
        Host = host;
    }

    /// <summary>Submits until the op is acknowledged, moving to the host <paramref name="nextHost"/> names when the current one fails.</summary>
    public async Task<Ack> SubmitAsync(string kind, Guid rowId, Dictionary<string, object?> fields, Func<Uri, Uri> nextHost, DateTime deadline)
    {
        var op = new SubmitOp { SessionId = sessionId, OpId = Guid.NewGuid(), Kind = kind, RowId = rowId, Fields = fields };
        Exception? last = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if (!Connected)
                {
                    var target = nextHost(Host!);
                    await ConnectAsync(target);
                    Reconnects++;
                }

                var ack = await _connection!.InvokeAsync<Ack>("Submit", op with { BaseSeq = Seq });
                if (ack.Outcome is AckOutcomes.Applied or AckOutcomes.Duplicate)
                {
                    Acknowledged[op.OpId] = ack.Seq;
                    return ack;
                }

                if (ack.Error?.Code != "not_committed")
                    throw new InvalidOperationException($"{Name}: op rejected with {ack.Error?.Code}: {ack.Error?.Message}");
                last = new InvalidOperationException("not_committed");
            }
            catch (Exception ex) when (ex is not InvalidOperationException || !ex.Message.StartsWith(Name, StringComparison.Ordinal))
            {
                // The host died under the call, the grain is moving, or the connection is gone: try again, same op id.
                last = ex;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{Name}: op {op.OpId} was never acknowledged; last error: {last?.Message}");
    }

    public async Task WaitForSeqAsync(long seq, DateTime deadline)
    {
        while (Seq < seq)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{Name} on {Host} saw seq {Seq}, expected {seq}.");
            await Task.Delay(20);
        }
    }

    public Dictionary<Guid, Dictionary<string, string>> RowsNow()
    {
        lock (_lock)
            return Rows.ToDictionary(r => r.Key, r => new Dictionary<string, string>(r.Value));
    }

    /// <summary>Applies ops in sequence order; an op that arrives before the ones it follows waits for them.</summary>
    private void Receive(AppliedOp op)
    {
        if (op.Seq <= Seq)
            return;
        _early[op.Seq] = op;
        while (_early.Remove(Seq + 1, out var next))
            Apply(next);
        foreach (var stale in _early.Keys.Where(k => k <= Seq).ToList())
            _early.Remove(stale);
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
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!,
    };

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
            await _connection.DisposeAsync();
    }
}
