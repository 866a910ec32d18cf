using System.Net;
using System.Text.Json;
using KerjaSama.Planning.Contracts.Live;
using KerjaSama.TestKit;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit;
using F = KerjaSama.Planning.Contracts.Live.MatrixFieldNames;

namespace KerjaSama.Planning.Tests.Live;

public abstract class LiveSessionTests(PlatformFixture platform)
{
    private static Dictionary<string, object?> Opportunity(string potential) => new()
    {
        [F.AffairCode] = "1.02", [F.Potential] = potential, [F.CooperationType] = "KSDD-wajib", [F.PartnerRegionCodes] = new[] { "63" },
        [F.StartYear] = 2026, [F.DurationYears] = 3,
    };

    [Fact]
    public async Task Two_agencies_see_each_others_rows_live_and_a_late_joiner_gets_the_snapshot()
    {
        var s = await SessionScenario.StartAsync(platform);
        await using var a = await s.JoinAsync(s.AgencyA);
        await using var b = await s.JoinAsync(s.AgencyB);
        var rowId = Guid.NewGuid();

        var ack = await a.SubmitAsync(OpKinds.Add, rowId, Opportunity("Rujukan pasien lintas batas"));
        Assert.Equal(AckOutcomes.Applied, ack.Outcome);
        Assert.Equal(1, ack.Seq);
        await b.WaitForSeqAsync(1);
        var seen = Assert.Single(b.Applied);
        Assert.Equal(s.AgencyA.Caller.UserId, seen.Author.UserId);
        Assert.Equal("Rujukan pasien lintas batas", LiveClient.Text(seen.Fields[F.Potential]));
        Assert.Equal("diusulkan", b.Rows[rowId][F.Status]);

        await using var late = await LiveClient.ConnectAsync(platform, s.Partner);
        var join = await late.JoinAsync(s.SessionId);
        var row = Assert.Single(join.Rows!);
        Assert.Equal(s.AgencyA.Caller.OrganisationId, row.OwnerOrganisationId);
        Assert.Equal(1, join.Seq);
        Assert.Contains(join.Participants, p => p.UserId == s.AgencyB.Caller.UserId);
        Assert.Equal(a.Rows[rowId], (await s.StoredRowsAsync())[rowId]);
    }

    [Fact]
    public async Task A_repeated_op_id_is_applied_once_and_answered_with_the_original_sequence()
    {
        var s = await SessionScenario.StartAsync(platform);
        await using var a = await s.JoinAsync(s.AgencyA);
        var opId = Guid.NewGuid();
        var rowId = Guid.NewGuid();
        var first = await a.SubmitAsync(OpKinds.Add, rowId, Opportunity("Air bersih"), opId);
        var again = await a.SubmitAsync(OpKinds.Add, rowId, Opportunity("Air bersih"), opId);
        Assert.Equal(AckOutcomes.Applied, first.Outcome);
        Assert.Equal(AckOutcomes.Duplicate, again.Outcome);
        Assert.Equal(first.Seq, again.Seq);
        Assert.Equal(1, await s.StoredOpCountAsync());
    }

