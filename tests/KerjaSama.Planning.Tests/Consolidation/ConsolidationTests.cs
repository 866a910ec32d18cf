using System.Net;
using System.Text.Json;
using KerjaSama.Planning.Contracts;
using KerjaSama.Planning.Contracts.Live;
using KerjaSama.Planning.Tests.Live;
using KerjaSama.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using F = KerjaSama.Planning.Contracts.Live.MatrixFieldNames;

namespace KerjaSama.Planning.Tests.Consolidation;

public abstract partial class ConsolidationTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_row_moves_along_the_lifecycle_with_reasons_and_its_history_holds_the_live_edits_and_every_transition()
    {
        var live = await SessionScenario.StartAsync(platform);
        await using var agency = await live.JoinAsync(live.AgencyA);
        var rowId = Guid.NewGuid();
        Assert.Equal(AckOutcomes.Applied, (await agency.SubmitAsync(OpKinds.Add, rowId, MatrixScenario.Opportunity("Rujukan pasien lintas batas"))).Outcome);
        Assert.Equal(AckOutcomes.Applied, (await agency.SubmitAsync(OpKinds.Update, rowId, new() { [F.Benefit] = "Layanan lebih dekat" })).Outcome);
        Assert.Equal(HttpStatusCode.OK, (await live.PostAsync(live.Facilitator, $"/api/planning/sessions/{live.SessionId}/close")).StatusCode);

        using var secretariat = platform.ClientFor(live.Facilitator);
        var path = $"/api/planning/exercises/{live.ExerciseId}/rows/{rowId}";
        foreach (var (status, reason) in new[] { ("diverifikasi", "Lengkap"), ("dibahas_tkksd", "Agenda TKKSD 3 Maret"), ("ditetapkan", "Kepgub 100.3.3/12/2025") })
            await (await secretariat.PostJsonAsync($"{path}/status", new { status, reason })).ReadAsync<JsonElement>();
        // The board still open after the session sees the change live: the register path fans out like live edits.
        await agency.WaitForSeqAsync(5);
        Assert.Equal("ditetapkan", agency.Rows[rowId][F.Status]);

        var history = await (await secretariat.GetAsync($"{path}/history")).ReadAsync<JsonElement>();
        Assert.Equal("ditetapkan", history.GetProperty("status").GetString());
        var entries = history.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal([1L, 2, 3, 4, 5], entries.Select(e => e.GetProperty("seq").GetInt64()));
        Assert.Equal("Staf A", entries[0].GetProperty("author").GetProperty("displayName").GetString());
        Assert.Equal(live.SessionId, entries[1].GetProperty("sessionId").GetGuid());
        var transitions = entries.Where(e => e.GetProperty("transition").ValueKind == JsonValueKind.Object).Select(e => e.GetProperty("transition")).ToList();
        Assert.Equal(["diverifikasi", "dibahas_tkksd", "ditetapkan"], transitions.Select(t => t.GetProperty("to").GetString()));
        Assert.Equal(["diusulkan", "diverifikasi", "dibahas_tkksd"], transitions.Select(t => t.GetProperty("from").GetString()));
        Assert.Equal("Kepgub 100.3.3/12/2025", transitions[2].GetProperty("reason").GetString());
        Assert.Equal("Fasilitator", entries[4].GetProperty("author").GetProperty("displayName").GetString());
    }

    [Theory]
    [InlineData("ditetapkan", "lompat", HttpStatusCode.Conflict, "invalid_transition", "status")]
    [InlineData("diverifikasi", null, HttpStatusCode.BadRequest, "reason_required", "statusReason")]
    [InlineData("selesai", "x", HttpStatusCode.BadRequest, "invalid_value", "status")]
    public async Task A_refused_transition_names_the_row_and_field_and_changes_nothing(string status, string? reason, HttpStatusCode expected,
        string code, string field)
    {
        var s = await MatrixScenario.StartAsync(platform);
        var rowId = await s.AddRowAsync(MatrixScenario.Opportunity("Air bersih"));
        var before = await s.RowAsync(rowId);
        var ops = await s.OpCountAsync();

        var problem = await (await s.PostAsync($"rows/{rowId}/status", new { status, reason })).AssertProblemAsync(expected, code);
        Assert.Equal(rowId, problem.GetProperty("rowId").GetGuid());
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.Equal(before.Keys.Order(), (await s.RowAsync(rowId)).Keys.Order());
        Assert.Equal("diusulkan", await s.StatusAsync(rowId));
        Assert.Equal(ops, await s.OpCountAsync());
    }

    [Fact]
    public async Task A_final_status_cannot_be_left_and_a_postponed_row_resumes_where_it_stopped()
    {
        var s = await MatrixScenario.StartAsync(platform);
        var rejected = await s.AddRowAsync(MatrixScenario.Opportunity("Ditolak"));
        var postponed = await s.AddRowAsync(MatrixScenario.Opportunity("Ditunda"));
        await s.MoveAsync(rejected, "ditolak");
        await (await s.PostAsync($"rows/{rejected}/status", new { status = "diusulkan", reason = "coba lagi" })).AssertProblemAsync(HttpStatusCode.Conflict, "invalid_transition");
        await s.MoveAsync(postponed, "diverifikasi", "dibahas_tkksd", "ditunda");
        await (await s.PostAsync($"rows/{postponed}/status", new { status = "ditetapkan", reason = "x" })).AssertProblemAsync(HttpStatusCode.Conflict, "invalid_transition");
        await s.MoveAsync(postponed, "dibahas_tkksd");
        Assert.Equal("dibahas_tkksd", await s.StatusAsync(postponed));
        Assert.Equal("ditolak", await s.StatusAsync(rejected));
    }

    [Fact]
    public async Task Merging_a_duplicate_keeps_both_histories_and_marks_the_merged_row()
    {
        var s = await MatrixScenario.StartAsync(platform);
        var survivor = await s.AddRowAsync(MatrixScenario.Opportunity("Pengelolaan sampah regional"));
        var duplicate = await s.AddRowAsync(MatrixScenario.Opportunity("Sampah regional (duplikat)"));
        await (await s.PostAsync($"rows/{duplicate}/edit", new { fields = new Dictionary<string, object> { [F.Benefit] = "TPA bersama" } })).ReadAsync<JsonElement>();

        await (await s.PostAsync($"rows/{duplicate}/merge", new { intoRowId = survivor, reason = "Usulan sama dari dua dinas" })).ReadAsync<JsonElement>();

        var merged = await s.RowAsync(duplicate);
        Assert.Equal(survivor, merged[F.MergedInto].GetGuid());
        var kept = await s.RowAsync(survivor);
        Assert.Equal("TPA bersama", kept[F.Benefit].GetString());
        Assert.Equal("Pengelolaan sampah regional", kept[F.Potential].GetString());
        var history = await (await s.Admin.GetAsync($"{s.Base}/rows/{survivor}/history")).ReadAsync<JsonElement>();
        var rowsInHistory = history.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("rowId").GetGuid()).ToHashSet();
        Assert.Equal(new[] { survivor, duplicate }.Order(), rowsInHistory.Order());
        Assert.Equal(duplicate, Assert.Single(history.GetProperty("mergedFrom").EnumerateArray()).GetGuid());

        var list = await (await s.Admin.GetAsync($"{s.Base}/consolidation")).ReadAsync<JsonElement>();
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        var all = await (await s.Admin.GetAsync($"{s.Base}/consolidation?includeMerged=true")).ReadAsync<JsonElement>();
        Assert.Equal(2, all.GetProperty("total").GetInt32());
        await (await s.PostAsync($"rows/{survivor}/merge", new { intoRowId = duplicate })).AssertProblemAsync(HttpStatusCode.Conflict, "already_merged");
    }

    [Fact]
    public async Task Planning_codes_budgets_and_years_are_checked_and_a_bad_value_changes_nothing()
    {
        var s = await MatrixScenario.StartAsync(platform);
        var rowId = await s.AddRowAsync(MatrixScenario.Opportunity("Surveilans kesehatan perbatasan"));
        var ops = await s.OpCountAsync();
        async Task Refused(object fields, string field, string code)
        {
            var problem = await (await s.PostAsync($"rows/{rowId}/edit", new { fields }, s.Planner)).AssertValidationProblemAsync(field);
            Assert.Equal(code, problem.GetProperty("code").GetString());
            Assert.Equal(rowId, problem.GetProperty("rowId").GetGuid());
        }

        await Refused(new Dictionary<string, object> { [F.ProgramCode] = "1.02.99" }, F.ProgramCode, "unknown_code");
        await Refused(new Dictionary<string, object> { [F.ProgramCode] = "2.11.03" }, F.ProgramCode, "code_mismatch");
        // Kalimantan Tengah is a province: a kabupaten/kota kegiatan (fourth part 2) is not of its level.
        await Refused(new Dictionary<string, object> { [F.ActivityCode] = "1.02.02.2.02" }, F.ActivityCode, "code_not_of_level");
        await Refused(new Dictionary<string, object> { [F.YearlyPlans] = new[] { new { year = 2026, budget = -5 } } }, F.YearlyPlans, "invalid_value");
        await Refused(new Dictionary<string, object> { [F.YearlyPlans] = new[] { new { year = 2026, budget = "satu juta" } } }, F.YearlyPlans, "invalid_value");
        await Refused(new Dictionary<string, object> { [F.YearlyPlans] = new[] { new { year = 2026, budget = 10.5 } } }, F.YearlyPlans, "invalid_value");
        await Refused(new Dictionary<string, object> { [F.YearlyPlans] = new[] { new { year = 2031, budget = 1000 } } }, F.YearlyPlans, "invalid_value");
        Assert.Equal(ops, await s.OpCountAsync());
        Assert.False((await s.RowAsync(rowId)).ContainsKey(F.ProgramCode));

        // An ordinary agency does not consolidate; the planning agency (Bapperida) does.
        await (await s.PostAsync($"rows/{rowId}/edit", new { fields = new Dictionary<string, object> { [F.ProgramCode] = "1.02.02" } }, s.Agency))
            .AssertProblemAsync(HttpStatusCode.Forbidden, RejectionCodes.Forbidden);
        var year = DateTime.UtcNow.Year;
        await (await s.PostAsync($"rows/{rowId}/edit", new
        {
            fields = new Dictionary<string, object>
            {
                [F.ProgramCode] = "1.02.02", [F.ActivityCode] = "1.02.02.1.02", [F.SubActivityCode] = "1.02.02.1.02.0003",
                [F.YearlyPlans] = new[] { new { year = year + 1, indicator = "Dokumen surveilans", target = "2 dokumen", budget = 150_000_000L, fundingSource = "APBD" } },
            },
        }, s.Planner)).ReadAsync<JsonElement>();
        var list = await (await s.Admin.GetAsync($"{s.Base}/consolidation?q=surveilans")).ReadAsync<JsonElement>();
        var item = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal("1.02.02.1.02.0003", item.GetProperty("row").GetProperty("subActivityCode").GetString());
        Assert.Equal(150_000_000L, item.GetProperty("row").GetProperty("totalBudget").GetInt64());
        // Not funded in the current budget year: DPRD approval is suggested.
        Assert.True(item.GetProperty("dprdSuggested").GetBoolean());
        Assert.Equal(0, (await (await s.Admin.GetAsync($"{s.Base}/consolidation?q=tidak-ada")).ReadAsync<JsonElement>()).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_row_sent_back_with_a_question_is_answered_by_its_agency_only()
    {
        var s = await MatrixScenario.StartAsync(platform);
        var imported = await (await s.ImportCsvAsync($"affair_code,potential,responsible_agency_code\n1.02,Rujukan ibu hamil,{s.AgencyOrg.Code}\n"))
            .ReadAsync<JsonElement>();
        var rowId = imported.GetProperty("rowIds")[0].GetGuid();
        await s.MoveAsync(rowId, "diverifikasi");
        await (await s.PostAsync($"rows/{rowId}/send-back", new { question = "Berapa target pasien per tahun?" })).ReadAsync<JsonElement>();
        Assert.Equal("diusulkan", await s.StatusAsync(rowId));

        var other = await platform.SignInAsync(s.OtherAgencyOrg.Id, s.OtherAgencyOrg.Name, Modularity.Security.PlatformRoles.AgencyContributor);
        await (await s.PostAsync($"rows/{rowId}/answer", new { answer = "Bukan urusan kami" }, other)).AssertProblemAsync(HttpStatusCode.Forbidden, RejectionCodes.Forbidden);
        await (await s.PostAsync($"rows/{rowId}/answer", new { answer = "Sekitar 1.200 pasien" }, s.Agency)).ReadAsync<JsonElement>();
        var row = await s.RowAsync(rowId);
        Assert.Equal("Sekitar 1.200 pasien", row[F.Answer].GetString());
        Assert.Equal("Berapa target pasien per tahun?", row[F.Question].GetString());
    }

    [Fact]
    public async Task The_TKKSD_review_ranks_accepted_rows_and_adoption_moves_only_them_to_ditetapkan()
    {
        var s = await MatrixScenario.StartAsync(platform);
        var rows = new Dictionary<string, Guid>();
        foreach (var name in new[] { "A", "B", "C", "D" })
        {
            rows[name] = await s.AddRowAsync(MatrixScenario.Opportunity("Usulan " + name));
            await s.MoveAsync(rows[name], "diverifikasi");
        }

        await (await s.PostAsync($"rows/{rows["A"]}/review", new { decision = "accept", priority = 2 })).ReadAsync<JsonElement>();
        await (await s.PostAsync($"rows/{rows["B"]}/review", new { decision = "accept", priority = 1, note = "Mendesak" })).ReadAsync<JsonElement>();
        await (await s.PostAsync($"rows/{rows["C"]}/review", new { decision = "reject", note = "Bukan kewenangan provinsi" })).ReadAsync<JsonElement>();
        await (await s.PostAsync($"rows/{rows["D"]}/review", new { decision = "postpone", note = "Tunggu APBD perubahan" })).ReadAsync<JsonElement>();
        await (await s.PostAsync($"rows/{rows["D"]}/review", new { decision = "reject" })).AssertValidationProblemAsync("note");
        await (await s.PostAsync($"rows/{rows["A"]}/review", new { decision = "accept", priority = 1 }, s.Planner))
            .AssertProblemAsync(HttpStatusCode.Forbidden, RejectionCodes.Forbidden);

        var ranked = await (await s.Admin.GetAsync($"{s.Base}/review/ranked")).ReadAsync<JsonElement>();
        Assert.Equal([rows["B"], rows["A"]], ranked.EnumerateArray().Select(r => r.GetProperty("row").GetProperty("rowId").GetGuid()));
        Assert.Equal([1, 2], ranked.EnumerateArray().Select(r => r.GetProperty("rank").GetInt32()));
        Assert.Equal("ditolak", await s.StatusAsync(rows["C"]));
        Assert.Equal("ditunda", await s.StatusAsync(rows["D"]));
        Assert.Equal("dibahas_tkksd", await s.StatusAsync(rows["A"]));

        var adopted = await (await s.PostAsync("review/adopt", new { reason = "Keputusan Gubernur Nomor 188.44/55/2025" })).ReadAsync<JsonElement>();
        Assert.Equal(2, adopted.GetProperty("adopted").GetInt32());
        Assert.Equal("ditetapkan", await s.StatusAsync(rows["A"]));
        Assert.Equal("ditetapkan", await s.StatusAsync(rows["B"]));
        Assert.Equal("ditolak", await s.StatusAsync(rows["C"]));
    }

    [Fact]
    public async Task Another_module_moves_a_row_through_the_contract_and_an_illegal_move_changes_nothing()
    {
        var s = await MatrixScenario.StartAsync(platform);
        var rowId = await s.AddRowAsync(MatrixScenario.Opportunity("Kerja sama pariwisata"));
        await s.MoveAsync(rowId, "diverifikasi", "dibahas_tkksd", "ditetapkan", "terintegrasi_rpjmd_rkpd");
        var contract = platform.Services.GetRequiredService<IPlanningRowStatus>();
        var actor = new PlanningActor(Guid.NewGuid(), "Petugas Kemitraan", s.AgencyOrg.Id, s.AgencyOrg.Name);

        var refused = await contract.ChangeStatusAsync(rowId, RowStatuses.AgreementSigned, "PKS 12/2026", actor, CancellationToken.None);
        Assert.False(refused.Changed);
        Assert.Equal("invalid_transition", refused.ErrorCode);
        Assert.Equal(RowStatuses.Integrated, await contract.GetStatusAsync(rowId, CancellationToken.None));

        var offered = await contract.ChangeStatusAsync(rowId, RowStatuses.Offered, "Surat penawaran 500/123", actor, CancellationToken.None);
        Assert.True(offered.Changed);
        Assert.Equal(RowStatuses.Offered, await s.StatusAsync(rowId));
        var history = await (await s.Admin.GetAsync($"{s.Base}/rows/{rowId}/history")).ReadAsync<JsonElement>();
        var last = history.GetProperty("entries").EnumerateArray().Last();
        Assert.Equal(offered.Seq, last.GetProperty("seq").GetInt64());
        Assert.Equal("Petugas Kemitraan", last.GetProperty("author").GetProperty("displayName").GetString());
        Assert.Equal("Surat penawaran 500/123", last.GetProperty("transition").GetProperty("reason").GetString());
        Assert.Equal(RejectionCodes.UnknownRow, (await contract.ChangeStatusAsync(Guid.NewGuid(), RowStatuses.Offered, "x", actor, CancellationToken.None)).ErrorCode);
    }

    [Fact]
    public async Task The_dashboard_counts_rows_by_status_affair_type_and_partner_and_lists_accepted_rows_without_codes()
    {
        var s = await MatrixScenario.StartAsync(platform);
        var health = await s.AddRowAsync(MatrixScenario.Opportunity("Kesehatan"));
        var tourism = MatrixScenario.Opportunity("Pariwisata", "3.26");
        tourism[F.YearlyPlans] = new[] { new { year = 2026, budget = 200_000_000L }, new { year = 2027, budget = 50_000_000L } };
        tourism[F.ProgramCode] = "3.26.02";
        var tourismRow = await s.AddRowAsync(tourism);
        await s.MoveAsync(health, "diverifikasi");
        await (await s.PostAsync($"rows/{health}/review", new { decision = "accept", priority = 1 })).ReadAsync<JsonElement>();

        var d = await (await s.Admin.GetAsync($"{s.Base}/dashboard")).ReadAsync<JsonElement>();
        Assert.Equal(2, d.GetProperty("rows").GetInt32());
        int CountOf(string list, string key) => d.GetProperty(list).EnumerateArray().Single(c => c.GetProperty("key").GetString() == key).GetProperty("rows").GetInt32();
        Assert.Equal(1, CountOf("byStatus", "dibahas_tkksd"));
        Assert.Equal(1, CountOf("byStatus", "diusulkan"));
        Assert.Equal(1, CountOf("byAffair", "3.26"));
        Assert.Equal(2, CountOf("byType", "KSDD-sukarela"));
        Assert.Equal(2, CountOf("byPartner", "63"));
        var budget = d.GetProperty("budgetByYear").EnumerateArray().ToDictionary(b => b.GetProperty("year").GetInt32(), b => b.GetProperty("budget").GetInt64());
        Assert.Equal(200_000_000L, budget[2026]);
        Assert.Equal(50_000_000L, budget[2027]);
        Assert.Equal(0L, budget[2025]);
        Assert.Equal(250_000_000L, d.GetProperty("totalBudget").GetInt64());
        var missing = Assert.Single(d.GetProperty("acceptedWithoutCodes").EnumerateArray());
        Assert.Equal(health, missing.GetProperty("rowId").GetGuid());
        Assert.NotEqual(tourismRow, health);
    }
}

[Collection(SharedHost.Sqlite)]
public sealed class ConsolidationTests_on_Sqlite(SqlitePlatformFixture p) : ConsolidationTests(p);

[Collection(SharedHost.PostgreSql)]
public sealed class ConsolidationTests_on_PostgreSql(PostgreSqlPlatformFixture p) : ConsolidationTests(p);
