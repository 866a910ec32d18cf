using System.Diagnostics;
using System.Net;
using System.Text.Json;
using KerjaSama.Modularity.Security;
using KerjaSama.Planning.Contracts.Live;
using KerjaSama.Planning.Contracts.Monitor;
using KerjaSama.Planning.Persistence;
using KerjaSama.TestKit;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using F = KerjaSama.Planning.Contracts.Live.MatrixFieldNames;

namespace KerjaSama.Planning.Tests.Monitor;

public abstract class MonitorTests(PlatformFixture platform)
{
    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task The_monitor_figures_equal_the_rows_and_the_op_log_after_a_session_of_several_organisations()
    {
        var m = await MonitorScenario.StartAsync(platform);
        var s = m.Session;
        await using var a = await s.JoinAsync(s.AgencyA);
        await using var b = await s.JoinAsync(s.AgencyB, messagePack: true);
        await using var facilitator = await s.JoinAsync(s.Facilitator);
        await using var partner = await s.JoinAsync(s.Partner);
        var (a1, a2, a3, b1, b2) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

        // A: three rows (two of Kesehatan, one of Pendidikan), one update of two fields. B: two rows, one removed.
        // The facilitator (an organisation that is not invited) edits A's row. The partner joins but writes nothing.
        await Applied(a.SubmitAsync(OpKinds.Add, a1, MonitorScenario.Opportunity("1.02", "Rujukan pasien")));
        await Applied(a.SubmitAsync(OpKinds.Add, a2, MonitorScenario.Opportunity("1.02", "Ambulans terpadu")));
        await Applied(a.SubmitAsync(OpKinds.Add, a3, MonitorScenario.Opportunity("1.01", "Sekolah perbatasan")));
        await Applied(b.SubmitAsync(OpKinds.Add, b1, MonitorScenario.Opportunity("1.01", "Beasiswa bersama")));
        await Applied(a.SubmitAsync(OpKinds.Update, a1, new() { [F.Notes] = "prioritas", [F.Priority] = 1 }));
        await Applied(b.SubmitAsync(OpKinds.Add, b2, MonitorScenario.Opportunity("1.02", "Puskesmas keliling")));
        await Applied(b.SubmitAsync(OpKinds.Remove, b2));
        var last = await Applied(facilitator.SubmitAsync(OpKinds.Update, a2, new() { [F.Notes] = "dibahas" }));

        var monitor = await m.SnapshotAsync();

        Assert.Equal(last.Seq, monitor.Seq);
        Assert.Equal(8, monitor.Ops);
        Assert.Equal(4, monitor.Rows);
        var byOrg = monitor.Contributions.ToDictionary(c => c.OrganisationId);
        Assert.Equal((3, 2, 0, 4, 3), Figures(byOrg[s.AgencyA.Caller.OrganisationId]));
        Assert.Equal((2, 0, 1, 3, 1), Figures(byOrg[s.AgencyB.Caller.OrganisationId]));
        Assert.Equal((0, 1, 0, 1, 0), Figures(byOrg[s.Facilitator.Caller.OrganisationId]));
        Assert.False(byOrg[s.Facilitator.Caller.OrganisationId].Invited);
        Assert.Equal((0, 0, 0, 0, 0), Figures(byOrg[s.Partner.Caller.OrganisationId]));
        Assert.Null(byOrg[s.Partner.Caller.OrganisationId].LastActivity);
        Assert.Equal([s.OtherAgency.Id], monitor.NotJoined.Select(o => o.OrganisationId));
        Assert.Equal(new[] { s.Partner.Caller.OrganisationId, s.OtherAgency.Id }.Order(), monitor.NotContributed.Select(o => o.OrganisationId).Order());
        Assert.Equal(4, monitor.Online.Count);
        Assert.Contains(monitor.Online, o => o.OrganisationId == s.Partner.Caller.OrganisationId && o.People.Single().DisplayName == "Mitra Kalsel");
        var feed = monitor.Feed[0];
        Assert.Equal((last.Seq, "Fasilitator", a2, OpKinds.Update), (feed.Seq, feed.AuthorName, feed.RowId, feed.Kind));
        Assert.Equal([F.Notes], feed.Fields);
        Assert.Equal(Enumerable.Range(1, 8).Reverse().Select(i => (long)i), monitor.Feed.Select(f => f.Seq));

        // Every figure against the database itself.
        await using var db = await platform.Services.GetRequiredService<IDbContextFactory<PlanningDb>>().CreateDbContextAsync();
        var rows = await db.Rows.AsNoTracking().Where(r => r.ExerciseId == s.ExerciseId && !r.Removed).ToListAsync();
        var ops = await db.Ops.AsNoTracking().Where(o => o.SessionId == s.SessionId).ToListAsync();
        Assert.Equal(rows.Count, monitor.Rows);
        Assert.Equal(ops.Count, monitor.Ops);
        Assert.Equal(ops.Max(o => o.Seq), monitor.Seq);
        foreach (var c in monitor.Contributions)
        {
            var mine = ops.Where(o => o.AuthorOrganisationId == c.OrganisationId).ToList();
            Assert.Equal(mine.Count(o => o.Kind == OpKinds.Add), c.RowsAdded);
            Assert.Equal(mine.Where(o => o.Kind == OpKinds.Update).Sum(o => JsonDocument.Parse(o.FieldsJson).RootElement.EnumerateObject().Count()), c.FieldsEdited);
            Assert.Equal(rows.Count(r => r.OwnerOrganisationId == c.OrganisationId), c.RowsOwned);
            Assert.Equal(mine.Count == 0 ? null : mine.Max(o => o.At), c.LastActivity);
        }

        foreach (var affair in monitor.Coverage)
        {
            Assert.Equal(rows.Count(r => r.AffairCode == affair.AffairCode), affair.Rows);
            Assert.Equal(affair.Rows == 0 && affair.OfLevel, affair.Empty);
        }

        Assert.Equal(2, monitor.Coverage.Single(c => c.AffairCode == "1.02").Rows);
        Assert.Equal(2, monitor.Coverage.Single(c => c.AffairCode == "1.01").Rows);
        Assert.Contains(monitor.Coverage, c => c.Empty);
        Assert.Equal(rows.Count, monitor.Coverage.Sum(c => c.Rows));

        using var admin = platform.ClientFor(m.Secretariat);
        var overview = await (await admin.GetAsync("/api/planning/monitor")).ReadAsync<MonitorOverview>();
        var listed = Assert.Single(overview.Sessions, x => x.SessionId == s.SessionId);
        Assert.Equal((monitor.Seq, monitor.Ops, monitor.Rows), (listed.Seq, listed.Ops, listed.Rows));
    }

