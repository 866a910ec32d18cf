using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using KerjaSama.Modularity.Security;
using KerjaSama.TestKit;
using Xunit;

namespace KerjaSama.Identity.Tests.Lifetimes;

/// <summary>
/// Expired credentials over real HTTP: the sign-in clock is moved past each lifetime (code 2 min, access token 10 min, sign-in
/// 12 h) and the API, the hub and the token endpoint refuse with the standard errors.
/// </summary>
public abstract class TokenLifetimeTests(ClockedPlatformFixture platform)
{
    private async Task<(string UserName, string Password)> NewUserAsync()
    {
        var (userName, password, _) = await platform.CreateUserAsync(TestOrganisations.Secretariat, TestOrganisations.SecretariatName,
            PlatformRoles.Facilitator);
        return (userName, password);
    }

    private static async Task<string?> ErrorOfAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString();

    private static void AssertInvalidTokenChallenge(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
        Assert.Contains("error=\"invalid_token\"", challenge.Parameter, StringComparison.Ordinal);
    }

    private HttpRequestMessage Negotiate(string token, bool inQuery = false)
    {
        var request = new HttpRequestMessage(HttpMethod.Post,
            new Uri(platform.BaseAddress, "/hubs/mapping/negotiate?negotiateVersion=1" + (inQuery ? "&access_token=" + Uri.EscapeDataString(token) : "")));
        if (!inQuery)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    [Fact]
    public async Task An_expired_access_token_is_refused_by_the_API_and_the_hub_with_invalid_token()
    {
        var (userName, password) = await NewUserAsync();
        using var browser = new BrowserSession(platform.BaseAddress);
        var access = (await browser.SignInAsync(userName, password)).GetProperty("access_token").GetString()!;
        using var api = new HttpClient { BaseAddress = platform.BaseAddress };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", access);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/identity/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await platform.Client.SendAsync(Negotiate(access))).StatusCode);

        platform.Clock.Advance(TimeSpan.FromMinutes(11));

        var refused = await api.GetAsync("/api/identity/me");
        AssertInvalidTokenChallenge(refused);
        await refused.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
        AssertInvalidTokenChallenge(await platform.Client.SendAsync(Negotiate(access)));
        AssertInvalidTokenChallenge(await platform.Client.SendAsync(Negotiate(access, inQuery: true)));
    }

    [Fact]
    public async Task An_expired_authorization_code_gets_invalid_grant()
    {
        var (userName, password) = await NewUserAsync();
        using var browser = new BrowserSession(platform.BaseAddress);
        var (verifier, challenge) = BrowserSession.NewPkce();
        var code = await browser.AuthorizeAsync(userName, password, challenge);

        platform.Clock.Advance(TimeSpan.FromMinutes(3));

        var response = await browser.RedeemAsync(code, verifier);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_grant", await ErrorOfAsync(response));
    }

    [Fact]
    public async Task A_refresh_token_chain_ends_at_the_absolute_lifetime_of_the_sign_in_however_recently_it_was_rotated()
    {
        var (userName, password) = await NewUserAsync();
        using var browser = new BrowserSession(platform.BaseAddress);
        var first = (await browser.SignInAsync(userName, password)).GetProperty("refresh_token").GetString();

        platform.Clock.Advance(TimeSpan.FromHours(11));
        var rotated = await (await browser.TokenAsync(new()
        {
            ["grant_type"] = "refresh_token", ["refresh_token"] = first, ["client_id"] = BrowserSession.TestClient,
        })).ReadAsync<JsonElement>();
        var second = rotated.GetProperty("refresh_token").GetString();

        // The second refresh token is two hours old (its own lifetime is 12 h), but the sign-in began 13 h ago.
        platform.Clock.Advance(TimeSpan.FromHours(2));
        var response = await browser.TokenAsync(new() { ["grant_type"] = "refresh_token", ["refresh_token"] = second, ["client_id"] = BrowserSession.TestClient });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_grant", await ErrorOfAsync(response));
    }
}

[Collection(ClockedSqliteCollection.Name)]
public sealed class TokenLifetimeTests_on_Sqlite(ClockedSqlitePlatformFixture p) : TokenLifetimeTests(p);

[Collection(ClockedPostgreSqlCollection.Name)]
public sealed class TokenLifetimeTests_on_PostgreSql(ClockedPostgreSqlPlatformFixture p) : TokenLifetimeTests(p);
