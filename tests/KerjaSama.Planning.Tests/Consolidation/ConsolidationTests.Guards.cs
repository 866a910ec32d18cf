using System.Net;
using System.Text.Json;
using KerjaSama.Planning.Contracts.Live;
using KerjaSama.Planning.Tests.Live;
using KerjaSama.TestKit;
using Xunit;
using F = KerjaSama.Planning.Contracts.Live.MatrixFieldNames;

namespace KerjaSama.Planning.Tests.Consolidation;

// Issue 16, finding 4: postponedFrom is kept by the server, and only the secretariat adopts, after the TKKSD accepted.
public abstract partial class ConsolidationTests
{
    [Fact]
    public async Task No_client_sets_postponedFrom_so_a_postponed_row_resumes_only_where_it_stopped()
    {
        var s = await MatrixScenario.StartAsync(platform);
        var rowId = await s.AddRowAsync(MatrixScenario.Opportunity("Ditunda lalu dilompatkan"));
        await s.MoveAsync(rowId, "diverifikasi", "ditunda");
        var before = await RawRowAsync(s, rowId);
        var ops = await s.OpCountAsync();

        foreach (var user in new[] { s.Secretariat, s.Planner })
        {
            var problem = await (await s.PostAsync($"rows/{rowId}/edit",
                new { fields = new Dictionary<string, object> { [F.PostponedFrom] = "berjalan" } }, user)).AssertValidationProblemAsync(F.PostponedFrom);
            Assert.Equal("read_only_field", problem.GetProperty("code").GetString());
            Assert.Equal(rowId, problem.GetProperty("rowId").GetGuid());
        }

        var combined = await (await s.PostAsync($"rows/{rowId}/edit", new
        {
            fields = new Dictionary<string, object> { [F.Status] = "berjalan", [F.StatusReason] = "lompat", [F.PostponedFrom] = "berjalan" },
        })).AssertValidationProblemAsync(F.PostponedFrom);
        Assert.Equal("read_only_field", combined.GetProperty("code").GetString());
        // The REST op endpoint (the live path outside a session) refuses it the same way.
        var ack = await (await s.Admin.PostJsonAsync($"{s.Base}/ops", new
        {
            sessionId = Guid.Empty, opId = Guid.NewGuid(), kind = OpKinds.Update, rowId,
            fields = new Dictionary<string, object> { [F.PostponedFrom] = "berjalan" }, baseSeq = 0,
        })).Content.ReadAsStringAsync();
        Assert.Contains("read_only_field", ack, StringComparison.Ordinal);
        await (await s.PostAsync($"rows/{rowId}/status", new { status = "berjalan", reason = "lompat" })).AssertProblemAsync(HttpStatusCode.Conflict, "invalid_transition");

        Assert.Equal(before, await RawRowAsync(s, rowId));
        Assert.Equal(ops, await s.OpCountAsync());
        await s.MoveAsync(rowId, "diverifikasi");
        Assert.Equal("diverifikasi", await s.StatusAsync(rowId));
    }

