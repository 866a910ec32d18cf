using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using KerjaSama.TestKit;
using Xunit;
using F = KerjaSama.Planning.Contracts.Live.MatrixFieldNames;

namespace KerjaSama.Planning.Tests.Consolidation;

public abstract class RoundTripTests(PlatformFixture platform)
{
    private static Dictionary<string, object?> Planned(string potential)
    {
        var fields = MatrixScenario.Opportunity(potential);
        fields[F.ProgramCode] = "1.02.02";
        fields[F.YearlyPlans] = new object[]
        {
            new { year = 2026, indicator = "Jumlah layanan", target = "10", budget = 100_000_000L, fundingSource = "APBD" },
            new { year = 2027, target = "20", budget = 120_000_000L, fundingSource = "APBD" },
        };
        return fields;
    }

    private static async Task<HttpResponseMessage> PreviewAsync(MatrixScenario s, byte[] xlsx)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(xlsx);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, "file", "rpjmd.xlsx");
        return await s.Admin.PostAsync($"{s.Base}/import/preview", form);
    }

    private static async Task<JsonElement> ConfirmAsync(MatrixScenario s, Guid token, params Guid[] overwrite) =>
        await (await s.Admin.PostJsonAsync($"{s.Base}/import/preview/{token}/confirm", new { overwriteRowIds = overwrite })).ReadAsync<JsonElement>();

    private static async Task<int> RowCountAsync(MatrixScenario s) =>
        (await (await s.Admin.GetAsync($"{s.Base}/consolidation?pageSize=1")).ReadAsync<JsonElement>()).GetProperty("total").GetInt32();

    private static JsonElement Plan(Dictionary<string, JsonElement> row, int year) =>
        row[F.YearlyPlans].EnumerateArray().Single(p => p.GetProperty("year").GetInt32() == year);

    [Fact]
    public async Task An_edited_RPJMD_export_previews_its_changes_then_updates_rows_by_id_adds_only_new_lines_and_keeps_history()
    {
        var s = await MatrixScenario.StartAsync(platform);
        var health = await s.AddRowAsync(Planned("Rujukan kesehatan"));
        var tourism = await s.AddRowAsync(MatrixScenario.Opportunity("Wisata sungai", "3.26"));
        var sheet = SheetEdit.Open(await s.Admin.GetByteArrayAsync($"{s.Base}/exports/rpjmd.xlsx"));
        Assert.Contains("row_seq", sheet.Header);
        sheet.Line(health)["budget_2026"] = 150_000_000d;
        sheet.Line(health)["target_2027"] = "25";
        sheet.AddLine(new() { ["affair_code"] = "1.02", ["potential"] = "Baris baru dari Bapperida", ["cooperation_type"] = "KSDD-sukarela",
            ["partner_region_codes"] = "63" });
        var ops = await s.OpCountAsync();

        var preview = await (await PreviewAsync(s, sheet.Save())).ReadAsync<JsonElement>();
        var added = Assert.Single(preview.GetProperty("added").EnumerateArray());
        Assert.Equal("Baris baru dari Bapperida", added.GetProperty("potential").GetString());
        var changed = Assert.Single(preview.GetProperty("changed").EnumerateArray());
        Assert.Equal(health, changed.GetProperty("rowId").GetGuid());
        Assert.False(changed.GetProperty("conflict").GetBoolean());
        var changes = changed.GetProperty("changes").EnumerateArray().ToDictionary(c => c.GetProperty("column").GetString()!,
            c => (c.GetProperty("old").GetString(), c.GetProperty("new").GetString()));
        Assert.Equal(2, changes.Count);
        Assert.Equal(("100000000", "150000000"), changes["budget_2026"]);
        Assert.Equal(("20", "25"), changes["target_2027"]);
        Assert.Single(preview.GetProperty("unchangedLines").EnumerateArray());
        // The preview writes nothing.
        Assert.Equal(ops, await s.OpCountAsync());
        Assert.Equal(2, await RowCountAsync(s));

        var token = preview.GetProperty("token").GetGuid();
        var done = await ConfirmAsync(s, token);
        Assert.Equal([health], done.GetProperty("updatedRowIds").EnumerateArray().Select(i => i.GetGuid()));
        Assert.Single(done.GetProperty("addedRowIds").EnumerateArray());
        Assert.Equal(3, await RowCountAsync(s));
        var row = await s.RowAsync(health);
        Assert.Equal(150_000_000, Plan(row, 2026).GetProperty("budget").GetInt64());
        Assert.Equal("Jumlah layanan", Plan(row, 2026).GetProperty("indicator").GetString());
        Assert.Equal(120_000_000, Plan(row, 2027).GetProperty("budget").GetInt64());
        Assert.Equal("25", Plan(row, 2027).GetProperty("target").GetString());
        Assert.Equal("Wisata sungai", (await s.RowAsync(tourism))[F.Potential].GetString());
        var history = await (await s.Admin.GetAsync($"{s.Base}/rows/{health}/history")).ReadAsync<JsonElement>();
        var last = history.GetProperty("entries").EnumerateArray().Last();
        Assert.Equal(s.Secretariat.Caller.UserId, last.GetProperty("author").GetProperty("userId").GetGuid());
        Assert.True(last.GetProperty("fields").TryGetProperty(F.YearlyPlans, out _));

        // A preview is confirmed once.
        await (await s.Admin.PostJsonAsync($"{s.Base}/import/preview/{token}/confirm", new { })).AssertProblemAsync(HttpStatusCode.NotFound, "preview_not_found");
        Assert.Equal(3, await RowCountAsync(s));
    }

    [Fact]
    public async Task A_row_edited_after_the_export_is_shown_as_a_conflict_and_overwritten_only_when_chosen()
    {
        var s = await MatrixScenario.StartAsync(platform);
        var health = await s.AddRowAsync(Planned("Rujukan kesehatan"));
        var tourism = await s.AddRowAsync(MatrixScenario.Opportunity("Wisata sungai", "3.26"));
        var sheet = SheetEdit.Open(await s.Admin.GetByteArrayAsync($"{s.Base}/exports/rpjmd.xlsx"));
        sheet.Line(health)["budget_2026"] = 150_000_000d;
        sheet.Line(tourism)["potential"] = "Wisata sungai Kahayan";
        var file = sheet.Save();
        // Bapperida changes the health row after the export.
        await (await s.PostAsync($"rows/{health}/edit", new { fields = new Dictionary<string, object> { [F.Notes] = "Dicek Bapperida" } }, s.Planner))
            .ReadAsync<JsonElement>();

        var preview = await (await PreviewAsync(s, file)).ReadAsync<JsonElement>();
        Assert.Equal(1, preview.GetProperty("conflicts").GetInt32());
        var conflict = preview.GetProperty("changed").EnumerateArray().Single(c => c.GetProperty("rowId").GetGuid() == health);
        Assert.True(conflict.GetProperty("conflict").GetBoolean());
        Assert.True(conflict.GetProperty("currentSeq").GetInt64() > conflict.GetProperty("exportedSeq").GetInt64());
        // The file's empty notes would clear Bapperida's note: it is listed among the changes.
        Assert.Contains(conflict.GetProperty("changes").EnumerateArray(), c => c.GetProperty("column").GetString() == "notes");

        var done = await ConfirmAsync(s, preview.GetProperty("token").GetGuid());
        Assert.Equal([health], done.GetProperty("skippedRowIds").EnumerateArray().Select(i => i.GetGuid()));
        Assert.Equal([tourism], done.GetProperty("updatedRowIds").EnumerateArray().Select(i => i.GetGuid()));
        var kept = await s.RowAsync(health);
        Assert.Equal(100_000_000, Plan(kept, 2026).GetProperty("budget").GetInt64());
        Assert.Equal("Dicek Bapperida", kept[F.Notes].GetString());
        Assert.Equal("Wisata sungai Kahayan", (await s.RowAsync(tourism))[F.Potential].GetString());

        // Chosen explicitly, the file's values win.
        var again = await (await PreviewAsync(s, file)).ReadAsync<JsonElement>();
        Assert.Equal(1, again.GetProperty("conflicts").GetInt32());
        var overwritten = await ConfirmAsync(s, again.GetProperty("token").GetGuid(), health);
        Assert.Equal([health], overwritten.GetProperty("updatedRowIds").EnumerateArray().Select(i => i.GetGuid()));
        var row = await s.RowAsync(health);
        Assert.Equal(150_000_000, Plan(row, 2026).GetProperty("budget").GetInt64());
        Assert.False(row.ContainsKey(F.Notes));
        Assert.Equal(2, await RowCountAsync(s));
    }

    [Fact]
    public async Task The_consolidation_page_uploads_an_edited_export_shows_the_preview_page_and_saves_only_when_confirmed()
    {
        var s = await MatrixScenario.StartAsync(platform);
        var health = await s.AddRowAsync(Planned("Rujukan kesehatan"));
        var sheet = SheetEdit.Open(await s.Admin.GetByteArrayAsync($"{s.Base}/exports/rpjmd.xlsx"));
        sheet.Line(health)["budget_2026"] = 175_000_000d;
        using var page = Exercises.PageForms.Client(platform, s.Planner);
        var html = await page.GetStringAsync($"/planning/exercises/{s.ExerciseId}");
        Assert.Contains("data-testid=\"reimport-form\"", html, StringComparison.Ordinal);
        using var upload = new MultipartFormDataContent
        {
            { new StringContent(Exercises.PageForms.Token(html)), "__RequestVerificationToken" }, { new StringContent("reimport-preview"), "action" },
            { new ByteArrayContent(sheet.Save()), "file", "rpjmd.xlsx" },
        };
        var posted = await page.PostAsync($"/api/planning/exercises/{s.ExerciseId}/ui-actions", upload);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var previewPath = posted.Headers.Location!.OriginalString;
        Assert.Contains($"/planning/exercises/{s.ExerciseId}/reimport/", previewPath, StringComparison.Ordinal);
        var preview = await page.GetStringAsync(previewPath);
        Assert.Contains($"data-row-id=\"{health}\"", preview, StringComparison.Ordinal);
        Assert.Contains("175000000", preview, StringComparison.Ordinal);
        Assert.Equal(100_000_000, Plan(await s.RowAsync(health), 2026).GetProperty("budget").GetInt64());
        // Another user does not see someone else's preview.
        using (var other = Exercises.PageForms.Client(platform, s.Secretariat))
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(previewPath)).StatusCode);

        var confirmed = await page.PostAsync($"/api/planning/exercises/{s.ExerciseId}/ui-actions", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Exercises.PageForms.Token(preview), ["action"] = "reimport-confirm", ["token"] = previewPath.Split('/')[^1],
        }));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Contains("?ok=", confirmed.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(175_000_000, Plan(await s.RowAsync(health), 2026).GetProperty("budget").GetInt64());
        Assert.Equal(1, await RowCountAsync(s));
    }

    [Fact]
    public async Task A_file_with_another_exercises_row_ids_is_refused_whole_with_every_line_listed()
    {
        var source = await MatrixScenario.StartAsync(platform);
        await source.AddRowAsync(Planned("Rujukan kesehatan"));
        await source.AddRowAsync(MatrixScenario.Opportunity("Wisata sungai", "3.26"));
        var target = await MatrixScenario.StartAsync(platform);
        var own = await target.AddRowAsync(Planned("Baris sasaran"));
        var sheet = SheetEdit.Open(await source.Admin.GetByteArrayAsync($"{source.Base}/exports/rpjmd.xlsx"));
        sheet.AddLine(new() { ["affair_code"] = "1.02", ["potential"] = "Baris tanpa id", ["cooperation_type"] = "KSDD-sukarela", ["partner_region_codes"] = "63" });
        var ops = await target.OpCountAsync();

        var problem = await (await PreviewAsync(target, sheet.Save())).AssertValidationProblemAsync("row 2: row_id", "row 3: row_id");
        Assert.Equal("import_invalid", problem.GetProperty("code").GetString());
        var bad = problem.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal([2, 3], bad.Select(r => r.GetProperty("row").GetInt32()).Order());
        Assert.All(bad, r => Assert.Equal("row_not_in_exercise", r.GetProperty("code").GetString()));
        Assert.Equal(ops, await target.OpCountAsync());
        Assert.Equal(1, await RowCountAsync(target));
        Assert.Equal("Baris sasaran", (await target.RowAsync(own))[F.Potential].GetString());
    }

    [Fact]
    public async Task A_file_edited_to_kabupaten_codes_or_unknown_codes_is_refused_whole_and_nothing_changes()
    {
        var s = await MatrixScenario.StartAsync(platform);
        var health = await s.AddRowAsync(Planned("Rujukan kesehatan"));
        var other = await s.AddRowAsync(Planned("Surveilans"));
        var sheet = SheetEdit.Open(await s.Admin.GetByteArrayAsync($"{s.Base}/exports/rpjmd.xlsx"));
        sheet.Line(health)["activity_code"] = "1.02.02.2.02";
        sheet.Line(health)["budget_2026"] = 1d;
        sheet.Line(other)["sub_activity_code"] = "1.02.02.1.99.0001";
        sheet.AddLine(new() { ["affair_code"] = "1.02", ["potential"] = "Baris baru", ["program_code"] = "1.02.02", ["activity_code"] = "1.02.02.2.02",
            ["sub_activity_code"] = "1.02.02.2.02.0001" });
        var ops = await s.OpCountAsync();
        var file = sheet.Save();
        var lineOf = new Dictionary<Guid, int>();
        var read = Xlsx.Read(file);
        for (var i = 1; i < read.Count; i++)
            lineOf[Guid.Parse(read[i][read[0].IndexOf(KerjaSama.Planning.Consolidation.MatrixHeadings.Of("row_id", KerjaSama.Modularity.Localization.Messages.Indonesian))] is { Length: > 0 } id ? id : Guid.Empty.ToString())] = i + 1;

        var problem = await (await PreviewAsync(s, file)).AssertValidationProblemAsync($"row {lineOf[health]}: activity_code",
            $"row {lineOf[other]}: sub_activity_code", "row 4: activity_code", "row 4: sub_activity_code");
        var codes = problem.GetProperty("rows").EnumerateArray().Select(r => (r.GetProperty("row").GetInt32(), r.GetProperty("code").GetString())).ToList();
        Assert.Contains((lineOf[health], "code_not_of_level"), codes);
        Assert.Contains((lineOf[other], "unknown_code"), codes);
        Assert.Contains((4, "code_not_of_level"), codes);
        Assert.Equal(ops, await s.OpCountAsync());
        Assert.Equal(2, await RowCountAsync(s));
        Assert.Equal(100_000_000, Plan(await s.RowAsync(health), 2026).GetProperty("budget").GetInt64());
    }
}

[Collection(SharedHost.Sqlite)]
public sealed class RoundTripTests_on_Sqlite(SqlitePlatformFixture p) : RoundTripTests(p);

[Collection(SharedHost.PostgreSql)]
public sealed class RoundTripTests_on_PostgreSql(PostgreSqlPlatformFixture p) : RoundTripTests(p);
