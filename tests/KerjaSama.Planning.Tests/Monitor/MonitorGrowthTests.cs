using System.Diagnostics;
using System.Text.Json;
using KerjaSama.Planning.Contracts.Live;
using KerjaSama.Planning.Contracts.Monitor;
using KerjaSama.Planning.Persistence;
using KerjaSama.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using Xunit.Abstractions;
using F = KerjaSama.Planning.Contracts.Live.MatrixFieldNames;

namespace KerjaSama.Planning.Tests.Monitor;

/// <summary>
/// The monitor folds the op log incrementally (ADR 0010, amendment): snapshot after snapshot, as the session grows, the
/// figures must still equal the database. Also prints the cost of a first (whole log) and a later (new ops only) snapshot.
/// </summary>
public abstract class MonitorGrowthTests(PlatformFixture platform, ITestOutputHelper output)
{
    [Fact]
    public async Task Each_snapshot_equals_the_op_log_as_the_session_grows()
    {
        var m = await MonitorScenario.StartAsync(platform);
        var s = m.Session;
        await using var a = await s.JoinAsync(s.AgencyA);
        await using var b = await s.JoinAsync(s.AgencyB);
        var (a1, a2, b1) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

        await Applied(a.SubmitAsync(OpKinds.Add, a1, MonitorScenario.Opportunity("1.02", "Rujukan pasien")));
        await AssertEqualsDatabaseAsync(await m.SnapshotAsync(), s.SessionId, s.ExerciseId);

        await Applied(b.SubmitAsync(OpKinds.Add, b1, MonitorScenario.Opportunity("1.01", "Beasiswa bersama")));
        await Applied(a.SubmitAsync(OpKinds.Update, a1, new() { [F.Notes] = "prioritas", [F.Priority] = 1 }));
        var second = await m.SnapshotAsync();
        await AssertEqualsDatabaseAsync(second, s.SessionId, s.ExerciseId);
        Assert.Equal(3, second.Ops);

        await Applied(a.SubmitAsync(OpKinds.Add, a2, MonitorScenario.Opportunity("1.02", "Ambulans terpadu")));
        await Applied(b.SubmitAsync(OpKinds.Remove, b1));
        var last = await Applied(a.SubmitAsync(OpKinds.Update, a1, new() { [F.Notes] = "dibahas" }));
        var third = await m.SnapshotAsync();
        await AssertEqualsDatabaseAsync(third, s.SessionId, s.ExerciseId);
        Assert.Equal(6, third.Ops);
        Assert.Equal(last.Seq, third.Seq);
        Assert.Equal(Enumerable.Range(1, 6).Reverse().Select(i => (long)i), third.Feed.Select(f => f.Seq));
        Assert.Equal([F.Notes], third.Feed[0].Fields);

        // The same figures from the hub's first snapshot (a watcher's start) as from the REST snapshot.
        await using var watcher = await MonitorClient.ConnectAsync(platform, m.Secretariat);
        var watched = await watcher.WatchSessionAsync(s.SessionId);
        Assert.Equal(third.Contributions.Select(c => (c.OrganisationId, c.Ops, c.RowsAdded, c.FieldsEdited, c.RowsRemoved)),
            watched.Contributions.Select(c => (c.OrganisationId, c.Ops, c.RowsAdded, c.FieldsEdited, c.RowsRemoved)));
    }

