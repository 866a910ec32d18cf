using System.Net;
using System.Text.Json;
using KerjaSama.Planning.Contracts.Live;
using KerjaSama.TestKit;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Npgsql;
using Xunit;
using Xunit.Abstractions;
using F = KerjaSama.Planning.Contracts.Live.MatrixFieldNames;

namespace KerjaSama.Cluster.Tests;

/// <summary>
/// The database becomes unreachable for a few seconds in the middle of a live session (a TCP proxy between the host
/// and PostgreSQL drops every connection and refuses new ones): edits, joins and REST calls are refused with a clear,
/// retryable code instead of failing or hanging, readiness goes to 503, nothing is half-written, and when the database
/// is back the same op ids are applied exactly once and every client converges.
/// </summary>
public sealed class DatabaseOutageTests(ITestOutputHelper output)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(6);
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task While_the_database_is_unreachable_calls_are_refused_with_a_retryable_code_and_the_session_continues_when_it_returns()
    {
        await using var database = await TestDatabase.PostgreSqlAsync();
        var direct = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        await using var proxy = new PausableTcpProxy(direct.Host!, direct.Port);
        var settings = ClusterEnvironment.HostSettings(database, "outage-" + Guid.NewGuid().ToString("N")[..12],
            Path.Combine(database.DataDirectory, "keys"));
        // The host reaches the database through the proxy only; a short connect timeout as in production settings.
        settings["KerjaSama__Database__ConnectionString"] =
            new NpgsqlConnectionStringBuilder(database.ConnectionString) { Port = proxy.Port, Timeout = 5 }.ToString();
        await using var host = HostProcess.Start("host", settings);
        try
        {
            await RunAsync(database, proxy, host);
        }
        catch
        {
            output.WriteLine(string.Join('\n', host.Output.Split('\n').TakeLast(150)));
            throw;
        }
    }

    private async Task RunAsync(TestDatabase database, PausableTcpProxy proxy, HostProcess host)
    {
        await host.WaitReadyAsync(StartTimeout);

        var admin = await ClusterApi.SignInAsync(host.Url, "admin@kerjasama.test");
        var facilitator = await ClusterApi.SignInAsync(host.Url, "fasilitator@kerjasama.test");
        var dinkes = await ClusterApi.SignInAsync(host.Url, "dinkes@kerjasama.test");
        var pupr = await ClusterApi.SignInAsync(host.Url, "pupr@kerjasama.test");
        var bapperida = await ClusterApi.SignInAsync(host.Url, "bapperida@kerjasama.test");
        var (exerciseId, sessionId) = await ClusterApi.OpenSessionAsync(host.Url, admin, facilitator);
        using var rest = ClusterApi.Client(host.Url, facilitator);

        await using var a = new ReconnectingLiveClient("dinkes", dinkes, sessionId);
        await using var b = new ReconnectingLiveClient("pupr", pupr, sessionId);
        await a.ConnectAsync(host.Url);
        await b.ConnectAsync(host.Url);
        ReconnectingLiveClient[] writers = [a, b];
        Uri Same(Uri u) => u;
        var rows = writers.ToDictionary(w => w, _ => Guid.NewGuid());
        foreach (var w in writers)
            await w.SubmitAsync(OpKinds.Add, rows[w], new() { [F.AffairCode] = "1.02" }, Same, DateTime.UtcNow.AddSeconds(30));

        // Both clients keep editing (each op retried with its op id until acknowledged) through the outage.
        const int OpsEach = 40;
        using var stop = new CancellationTokenSource();
        var loops = writers.Select(w => Task.Run(async () =>
        {
            for (var i = 1; i <= OpsEach; i++)
            {
                await w.SubmitAsync(OpKinds.Update, rows[w], new() { [F.Notes] = $"{w.Name} {i}" }, Same, DateTime.UtcNow.AddSeconds(60));
                await Task.Delay(40);
            }
        })).ToList();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (writers.Sum(w => w.Acknowledged.Count) < 12 && DateTime.UtcNow < deadline && !loops.Any(l => l.IsFaulted))
            await Task.Delay(10);

        proxy.Cut();
        var cutAt = DateTime.UtcNow;

        // Readiness reports the outage.
        await Eventually.ValueAsync(() => host.ReadyStatusAsync(), status => status == 503, "readiness 503 during the outage",
            TimeSpan.FromSeconds(10));

        // An edit during the outage: a rejected ack with the retryable code, never a hub error or a hung call.
        var heldOp = Guid.NewGuid();
        var heldRow = Guid.NewGuid();
        var during = await a.SubmitAsync(OpKinds.Add, heldRow, new() { [F.AffairCode] = "1.03" }, heldOp).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(AckOutcomes.Rejected, during.Outcome);
        Assert.Equal(RejectionCodes.NotCommitted, during.Error?.Code);

        // Joining during the outage: a hub error whose message starts with the retryable code (the matrix cannot be
        // loaded; a session this host has not seen cannot be looked up). A new connection is refused at negotiation
        // with a 503 (signing in checks the token against the database).
        var joinError = await Assert.ThrowsAsync<HubException>(() =>
            b.Connection.InvokeAsync<JoinResult>("Join", sessionId, b.Seq).WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Contains("HubException: database_unavailable:", joinError.Message, StringComparison.Ordinal);
        var unknownSession = await Assert.ThrowsAsync<HubException>(() =>
            b.Connection.InvokeAsync<JoinResult>("Join", Guid.NewGuid(), 0L).WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Contains("HubException: database_unavailable:", unknownSession.Message, StringComparison.Ordinal);
        await using var late = new LiveSessionClient("bapperida");
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() =>
            late.AttachAsync(LiveSessionClient.HubConnectionFor(host.Url, bapperida), host.Url).WaitAsync(TimeSpan.FromSeconds(15)));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);

        // REST during the outage: 503 problem details with the code and a Retry-After, read and write alike.
        foreach (var call in new Func<Task<HttpResponseMessage>>[]
                 {
                     () => rest.GetAsync($"/api/planning/exercises/{exerciseId}/rows"),
                     () => rest.GetAsync($"/api/planning/exercises/{exerciseId}/session"),
                     () => rest.PostAsync($"/api/planning/sessions/{sessionId}/lock", null),
                 })
        {
            using var response = await call().WaitAsync(TimeSpan.FromSeconds(15));
            var problem = await response.ReadAsync<JsonElement>(HttpStatusCode.ServiceUnavailable);
            Assert.Equal("database_unavailable", problem.GetProperty("code").GetString());
            Assert.NotNull(response.Headers.RetryAfter);
        }

        // Nothing half-written: the stored log is gap-free and every stored row is exactly the fold of its ops.
        var duringLog = await StoredLog.ReadAsync(database.ConnectionString!, exerciseId);
        duringLog.AssertConsistent();
        Assert.DoesNotContain(heldOp, duringLog.OpIds);

        var remaining = Outage - (DateTime.UtcNow - cutAt);
        if (remaining > TimeSpan.Zero)
            await Task.Delay(remaining);
        Assert.True(proxy.Refused > 0, "No connection was refused during the outage; the test cut nothing.");
        proxy.Restore();
        var restoredAt = DateTime.UtcNow;
        await host.WaitReadyAsync(TimeSpan.FromSeconds(30));

        // The op refused during the outage, sent again with the same op id: applied once; a further repeat is a duplicate.
        Ack applied;
        deadline = DateTime.UtcNow.AddSeconds(30);
        do
        {
            applied = await a.SubmitAsync(OpKinds.Add, heldRow, new() { [F.AffairCode] = "1.03" }, heldOp);
            if (applied.Outcome == AckOutcomes.Rejected)
            {
                Assert.Equal(RejectionCodes.NotCommitted, applied.Error?.Code);
                await Task.Delay(100);
            }
        }
        while (applied.Outcome == AckOutcomes.Rejected && DateTime.UtcNow < deadline);
        Assert.Equal(AckOutcomes.Applied, applied.Outcome);
        var repeat = await a.SubmitAsync(OpKinds.Add, heldRow, new() { [F.AffairCode] = "1.03" }, heldOp);
        Assert.Equal(AckOutcomes.Duplicate, repeat.Outcome);
        Assert.Equal(applied.Seq, repeat.Seq);

        await Task.WhenAll(loops);
        var recovered = DateTime.UtcNow - restoredAt;

        // The session goes on: the late client joins now, everyone converges to the stored rows.
        await late.AttachAsync(LiveSessionClient.HubConnectionFor(host.Url, bapperida), host.Url);
        await late.JoinAsync(sessionId);
        var log = await StoredLog.ReadAsync(database.ConnectionString!, exerciseId);
        log.AssertConsistent();
        foreach (var client in new LiveSessionClient[] { a, b, late })
            await client.WaitForSeqAsync(log.Seqs.Count, TimeSpan.FromSeconds(30));
        var stored = await ClusterApi.StoredRowsAsync(rest, exerciseId);
        foreach (var client in new LiveSessionClient[] { a, b, late })
            Assert.Equal(stored, client.RowsNow());

        // Every acknowledged op is stored once, at the sequence its ack named; the held op too.
        Assert.Equal(2 + 2 * OpsEach + 1, log.Seqs.Count);
        foreach (var w in writers)
        {
            foreach (var (opId, seq) in w.Acknowledged)
                Assert.Equal(seq, log.SeqOf(opId));
        }

        Assert.Equal(applied.Seq, log.SeqOf(heldOp));
        foreach (var w in writers)
            Assert.Equal($"{w.Name} {OpsEach}", stored[rows[w]][F.Notes]);

        // The writers met the outage as retryable refusals only (not as hub errors or timeouts).
        var retries = writers.SelectMany(w => w.Retries).GroupBy(r => r.Key).ToDictionary(g => g.Key, g => g.Sum(r => r.Value));
        output.WriteLine($"outage {Outage.TotalSeconds:0.0} s; writers recovered {recovered.TotalSeconds:0.0} s after the database returned; " +
                         $"refused connections: {proxy.Refused}; retries: {string.Join(", ", retries.Select(r => $"{r.Key} {r.Value}"))}");
        Assert.True(retries.GetValueOrDefault(RejectionCodes.NotCommitted) > 0, "No edit met the outage; the test proved nothing about edits.");
        Assert.Equal([RejectionCodes.NotCommitted], retries.Keys);
        Assert.Equal(0, a.Reconnects + b.Reconnects);
    }
}
