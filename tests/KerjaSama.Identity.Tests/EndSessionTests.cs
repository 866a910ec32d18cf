using System.Net;
using KerjaSama.Modularity.Security;
using KerjaSama.TestKit;
using Xunit;

namespace KerjaSama.Identity.Tests;

/// <summary>
/// RP-initiated logout: a bare link to <c>/connect/endsession</c> (an image tag on another site) no longer signs the browser
/// out; it shows a confirmation whose form (antiforgery) does. A valid <c>id_token_hint</c> of the signed-in user skips it.
/// </summary>
public abstract class EndSessionTests(PlatformFixture platform)
{
    private async Task<BrowserSession> SignedInAsync()
    {
        var (userName, password, _) = await platform.CreateUserAsync(TestOrganisations.Secretariat, TestOrganisations.SecretariatName, PlatformRoles.Observer);
        var browser = new BrowserSession(platform.BaseAddress);
        Assert.Equal(HttpStatusCode.Found, (await browser.PostLoginAsync(userName, password, "/")).StatusCode);
        return browser;
    }

    [Fact]
    public async Task A_bare_end_session_link_asks_for_confirmation_and_keeps_the_browser_signed_in()
    {
        using var browser = await SignedInAsync();

        var page = await browser.Http.GetAsync("/connect/endsession");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Keluar", html, StringComparison.Ordinal);
        Assert.Contains("method=\"post\" action=\"/connect/endsession\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await browser.Http.GetAsync("/api/identity/me")).StatusCode);
    }

    [Fact]
    public async Task An_id_token_hint_of_another_user_does_not_skip_the_confirmation()
    {
        var (otherName, otherPassword, _) = await platform.CreateUserAsync(TestOrganisations.Secretariat, TestOrganisations.SecretariatName,
            PlatformRoles.Observer);
        string hint;
        using (var other = new BrowserSession(platform.BaseAddress))
            hint = (await other.SignInAsync(otherName, otherPassword)).GetProperty("id_token").GetString()!;
        using var browser = await SignedInAsync();

        var page = await browser.Http.GetAsync("/connect/endsession?id_token_hint=" + hint);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("action=\"/connect/endsession\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await browser.Http.GetAsync("/api/identity/me")).StatusCode);
    }

    [Fact]
    public async Task A_confirmation_post_without_the_antiforgery_token_is_refused_and_keeps_the_browser_signed_in()
    {
        using var browser = await SignedInAsync();

        var forged = await browser.Http.PostAsync("/connect/endsession", new FormUrlEncodedContent([KeyValuePair.Create("confirm", "yes")]));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.Http.GetAsync("/api/identity/me")).StatusCode);
    }

    [Fact]
    public async Task The_confirmation_form_signs_the_browser_out()
    {
        using var browser = await SignedInAsync();
        var html = await browser.Http.GetStringAsync("/connect/endsession");

        var answer = await browser.Http.PostAsync("/connect/endsession", new FormUrlEncodedContent(
            [BrowserSession.AntiforgeryFieldOf(html), KeyValuePair.Create("confirm", "yes")]));

        Assert.True(answer.StatusCode is HttpStatusCode.Found or HttpStatusCode.OK, $"{(int)answer.StatusCode}");
        await (await browser.Http.GetAsync("/api/identity/me")).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
    }
}

[Collection(SharedHost.Sqlite)]
public sealed class EndSessionTests_on_Sqlite(SqlitePlatformFixture p) : EndSessionTests(p);

[Collection(SharedHost.PostgreSql)]
public sealed class EndSessionTests_on_PostgreSql(PostgreSqlPlatformFixture p) : EndSessionTests(p);
