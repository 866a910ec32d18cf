using System.Diagnostics;
using KerjaSama.Planning.Contracts.Live;
using KerjaSama.TestKit;
using Xunit;
using Xunit.Abstractions;
using F = KerjaSama.Planning.Contracts.Live.MatrixFieldNames;

namespace KerjaSama.Cluster.Tests;

/// <summary>
/// A rolling restart during a live session: every host of a two-host cluster (real processes, Redis membership, one
/// PostgreSQL database) is stopped gracefully and started again, one at a time, while clients spread over both hosts
/// keep editing. The clients of the stopping host move to the other one and catch up by sequence; no acknowledged edit
/// is lost and every client converges to the stored rows.
/// </summary>
public sealed class RollingRestartTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Restarting_every_host_one_at_a_time_during_a_session_loses_no_acknowledged_edit()
    {
        await using var cluster = await TestCluster.StartAsync("rolling", hosts: 2);
        var hosts = cluster.Hosts;
        var urls = cluster.Urls;
        Uri Other(Uri current) => urls[(Array.IndexOf(urls, current) + 1) % urls.Length];

        var (exerciseId, sessionId, _, facilitator) = await cluster.OpenSessionAsync();
        string[] users = ["dinkes@kerjasama.test", "pupr@kerjasama.test", "bapperida@kerjasama.test", "dinkes@kerjasama.test"];
        var clients = new List<ReconnectingLiveClient>();
        var rows = new Dictionary<ReconnectingLiveClient, Guid>();
        for (var i = 0; i < users.Length; i++)
        {
            var client = new ReconnectingLiveClient($"client {i}", await ClusterApi.SignInAsync(urls[0], users[i]), sessionId);
            clients.Add(client);
            await client.ConnectAsync(urls[i % urls.Length]);
            rows[client] = Guid.NewGuid();
            await client.SubmitAsync(OpKinds.Add, rows[client], new() { [F.AffairCode] = "1.02" }, Other, DateTime.UtcNow.AddSeconds(60));
        }

        // Everyone edits their row continuously (bounded) until the restarts are over, then a little more.
        const int MaxOpsEach = 1_500;
        var restartsDone = false;
        var lastNote = new System.Collections.Concurrent.ConcurrentDictionary<ReconnectingLiveClient, string>();
        var writers = clients.Select(c => Task.Run(async () =>
        {
            for (var i = 1; i <= MaxOpsEach; i++)
            {
                var note = $"{c.Name} {i}";
                await c.SubmitAsync(OpKinds.Update, rows[c], new() { [F.Notes] = note }, Other, DateTime.UtcNow.AddSeconds(90));
                lastNote[c] = note;
                if (Volatile.Read(ref restartsDone) && i % 10 == 0)
                    return;
                await Task.Delay(25);
            }
        })).ToList();

        var figures = new List<string>();
        for (var h = 0; h < hosts.Count; h++)
        {
            var ackedBefore = clients.Sum(c => c.Acknowledged.Count);
            var onHost = clients.Where(c => c.Host == hosts[h].Url).ToList();
            var stopping = Stopwatch.StartNew();
            Assert.Equal(0, await hosts[h].StopAsync(TimeSpan.FromSeconds(45)));
            var stopped = stopping.Elapsed;
            await hosts[h].DisposeAsync();
            hosts[h] = hosts[h].Restart();
            await hosts[h].WaitReadyAsync(TestCluster.StartTimeout);
            var ready = stopping.Elapsed;

            // Caught up: every client has every op acknowledged by the time the host was back.
            var head = clients.Max(c => c.Acknowledged.Values.DefaultIfEmpty(0).Max());
            foreach (var c in clients)
                await c.WaitForSeqAsync(head, DateTime.UtcNow.AddSeconds(60));
            figures.Add($"{hosts[h].Name}: stopped in {stopped.TotalSeconds:0.0} s, ready again after {ready.TotalSeconds:0.0} s, " +
                        $"every client at seq {head} {(stopping.Elapsed - ready).TotalSeconds:0.0} s later; " +
                        $"{clients.Sum(c => c.Acknowledged.Count) - ackedBefore} edits acknowledged meanwhile");
            Assert.True(clients.Sum(c => c.Acknowledged.Count) > ackedBefore, $"Nobody edited while {hosts[h].Name} restarted.");
            Assert.All(onHost, c => Assert.NotEqual(hosts[h].Url, c.Host));
            Assert.All(onHost, c => Assert.True(c.Reconnects > 0, $"{c.Name} never reconnected."));
        }

        Volatile.Write(ref restartsDone, true);
        await Task.WhenAll(writers);

        // Nothing acknowledged is lost: the log is gap-free and holds every acknowledged op at the sequence its ack named.
        using var rest = ClusterApi.Client(urls[0], facilitator);
        var log = await ClusterApi.OpLogAsync(rest, exerciseId);
        Assert.Equal(Enumerable.Range(1, log.Count).Select(i => (long)i), log.Keys.Order());
        var acknowledged = clients.SelectMany(c => c.Acknowledged).ToList();
        Assert.All(acknowledged, a => Assert.True(log.TryGetValue(a.Value, out var logged) && logged == a.Key,
            $"Acknowledged op {a.Key} (seq {a.Value}) is not in the op log."));
        Assert.Equal(log.Count, acknowledged.Count);
        (await StoredLog.ReadAsync(cluster.Database.ConnectionString!, exerciseId)).AssertConsistent();

        // Every client converged to the stored rows, and each row holds its writer's last acknowledged note.
        foreach (var c in clients)
            await c.WaitForSeqAsync(log.Count, DateTime.UtcNow.AddSeconds(60));
        var stored = await ClusterApi.StoredRowsAsync(rest, exerciseId);
        foreach (var c in clients)
            Assert.Equal(stored, c.RowsNow());
        foreach (var c in clients)
            Assert.Equal(lastNote[c], stored[rows[c]][F.Notes]);

        output.WriteLine(string.Join("\n", figures));
        output.WriteLine($"edits acknowledged: {acknowledged.Count}; reconnects: {string.Join(", ", clients.Select(c => $"{c.Name} {c.Reconnects}"))}; " +
                         $"retries: {string.Join(", ", clients.SelectMany(c => c.Retries).GroupBy(r => r.Key).Select(g => $"{g.Key} {g.Sum(r => r.Value)}"))}");
        foreach (var c in clients)
            await c.DisposeAsync();
    }
}
