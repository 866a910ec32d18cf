using System.Diagnostics;
using System.Text.Json;
using KerjaSama.Planning.Contracts.Live;
using KerjaSama.TestKit;
using Xunit;
using Xunit.Abstractions;
using F = KerjaSama.Planning.Contracts.Live.MatrixFieldNames;

namespace KerjaSama.Cluster.Tests;

/// <summary>
/// Two real host processes in one Orleans cluster on Redis membership and one PostgreSQL database: a token of one host
/// works on the other, clients on different hosts see each other's edits and presence, and a host killed mid-session
/// (kill -9) loses no acknowledged edit while its clients move to the surviving host and every client converges.
/// </summary>
public sealed class ClusterTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Clients_on_two_host_processes_share_edits_and_presence_and_a_killed_host_loses_no_acknowledged_edit()
    {
        await using var cluster = await TestCluster.StartAsync("test", hosts: 2);
        var (first, second) = (cluster.Hosts[0], cluster.Hosts[1]);

        // Sign-in on host A only (authorization code + PKCE); host B accepts the same tokens.
        var (exerciseId, sessionId, _, facilitator) = await cluster.OpenSessionAsync();
        var dinkes = await ClusterApi.SignInAsync(first.Url, "dinkes@kerjasama.test");
        var pupr = await ClusterApi.SignInAsync(first.Url, "pupr@kerjasama.test");
        var bapperida = await ClusterApi.SignInAsync(first.Url, "bapperida@kerjasama.test");
        using var onSecond = ClusterApi.Client(second.Url, dinkes);
        var me = await (await onSecond.GetAsync("/api/identity/me")).ReadAsync<JsonElement>();
        var dinkesUserId = me.GetProperty("userId").GetGuid();

        await using var a1 = new ReconnectingLiveClient("dinkes@A", dinkes, sessionId);
        await using var b1 = new ReconnectingLiveClient("pupr@B", pupr, sessionId);
        await using var a2 = new ReconnectingLiveClient("bapperida@A", bapperida, sessionId);
        await a1.ConnectAsync(first.Url);
        await b1.ConnectAsync(second.Url);
        await a2.ConnectAsync(first.Url);
        ReconnectingLiveClient[] everyone = [a1, b1, a2];

        // Presence crosses hosts: B's client sees A's user.
        await Eventually.TrueAsync(() => b1.LastPresence?.Any(p => p.UserId == dinkesUserId) == true,
            "the user on host A in the presence list of the client on host B");

        // Edits cross hosts.
        Uri Surviving(Uri _) => second.Url;
        var rows = everyone.ToDictionary(p => p, _ => Guid.NewGuid());
        foreach (var p in everyone)
            await p.SubmitAsync(OpKinds.Add, rows[p], new() { [F.AffairCode] = "1.02" }, Surviving, DateTime.UtcNow.AddSeconds(60));
        foreach (var p in everyone)
            await p.WaitForSeqAsync(3, DateTime.UtcNow.AddSeconds(30));
        Assert.Equal(a1.RowsNow(), b1.RowsNow());
        Assert.Equal(3, b1.RowsNow().Count);

        // Everyone keeps editing their row; host A is killed in the middle.
        const int OpsEach = 60;
        var writers = everyone.Select(p => Task.Run(async () =>
        {
            for (var i = 1; i <= OpsEach; i++)
            {
                await p.SubmitAsync(OpKinds.Update, rows[p], new() { [F.Notes] = $"{p.Name} {i}" }, Surviving, DateTime.UtcNow.AddSeconds(120));
                await Task.Delay(15);
            }
        })).ToList();
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (everyone.Sum(p => p.Acknowledged.Count) < 3 + OpsEach && DateTime.UtcNow < deadline && !writers.Any(w => w.IsFaulted))
            await Task.Delay(10);
        var killedAt = Stopwatch.StartNew();
        await first.KillAsync();
        var acknowledgedBeforeKill = everyone.Sum(p => p.Acknowledged.Count);
        await Task.WhenAll(writers);
        var writesDone = killedAt.Elapsed;

        using var survivor = ClusterApi.Client(second.Url, facilitator);
        var log = await ClusterApi.OpLogAsync(survivor, exerciseId);
        foreach (var p in everyone)
            await p.WaitForSeqAsync(log.Count, DateTime.UtcNow.AddSeconds(90));
        var converged = killedAt.Elapsed;
        output.WriteLine($"acknowledged before the kill: {acknowledgedBeforeKill}; writers done {writesDone.TotalSeconds:F1} s and every " +
                         $"client converged {converged.TotalSeconds:F1} s after the kill; reconnects: " +
                         string.Join(", ", everyone.Select(p => $"{p.Name} {p.Reconnects}")));

        // Nothing acknowledged is lost: every acknowledged op is in the log at the sequence its ack named, the log has no gap.
        Assert.True(acknowledgedBeforeKill < 3 + 3 * OpsEach, "The kill came after every op was acknowledged; the test proved nothing.");
        Assert.Equal(Enumerable.Range(1, log.Count).Select(i => (long)i), log.Keys.Order());
        foreach (var p in everyone)
        {
            foreach (var (opId, seq) in p.Acknowledged)
                Assert.True(log.TryGetValue(seq, out var logged) && logged == opId, $"{p.Name}: acknowledged op {opId} (seq {seq}) is not in the op log.");
        }

        Assert.Equal(3 + 3 * OpsEach, everyone.Sum(p => p.Acknowledged.Count));
        Assert.True(a1.Reconnects >= 1 && a2.Reconnects >= 1, "The clients of the killed host never reconnected.");
        Assert.All(everyone, p => Assert.Equal(second.Url, p.Host));

        // Every client converged to the stored rows, read through REST from the surviving host.
        var stored = await ClusterApi.StoredRowsAsync(survivor, exerciseId);
        foreach (var p in everyone)
            Assert.Equal(stored, p.RowsNow());
        foreach (var p in everyone)
            Assert.Equal($"{p.Name} {OpsEach}", stored[rows[p]][F.Notes]);
    }
}
