using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KerjaSama.Modularity.Security;
using KerjaSama.TestKit;
using Xunit;

namespace KerjaSama.Planning.Tests.Exercises;

/// <summary>The exercise's invitations form (<c>/planning/exercises/{id}/invitations</c>) posted as a browser posts it.</summary>
public abstract class ExerciseInvitationsFormTests(PlatformFixture platform)
{
    private async Task<(TestUser User, HttpClient Api, Guid Exercise)> ArrangeAsync()
    {
        var user = await platform.SignInAsync(TestOrganisations.Secretariat, TestOrganisations.SecretariatName, PlatformRoles.SecretariatAdmin);
        var api = platform.ClientFor(user);
        var created = await (await api.PostAsJsonAsync("/api/planning/exercises", new
        {
            regionCode = "62", title = "Pemetaan undangan " + Guid.NewGuid().ToString("N")[..6], periodKind = "RPJMD", startYear = 2025,
        }, HttpAssertions.Json)).ReadAsync<JsonElement>(HttpStatusCode.Created);
        return (user, api, created.GetProperty("id").GetGuid());
    }

    private static async Task<string> CodeOfAsync(HttpClient api, string query) =>
        (await (await api.GetAsync($"/api/registry/organisations?{query}&pageSize=1")).ReadAsync<JsonElement>()).GetProperty("items")[0].GetProperty("code").GetString()!;

    /// <summary>The version the form carries (the one the editor read).</summary>
    private static string VersionOn(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "name=\"Form.Version\" value=\"(\\d+)\"") is { Success: true } m ? m.Groups[1].Value
            : throw new InvalidOperationException("No version on the form.");

    [Fact]
    public async Task The_secretariat_invites_organisations_by_code_and_the_API_reads_them()
    {
        var (user, api, exercise) = await ArrangeAsync();
        using var owned = api;
        var agency = await CodeOfAsync(api, "kind=agency&region=62");
        using var page = new FormPage(platform.BaseAddress, user);
        var html = await page.GetAsync($"/planning/exercises/{exercise}/invitations");
        var saved = await page.PostAsync($"/planning/exercises/{exercise}/invitations", html, "invitations", new Dictionary<string, string>
        {
            ["Form.Codes"] = $"{agency}\npemda-63", ["Form.Version"] = VersionOn(html),
        });
        Assert.True(saved.StatusCode == HttpStatusCode.Found, await saved.Content.ReadAsStringAsync());
        var stored = await (await api.GetAsync($"/api/planning/exercises/{exercise}")).ReadAsync<JsonElement>();
        Assert.Equal(2, stored.GetProperty("invitedOrganisationIds").GetArrayLength());
        var after = await page.GetAsync(saved.Headers.Location!.PathAndQuery);
        Assert.Contains("Undangan pemetaan tersimpan.", after, StringComparison.Ordinal);
        Assert.Contains("(pemda-63)", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_code_stands_under_the_field_in_Indonesian_keeps_the_text_and_stores_nothing()
    {
        var (user, api, exercise) = await ArrangeAsync();
        using var owned = api;
        var before = await api.GetStringAsync($"/api/planning/exercises/{exercise}");
        using var page = new FormPage(platform.BaseAddress, user);
        var html = await page.GetAsync($"/planning/exercises/{exercise}/invitations");
        var answer = await page.PostAsync($"/planning/exercises/{exercise}/invitations", html, "invitations", new Dictionary<string, string>
        {
            ["Form.Codes"] = "pemda-63, dinas-tidak-ada", ["Form.Version"] = VersionOn(html),
        });
        var shown = await answer.Content.ReadAsStringAsync();
        Assert.True(answer.StatusCode == HttpStatusCode.OK, shown);
        Assert.Equal(["Tidak ada organisasi dengan kode: dinas-tidak-ada."], FormPage.FieldErrors(shown, "InvitedOrganisationIds"));
        Assert.Contains("pemda-63, dinas-tidak-ada</textarea>", shown, StringComparison.Ordinal);
        Assert.Equal(before, await api.GetStringAsync($"/api/planning/exercises/{exercise}"));
    }

    [Fact]
    public async Task A_facilitator_cannot_open_or_post_the_invitations_form()
    {
        var (_, api, exercise) = await ArrangeAsync();
        using var owned = api;
        var before = await api.GetStringAsync($"/api/planning/exercises/{exercise}");
        var facilitator = await platform.SignInAsync(TestOrganisations.Secretariat, TestOrganisations.SecretariatName, PlatformRoles.Facilitator);
        using var page = new FormPage(platform.BaseAddress, facilitator);
        Assert.Equal(HttpStatusCode.Forbidden, (await page.Http.GetAsync($"/planning/exercises/{exercise}/invitations")).StatusCode);
        var consolidation = await page.GetAsync($"/planning/exercises/{exercise}");
        Assert.DoesNotContain($"/planning/exercises/{exercise}/invitations", consolidation, StringComparison.Ordinal);
        var posted = await page.PostAsync($"/planning/exercises/{exercise}/invitations", consolidation, "invitations", new Dictionary<string, string>
        {
            ["Form.Codes"] = "pemda-63", ["Form.Version"] = "0",
        });
        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        Assert.Equal(before, await api.GetStringAsync($"/api/planning/exercises/{exercise}"));
    }
}

public sealed class ExerciseInvitationsFormTests_on_Sqlite(SqlitePlatformFixture p) : ExerciseInvitationsFormTests(p), IClassFixture<SqlitePlatformFixture>;

public sealed class ExerciseInvitationsFormTests_on_PostgreSql(PostgreSqlPlatformFixture p)
    : ExerciseInvitationsFormTests(p), IClassFixture<PostgreSqlPlatformFixture>;