    [Theory]
    [InlineData(RejectionCodes.UnknownRow)]
    [InlineData("unknown_field")]
    [InlineData("partner_not_bordering")]
    [InlineData("affair_not_cooperable")]
    [InlineData("invalid_value")]
    [InlineData("duration_over_five_years")]
    public async Task A_bad_op_is_rejected_with_its_code_and_nothing_is_stored(string code)
    {
        var s = await SessionScenario.StartAsync(platform);
        await using var a = await s.JoinAsync(s.AgencyA);
        var rowId = Guid.NewGuid();
        Assert.Equal(AckOutcomes.Applied, (await a.SubmitAsync(OpKinds.Add, rowId, Opportunity("Pariwisata sungai"))).Outcome);
        var before = await s.StoredRowsAsync();

        var ack = code switch
        {
            RejectionCodes.UnknownRow => await a.SubmitAsync(OpKinds.Update, Guid.NewGuid(), new() { [F.Notes] = "x" }),
            "unknown_field" => await a.SubmitAsync(OpKinds.Update, rowId, new() { ["budgetOfTheMoon"] = "x" }),
            "partner_not_bordering" => await a.SubmitAsync(OpKinds.Update, rowId, new() { [F.PartnerRegionCodes] = new[] { "63", "31" } }),
            "affair_not_cooperable" => await a.SubmitAsync(OpKinds.Update, rowId, new() { [F.AffairCode] = "4.01" }),
            "invalid_value" => await a.SubmitAsync(OpKinds.Update, rowId, new() { [F.StartYear] = "tahun depan" }),
            _ => await a.SubmitAsync(OpKinds.Update, rowId, new() { [F.DurationYears] = 8 }),
        };

        Assert.Equal(AckOutcomes.Rejected, ack.Outcome);
        Assert.Equal(code, ack.Error!.Code);
        Assert.Equal(0, ack.Seq);
        Assert.Equal(before, await s.StoredRowsAsync());
        Assert.Equal(1, await s.StoredOpCountAsync());
    }

    [Fact]
    public async Task A_locked_session_is_read_only_for_contributors_but_not_for_the_facilitator_and_a_closed_one_for_everyone()
    {
        var s = await SessionScenario.StartAsync(platform);
        await using var a = await s.JoinAsync(s.AgencyA);
        await using var facilitator = await s.JoinAsync(s.Facilitator);
        Assert.Equal(HttpStatusCode.OK, (await s.PostAsync(s.Facilitator, $"/api/planning/sessions/{s.SessionId}/lock")).StatusCode);

        var refused = await a.SubmitAsync(OpKinds.Add, Guid.NewGuid(), Opportunity("x"));
        Assert.Equal(RejectionCodes.SessionLocked, refused.Error?.Code);
        Assert.Equal(AckOutcomes.Applied, (await facilitator.SubmitAsync(OpKinds.Add, Guid.NewGuid(), Opportunity("y"))).Outcome);

        Assert.Equal(HttpStatusCode.OK, (await s.PostAsync(s.Facilitator, $"/api/planning/sessions/{s.SessionId}/close")).StatusCode);
        Assert.Equal(RejectionCodes.SessionClosed, (await facilitator.SubmitAsync(OpKinds.Add, Guid.NewGuid(), Opportunity("z"))).Error?.Code);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (a.State != SessionStates.Closed && DateTime.UtcNow < deadline)
            await Task.Delay(20);
        Assert.Equal(SessionStates.Closed, a.State);
        Assert.Equal(1, await s.StoredOpCountAsync());

        var contributorLock = await s.PostAsync(s.AgencyA, $"/api/planning/sessions/{s.SessionId}/unlock");
        Assert.Equal(HttpStatusCode.Forbidden, contributorLock.StatusCode);
    }

    [Fact]
    public async Task An_organisation_that_is_not_invited_cannot_join_and_cannot_submit()
    {
        var s = await SessionScenario.StartAsync(platform);
        var outsider = await platform.SignInAsync(s.OtherAgency.Id, s.OtherAgency.Name, Modularity.Security.PlatformRoles.AgencyContributor);
        await using var client = await LiveClient.ConnectAsync(platform, outsider);
        var error = await Assert.ThrowsAsync<HubException>(() => client.JoinAsync(s.SessionId));
        Assert.StartsWith(RejectionCodes.NotInvited, error.Message.Split(": ", 2)[^1], StringComparison.Ordinal);
        var ack = await client.SubmitAsync(OpKinds.Add, Guid.NewGuid(), Opportunity("x"));
        Assert.Equal(RejectionCodes.NotJoined, ack.Error?.Code);
        Assert.Equal(0, await s.StoredOpCountAsync());
    }

