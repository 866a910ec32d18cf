using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using KerjaSama.Modularity.Security;
using KerjaSama.TestKit;
using Xunit;

namespace KerjaSama.Meetings.Tests;

public abstract partial class MeetingPageTests(PlatformFixture platform)
{
    [Fact]
    public async Task The_minutes_editor_on_the_meeting_page_shows_both_texts_when_another_secretary_saved_first_and_keeps_the_stored_text()
    {
        var s = await MeetingScenario.StartAsync(platform);
        var title = "Rapat halaman " + MeetingScenario.Short();
        var id = (await s.CreateMeetingAsync(MeetingScenario.Meeting(title, s.AgencyA.Id))).GetProperty("id").GetGuid();
        var other = await platform.SignInAsync(s.Secretariat.Caller.OrganisationId, s.Secretariat.Caller.OrganisationName, PlatformRoles.Facilitator, "Sekretaris dua");
        using var page = PageClient(s.Secretariat);

        // The first secretary opens the page (the form carries version 0) ...
        var html = await page.GetStringAsync($"/meetings/{id}");
        Assert.Contains(title, html, StringComparison.Ordinal);
        Assert.Contains($"/api/meetings/{id}/minutes.docx", html, StringComparison.Ordinal);
        Assert.Contains("name=\"MinutesForm.Version\" value=\"0\"", html, StringComparison.Ordinal);

        // ... the second saves first through the API ...
        using (var api = platform.ClientFor(other))
            (await api.PutAsJsonAsync($"/api/meetings/{id}/minutes", new { text = "Teks tersimpan lebih dulu.", version = 0 }, HttpAssertions.Json))
                .EnsureSuccessStatusCode();

        // ... and the first one's save from the page shows the conflict with both texts.
        var answer = await page.PostAsync($"/meetings/{id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "minutes", ["__RequestVerificationToken"] = Token(html), ["MinutesForm.Version"] = "0",
            ["MinutesForm.Text"] = "Teks sekretaris pertama.",
        }));
        var conflictPage = await answer.Content.ReadAsStringAsync();
        Assert.True(answer.StatusCode == HttpStatusCode.OK, conflictPage);
        Assert.Contains("Teks tersimpan lebih dulu.", conflictPage, StringComparison.Ordinal);
        Assert.Contains("Teks sekretaris pertama.", conflictPage, StringComparison.Ordinal);
        Assert.Contains("role=\"alert\"", conflictPage, StringComparison.Ordinal);
        Assert.Contains("name=\"MinutesForm.Version\" value=\"1\"", conflictPage, StringComparison.Ordinal);

        using var admin = s.Admin();
        var stored = await (await admin.GetAsync($"/api/meetings/{id}/minutes")).ReadAsync<JsonElement>();
        Assert.Equal("Teks tersimpan lebih dulu.", stored.GetProperty("text").GetString());
        Assert.Equal(1, stored.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task A_member_of_an_uninvited_organisation_does_not_see_the_meeting_page()
    {
        var s = await MeetingScenario.StartAsync(platform);
        var title = "Rapat tertutup " + MeetingScenario.Short();
        var id = (await s.CreateMeetingAsync(MeetingScenario.Meeting(title, s.AgencyA.Id))).GetProperty("id").GetGuid();
        using var outsider = PageClient(await s.MemberOfAsync(s.Uninvited, "Staf lain"));
        // Not invited and not existing look the same: 404, and nothing of the meeting on the page.
        var response = await outsider.GetAsync($"/meetings/{id}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(title, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private HttpClient PageClient(TestUser user)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = platform.BaseAddress,
        };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", user.AccessToken);
        return client;
    }

    private static string Token(string html) => TokenPattern().Match(html) is { Success: true } m
        ? WebUtility.HtmlDecode(m.Groups[1].Value)
        : throw new InvalidOperationException("No antiforgery token on the page.");

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

[Collection(SharedHost.Sqlite)]
public sealed class MeetingPageTests_on_Sqlite(SqlitePlatformFixture p) : MeetingPageTests(p);

[Collection(SharedHost.PostgreSql)]
public sealed class MeetingPageTests_on_PostgreSql(PostgreSqlPlatformFixture p) : MeetingPageTests(p);