    [Fact]
    public async Task Only_the_secretariat_adopts_a_row_and_only_one_the_TKKSD_did_not_turn_down()
    {
        var s = await MatrixScenario.StartAsync(platform);
        var rowId = await s.AddRowAsync(MatrixScenario.Opportunity("Ditetapkan oleh perencana"));
        await s.MoveAsync(rowId, "diverifikasi");
        await (await s.PostAsync($"rows/{rowId}/review", new { decision = "accept", priority = 1 })).ReadAsync<JsonElement>();
        var before = await RawRowAsync(s, rowId);
        var ops = await s.OpCountAsync();

        // The planning agency consolidates, but adoption is the secretariat's, after the TKKSD.
        var single = await (await s.PostAsync($"rows/{rowId}/status", new { status = "ditetapkan", reason = "Kepgub" }, s.Planner))
            .AssertProblemAsync(HttpStatusCode.Forbidden, RejectionCodes.Forbidden);
        Assert.Equal(F.Status, single.GetProperty("field").GetString());
        Assert.Equal(rowId, single.GetProperty("rowId").GetGuid());
        await (await s.PostAsync("rows/status", new { rowIds = new[] { rowId }, status = "ditetapkan", reason = "Kepgub" }, s.Planner))
            .AssertProblemAsync(HttpStatusCode.Forbidden, RejectionCodes.Forbidden);
        await (await s.PostAsync($"rows/{rowId}/edit", new
        {
            fields = new Dictionary<string, object> { [F.Status] = "ditetapkan", [F.StatusReason] = "Kepgub" },
        }, s.Planner)).AssertProblemAsync(HttpStatusCode.Forbidden, RejectionCodes.Forbidden);
        await (await s.PostAsync("review/adopt", new { reason = "Kepgub" }, s.Planner)).AssertProblemAsync(HttpStatusCode.Forbidden, RejectionCodes.Forbidden);
        Assert.Equal(before, await RawRowAsync(s, rowId));
        Assert.Equal(ops, await s.OpCountAsync());

        // A row the TKKSD postponed is not adopted by a status change once it is back under discussion.
        var postponed = await s.AddRowAsync(MatrixScenario.Opportunity("Ditunda TKKSD"));
        await s.MoveAsync(postponed, "diverifikasi");
        await (await s.PostAsync($"rows/{postponed}/review", new { decision = "postpone", note = "Tunggu APBD" })).ReadAsync<JsonElement>();
        await s.MoveAsync(postponed, "dibahas_tkksd");
        var opsBefore = await s.OpCountAsync();
        await (await s.PostAsync($"rows/{postponed}/status", new { status = "ditetapkan", reason = "Kepgub" }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "tkksd_not_accepted");
        Assert.Equal("dibahas_tkksd", await s.StatusAsync(postponed));
        Assert.Equal(opsBefore, await s.OpCountAsync());

        await (await s.PostAsync($"rows/{postponed}/review", new { decision = "accept", priority = 2 })).ReadAsync<JsonElement>();
        var adopted = await (await s.PostAsync("review/adopt", new { reason = "Keputusan Gubernur 188.44/9/2026" })).ReadAsync<JsonElement>();
        Assert.Equal(2, adopted.GetProperty("adopted").GetInt32());
        Assert.Equal("ditetapkan", await s.StatusAsync(rowId));
        Assert.Equal("ditetapkan", await s.StatusAsync(postponed));
    }

    [Fact]
    public async Task Neither_a_live_edit_nor_an_import_sets_postponedFrom()
    {
        var live = await SessionScenario.StartAsync(platform);
        await using var facilitator = await live.JoinAsync(live.Facilitator);
        var rowId = Guid.NewGuid();
        Assert.Equal(AckOutcomes.Applied, (await facilitator.SubmitAsync(OpKinds.Add, rowId, MatrixScenario.Opportunity("Papan pemetaan"))).Outcome);
        var refused = await facilitator.SubmitAsync(OpKinds.Update, rowId, new() { [F.PostponedFrom] = "berjalan" });
        Assert.Equal(AckOutcomes.Rejected, refused.Outcome);
        Assert.Equal("read_only_field", refused.Error?.Code);
        Assert.Equal(F.PostponedFrom, refused.Error?.Field);
        Assert.Equal(1, await live.StoredOpCountAsync());

        var s = await MatrixScenario.StartAsync(platform);
        var problem = await (await s.ImportCsvAsync("affair_code,potential,postponed_from\n1.02,Impor,berjalan\n")).AssertValidationProblemAsync("row 1: postponed_from");
        Assert.Equal("import_invalid", problem.GetProperty("code").GetString());
        Assert.Equal(0, await s.OpCountAsync());
    }

    private static async Task<Dictionary<string, string>> RawRowAsync(MatrixScenario s, Guid rowId) =>
        (await s.RowAsync(rowId)).ToDictionary(kv => kv.Key, kv => kv.Value.GetRawText(), StringComparer.Ordinal);
}