    [Fact]
    public async Task The_monitor_receives_an_update_within_a_second_of_an_edit()
    {
        var m = await MonitorScenario.StartAsync(platform);
        var s = m.Session;
        await using var watcher = await MonitorClient.ConnectAsync(platform, m.Secretariat);
        await using var overall = await MonitorClient.ConnectAsync(platform, m.Secretariat);
        var before = await watcher.WatchSessionAsync(s.SessionId);
        var all = await overall.Connection.InvokeAsync<MonitorOverview>(MonitorHubNames.WatchAll);
        Assert.Contains(all.Sessions, x => x.SessionId == s.SessionId);
        Assert.Empty(before.Online);
        overall.Take(all.Sessions.Single(x => x.SessionId == s.SessionId));

        await using var a = await s.JoinAsync(s.AgencyA);
        await watcher.WaitForAsync(s.SessionId, x => x.Online.Any(o => o.OrganisationId == s.AgencyA.Caller.OrganisationId), TimeSpan.FromSeconds(5));

        for (var i = 0; i < 3; i++)
        {
            var ack = await a.SubmitAsync(OpKinds.Add, Guid.NewGuid(), MonitorScenario.Opportunity("1.02", $"Layanan {i}"));
            Assert.Equal(AckOutcomes.Applied, ack.Outcome);
            // The edit is made when it is acknowledged (committed); from then on the monitor has a second.
            var clock = Stopwatch.StartNew();
            var seen = await watcher.WaitForAsync(s.SessionId, x => x.Seq >= ack.Seq, OneSecond);
            Assert.True(clock.Elapsed < OneSecond, $"The monitor saw seq {ack.Seq} after {clock.ElapsedMilliseconds} ms.");
            Assert.Equal(i + 1, seen.Contributions.Single(c => c.OrganisationId == s.AgencyA.Caller.OrganisationId).RowsAdded);
            Assert.Equal(ack.Seq, seen.Feed[0].Seq);
            await overall.WaitForAsync(s.SessionId, x => x.Seq >= ack.Seq, OneSecond);
        }
    }

