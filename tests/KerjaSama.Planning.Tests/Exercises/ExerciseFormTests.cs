using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KerjaSama.Planning.Tests.Consolidation;
using KerjaSama.TestKit;
using Xunit;
using KV = System.Collections.Generic.KeyValuePair<string, string>;

namespace KerjaSama.Planning.Tests.Exercises;

public abstract class ExerciseFormTests(PlatformFixture platform)
{
    private static string Unique(string title) => $"{title} {Guid.NewGuid():N}"[..(title.Length + 9)];

    private static async Task<List<JsonElement>> ExercisesTitledAsync(HttpClient api, string title)
    {
        var page = await (await api.GetAsync($"/api/planning/exercises?q={Uri.EscapeDataString(title)}&pageSize=100")).ReadAsync<JsonElement>();
        return [.. page.GetProperty("items").EnumerateArray().Where(e => e.GetProperty("title").GetString() == title)];
    }

    [Fact]
    public async Task The_secretariat_creates_an_exercise_with_the_form_and_finds_it_in_the_searchable_list()
    {
        var s = await MatrixScenario.StartAsync(platform);
        using var page = PageForms.Client(platform, s.Secretariat);
        var title = Unique("Pemetaan Kalteng");

        var (response, html) = await PageForms.PostAsync(page, "/planning/exercises/new", "exercise",
        [
            new KV("Form.Title", title), new KV("Form.RegionCode", "62"), new KV("Form.PeriodKind", "rpjmd"), new KV("Form.StartYear", "2025"),
            new KV("Form.Version", "0"), new KV("invited", s.AgencyOrg.Id.ToString()), new KV("invited", s.OtherAgencyOrg.Id.ToString()),
        ]);
        Assert.True((int)response.StatusCode is >= 300 and < 400, $"{(int)response.StatusCode} {html}");
        Assert.Contains("/planning?saved=", response.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var stored = Assert.Single(await ExercisesTitledAsync(s.Admin, title));
        Assert.Equal("62", stored.GetProperty("regionCode").GetString());
        Assert.Equal(2029, stored.GetProperty("endYear").GetInt32());
        Assert.Equal(new[] { s.AgencyOrg.Id, s.OtherAgencyOrg.Id }.Order(),
            stored.GetProperty("invitedOrganisationIds").EnumerateArray().Select(i => i.GetGuid()).Order());

        // The list page finds it by title, filters by period and year, and leaves out what does not match.
        var list = await page.GetStringAsync($"/planning?q={Uri.EscapeDataString(title)}&periodKind=rpjmd&year=2027");
        var link = $">{title}</a>";
        Assert.Contains(link, list, StringComparison.Ordinal);
        Assert.DoesNotContain(link, await page.GetStringAsync($"/planning?q={Uri.EscapeDataString(title)}&periodKind=rkpd"), StringComparison.Ordinal);
        Assert.DoesNotContain(link, await page.GetStringAsync($"/planning?q={Uri.EscapeDataString(title)}&year=2031"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_with_an_unknown_region_and_no_title_shows_each_field_error_and_stores_nothing()
    {
        var s = await MatrixScenario.StartAsync(platform);
        using var page = PageForms.Client(platform, s.Secretariat);
        var before = (await (await s.Admin.GetAsync("/api/planning/exercises?pageSize=1")).ReadAsync<JsonElement>()).GetProperty("total").GetInt32();

        var (response, html) = await PageForms.PostAsync(page, "/planning/exercises/new", "exercise",
        [
            new KV("Form.Title", ""), new KV("Form.RegionCode", "99.99"), new KV("Form.PeriodKind", "rkpd"), new KV("Form.StartYear", "1990"),
            new KV("Form.Version", "0"), new KV("invited", Guid.NewGuid().ToString()),
        ]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var field in new[] { "Title", "RegionCode", "StartYear", "InvitedOrganisationIds" })
            Assert.Contains($"data-field=\"{field}\"", html, StringComparison.Ordinal);
        Assert.Contains("role=\"alert\"", html, StringComparison.Ordinal);
        // The typed values come back in the form.
        Assert.Contains("value=\"99.99\"", html, StringComparison.Ordinal);
        var after = (await (await s.Admin.GetAsync("/api/planning/exercises?pageSize=1")).ReadAsync<JsonElement>()).GetProperty("total").GetInt32();
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task An_agency_member_cannot_open_or_post_the_exercise_form_and_nothing_is_stored()
    {
        var s = await MatrixScenario.StartAsync(platform);
        using var secretariatPage = PageForms.Client(platform, s.Secretariat);
        var formHtml = await secretariatPage.GetStringAsync("/planning/exercises/new");
        using var agencyPage = PageForms.Client(platform, s.Agency);
        var title = Unique("Tidak berhak");

        var get = await agencyPage.GetAsync("/planning/exercises/new");
        Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
        Assert.DoesNotContain("data-testid=\"new-exercise\"", await agencyPage.GetStringAsync("/planning"), StringComparison.Ordinal);
        var post = await agencyPage.PostAsync("/planning/exercises/new", new FormUrlEncodedContent(
        [
            new KV("_handler", "exercise"), new KV("__RequestVerificationToken", PageForms.Token(formHtml)), new KV("Form.Title", title),
            new KV("Form.RegionCode", "62"), new KV("Form.PeriodKind", "rpjmd"), new KV("Form.StartYear", "2025"),
        ]));
        Assert.False(post.IsSuccessStatusCode || (int)post.StatusCode is >= 300 and < 400, $"{(int)post.StatusCode}");
        var put = await platform.ClientFor(s.Agency).PutAsJsonAsync($"/api/planning/exercises/{s.ExerciseId}",
            new { regionCode = "62", title, periodKind = "rpjmd", startYear = 2025, version = 0 }, HttpAssertions.Json);
        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        Assert.Empty(await ExercisesTitledAsync(s.Admin, title));
    }

    [Fact]
    public async Task The_secretariat_edits_title_and_invitations_with_the_form_and_the_api_refuses_a_stale_version()
    {
        var s = await MatrixScenario.StartAsync(platform);
        using var page = PageForms.Client(platform, s.Secretariat);
        var title = Unique("Diubah");
        var edit = $"/planning/exercises/{s.ExerciseId}/edit";
        Assert.Contains("name=\"Form.Version\" value=\"1\"", await page.GetStringAsync(edit), StringComparison.Ordinal);

        var (response, html) = await PageForms.PostAsync(page, edit, "exercise",
        [
            new KV("Form.Title", title), new KV("Form.RegionCode", "62"), new KV("Form.PeriodKind", "rpjmd"), new KV("Form.StartYear", "2025"),
            new KV("Form.Version", "1"), new KV("invited", s.AgencyOrg.Id.ToString()),
        ]);
        Assert.True((int)response.StatusCode is >= 300 and < 400, $"{(int)response.StatusCode} {html}");
        var stored = await (await s.Admin.GetAsync($"/api/planning/exercises/{s.ExerciseId}")).ReadAsync<JsonElement>();
        Assert.Equal(title, stored.GetProperty("title").GetString());
        Assert.Equal([s.AgencyOrg.Id], stored.GetProperty("invitedOrganisationIds").EnumerateArray().Select(i => i.GetGuid()).ToArray());
        Assert.Equal(2, stored.GetProperty("version").GetInt64());

        // The API: a stale version is a conflict; invalid fields are named; neither changes anything.
        var stale = await s.Admin.PutAsJsonAsync($"/api/planning/exercises/{s.ExerciseId}",
            new { regionCode = "62", title = "Basi", periodKind = "rpjmd", startYear = 2025, version = 1 }, HttpAssertions.Json);
        await stale.AssertProblemAsync(HttpStatusCode.Conflict, "version_conflict");
        var invalid = await s.Admin.PutAsJsonAsync($"/api/planning/exercises/{s.ExerciseId}",
            new { regionCode = "99.99", title = "", periodKind = "rkpd", startYear = 2025, endYear = 2026, version = 2 }, HttpAssertions.Json);
        await invalid.AssertValidationProblemAsync("RegionCode", "Title", "EndYear");
        var after = await (await s.Admin.GetAsync($"/api/planning/exercises/{s.ExerciseId}")).ReadAsync<JsonElement>();
        Assert.Equal(title, after.GetProperty("title").GetString());
        Assert.Equal(2, after.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Once_the_matrix_has_rows_the_region_and_period_of_an_exercise_stay_as_they_are()
    {
        var s = await MatrixScenario.StartAsync(platform);
        await s.AddRowAsync(MatrixScenario.Opportunity("Rujukan pasien"));
        var response = await s.Admin.PutAsJsonAsync($"/api/planning/exercises/{s.ExerciseId}",
            new { regionCode = "63", title = "Pindah", periodKind = "rkpd", startYear = 2026, version = 1 }, HttpAssertions.Json);
        await response.AssertValidationProblemAsync("RegionCode", "StartYear");
        var after = await (await s.Admin.GetAsync($"/api/planning/exercises/{s.ExerciseId}")).ReadAsync<JsonElement>();
        Assert.Equal("62", after.GetProperty("regionCode").GetString());
        Assert.Equal(2025, after.GetProperty("startYear").GetInt32());
    }
}

[Collection(SharedHost.Sqlite)]
public sealed class ExerciseFormTests_on_Sqlite(SqlitePlatformFixture p) : ExerciseFormTests(p);

[Collection(SharedHost.PostgreSql)]
public sealed class ExerciseFormTests_on_PostgreSql(PostgreSqlPlatformFixture p) : ExerciseFormTests(p);
