using System.Net;
using System.Text.Json;
using KerjaSama.Planning.Contracts.Live;
using KerjaSama.Planning.Tests.Live;
using KerjaSama.TestKit;
using Xunit;
using F = KerjaSama.Planning.Contracts.Live.MatrixFieldNames;

namespace KerjaSama.Planning.Tests.Consolidation;

/// <summary>
/// Issue 22 item 3: the rules of a matrix row (planning codes of the exercise's level, a cooperation type that fits
/// the partner, KSDPL approvals) and the mapping form's new fields, through the hub, the REST op and edit endpoints and
/// the add-only import; every refusal leaves the stored rows and the op log as they were.
/// </summary>
public abstract class MatrixRulesTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_kabupaten_code_in_a_province_exercise_is_refused_on_the_hub_and_on_REST_and_nothing_is_stored()
    {
        var live = await SessionScenario.StartAsync(platform);
        await using var agency = await live.JoinAsync(live.AgencyA);
        var rowId = Guid.NewGuid();
        Assert.Equal(AckOutcomes.Applied, (await agency.SubmitAsync(OpKinds.Add, rowId, MatrixScenario.Opportunity("Rujukan pasien"))).Outcome);
        var before = await live.StoredRowsAsync();
        var ops = await live.StoredOpCountAsync();

        var ack = await agency.SubmitAsync(OpKinds.Update, rowId, new() { [F.ProgramCode] = "1.02.02", [F.ActivityCode] = "1.02.02.2.02" });
        Assert.Equal(AckOutcomes.Rejected, ack.Outcome);
        Assert.Equal(RejectionCodes.CodeNotOfLevel, ack.Error!.Code);
        Assert.Equal(F.ActivityCode, ack.Error.Field);
        var added = await agency.SubmitAsync(OpKinds.Add, Guid.NewGuid(),
            new(MatrixScenario.Opportunity("Baris baru")) { [F.SubActivityCode] = "1.02.02.2.02.0001" });
        Assert.Equal(RejectionCodes.CodeNotOfLevel, added.Error!.Code);
        Assert.Equal(F.SubActivityCode, added.Error.Field);

        using var secretariat = platform.ClientFor(live.Facilitator);
        var problem = await (await secretariat.PostJsonAsync($"/api/planning/exercises/{live.ExerciseId}/ops", new
        {
            sessionId = Guid.Empty, opId = Guid.NewGuid(), kind = OpKinds.Update, rowId, baseSeq = 0,
            fields = new Dictionary<string, object> { [F.ActivityCode] = "1.02.02.2.01" },
        })).AssertProblemAsync(HttpStatusCode.BadRequest, RejectionCodes.CodeNotOfLevel);
        Assert.Equal(F.ActivityCode, problem.GetProperty("field").GetString());

        Assert.Equal(ops, await live.StoredOpCountAsync());
        Assert.Equal(JsonSerializer.Serialize(before), JsonSerializer.Serialize(await live.StoredRowsAsync()));

        // The province's own codes are taken.
        Assert.Equal(AckOutcomes.Applied, (await agency.SubmitAsync(OpKinds.Update, rowId,
            new() { [F.ProgramCode] = "1.02.02", [F.ActivityCode] = "1.02.02.1.02", [F.SubActivityCode] = "1.02.02.1.02.0001" })).Outcome);
    }

    [Fact]
    public async Task An_add_only_import_with_codes_of_another_level_is_refused_whole_with_every_bad_line()
    {
        var s = await MatrixScenario.StartAsync(platform);
        var ops = await s.OpCountAsync();
        var csv = "affair_code,potential,cooperation_type,partner_region_codes,program_code,activity_code,sub_activity_code\n"
            + "1.02,Baik,KSDD-sukarela,63,1.02.02,1.02.02.1.02,1.02.02.1.02.0001\n"
            + "1.02,Kegiatan kabupaten,KSDD-sukarela,63,1.02.02,1.02.02.2.02,\n"
            + "1.02,Sub kegiatan kabupaten,KSDD-sukarela,63,1.02.02,1.02.02.2.01,1.02.02.2.01.0001\n"
            + "1.02,Pihak ketiga dengan daerah,KSDPK,63,,,\n";

        var problem = await (await s.ImportCsvAsync(csv)).AssertValidationProblemAsync("row 3: activity_code", "row 4: activity_code",
            "row 5: partner_region_codes");
        Assert.Equal("import_invalid", problem.GetProperty("code").GetString());
        var rows = problem.GetProperty("rows").EnumerateArray().Select(r => (r.GetProperty("row").GetInt32(), r.GetProperty("code").GetString())).ToList();
        Assert.Contains((3, RejectionCodes.CodeNotOfLevel), rows);
        Assert.Contains((4, RejectionCodes.CodeNotOfLevel), rows);
        Assert.Contains((5, RejectionCodes.PartnerKindMismatch), rows);
        Assert.DoesNotContain(rows, r => r.Item1 == 2);
        Assert.Equal(ops, await s.OpCountAsync());
        Assert.Equal(0, (await (await s.Admin.GetAsync($"{s.Base}/rows")).ReadAsync<JsonElement>()).GetArrayLength());
    }

    [Fact]
    public async Task The_cooperation_type_must_fit_the_partner_on_the_hub_and_a_refusal_changes_nothing()
    {
        var live = await SessionScenario.StartAsync(platform);
        await using var agency = await live.JoinAsync(live.AgencyA);
        var rowId = Guid.NewGuid();
        Assert.Equal(AckOutcomes.Applied, (await agency.SubmitAsync(OpKinds.Add, rowId, MatrixScenario.Opportunity("Promosi wisata"))).Outcome);
        var before = await live.StoredRowsAsync();
        var ops = await live.StoredOpCountAsync();

        // The row has a partner region (63): a third-party, foreign or ministry type does not fit it.
        foreach (var type in new[] { "KSDPK", "KSDPL", "Sinergi" })
        {
            var ack = await agency.SubmitAsync(OpKinds.Update, rowId, new() { [F.CooperationType] = type });
            Assert.Equal(RejectionCodes.PartnerKindMismatch, ack.Error!.Code);
            Assert.Equal(F.PartnerRegionCodes, ack.Error.Field);
        }

        // Without partner regions, KSDPL still needs DPRD approval and central consent flagged first.
        var foreign = await agency.SubmitAsync(OpKinds.Add, Guid.NewGuid(), new()
        {
            [F.AffairCode] = "3.26", [F.Potential] = "Promosi bersama kota kembar", [F.CooperationType] = "KSDPL", [F.DprdApprovalRequired] = true,
        });
        Assert.Equal(RejectionCodes.ForeignApprovalsRequired, foreign.Error!.Code);
        Assert.Equal(F.CentralConsentRequired, foreign.Error.Field);
        // A KSDD row cannot take a third party as partner organisation.
        var university = await RegisterAsync(live, "university");
        var third = await agency.SubmitAsync(OpKinds.Update, rowId, new() { [F.PartnerOrganisationIds] = new[] { university } });
        Assert.Equal(RejectionCodes.PartnerKindMismatch, third.Error!.Code);
        Assert.Equal(F.PartnerOrganisationIds, third.Error.Field);

        Assert.Equal(ops, await live.StoredOpCountAsync());
        Assert.Equal(JsonSerializer.Serialize(before), JsonSerializer.Serialize(await live.StoredRowsAsync()));

        var fits = await agency.SubmitAsync(OpKinds.Add, Guid.NewGuid(), new()
        {
            [F.AffairCode] = "3.26", [F.Potential] = "Promosi bersama kota kembar", [F.CooperationType] = "KSDPL", [F.DprdApprovalRequired] = true,
            [F.CentralConsentRequired] = true,
        });
        Assert.Equal(AckOutcomes.Applied, fits.Outcome);
    }

    /// <summary>Registers a partner organisation of <paramref name="kind"/> in the Registry as the secretariat.</summary>
    private async Task<Guid> RegisterAsync(SessionScenario live, string kind)
    {
        var secretariat = await platform.SignInAsync(live.OtherAgency.Id, live.OtherAgency.Name, KerjaSama.Modularity.Security.PlatformRoles.SecretariatAdmin,
            "Sekretariat");
        using var admin = platform.ClientFor(secretariat);
        var code = kind[..3] + "-" + Guid.NewGuid().ToString("N")[..8];
        var created = await (await admin.PostJsonAsync("/api/registry/organisations", new { code, name = "Mitra " + code, kind }))
            .ReadAsync<JsonElement>(HttpStatusCode.Created);
        return created.GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task A_foreign_partner_fits_KSDPL_only_with_both_approvals_through_the_REST_edit_and_a_refusal_changes_nothing()
    {
        var s = await MatrixScenario.StartAsync(platform);
        var code = "luar-" + Guid.NewGuid().ToString("N")[..8];
        var foreign = await (await s.Admin.PostJsonAsync("/api/registry/organisations",
            new { code, name = "Sister City " + code, kind = "foreign" })).ReadAsync<JsonElement>(HttpStatusCode.Created);
        var foreignId = foreign.GetProperty("id").GetGuid();
        var rowId = await s.AddRowAsync(new() { [F.AffairCode] = "3.26", [F.Potential] = "Promosi kota kembar", [F.StartYear] = 2026 });
        var before = await s.RowAsync(rowId);
        var ops = await s.OpCountAsync();

        async Task Refused(Dictionary<string, object> fields, string field, string code)
        {
            var problem = await (await s.PostAsync($"rows/{rowId}/edit", new { fields })).AssertValidationProblemAsync(field);
            Assert.Equal(code, problem.GetProperty("code").GetString());
        }

        await Refused(new() { [F.CooperationType] = "KSDPK", [F.PartnerOrganisationIds] = new[] { foreignId } }, F.PartnerOrganisationIds,
            RejectionCodes.PartnerKindMismatch);
        await Refused(new() { [F.CooperationType] = "KSDPL", [F.PartnerOrganisationIds] = new[] { foreignId } }, F.DprdApprovalRequired,
            RejectionCodes.ForeignApprovalsRequired);
        await Refused(new() { [F.CooperationType] = "KSDPL", [F.PartnerOrganisationIds] = new[] { foreignId }, [F.DprdApprovalRequired] = true },
            F.CentralConsentRequired, RejectionCodes.ForeignApprovalsRequired);
        Assert.Equal(ops, await s.OpCountAsync());
        Assert.Equal(JsonSerializer.Serialize(before), JsonSerializer.Serialize(await s.RowAsync(rowId)));

        var applied = await s.PostAsync($"rows/{rowId}/edit", new
        {
            fields = new Dictionary<string, object>
            {
                [F.CooperationType] = "KSDPL", [F.PartnerOrganisationIds] = new[] { foreignId }, [F.DprdApprovalRequired] = true,
                [F.CentralConsentRequired] = true,
            },
        });
        Assert.True(applied.IsSuccessStatusCode, await applied.Content.ReadAsStringAsync());
        // Clearing an approval of a KSDPL row is refused too.
        await Refused(new() { [F.CentralConsentRequired] = false }, F.CentralConsentRequired, RejectionCodes.ForeignApprovalsRequired);
        Assert.True((await s.RowAsync(rowId))[F.CentralConsentRequired].GetBoolean());
    }

    [Fact]
    public async Task The_mapping_form_fields_are_edited_live_checked_with_their_field_names_and_exported_and_imported_back()
    {
        var live = await SessionScenario.StartAsync(platform);
        await using var agency = await live.JoinAsync(live.AgencyA);
        var rowId = Guid.NewGuid();
        Assert.Equal(AckOutcomes.Applied, (await agency.SubmitAsync(OpKinds.Add, rowId, MatrixScenario.Opportunity("Rujukan pasien"))).Outcome);
        var ack = await agency.SubmitAsync(OpKinds.Update, rowId, new()
        {
            [F.Location] = "Kabupaten Barito Selatan", [F.Problem] = "Rujukan jauh dari rumah sakit provinsi", [F.Unit] = "pasien",
            [F.Baseline] = 12.5, [F.ForwardTarget] = "400 pasien", [F.ForwardBudget] = 250_000_000L, [F.RpjmdGoal] = "Meningkatnya akses layanan kesehatan",
            [F.RpjmdIndicator] = "Persentase rujukan tertangani",
        });
        Assert.Equal(AckOutcomes.Applied, ack.Outcome);
        var ops = await live.StoredOpCountAsync();

        foreach (var (field, value) in new (string, object)[]
                 {
                     (F.Baseline, -1), (F.ForwardBudget, -5), (F.ForwardBudget, 10.5), (F.Location, new string('x', 501)), (F.Unit, new string('x', 101)),
                     (F.Problem, new string('x', 2001)),
                 })
        {
            var refused = await agency.SubmitAsync(OpKinds.Update, rowId, new() { [field] = value });
            Assert.Equal(RejectionCodes.InvalidValue, refused.Error!.Code);
            Assert.Equal(field, refused.Error.Field);
            // The catalogue's text of the field, in the connection's language (Indonesian by default).
            Assert.DoesNotContain("characters", refused.Error.Message, StringComparison.Ordinal);
        }

        Assert.Equal(ops, await live.StoredOpCountAsync());
        var stored = (await live.StoredRowsAsync())[rowId];
        Assert.Equal("Kabupaten Barito Selatan", stored[F.Location]);
        Assert.Equal("12.5", stored[F.Baseline]);
        Assert.Equal("250000000", stored[F.ForwardBudget]);

        using var secretariat = platform.ClientFor(live.Facilitator);
        var csv = System.Text.Encoding.UTF8.GetString(await secretariat.GetByteArrayAsync($"/api/planning/exercises/{live.ExerciseId}/exports/rpjmd.csv"));
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        foreach (var column in new[] { "location", "problem", "unit", "baseline", "forward_target", "forward_budget", "rpjmd_goal", "rpjmd_indicator",
                     "central_consent_required" })
            Assert.Contains(column, header);
        Assert.Contains("Kabupaten Barito Selatan", lines[1], StringComparison.Ordinal);
        Assert.Contains("250000000", lines[1], StringComparison.Ordinal);

        // The export re-imported unchanged changes nothing: the new columns read back as they were written.
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)) { Headers = { ContentType = new("text/csv") } }, "file", "rpjmd.csv");
        var preview = await (await secretariat.PostAsync($"/api/planning/exercises/{live.ExerciseId}/import/preview", form)).ReadAsync<JsonElement>();
        Assert.Equal(0, preview.GetProperty("changed").GetArrayLength());
        Assert.Equal(0, preview.GetProperty("added").GetArrayLength());
    }
}

[Collection(SharedHost.Sqlite)]
public sealed class MatrixRulesTests_on_Sqlite(SqlitePlatformFixture p) : MatrixRulesTests(p);

[Collection(SharedHost.PostgreSql)]
public sealed class MatrixRulesTests_on_PostgreSql(PostgreSqlPlatformFixture p) : MatrixRulesTests(p);