    [Fact]
    public async Task Only_the_secretariat_opens_the_monitor()
    {
        var m = await MonitorScenario.StartAsync(platform);
        var s = m.Session;
        foreach (var user in new[] { s.AgencyA, s.Facilitator, s.Partner })
        {
            using var client = platform.ClientFor(user);
            await (await client.GetAsync($"/api/planning/sessions/{s.SessionId}/monitor")).AssertProblemAsync(HttpStatusCode.Forbidden);
            await (await client.GetAsync("/api/planning/monitor")).AssertProblemAsync(HttpStatusCode.Forbidden);
            var hub = platform.HubFor(user, "/hubs/monitor");
            var refused = await Assert.ThrowsAnyAsync<Exception>(() => hub.StartAsync());
            Assert.Equal(HttpStatusCode.Forbidden, MonitorClient.StatusOf(refused));
            await hub.DisposeAsync();
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await platform.Client.GetAsync($"/api/planning/sessions/{s.SessionId}/monitor")).StatusCode);
        using var admin = platform.ClientFor(m.Secretariat);
        await (await admin.GetAsync($"/api/planning/sessions/{Guid.NewGuid()}/monitor")).AssertProblemAsync(HttpStatusCode.NotFound, RejectionCodes.UnknownSession);
        await using var watcher = await MonitorClient.ConnectAsync(platform, m.Secretariat);
        var unknown = await Assert.ThrowsAsync<HubException>(() => watcher.WatchSessionAsync(Guid.NewGuid()));
        Assert.Contains(RejectionCodes.UnknownSession, unknown.Message, StringComparison.Ordinal);

