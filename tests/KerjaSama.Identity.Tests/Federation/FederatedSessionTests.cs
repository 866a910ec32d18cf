using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using KerjaSama.Modularity.Security;
using KerjaSama.Registry.Contracts;
using KerjaSama.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace KerjaSama.Identity.Tests.Federation;

// Removing or disabling a partner's sign-on registration ends what its users hold: the browser cookie fails on its next request,
// refresh tokens get invalid_grant and access tokens 401 (same host fixture as the other federation tests).
public abstract partial class FederationTests
{
    private sealed record OpenSession(Guid ProviderId, JsonElement Registration, BrowserSession Browser, string RefreshToken, string AccessToken);

    /// <summary>A partner user signed in through the registration: a cookie in the browser and, through it, a code-flow token pair.</summary>
    private async Task<OpenSession> SignedInThroughAsync(PartnerProvider provider, HttpClient admin)
    {
        var domain = $"p{Guid.NewGuid():N}"[..12] + ".go.id";
        var kalsel = (await platform.Services.GetRequiredService<IOrganisationDirectory>().FindByCodeAsync("pemda-63", CancellationToken.None))!;
        var registration = await (await admin.PostJsonAsync("/api/identity/federation", new
        {
            organisationId = kalsel.Id, displayName = "SSO Kalsel", issuer = provider.Issuer.ToString(), clientId = ClientId, clientSecret = ClientSecret,
            scopes = new[] { "profile", "email" }, nameClaim = "name", emailClaim = "email", domains = new[] { domain }, requireApproval = false,
        })).ReadAsync<JsonElement>(HttpStatusCode.Created);
        var providerId = registration.GetProperty("id").GetGuid();
        await provider.AddClientAsync(ClientId, ClientSecret, new Uri(platform.BaseAddress, $"/account/external/callback/{providerId:N}"));
        var email = $"rina@{domain}";
        var account = new PartnerAccount(Guid.NewGuid().ToString("N"), email, "Sandi-Mitra-" + Guid.NewGuid().ToString("N")[..8],
            new Dictionary<string, string> { ["name"] = "Rina Kalsel", ["email"] = email, ["email_verified"] = "true" });
        provider.AddAccount(account);

        var browser = new BrowserSession(platform.BaseAddress);
        await FederationFlow.AssertStatusAsync(await FederationFlow.SignInAsync(browser, providerId, email, email, account.Password), HttpStatusCode.Found);
        Assert.Equal("Rina Kalsel", (await (await browser.Http.GetAsync("/api/identity/me")).ReadAsync<Caller>()).DisplayName);
        // The cookie signs the authorization request in: no password form for a federated user.
        var (verifier, challenge) = BrowserSession.NewPkce();
        var code = await browser.AuthorizeAsync("", "", challenge);
        var tokens = await (await browser.RedeemAsync(code, verifier)).ReadAsync<JsonElement>();
        return new(providerId, registration, browser, tokens.GetProperty("refresh_token").GetString()!, tokens.GetProperty("access_token").GetString()!);
    }

    private async Task AssertEndedAsync(OpenSession session)
    {
        await (await session.Browser.Http.GetAsync("/api/identity/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        var page = await session.Browser.Http.GetAsync("/identity/users");
        Assert.Equal(HttpStatusCode.Found, page.StatusCode);
        Assert.Contains("/account/login", page.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var refresh = await session.Browser.TokenAsync(new()
        {
            ["grant_type"] = "refresh_token", ["refresh_token"] = session.RefreshToken, ["client_id"] = BrowserSession.TestClient,
        });
        Assert.Equal(HttpStatusCode.BadRequest, refresh.StatusCode);
        Assert.Equal("invalid_grant", JsonDocument.Parse(await refresh.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());

        using var api = new HttpClient { BaseAddress = platform.BaseAddress };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", session.AccessToken);
        await (await api.GetAsync("/api/identity/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Deleting_a_registration_ends_the_open_browser_sessions_and_tokens_of_its_users()
    {
        await using var provider = await PartnerProvider.StartAsync();
        using var admin = await SecretariatAsync();
        var session = await SignedInThroughAsync(provider, admin);
        using var _ = session.Browser;

        await FederationFlow.AssertStatusAsync(await admin.DeleteAsync($"/api/identity/federation/{session.ProviderId}"), HttpStatusCode.NoContent);

        await AssertEndedAsync(session);
    }

    [Fact]
    public async Task Disabling_a_registration_ends_the_open_sessions_offers_no_sign_in_and_enabling_it_again_lets_users_sign_in_anew()
    {
        await using var provider = await PartnerProvider.StartAsync();
        using var admin = await SecretariatAsync();
        var session = await SignedInThroughAsync(provider, admin);
        using var _ = session.Browser;
        var r = session.Registration;
        object Body(bool disabled) => new
        {
            organisationId = r.GetProperty("organisationId").GetGuid(), displayName = r.GetProperty("displayName").GetString(),
            issuer = r.GetProperty("issuer").GetString(), clientId = ClientId, nameClaim = "name", emailClaim = "email",
            domains = r.GetProperty("domains").EnumerateArray().Select(d => d.GetString()).ToArray(), requireApproval = false, disabled,
        };
        var email = $"rina@{r.GetProperty("domains")[0].GetString()}";

        var disabled = await (await admin.PutAsJsonAsyncWeb($"/api/identity/federation/{session.ProviderId}", Body(true))).ReadAsync<JsonElement>();
        Assert.True(disabled.GetProperty("disabled").GetBoolean());
        await AssertEndedAsync(session);
        using (var visitor = new BrowserSession(platform.BaseAddress))
            Assert.DoesNotContain("Masuk dengan", await FederationFlow.EmailStepAsync(visitor, email), StringComparison.Ordinal);

        (await admin.PutAsJsonAsyncWeb($"/api/identity/federation/{session.ProviderId}", Body(false))).EnsureSuccessStatusCode();
        using var browser = new BrowserSession(platform.BaseAddress);
        Assert.Contains("Masuk dengan SSO Kalsel", await FederationFlow.EmailStepAsync(browser, email), StringComparison.Ordinal);
    }
}