    [Fact]
    public async Task An_observer_reads_but_cannot_write_and_a_contributor_cannot_edit_another_organisations_row()
    {
        var s = await SessionScenario.StartAsync(platform);
        var observer = await platform.SignInAsync(s.AgencyB.Caller.OrganisationId, s.AgencyB.Caller.OrganisationName,
            Modularity.Security.PlatformRoles.Observer);
        await using var a = await s.JoinAsync(s.AgencyA);
        await using var b = await s.JoinAsync(s.AgencyB);
        await using var watcher = await s.JoinAsync(observer);
        var rowId = Guid.NewGuid();
        await a.SubmitAsync(OpKinds.Add, rowId, Opportunity("Pelabuhan sungai"));

        Assert.Equal(RejectionCodes.Forbidden, (await watcher.SubmitAsync(OpKinds.Add, Guid.NewGuid(), Opportunity("x"))).Error?.Code);
        Assert.Equal(RejectionCodes.Forbidden, (await b.SubmitAsync(OpKinds.Update, rowId, new() { [F.Notes] = "punya saya" })).Error?.Code);
        Assert.Equal(RejectionCodes.Forbidden, (await b.SubmitAsync(OpKinds.Remove, rowId)).Error?.Code);
        Assert.Equal(RejectionCodes.Forbidden, (await a.SubmitAsync(OpKinds.Update, rowId, new() { [F.Status] = "ditetapkan" })).Error?.Code);
        await watcher.WaitForSeqAsync(1);
        Assert.Equal(1, await s.StoredOpCountAsync());
    }

    [Fact]
    public async Task Overwriting_someone_elses_newer_value_tells_both_authors()
    {
        var s = await SessionScenario.StartAsync(platform);
        await using var facilitator = await s.JoinAsync(s.Facilitator);
        await using var a = await s.JoinAsync(s.AgencyA);
        var rowId = Guid.NewGuid();
        await a.SubmitAsync(OpKinds.Add, rowId, Opportunity("Jalan poros"));
        var baseSeq = a.Seq;
        var aWrite = await a.SubmitAsync(OpKinds.Update, rowId, new() { [F.Notes] = "versi A" });
        var fWrite = await facilitator.SubmitAsync(OpKinds.Update, rowId, new() { [F.Notes] = "versi fasilitator" }, baseSeq: baseSeq);

        var overwrite = Assert.Single(fWrite.Overwrites);
        Assert.Equal(F.Notes, overwrite.Field);
        Assert.Equal(aWrite.Seq, overwrite.PreviousSeq);
        Assert.Equal(s.AgencyA.Caller.UserId, overwrite.PreviousAuthor.UserId);
        Assert.Equal("versi A", LiveClient.Text(overwrite.PreviousValue));
        await a.WaitForSeqAsync(fWrite.Seq);
        var told = a.Applied.Single(op => op.Seq == fWrite.Seq);
        Assert.Equal(s.AgencyA.Caller.UserId, Assert.Single(told.Overwrites).PreviousAuthor.UserId);
        Assert.Equal("versi fasilitator", (await s.StoredRowsAsync())[rowId][F.Notes]);
    }

    [Fact]
    public async Task Presence_shows_who_is_in_and_what_they_have_in_focus()
    {
        var s = await SessionScenario.StartAsync(platform);
        await using var a = await s.JoinAsync(s.AgencyA);
        await using var b = await s.JoinAsync(s.AgencyB);
        var rowId = Guid.NewGuid();
        await a.Connection.InvokeAsync("Focus", s.SessionId, rowId, F.Potential);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline && b.LastPresence?.Any(p => p.UserId == s.AgencyA.Caller.UserId && p.FocusRowId == rowId) != true)
            await Task.Delay(20);
        var focus = Assert.Single(b.LastPresence!, p => p.UserId == s.AgencyA.Caller.UserId);
        Assert.Equal(F.Potential, focus.FocusField);
        Assert.Equal(s.AgencyA.Caller.OrganisationName, focus.OrganisationName);

