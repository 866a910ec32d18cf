using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KerjaSama.TestKit;
using Xunit;

namespace KerjaSama.Meetings.Tests;

/// <summary>The meeting form (<c>/meetings/new</c>, <c>/meetings/{id}/edit</c>) posted as a browser posts it; errors under their fields.</summary>
public abstract class MeetingFormTests(PlatformFixture platform)
{
    private static async Task<string> CodeOfAsync(HttpClient api, Guid organisationId) =>
        (await (await api.GetAsync($"/api/registry/organisations/{organisationId}")).ReadAsync<JsonElement>()).GetProperty("code").GetString()!;

    private static Dictionary<string, string> Fields(string title, string codes, long? version = null, string end = "11:30") => new()
    {
        ["Form.Title"] = title, ["Form.Date"] = "2030-04-14", ["Form.StartTime"] = "09:00", ["Form.EndTime"] = end, ["Form.TimeZone"] = "WIT",
        ["Form.Place"] = "Aula Bappeda", ["Form.OnlineLink"] = "", ["Form.ExerciseId"] = "", ["Form.Agenda"] = "Pembukaan\nPemetaan",
        ["Form.OrganisationCodes"] = codes, ["Form.Version"] = version?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };

    [Fact]
    public async Task The_secretariat_schedules_a_meeting_on_the_form_and_sees_that_it_was_saved()
    {
        var s = await MeetingScenario.StartAsync(platform);
        using var api = s.Admin();
        using var page = new FormPage(platform.BaseAddress, s.Secretariat);
        var title = "Rapat dari formulir " + MeetingScenario.Short();
        var html = await page.GetAsync("/meetings/new");
        var saved = await page.PostAsync("/meetings/new", html, "meeting", Fields(title, await CodeOfAsync(api, s.AgencyA.Id)));
        Assert.True(saved.StatusCode == HttpStatusCode.Found, await saved.Content.ReadAsStringAsync());
        var location = saved.Headers.Location!.PathAndQuery;
        Assert.EndsWith("?saved=1", location, StringComparison.Ordinal);
        var id = Guid.Parse(location["/meetings/".Length..location.IndexOf('?', StringComparison.Ordinal)]);

        var stored = await (await api.GetAsync($"/api/meetings/{id}")).ReadAsync<JsonElement>();
        Assert.Equal(title, stored.GetProperty("title").GetString());
        Assert.Equal(new DateTimeOffset(2030, 4, 14, 0, 0, 0, TimeSpan.Zero), stored.GetProperty("startsAt").GetDateTimeOffset());
        Assert.Contains("Rapat tersimpan.", await page.GetAsync(location), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_organisation_code_and_an_end_before_the_start_show_errors_under_their_fields_and_change_nothing()
    {
        var s = await MeetingScenario.StartAsync(platform);
        using var api = s.Admin();
        var title = "Rapat yang diubah " + MeetingScenario.Short();
        var id = (await s.CreateMeetingAsync(MeetingScenario.Meeting(title, s.AgencyA.Id))).GetProperty("id").GetGuid();
        var before = await api.GetStringAsync($"/api/meetings/{id}");
        using var page = new FormPage(platform.BaseAddress, s.Secretariat);
        var html = await page.GetAsync($"/meetings/{id}/edit");
        Assert.Contains($"value=\"{title}\"", html, StringComparison.Ordinal);

        // A code no organisation has: the form's own check, in Bahasa Indonesia, and the entered title is kept.
        var answer = await page.PostAsync($"/meetings/{id}/edit", html, "meeting", Fields("Judul baru", "tidak-ada-kode", 0));
        var shown = await answer.Content.ReadAsStringAsync();
        Assert.True(answer.StatusCode == HttpStatusCode.OK, shown);
        Assert.Equal(["Tidak ada organisasi dengan kode tidak-ada-kode."], FormPage.FieldErrors(shown, "InvitedOrganisationIds"));
        Assert.Contains("value=\"Judul baru\"", shown, StringComparison.Ordinal);
        Assert.Equal(before, await api.GetStringAsync($"/api/meetings/{id}"));

        // The end before the start: the API's rule decides, and the page shows the API's message under the end time.
        var code = await CodeOfAsync(api, s.AgencyA.Id);
        answer = await page.PostAsync($"/meetings/{id}/edit", html, "meeting", Fields("Judul baru", code, 0, end: "08:00"));
        shown = await answer.Content.ReadAsStringAsync();
        var problem = await (await api.PutAsJsonAsync($"/api/meetings/{id}", new Dictionary<string, object?>
        {
            ["title"] = "Judul baru", ["startsAt"] = "2030-04-14T09:00:00+09:00", ["endsAt"] = "2030-04-14T08:00:00+09:00", ["timeZone"] = "WIT",
            ["place"] = "Aula Bappeda", ["version"] = 0,
        }, HttpAssertions.Json)).AssertValidationProblemAsync("EndsAt");
        Assert.Equal([.. problem.GetProperty("errors").GetProperty("EndsAt").EnumerateArray().Select(e => e.GetString()!)], FormPage.FieldErrors(shown, "EndsAt"));
        Assert.Contains("value=\"08:00\"", shown, StringComparison.Ordinal);
        Assert.Equal(before, await api.GetStringAsync($"/api/meetings/{id}"));
    }

    [Fact]
    public async Task The_form_offers_the_regions_exercises_in_a_dropdown_and_links_the_chosen_one()
    {
        var s = await MeetingScenario.StartAsync(platform);
        using var api = s.Admin();
        var own = await s.CreateExerciseAsync();
        var other = (await (await api.PostAsJsonAsync("/api/planning/exercises", new
        {
            regionCode = "63", title = "Pemetaan Kalsel " + MeetingScenario.Short(), periodKind = "RPJMD", startYear = 2025,
        }, HttpAssertions.Json)).ReadAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        using var page = new FormPage(platform.BaseAddress, s.Secretariat);

        // The secretariat's organisation is of Kalimantan Tengah (62): its exercises are offered, Kalimantan Selatan's are not.
        var html = await page.GetAsync("/meetings/new");
        Assert.Contains("data-testid=\"exercise-select\"", html, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{own}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(other.ToString(), html, StringComparison.Ordinal);

        var fields = Fields("Rapat pemetaan " + MeetingScenario.Short(), await CodeOfAsync(api, s.AgencyA.Id));
        fields["Form.ExerciseId"] = own.ToString();
        var saved = await page.PostAsync("/meetings/new", html, "meeting", fields);
        Assert.True(saved.StatusCode == HttpStatusCode.Found, await saved.Content.ReadAsStringAsync());
        var location = saved.Headers.Location!.PathAndQuery;
        var id = Guid.Parse(location["/meetings/".Length..location.IndexOf('?', StringComparison.Ordinal)]);
        Assert.Equal(own, (await (await api.GetAsync($"/api/meetings/{id}")).ReadAsync<JsonElement>()).GetProperty("exerciseId").GetGuid());

        // The edit form shows the linked exercise as the chosen one.
        var edit = await page.GetAsync($"/meetings/{id}/edit");
        Assert.Contains($"<option value=\"{own}\" selected", edit, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("unknown-id")]
    [InlineData("bukan-id")]
    public async Task An_unknown_exercise_shows_an_error_under_the_dropdown_and_changes_nothing(string posted)
    {
        var s = await MeetingScenario.StartAsync(platform);
        using var api = s.Admin();
        var id = (await s.CreateMeetingAsync(MeetingScenario.Meeting("Rapat " + MeetingScenario.Short(), s.AgencyA.Id))).GetProperty("id").GetGuid();
        var before = await api.GetStringAsync($"/api/meetings/{id}");
        var count = await s.MeetingCountAsync();
        using var page = new FormPage(platform.BaseAddress, s.Secretariat);
        var code = await CodeOfAsync(api, s.AgencyA.Id);
        var exercise = posted == "unknown-id" ? Guid.NewGuid().ToString() : posted;

        foreach (var path in new[] { $"/meetings/{id}/edit", "/meetings/new" })
        {
            var html = await page.GetAsync(path);
            var fields = Fields("Judul baru", code, path.EndsWith("/edit", StringComparison.Ordinal) ? 0 : null);
            fields["Form.ExerciseId"] = exercise;
            var answer = await page.PostAsync(path, html, "meeting", fields);
            var shown = await answer.Content.ReadAsStringAsync();
            Assert.True(answer.StatusCode == HttpStatusCode.OK, shown);
            Assert.Equal(["Tidak ada pemetaan dengan id ini."], FormPage.FieldErrors(shown, "ExerciseId"));
            Assert.Contains("value=\"Judul baru\"", shown, StringComparison.Ordinal);
        }

        Assert.Equal(before, await api.GetStringAsync($"/api/meetings/{id}"));
        Assert.Equal(count, await s.MeetingCountAsync());
    }

    [Fact]
    public async Task An_agency_member_cannot_open_or_post_the_meeting_form()
    {
        var s = await MeetingScenario.StartAsync(platform);
        using var api = s.Admin();
        var id = (await s.CreateMeetingAsync(MeetingScenario.Meeting("Rapat " + MeetingScenario.Short(), s.AgencyA.Id))).GetProperty("id").GetGuid();
        var before = await api.GetStringAsync($"/api/meetings/{id}");
        using var page = new FormPage(platform.BaseAddress, await s.MemberOfAsync(s.AgencyA, "Staf dinas"));
        Assert.Equal(HttpStatusCode.Forbidden, (await page.Http.GetAsync($"/meetings/{id}/edit")).StatusCode);
        // The meetings page offers no link to the form; a post with the user's own valid token is refused.
        var list = await page.GetAsync("/meetings");
        Assert.DoesNotContain("/meetings/new", list, StringComparison.Ordinal);
        var posted = await page.PostAsync($"/meetings/{id}/edit", list, "meeting", Fields("Diubah tanpa hak", "", 0));
        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        var count = await s.MeetingCountAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await page.PostAsync("/meetings/new", list, "meeting", Fields("Rapat tanpa hak", ""))).StatusCode);
        Assert.Equal(count, await s.MeetingCountAsync());
        Assert.Equal(before, await api.GetStringAsync($"/api/meetings/{id}"));
    }
}

[Collection(SharedHost.Sqlite)]
public sealed class MeetingFormTests_on_Sqlite(SqlitePlatformFixture p) : MeetingFormTests(p);

[Collection(SharedHost.PostgreSql)]
public sealed class MeetingFormTests_on_PostgreSql(PostgreSqlPlatformFixture p) : MeetingFormTests(p);
