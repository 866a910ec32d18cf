using System.Collections.Concurrent;
using KerjaSama.Planning.Contracts.Live;
using KerjaSama.Planning.Sync;
using Microsoft.AspNetCore.SignalR.Client;

namespace KerjaSama.TestKit;

/// <summary>
/// A live-session participant that survives its host going away, as a browser would behave: it reconnects to another
/// host, rejoins with its last sequence and resubmits an unacknowledged op with the same op id (the grain answers a
/// repeat as a duplicate). The op waits in the sync engine's queue until acknowledged; the engine decides what is
/// retryable (<c>not_committed</c>, <c>rate_limited</c>; a host that is stopping is retried too); any other rejection fails.
/// </summary>
public sealed class ReconnectingLiveClient(string name, string accessToken, Guid sessionId) : LiveSessionClient(name)
{
    public int Reconnects { get; private set; }

    /// <summary>Op id → sequence of every op this participant had acknowledged (applied or duplicate).</summary>
    public ConcurrentDictionary<Guid, long> Acknowledged { get; } = new();

    /// <summary>The retryable refusals and failures met on the way (code or exception type → count).</summary>
    public ConcurrentDictionary<string, int> Retries { get; } = new();

    public async Task ConnectAsync(Uri host)
    {
        await AttachAsync(HubConnectionFor(host, accessToken), host);
        await JoinAsync(sessionId);
    }

    /// <summary>Submits until the op is acknowledged, moving to the host <paramref name="nextHost"/> names when the current one fails.</summary>
    public async Task<Ack> SubmitAsync(string kind, Guid rowId, Dictionary<string, object?> fields, Func<Uri, Uri> nextHost, DateTime deadline)
    {
        var op = Sync(e => e?.Edit(kind, rowId, fields, Guid.NewGuid())) ?? throw new InvalidOperationException($"{Name}: connect before submitting.");
        Exception? last = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if (!Connected)
                {
                    var host = nextHost(Host!);
                    await AttachAsync(HubConnectionFor(host, accessToken), host);
                    Reconnects++;
                }

                // A new connection, or one whose join failed (the grain was moving or the database was away): join first.
                if (!Sync(e => e!.Joined))
                    await JoinAsync(sessionId);

                var ack = await Connection.InvokeAsync<Ack>(HubNames.Submit, op);
                switch (Sync(e => e!.Acknowledge(op, ack)))
                {
                    case AckResult.Confirmed:
                        Acknowledged[op.OpId] = ack.Seq;
                        return ack;
                    case AckResult.Rejected:
                        throw new RejectedException($"{Name}: op rejected with {ack.Error?.Code}: {ack.Error?.Message}");
                }

                // Retryable: nothing was stored (the database failed, or the user is over the hub's submit rate).
                Retries.AddOrUpdate(ack.Error!.Code, 1, (_, n) => n + 1);
                last = new InvalidOperationException(ack.Error.Code);
            }
            catch (Exception ex) when (ex is not RejectedException)
            {
                // The host died under the call, the grain is moving, or the connection is gone: try again, same op id.
                Retries.AddOrUpdate(ex.GetType().Name, 1, (_, n) => n + 1);
                last = ex;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{Name}: op {op.OpId} was never acknowledged; last error: {last?.Message}");
    }

    public Task WaitForSeqAsync(long seq, DateTime deadline) => WaitForSeqAsync(seq, deadline - DateTime.UtcNow);

    private sealed class RejectedException(string message) : Exception(message);
}
