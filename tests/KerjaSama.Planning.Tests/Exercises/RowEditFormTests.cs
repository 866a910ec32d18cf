using System.Net;
using System.Text.Json;
using KerjaSama.Planning.Tests.Consolidation;
using KerjaSama.TestKit;
using Xunit;
using F = KerjaSama.Planning.Contracts.Live.MatrixFieldNames;
using KV = System.Collections.Generic.KeyValuePair<string, string>;

namespace KerjaSama.Planning.Tests.Exercises;

public abstract class RowEditFormTests(PlatformFixture platform)
{
    private static string EditPath(MatrixScenario s, Guid rowId) => $"/planning/exercises/{s.ExerciseId}/rows/{rowId}/edit";

    [Fact]
    public async Task The_planning_agency_sets_province_codes_and_yearly_budgets_in_the_form_and_the_history_records_it()
    {
        var s = await MatrixScenario.StartAsync(platform);
        var rowId = await s.AddRowAsync(MatrixScenario.Opportunity("Surveilans kesehatan perbatasan"));
        using var page = PageForms.Client(platform, s.Planner);
        var html = await page.GetStringAsync(EditPath(s, rowId));
        // The pickers offer the province's kegiatan (fourth part 1), not those of kabupaten/kota.
        Assert.Contains("<option value=\"1.02.02.1.02\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<option value=\"1.02.02.2.02\">", html, StringComparison.Ordinal);

        var (response, body) = await PageForms.PostAsync(page, EditPath(s, rowId), "row",
        [
            new KV("Form.Seq", Seq(html)), new KV("Form.ProgramCode", "1.02.02"), new KV("Form.ActivityCode", "1.02.02.1.02"),
            new KV("Form.SubActivityCode", "1.02.02.1.02.0003"), new KV("indicator_2026", "Dokumen surveilans"), new KV("target_2026", "2 dokumen"),
            new KV("budget_2026", "150.000.000"), new KV("funding_source_2026", "APBD"), new KV("budget_2027", "175000000"),
        ]);
        Assert.True((int)response.StatusCode is >= 300 and < 400, $"{(int)response.StatusCode} {body}");

        var row = await s.RowAsync(rowId);
        Assert.Equal("1.02.02.1.02.0003", row[F.SubActivityCode].GetString());
        var plans = row[F.YearlyPlans].EnumerateArray().ToList();
        Assert.Equal([2026, 2027], plans.Select(p => p.GetProperty("year").GetInt32()));
        Assert.Equal(150_000_000, plans[0].GetProperty("budget").GetInt64());
        Assert.Equal(175_000_000, plans[1].GetProperty("budget").GetInt64());
        var history = await (await s.Admin.GetAsync($"{s.Base}/rows/{rowId}/history")).ReadAsync<JsonElement>();
        var last = history.GetProperty("entries").EnumerateArray().Last();
        Assert.Equal(s.Planner.Caller.UserId, last.GetProperty("author").GetProperty("userId").GetGuid());
        Assert.True(last.GetProperty("fields").TryGetProperty(F.YearlyPlans, out _));
    }

    [Fact]
    public async Task A_kabupaten_code_or_a_bad_budget_in_the_form_is_named_and_the_row_is_unchanged()
    {
        var s = await MatrixScenario.StartAsync(platform);
        var rowId = await s.AddRowAsync(MatrixScenario.Opportunity("Rujukan pasien"));
        var ops = await s.OpCountAsync();
        using var page = PageForms.Client(platform, s.Secretariat);
        var html = await page.GetStringAsync(EditPath(s, rowId));

        var (response, body) = await PageForms.PostAsync(page, EditPath(s, rowId), "row",
        [
            new KV("Form.Seq", Seq(html)), new KV("Form.ProgramCode", "1.02.02"), new KV("Form.ActivityCode", "1.02.02.2.02"),
            new KV("budget_2026", "satu juta"),
        ]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"data-field=\"{F.ActivityCode}\"", body, StringComparison.Ordinal);
        Assert.Contains("data-field=\"budget_2026\"", body, StringComparison.Ordinal);
        Assert.Equal(ops, await s.OpCountAsync());
        Assert.False((await s.RowAsync(rowId)).ContainsKey(F.ProgramCode));
    }

    [Fact]
    public async Task An_agency_that_is_not_the_planning_agency_cannot_open_the_row_form()
    {
        var s = await MatrixScenario.StartAsync(platform);
        var rowId = await s.AddRowAsync(MatrixScenario.Opportunity("Rujukan pasien"));
        using var page = PageForms.Client(platform, s.Agency);
        var response = await page.GetAsync(EditPath(s, rowId));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("row-edit-form", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static string Seq(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "name=\"Form.Seq\" value=\"(\\d+)\"").Groups[1].Value;
}

[Collection(SharedHost.Sqlite)]
public sealed class RowEditFormTests_on_Sqlite(SqlitePlatformFixture p) : RowEditFormTests(p);

[Collection(SharedHost.PostgreSql)]
public sealed class RowEditFormTests_on_PostgreSql(PostgreSqlPlatformFixture p) : RowEditFormTests(p);