    [Fact]
    public async Task Snapshot_cost_of_a_large_session_is_measured()
    {
        const int Rows = 1500;
        var m = await MonitorScenario.StartAsync(platform);
        var s = m.Session;
        await using var a = await s.JoinAsync(s.AgencyA);
        for (var start = 0; start < Rows; start += 50)
        {
            await Task.WhenAll(Enumerable.Range(start, 50).Select(i =>
                Applied(a.SubmitAsync(OpKinds.Add, Guid.NewGuid(), MonitorScenario.Opportunity(i % 2 == 0 ? "1.02" : "1.01", $"Potensi {i}")))));
        }

        var clock = Stopwatch.StartNew();
        var first = await m.SnapshotAsync();
        var firstTime = clock.Elapsed;
        Assert.Equal(Rows, first.Ops);

        var later = new List<double>();
        for (var i = 0; i < 10; i++)
        {
            await Applied(a.SubmitAsync(OpKinds.Add, Guid.NewGuid(), MonitorScenario.Opportunity("1.02", $"Tambahan {i}")));
            clock.Restart();
            var next = await m.SnapshotAsync();
            later.Add(clock.Elapsed.TotalMilliseconds);
            Assert.Equal(Rows + i + 1, next.Ops);
        }

        await AssertEqualsDatabaseAsync(await m.SnapshotAsync(), s.SessionId, s.ExerciseId);
        later.Sort();
        var line = $"[{platform.Provider}] monitor snapshot (REST, in-process host) of a session with {Rows} ops: first (whole op log folded) "
            + $"{firstTime.TotalMilliseconds:F0} ms; after each new op (new ops only) median {later[later.Count / 2]:F0} ms, max {later[^1]:F0} ms. "
            + "Rerun: bash build/test.sh --filter FullyQualifiedName~Snapshot_cost_of_a_large_session_is_measured";
        output.WriteLine(line);
        Console.WriteLine(line);
    }

    private async Task AssertEqualsDatabaseAsync(SessionMonitor monitor, Guid sessionId, Guid exerciseId)
    {
        await using var db = await platform.Services.GetRequiredService<IDbContextFactory<PlanningDb>>().CreateDbContextAsync();
        var rows = await db.Rows.AsNoTracking().Where(r => r.ExerciseId == exerciseId && !r.Removed).ToListAsync();
        var ops = await db.Ops.AsNoTracking().Where(o => o.SessionId == sessionId).ToListAsync();
        Assert.Equal(rows.Count, monitor.Rows);
        Assert.Equal(ops.Count, monitor.Ops);
        foreach (var organisation in ops.Select(o => o.AuthorOrganisationId).Distinct())
        {
            var c = Assert.Single(monitor.Contributions, c => c.OrganisationId == organisation);
            var mine = ops.Where(o => o.AuthorOrganisationId == organisation).ToList();
            Assert.Equal(mine.Count, c.Ops);
            Assert.Equal(mine.Count(o => o.Kind == OpKinds.Add), c.RowsAdded);
            Assert.Equal(mine.Count(o => o.Kind == OpKinds.Remove), c.RowsRemoved);
            Assert.Equal(mine.Where(o => o.Kind == OpKinds.Update).Sum(o => JsonDocument.Parse(o.FieldsJson).RootElement.EnumerateObject().Count()), c.FieldsEdited);
            Assert.Equal(rows.Count(r => r.OwnerOrganisationId == organisation), c.RowsOwned);
            Assert.Equal(mine.Max(o => o.At), c.LastActivity);
        }

        Assert.Equal(ops.OrderByDescending(o => o.Seq).Take(monitor.Feed.Count).Select(o => o.Seq), monitor.Feed.Select(f => f.Seq));
    }

    private static async Task<Ack> Applied(Task<Ack> submit)
    {
        var ack = await submit;
        Assert.True(ack.Outcome == AckOutcomes.Applied, $"{ack.Outcome}: {ack.Error?.Code} {ack.Error?.Message}");
        return ack;
    }
}

[Collection(SharedHost.Sqlite)]
public sealed class MonitorGrowthTests_on_Sqlite(SqlitePlatformFixture p, ITestOutputHelper o) : MonitorGrowthTests(p, o);

[Collection(SharedHost.PostgreSql)]
public sealed class MonitorGrowthTests_on_PostgreSql(PostgreSqlPlatformFixture p, ITestOutputHelper o) : MonitorGrowthTests(p, o);
