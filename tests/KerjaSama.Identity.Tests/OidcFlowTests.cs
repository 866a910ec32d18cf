using System.Net;
using System.Text.Json;
using KerjaSama.Modularity.Security;
using KerjaSama.TestKit;
using Xunit;

namespace KerjaSama.Identity.Tests;

/// <summary>The OpenID Connect server over real HTTP: discovery, code + PKCE, refresh, revocation, client credentials, end session.</summary>
public abstract class OidcFlowTests(PlatformFixture platform)
{
    private static readonly Guid Organisation = TestOrganisations.Secretariat;

    private async Task<(string UserName, string Password)> NewUserAsync(string role = PlatformRoles.AgencyContributor)
    {
        var (userName, password, _) = await platform.CreateUserAsync(Organisation, TestOrganisations.SecretariatName, role);
        return (userName, password);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    [Fact]
    public async Task Discovery_lists_the_endpoints_S256_and_the_three_grants()
    {
        var doc = JsonDocument.Parse(await platform.Client.GetStringAsync("/.well-known/openid-configuration")).RootElement;
        foreach (var endpoint in new[] { "authorization_endpoint", "token_endpoint", "end_session_endpoint", "introspection_endpoint", "revocation_endpoint" })
            Assert.StartsWith(platform.BaseAddress.ToString().TrimEnd('/'), doc.GetProperty(endpoint).GetString(), StringComparison.Ordinal);
        Assert.Equal(["S256"], doc.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(e => e.GetString()));
        var grants = doc.GetProperty("grant_types_supported").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains("authorization_code", grants);
        Assert.Contains("refresh_token", grants);
        Assert.Contains("client_credentials", grants);
        Assert.DoesNotContain("password", grants);
        Assert.DoesNotContain("implicit", grants);
    }

    [Fact]
    public async Task A_user_signs_in_with_code_and_PKCE_and_the_API_sees_the_platform_claims()
    {
        var user = await platform.SignInAsync(Organisation, TestOrganisations.SecretariatName, PlatformRoles.Facilitator, "Ibu Fasilitator");
        using var api = platform.ClientFor(user);
        var me = await (await api.GetAsync("/api/identity/me")).ReadAsync<Caller>();
        Assert.Equal(user.Caller.UserId, me.UserId);
        Assert.Equal(Organisation, me.OrganisationId);
        Assert.Equal(TestOrganisations.SecretariatName, me.OrganisationName);
        Assert.Equal(PlatformRoles.Facilitator, me.Role);
        Assert.Equal("Ibu Fasilitator", me.DisplayName);
    }

    [Fact]
    public async Task A_wrong_PKCE_verifier_gets_invalid_grant()
    {
        var (userName, password) = await NewUserAsync();
        using var browser = new BrowserSession(platform.BaseAddress);
        var (_, challenge) = BrowserSession.NewPkce();
        var code = await browser.AuthorizeAsync(userName, password, challenge);
        var response = await browser.RedeemAsync(code, BrowserSession.NewPkce().Verifier);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_grant", (await JsonAsync(response)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task An_authorization_request_without_PKCE_or_with_plain_PKCE_is_refused()
    {
        using var browser = new BrowserSession(platform.BaseAddress);
        var plain = await browser.Http.GetAsync(BrowserSession.AuthorizeUrl("a-plain-challenge-that-is-long-enough-1234567890", method: "plain"));
        AssertRefusedToClient(plain);
        var none = await browser.Http.GetAsync(BrowserSession.AuthorizeUrl("x").Replace("&code_challenge=x&code_challenge_method=S256", "", StringComparison.Ordinal));
        AssertRefusedToClient(none);
    }

    /// <summary>An error page, or the error sent back to the (registered) client: never the sign-in form, never a code.</summary>
    private static void AssertRefusedToClient(HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            Assert.Null(response.Headers.Location);
            return;
        }

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith(BrowserSession.RedirectUri, location.OriginalString, StringComparison.Ordinal);
        Assert.Equal("invalid_request", BrowserSession.QueryValue(location, "error"));
        Assert.Null(BrowserSession.QueryValue(location, "code"));
    }

    [Fact]
    public async Task A_replayed_code_gets_invalid_grant()
    {
        var (userName, password) = await NewUserAsync();
        using var browser = new BrowserSession(platform.BaseAddress);
        var (verifier, challenge) = BrowserSession.NewPkce();
        var code = await browser.AuthorizeAsync(userName, password, challenge);
        Assert.Equal(HttpStatusCode.OK, (await browser.RedeemAsync(code, verifier)).StatusCode);
        var replay = await browser.RedeemAsync(code, verifier);
        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
        Assert.Equal("invalid_grant", (await JsonAsync(replay)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task An_unregistered_redirect_uri_is_refused_without_redirecting()
    {
        using var browser = new BrowserSession(platform.BaseAddress);
        var (_, challenge) = BrowserSession.NewPkce();
        var response = await browser.Http.GetAsync(BrowserSession.AuthorizeUrl(challenge, redirectUri: "https://evil.example/callback"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task A_refresh_token_rotates_and_the_used_one_is_refused()
    {
        var (userName, password) = await NewUserAsync();
        using var browser = new BrowserSession(platform.BaseAddress);
        var first = await browser.SignInAsync(userName, password);
        var oldRefresh = first.GetProperty("refresh_token").GetString();
        var refreshed = await browser.TokenAsync(new() { ["grant_type"] = "refresh_token", ["refresh_token"] = oldRefresh, ["client_id"] = BrowserSession.TestClient });
        var second = await refreshed.ReadAsync<JsonElement>();
        Assert.NotEqual(oldRefresh, second.GetProperty("refresh_token").GetString());
        Assert.NotEqual(first.GetProperty("access_token").GetString(), second.GetProperty("access_token").GetString());

        var reused = await browser.TokenAsync(new() { ["grant_type"] = "refresh_token", ["refresh_token"] = oldRefresh, ["client_id"] = BrowserSession.TestClient });
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        Assert.Equal("invalid_grant", (await JsonAsync(reused)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_revoked_refresh_token_is_inactive_and_no_longer_refreshes()
    {
        var (userName, password) = await NewUserAsync();
        using var browser = new BrowserSession(platform.BaseAddress);
        var tokens = await browser.SignInAsync(userName, password, BrowserSession.ConfidentialClient, BrowserSession.TestSecret);
        var refresh = tokens.GetProperty("refresh_token").GetString();
        Dictionary<string, string?> Client(Dictionary<string, string?> form)
        {
            form["client_id"] = BrowserSession.ConfidentialClient;
            form["client_secret"] = BrowserSession.TestSecret;
            return form;
        }

        async Task<bool> ActiveAsync() => (await (await browser.Http.PostAsync("/connect/introspect", new FormUrlEncodedContent(
            Client(new() { ["token"] = refresh }).Select(p => KeyValuePair.Create(p.Key, p.Value!))))).ReadAsync<JsonElement>())
            .GetProperty("active").GetBoolean();

        Assert.True(await ActiveAsync());
        var revoke = await browser.Http.PostAsync("/connect/revoke", new FormUrlEncodedContent(
            Client(new() { ["token"] = refresh, ["token_type_hint"] = "refresh_token" }).Select(p => KeyValuePair.Create(p.Key, p.Value!))));
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.False(await ActiveAsync());
        var refused = await browser.TokenAsync(Client(new() { ["grant_type"] = "refresh_token", ["refresh_token"] = refresh }));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }

    [Fact]
    public async Task A_revoked_access_token_no_longer_opens_the_API()
    {
        var (userName, password) = await NewUserAsync();
        using var browser = new BrowserSession(platform.BaseAddress);
        var tokens = await browser.SignInAsync(userName, password, BrowserSession.ConfidentialClient, BrowserSession.TestSecret);
        var access = tokens.GetProperty("access_token").GetString()!;
        using var api = new HttpClient { BaseAddress = platform.BaseAddress };
        api.DefaultRequestHeaders.Authorization = new("Bearer", access);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/identity/me")).StatusCode);

        var revoke = await browser.Http.PostAsync("/connect/revoke", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = access, ["token_type_hint"] = "access_token", ["client_id"] = BrowserSession.ConfidentialClient, ["client_secret"] = BrowserSession.TestSecret,
        }));
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        await (await api.GetAsync("/api/identity/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_machine_client_gets_a_token_with_client_credentials_and_a_wrong_secret_is_refused()
    {
        using var browser = new BrowserSession(platform.BaseAddress);
        var ok = await browser.TokenAsync(new()
        {
            ["grant_type"] = "client_credentials", ["client_id"] = BrowserSession.MachineClient, ["client_secret"] = BrowserSession.TestSecret, ["scope"] = "api",
        });
        var token = await ok.ReadAsync<JsonElement>();
        Assert.Equal("Bearer", token.GetProperty("token_type").GetString());
        Assert.False(token.TryGetProperty("refresh_token", out _));
        using var api = new HttpClient { BaseAddress = platform.BaseAddress };
        api.DefaultRequestHeaders.Authorization = new("Bearer", token.GetProperty("access_token").GetString());
        var me = await (await api.GetAsync("/api/identity/me")).ReadAsync<Caller>();
        Assert.Equal(PlatformRoles.Observer, me.Role);
        await (await api.PostJsonAsync("/api/meetings", new { title = "Rapat mesin" })).AssertProblemAsync(HttpStatusCode.Forbidden);

        var wrong = await browser.TokenAsync(new()
        {
            ["grant_type"] = "client_credentials", ["client_id"] = BrowserSession.MachineClient, ["client_secret"] = "not-the-secret", ["scope"] = "api",
        });
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal("invalid_client", (await JsonAsync(wrong)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task End_session_signs_the_browser_out_and_returns_to_the_registered_uri()
    {
        var (userName, password) = await NewUserAsync();
        using var browser = new BrowserSession(platform.BaseAddress);
        var tokens = await browser.SignInAsync(userName, password);
        var (_, challenge) = BrowserSession.NewPkce();
        Assert.StartsWith(BrowserSession.RedirectUri, (await browser.Http.GetAsync(BrowserSession.AuthorizeUrl(challenge))).Headers.Location!.OriginalString,
            StringComparison.Ordinal);

        var end = await browser.Http.GetAsync("/connect/endsession?id_token_hint=" + tokens.GetProperty("id_token").GetString()
            + "&post_logout_redirect_uri=" + Uri.EscapeDataString(BrowserSession.SignedOutUri));
        Assert.Equal(HttpStatusCode.Found, end.StatusCode);
        Assert.StartsWith(BrowserSession.SignedOutUri, end.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var again = await browser.Http.GetAsync(BrowserSession.AuthorizeUrl(challenge));
        Assert.Contains("/account/login", again.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}

[Collection(SharedHost.Sqlite)]
public sealed class OidcFlowTests_on_Sqlite(SqlitePlatformFixture p) : OidcFlowTests(p);

[Collection(SharedHost.PostgreSql)]
public sealed class OidcFlowTests_on_PostgreSql(PostgreSqlPlatformFixture p) : OidcFlowTests(p);
