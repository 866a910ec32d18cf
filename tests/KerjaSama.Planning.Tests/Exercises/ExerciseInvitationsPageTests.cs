using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KerjaSama.Modularity.Security;
using KerjaSama.TestKit;
using Xunit;
using KV = System.Collections.Generic.KeyValuePair<string, string>;

namespace KerjaSama.Planning.Tests.Exercises;

/// <summary>
/// The exercise's invitations page (<c>/planning/exercises/{id}/invitations</c>) lists who is invited and links to the one
/// place they are changed: the exercise form's searchable picker.
/// </summary>
public abstract class ExerciseInvitationsPageTests(PlatformFixture platform)
{
    private async Task<(TestUser User, HttpClient Api, Guid Exercise, (Guid Id, string Name)[] Agencies)> ArrangeAsync()
    {
        var user = await platform.SignInAsync(TestOrganisations.Secretariat, TestOrganisations.SecretariatName, PlatformRoles.SecretariatAdmin);
        var api = platform.ClientFor(user);
        var agencies = await platform.OrganisationsAsync("kind=agency&region=62");
        var created = await (await api.PostAsJsonAsync("/api/planning/exercises", new
        {
            regionCode = "62", title = "Pemetaan undangan " + Guid.NewGuid().ToString("N")[..6], periodKind = "RPJMD", startYear = 2025,
            invitedOrganisationIds = new[] { agencies[1].Id },
        }, HttpAssertions.Json)).ReadAsync<JsonElement>(HttpStatusCode.Created);
        return (user, api, created.GetProperty("id").GetGuid(), agencies);
    }

    [Fact]
    public async Task The_page_lists_the_invited_organisations_and_sends_changes_to_the_exercise_form_whose_picker_saves_them()
    {
        var (user, api, exercise, agencies) = await ArrangeAsync();
        using var owned = api;
        using var page = PageForms.Client(platform, user);
        var listed = await page.GetStringAsync($"/planning/exercises/{exercise}/invitations");
        Assert.Contains(WebUtility.HtmlEncode(agencies[1].Name), listed, StringComparison.Ordinal);
        Assert.Contains($"href=\"/planning/exercises/{exercise}/edit#invitations\"", listed, StringComparison.Ordinal);
        // No second form to change them here.
        Assert.DoesNotContain("name=\"Form.Codes\"", listed, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"_handler\" value=\"invitations\"", listed, StringComparison.Ordinal);

        var edit = await page.GetStringAsync($"/planning/exercises/{exercise}/edit");
        Assert.Contains("id=\"invitations\"", edit, StringComparison.Ordinal);
        var stored = await (await api.GetAsync($"/api/planning/exercises/{exercise}")).ReadAsync<JsonElement>();
        var (saved, html) = await PageForms.PostAsync(page, $"/planning/exercises/{exercise}/edit", "exercise",
        [
            new KV("Form.Title", stored.GetProperty("title").GetString()!), new KV("Form.RegionCode", "62"), new KV("Form.PeriodKind", "rpjmd"),
            new KV("Form.StartYear", "2025"), new KV("Form.Version", stored.GetProperty("version").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new KV("invited", agencies[2].Id.ToString()), new KV("invited", agencies[3].Id.ToString()),
        ]);
        Assert.True((int)saved.StatusCode is >= 300 and < 400, $"{(int)saved.StatusCode} {html}");
        var after = await page.GetStringAsync($"/planning/exercises/{exercise}/invitations");
        Assert.DoesNotContain(WebUtility.HtmlEncode(agencies[1].Name), after, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(agencies[2].Name), after, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(agencies[3].Name), after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_facilitator_cannot_open_the_invitations_page_nor_change_invitations_on_the_exercise_form()
    {
        var (_, api, exercise, agencies) = await ArrangeAsync();
        using var owned = api;
        var before = await api.GetStringAsync($"/api/planning/exercises/{exercise}");
        var facilitator = await platform.SignInAsync(TestOrganisations.Secretariat, TestOrganisations.SecretariatName, PlatformRoles.Facilitator);
        using var page = new FormPage(platform.BaseAddress, facilitator);
        Assert.Equal(HttpStatusCode.Forbidden, (await page.Http.GetAsync($"/planning/exercises/{exercise}/invitations")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await page.Http.GetAsync($"/planning/exercises/{exercise}/edit")).StatusCode);
        var consolidation = await page.GetAsync($"/planning/exercises/{exercise}");
        Assert.DoesNotContain($"/planning/exercises/{exercise}/invitations", consolidation, StringComparison.Ordinal);
        var posted = await page.PostAsync($"/planning/exercises/{exercise}/edit", consolidation, "exercise", new Dictionary<string, string>
        {
            ["Form.Title"] = "Tidak berhak", ["Form.RegionCode"] = "62", ["Form.PeriodKind"] = "rpjmd", ["Form.StartYear"] = "2025",
            ["Form.Version"] = "1", ["invited"] = agencies[4].Id.ToString(),
        });
        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        Assert.Equal(before, await api.GetStringAsync($"/api/planning/exercises/{exercise}"));
    }
}

[Collection(SharedHost.Sqlite)]
public sealed class ExerciseInvitationsPageTests_on_Sqlite(SqlitePlatformFixture p) : ExerciseInvitationsPageTests(p);

[Collection(SharedHost.PostgreSql)]
public sealed class ExerciseInvitationsPageTests_on_PostgreSql(PostgreSqlPlatformFixture p)
    : ExerciseInvitationsPageTests(p);