        await a.Connection.InvokeAsync("Leave", s.SessionId);
        deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline && b.LastPresence!.Any(p => p.UserId == s.AgencyA.Caller.UserId))
            await Task.Delay(20);
        Assert.DoesNotContain(b.LastPresence!, p => p.UserId == s.AgencyA.Caller.UserId);
    }

    [Fact]
    public async Task A_client_that_reconnects_after_missing_a_thousand_ops_receives_exactly_those()
    {
        var s = await SessionScenario.StartAsync(platform);
        await using var a = await s.JoinAsync(s.AgencyA);
        var rowId = Guid.NewGuid();
        await a.SubmitAsync(OpKinds.Add, rowId, Opportunity("Energi"));
        await using (var b = await s.JoinAsync(s.AgencyB))
        {
            await b.WaitForSeqAsync(1);
        }

        var sends = Enumerable.Range(0, 1000).Select(i => a.SubmitAsync(OpKinds.Update, rowId, new() { [F.Notes] = $"catatan {i}" }));
        var acks = await Task.WhenAll(sends);
        Assert.All(acks, ack => Assert.Equal(AckOutcomes.Applied, ack.Outcome));

        await using var back = await LiveClient.ConnectAsync(platform, s.AgencyB);
        var join = await back.Connection.InvokeAsync<JoinResult>("Join", s.SessionId, 1L);
        Assert.Null(join.Rows);
        Assert.Equal(Enumerable.Range(2, 1000).Select(i => (long)i), join.Ops.Select(o => o.Seq));
        Assert.Equal(acks.Select(x => x.OpId).Order(), join.Ops.Select(o => o.OpId).Order());
    }

    [Fact]
    public async Task A_burst_of_ten_thousand_ops_is_sequenced_without_gaps_and_every_client_converges()
    {
        var s = await SessionScenario.StartAsync(platform);
        var clients = new[]
        {
            await s.JoinAsync(s.AgencyA), await s.JoinAsync(s.AgencyB), await s.JoinAsync(s.Partner, messagePack: true),
            await s.JoinAsync(s.Facilitator),
        };
        try
        {
            var rows = new Dictionary<LiveClient, Guid>();
            foreach (var c in clients)
            {
                rows[c] = Guid.NewGuid();
                Assert.Equal(AckOutcomes.Applied, (await c.SubmitAsync(OpKinds.Add, rows[c], Opportunity("burst"))).Outcome);
            }

            const int perClient = 2_500 - 1;
            var acks = await Task.WhenAll(clients.Select(async c =>
            {
                var pending = new List<Task<Ack>>();
                for (var i = 0; i < perClient; i++)
                {
                    pending.Add(c.SubmitAsync(OpKinds.Update, rows[c], new() { [F.Notes] = $"{c.User.Caller.DisplayName} {i}" }));
                    if (pending.Count >= 200)
                    {
                        await Task.WhenAll(pending);
                        pending.Clear();
                    }
                }

                await Task.WhenAll(pending);
                return pending;
            }));

            const long total = 10_000;
            Assert.Equal(total, await s.StoredOpCountAsync());
            foreach (var c in clients)
                await c.WaitForSeqAsync(total, TimeSpan.FromSeconds(120));
            var stored = await s.StoredRowsAsync();
            foreach (var c in clients)
                Assert.Equal(stored, c.Rows);
            Assert.All(clients, c => Assert.Equal(Enumerable.Range(1, (int)total).Select(i => (long)i), c.Applied.Select(o => o.Seq).Where(q => q >= 1)));
        }
        finally
        {
            foreach (var c in clients)
                await c.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_one_megabyte_message_closes_only_that_connection_and_changes_nothing()
    {
        var s = await SessionScenario.StartAsync(platform);
        await using var big = await s.JoinAsync(s.AgencyA);
        var closed = new TaskCompletionSource();
        big.Connection.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };
        var huge = new Dictionary<string, object?> { [F.Notes] = new string('x', 1024 * 1024) };
        await Assert.ThrowsAnyAsync<Exception>(() => big.SubmitAsync(OpKinds.Add, Guid.NewGuid(), huge));
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(10));

        await using var again = await s.JoinAsync(s.AgencyA);
        Assert.Equal(AckOutcomes.Applied, (await again.SubmitAsync(OpKinds.Add, Guid.NewGuid(), Opportunity("normal"))).Outcome);
        Assert.Equal(1, await s.StoredOpCountAsync());
    }

    [Fact]
    public async Task Malformed_payloads_get_an_error_and_the_connection_stays_usable()
    {
        var s = await SessionScenario.StartAsync(platform);
        await using var a = await s.JoinAsync(s.AgencyA);
        await Assert.ThrowsAsync<HubException>(() => a.Connection.InvokeAsync<Ack>("Submit", "not an op"));
        var empty = await a.Connection.InvokeAsync<Ack>("Submit", new SubmitOp { SessionId = s.SessionId });
        Assert.Equal(RejectionCodes.InvalidOp, empty.Error?.Code);
        var kind = await a.SubmitAsync("row.explode", Guid.NewGuid());
        Assert.Equal("unknown_kind", kind.Error?.Code);
        Assert.Equal(AckOutcomes.Applied, (await a.SubmitAsync(OpKinds.Add, Guid.NewGuid(), Opportunity("masih bisa"))).Outcome);
        Assert.Equal(1, await s.StoredOpCountAsync());
    }

    [Fact]
    public async Task The_op_log_reads_in_pages_and_exports_as_an_audit_trail()
    {
        var s = await SessionScenario.StartAsync(platform);
        await using var a = await s.JoinAsync(s.AgencyA);
        var rowId = Guid.NewGuid();
        await a.SubmitAsync(OpKinds.Add, rowId, Opportunity("Perikanan"));
        await a.SubmitAsync(OpKinds.Update, rowId, new() { [F.Notes] = "dibahas, ditindaklanjuti" });
        await a.SubmitAsync(OpKinds.Remove, rowId);

        using var client = platform.ClientFor(s.Facilitator);
        var page = await (await client.GetAsync($"/api/planning/exercises/{s.ExerciseId}/ops?afterSeq=1&pageSize=1")).ReadAsync<JsonElement>();
        Assert.Equal(3, page.GetProperty("total").GetInt32());
        var entry = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal(2, entry.GetProperty("seq").GetInt64());
        Assert.Equal("Staf A", entry.GetProperty("author").GetProperty("displayName").GetString());

        var csv = await client.GetStringAsync($"/api/planning/exercises/{s.ExerciseId}/ops/export");
        var lines = csv.TrimEnd('\n').Split('\n');
        Assert.StartsWith("seq,at_utc,kind,row_id,field,value,author", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("2,", StringComparison.Ordinal) && l.Contains("\"\"\"dibahas, ditindaklanjuti\"\"\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("3,", StringComparison.Ordinal) && l.Contains(",row.remove,", StringComparison.Ordinal));
        Assert.Empty(await s.StoredRowsAsync());

        using var outsider = platform.ClientFor(await platform.SignInAsync(s.OtherAgency.Id, s.OtherAgency.Name,
            Modularity.Security.PlatformRoles.AgencyContributor));
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.GetAsync($"/api/planning/exercises/{s.ExerciseId}/ops")).StatusCode);
    }
}

[Collection(SharedHost.Sqlite)]
public sealed class LiveSessionTests_on_Sqlite(SqlitePlatformFixture p) : LiveSessionTests(p);

[Collection(SharedHost.PostgreSql)]
public sealed class LiveSessionTests_on_PostgreSql(PostgreSqlPlatformFixture p) : LiveSessionTests(p);
