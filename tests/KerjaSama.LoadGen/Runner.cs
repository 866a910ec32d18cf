using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using KerjaSama.Planning.Contracts.Live;
using Microsoft.AspNetCore.SignalR.Client;
using KerjaSama.TestKit;

namespace KerjaSama.LoadGen;

/// <summary>Runs one scenario against one server: connects, joins, edits at the rate, counts every delivery.</summary>
/// <remarks>
/// <paramref name="messagePack"/> selects the hub protocol (the board's) instead of JSON. In a flood scenario one more
/// client, signed in as <paramref name="floodToken"/>, joins <c>floodSession</c> and sends edits as fast as the scenario says.
/// </remarks>
internal sealed class Runner(HostProcess server, Func<int, string> tokenFor, bool messagePack = false, string? floodToken = null,
    Profiler? profiler = null)
{
    private readonly ConcurrentDictionary<Guid, long> _submitted = new();

    public string Protocol => messagePack ? "messagepack" : "json";

    public async Task<Result> RunAsync(Scenario scenario, string target, IReadOnlyList<Guid> sessionIds, Guid floodSession = default)
    {
        var deliveries = new ConcurrentBag<double>();
        var acks = new ConcurrentBag<double>();
        long received = 0, offered = 0, acked = 0, failed = 0, expected = 0;
        var rssBefore = server.Memory().Rss;
        // Scale scenarios only (a gcdump pauses the server for a full GC): the live heap per connected client.
        var heapBefore = scenario.Clients >= 1000 ? await HeapDump.SnapshotAsync(server.Pid) : null;

        var clients = new List<(HubConnection Connection, Guid SessionId, Guid RowId)>();
        var connecting = new List<Task<(HubConnection, Guid, Guid)>>();
        for (var i = 0; i < scenario.Clients; i++)
        {
            var index = i;
            var sessionId = sessionIds[i % scenario.Sessions];
            connecting.Add(ConnectAsync(index, sessionId, op =>
            {
                if (_submitted.TryGetValue(op.OpId, out var at))
                {
                    deliveries.Add(Stopwatch.GetElapsedTime(at).TotalMilliseconds);
                    Interlocked.Increment(ref received);
                }
            }));
            if (connecting.Count >= 50)
            {
                clients.AddRange(await Task.WhenAll(connecting));
                connecting.Clear();
            }
        }

        clients.AddRange(await Task.WhenAll(connecting));
        await Task.Delay(1000);
        var rssPerClient = (server.Memory().Rss - rssBefore) * 1024 / scenario.Clients;
        var heapAfter = heapBefore is null ? null : await HeapDump.SnapshotAsync(server.Pid);
        var heapPerClient = heapBefore is { } b && heapAfter is { } a ? (a.Bytes - b.Bytes) / 1024.0 / scenario.Clients : double.NaN;
        // What a connected client holds: the types that grew most while the clients connected, in bytes per client.
        var heapGrowth = heapBefore is { } before && heapAfter is { } after
            ? string.Join("; ", after.GrowthSince(before, 8).Select(t => string.Create(CultureInfo.InvariantCulture, $"`{t.Type}` {t.Bytes / 1024.0 / scenario.Clients:0.0}")))
            : null;
        // The server's own CPU while every client is connected and nobody edits (timers, background services): the
        // part of "CPU per delivery" that does not depend on the edits.
        var idleStart = server.CpuSeconds();
        await Task.Delay(2000);
        var idleCores = (server.CpuSeconds() - idleStart) / 2.0;
        var profiled = profiler is null ? null : await profiler.StartAsync(server, $"{scenario.Name}-{target.Replace(' ', '-')}-{Protocol}", scenario.Seconds);
        var cpuBefore = server.CpuSeconds();

        var stop = Stopwatch.StartNew();
        var period = TimeSpan.FromSeconds(1 / scenario.EditsPerSecond);
        var loops = clients.Select(async (c, index) =>
        {
            // Spread the clients' first edits over one period so that they do not all fire in the same millisecond.
            await Task.Delay(TimeSpan.FromMilliseconds(period.TotalMilliseconds * index / clients.Count));
            using var timer = new PeriodicTimer(period);
            var pending = new List<Task>();
            var n = 0;
            do
            {
                var opId = Guid.NewGuid();
                Interlocked.Increment(ref offered);
                Interlocked.Add(ref expected, scenario.ClientsPerSession);
                _submitted[opId] = Stopwatch.GetTimestamp();
                pending.Add(SubmitAsync(c.Connection, new SubmitOp
                {
                    SessionId = c.SessionId, OpId = opId, Kind = OpKinds.Update, RowId = c.RowId,
                    Fields = new() { [MatrixFieldNames.Notes] = $"catatan {index}-{n++}" },
                }));
            }
            while (stop.Elapsed.TotalSeconds < scenario.Seconds && await timer.WaitForNextTickAsync());
            await Task.WhenAll(pending);
        }).ToList();

        async Task SubmitAsync(HubConnection connection, SubmitOp op)
        {
            var start = Stopwatch.GetTimestamp();
            try
            {
                var ack = await connection.InvokeAsync<Ack>("Submit", op);
                if (ack.Outcome == AckOutcomes.Applied)
                {
                    Interlocked.Increment(ref acked);
                    acks.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                    return;
                }
            }
            catch (Exception ex) when (ex is Microsoft.AspNetCore.SignalR.HubException or InvalidOperationException or TaskCanceledException)
            {
            }

            Interlocked.Increment(ref failed);
            Interlocked.Add(ref expected, -scenario.ClientsPerSession);
        }

        var flood = scenario.FloodPerSecond > 0 && floodToken is not null
            ? FloodAsync(scenario, floodSession, floodToken, stop)
            : Task.FromResult((0L, 0L, 0L, 0L));
        await Task.WhenAll(loops);
        var (floodOffered, floodAcked, floodLimited, floodOther) = await flood;
        var drain = Stopwatch.StartNew();
        while (Interlocked.Read(ref received) < Interlocked.Read(ref expected) && drain.Elapsed < TimeSpan.FromSeconds(15))
            await Task.Delay(50);
        var cpu = server.CpuSeconds() - cpuBefore;
        var peak = server.Memory().Peak;
        await Task.WhenAll(clients.Select(c => c.Connection.DisposeAsync().AsTask()));
        if (profiled is not null)
            await profiled();
        return new Result(scenario.Name, target, Protocol, scenario.Clients, offered, acked, failed, expected, received, [.. deliveries], [.. acks], cpu,
            peak, rssPerClient, floodOffered, floodAcked, floodLimited, floodOther, idleCores, heapPerClient, heapGrowth);
    }

    /// <summary>
    /// One client sending <see cref="Scenario.FloodPerSecond"/> edits per second (in 10 ms slices) for the scenario's
    /// duration, bounded in count; counts what the server answered.
    /// </summary>
    private async Task<(long Offered, long Acked, long RateLimited, long Other)> FloodAsync(Scenario scenario, Guid sessionId, string token, Stopwatch stop)
    {
        var (connection, _, rowId) = await ConnectAsync(-1, sessionId, _ => { }, token);
        long offered = 0, applied = 0, limited = 0, other = 0;
        var pending = new List<Task>();
        var perSlice = Math.Max(1, scenario.FloodPerSecond / 100);
        var max = (long)scenario.FloodPerSecond * scenario.Seconds;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
        while (stop.Elapsed.TotalSeconds < scenario.Seconds && offered < max && await timer.WaitForNextTickAsync())
        {
            for (var i = 0; i < perSlice; i++)
            {
                offered++;
                pending.Add(Send(offered));
            }
        }

        await Task.WhenAll(pending);
        await connection.DisposeAsync();
        return (offered, applied, limited, other);

        async Task Send(long n)
        {
            try
            {
                var ack = await connection.InvokeAsync<Ack>("Submit", new SubmitOp
                {
                    SessionId = sessionId, OpId = Guid.NewGuid(), Kind = OpKinds.Update, RowId = rowId,
                    Fields = new() { [MatrixFieldNames.Notes] = $"banjir {n}" },
                });
                if (ack.Outcome == AckOutcomes.Applied)
                    Interlocked.Increment(ref applied);
                else if (ack.Error?.Code == RejectionCodes.RateLimited)
                    Interlocked.Increment(ref limited);
                else
                    Interlocked.Increment(ref other);
            }
            catch (Exception ex) when (ex is Microsoft.AspNetCore.SignalR.HubException or InvalidOperationException or TaskCanceledException)
            {
                Interlocked.Increment(ref other);
            }
        }
    }

    private async Task<(HubConnection, Guid, Guid)> ConnectAsync(int index, Guid sessionId, Action<AppliedOp> onApplied, string? token = null)
    {
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(server.Url, "/hubs/mapping"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token ?? tokenFor(index)));
        if (messagePack)
            builder.AddMessagePackProtocol();
        var connection = builder.Build();
        connection.On("Applied", onApplied);
        await connection.StartAsync();
        await connection.InvokeAsync<JoinResult>("Join", sessionId, 0L);
        var rowId = Guid.NewGuid();
        var ack = await connection.InvokeAsync<Ack>("Submit", new SubmitOp
        {
            SessionId = sessionId, OpId = Guid.NewGuid(), Kind = OpKinds.Add, RowId = rowId,
            Fields = new() { [MatrixFieldNames.AffairCode] = "1.02", [MatrixFieldNames.Potential] = Potential(index) },
        });
        if (ack.Outcome != AckOutcomes.Applied)
            throw new InvalidOperationException($"Setup edit refused: {ack.Error?.Code} {ack.Error?.Message}");
        return (connection, sessionId, rowId);
    }

    // Topics of the rows the clients add. Until 2026-12-07 every row read "beban uji N": all rows of a session looked
    // alike, so the duplicates grain flagged every pair (780 for 40 rows) and pushed those lists to every board, which
    // no real meeting does. Two words from a list of 61 with strides prime to it give each row of a session its own pair.
    private static readonly string[] Topics =
    [
        "pendidikan", "kesehatan", "jalan", "jembatan", "air minum", "sanitasi", "perumahan", "ketertiban", "sosial", "tenaga kerja",
        "pangan", "pertanahan", "lingkungan hidup", "persampahan", "kependudukan", "desa", "keluarga berencana", "perhubungan", "informatika", "koperasi",
        "penanaman modal", "kepemudaan", "olahraga", "statistik", "persandian", "kebudayaan", "perpustakaan", "kearsipan", "kelautan", "perikanan",
        "pariwisata", "pertanian", "kehutanan", "energi", "perdagangan", "perindustrian", "transmigrasi", "irigasi", "bendungan", "pelabuhan",
        "bandara", "terminal", "pasar rakyat", "puskesmas", "sekolah", "beasiswa", "gizi", "stunting", "imunisasi", "bencana",
        "kebakaran", "banjir", "listrik", "internet", "sungai", "hutan", "gambut", "karet", "sawit", "rotan", "madu",
    ];

    private static string Potential(int index) =>
        $"{Topics[index * 7 % Topics.Length]} dan {Topics[(index * 11 + 3) % Topics.Length]} ({index})";
}