        // The pages: a contributor signed in through the form is turned away, the secretariat sees the monitor.
        var page = $"/planning/sessions/{s.SessionId}/monitor";
        using (var anonymous = new BrowserSession(platform.BaseAddress))
        {
            var answer = await anonymous.Http.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
            Assert.Contains("/account/login", answer.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
        }

        foreach (var (role, allowed) in new[] { (PlatformRoles.AgencyContributor, false), (PlatformRoles.Facilitator, false), (PlatformRoles.SecretariatAdmin, true) })
        {
            var (userName, password, _) = await platform.CreateUserAsync(s.OtherAgency.Id, s.OtherAgency.Name, role);
            using var browser = new BrowserSession(platform.BaseAddress);
            Assert.Equal(HttpStatusCode.Found, (await browser.PostLoginAsync(userName, password, page)).StatusCode);
            foreach (var path in new[] { page, "/planning/monitor" })
            {
                var answer = await browser.Http.GetAsync(path);
                if (allowed)
                {
                    var html = await answer.Content.ReadAsStringAsync();
                    Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
                    Assert.Contains("_framework/blazor.web", html, StringComparison.Ordinal);
                    Assert.Contains(s.SessionId.ToString(), html, StringComparison.Ordinal);
                }
                else
                {
                    Assert.True(answer.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"{role} got {(int)answer.StatusCode} for {path}");
                    Assert.DoesNotContain("/account/login", answer.Headers.Location?.OriginalString ?? "", StringComparison.OrdinalIgnoreCase);
                    Assert.DoesNotContain(s.SessionId.ToString(), await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
                }
            }
        }
    }

    [Fact]
    public async Task After_the_monitor_reconnects_it_gets_a_consistent_snapshot_and_live_updates_again()
    {
        var m = await MonitorScenario.StartAsync(platform);
        var s = m.Session;
        await using var a = await s.JoinAsync(s.AgencyA);
        await using var b = await s.JoinAsync(s.AgencyB);
        await using var watcher = await MonitorClient.ConnectAsync(platform, m.Secretariat);
        await watcher.WatchSessionAsync(s.SessionId);
        var rowId = Guid.NewGuid();
        var first = await Applied(a.SubmitAsync(OpKinds.Add, rowId, MonitorScenario.Opportunity("1.02", "Air bersih")));
        var seen = await watcher.WaitForAsync(s.SessionId, x => x.Seq >= first.Seq, TimeSpan.FromSeconds(5));

        await watcher.Connection.StopAsync();
        await Applied(a.SubmitAsync(OpKinds.Update, rowId, new() { [F.Notes] = "selagi monitor terputus" }));
        await Applied(b.SubmitAsync(OpKinds.Add, Guid.NewGuid(), MonitorScenario.Opportunity("1.01", "Guru bantu")));
        var whileAway = await Applied(b.SubmitAsync(OpKinds.Add, Guid.NewGuid(), MonitorScenario.Opportunity("1.02", "Apotek")));
        Assert.Equal(seen.Seq, watcher.Latest(s.SessionId)!.Seq);

        await watcher.Connection.StartAsync();
        var again = await watcher.WatchSessionAsync(s.SessionId);
        Assert.Equal(whileAway.Seq, again.Seq);
        Assert.True(again.Revision > seen.Revision);
        var stored = await m.SnapshotAsync();
        Assert.Equal((stored.Seq, stored.Ops, stored.Rows), (again.Seq, again.Ops, again.Rows));
        Assert.Equal(stored.Contributions.Select(Figures), again.Contributions.Select(Figures));
        Assert.Equal(stored.Coverage.Select(c => (c.AffairCode, c.Rows)), again.Coverage.Select(c => (c.AffairCode, c.Rows)));
        Assert.Equal(2, again.Contributions.Single(c => c.OrganisationId == s.AgencyB.Caller.OrganisationId).RowsAdded);

        var after = await Applied(a.SubmitAsync(OpKinds.Update, rowId, new() { [F.Notes] = "tersambung lagi" }));
        var live = await watcher.WaitForAsync(s.SessionId, x => x.Seq >= after.Seq, OneSecond);
        Assert.Equal(2, live.Contributions.Single(c => c.OrganisationId == s.AgencyA.Caller.OrganisationId).FieldsEdited);
    }

    private static (int Added, int Edited, int Removed, int Ops, int Owned) Figures(OrganisationContribution c) =>
        (c.RowsAdded, c.FieldsEdited, c.RowsRemoved, c.Ops, c.RowsOwned);

    private static async Task<Ack> Applied(Task<Ack> submit)
    {
        var ack = await submit;
        Assert.True(ack.Outcome == AckOutcomes.Applied, $"{ack.Outcome}: {ack.Error?.Code} {ack.Error?.Message}");
        return ack;
    }
}

// A host of its own: the overview and "watch all" list every open session on the host.
public sealed class MonitorTests_on_Sqlite(SqlitePlatformFixture p) : MonitorTests(p), IClassFixture<SqlitePlatformFixture>;

public sealed class MonitorTests_on_PostgreSql(PostgreSqlPlatformFixture p) : MonitorTests(p), IClassFixture<PostgreSqlPlatformFixture>;
