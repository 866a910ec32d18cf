using System.Net;
using System.Text.Json;
using KerjaSama.Identity.Persistence;
using KerjaSama.Modularity.Security;
using KerjaSama.Registry.Contracts;
using KerjaSama.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace KerjaSama.Identity.Tests.Federation;

/// <summary>
/// Federation end to end: a partner organisation's own OpenID Connect provider (a second, independent OpenIddict server on
/// another loopback port) registered through the API; its users sign in through it over real HTTP.
/// </summary>
public abstract partial class FederationTests(PlatformFixture platform)
{
    private const string ClientId = "kerjasama-platform";
    private const string ClientSecret = "rahasia-klien-mitra-untuk-uji-2025";

    private async Task<HttpClient> SecretariatAsync() =>
        platform.ClientFor(await platform.SignInAsync(TestOrganisations.Secretariat, TestOrganisations.SecretariatName, PlatformRoles.SecretariatAdmin));

    private async Task<OrganisationInfo> OrganisationAsync(string code) =>
        (await platform.Services.GetRequiredService<IOrganisationDirectory>().FindByCodeAsync(code, CancellationToken.None))!;

    private static string NewDomain() => $"p{Guid.NewGuid():N}"[..12] + ".go.id";

    /// <summary>Registers the provider for the organisation through the API and the platform as its client; returns the registration.</summary>
    private async Task<JsonElement> RegisterAsync(HttpClient admin, PartnerProvider provider, Guid organisationId, string domain, bool requireApproval = true,
        string displayName = "SSO Pemkot Palangka Raya")
    {
        var created = await (await admin.PostJsonAsync("/api/identity/federation", new
        {
            organisationId, displayName, issuer = provider.Issuer.ToString(), clientId = ClientId, clientSecret = ClientSecret,
            scopes = new[] { "profile", "email" }, nameClaim = "nama_lengkap", emailClaim = "surel", domains = new[] { domain }, requireApproval,
        })).ReadAsync<JsonElement>(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        await provider.AddClientAsync(ClientId, ClientSecret, new Uri(platform.BaseAddress, $"/account/external/callback/{id:N}"));
        return created;
    }

    private static PartnerAccount Account(string email, string fullName) =>
        new(Guid.NewGuid().ToString("N"), email, "Sandi-Mitra-" + Guid.NewGuid().ToString("N")[..8], new Dictionary<string, string>
        {
            // "name" holds a nickname: the registration maps the display name from nama_lengkap and the email from surel.
            ["name"] = "panggilan", ["email"] = "lain@contoh.test", ["nama_lengkap"] = fullName, ["surel"] = email,
            ["email_verified"] = "true",
        });

    [Fact]
    public async Task A_partner_user_waits_for_approval_then_signs_in_with_the_registrations_organisation_and_the_mapped_name()
    {
        await using var provider = await PartnerProvider.StartAsync();
        using var admin = await SecretariatAsync();
        var palangkaRaya = await OrganisationAsync("pemda-62.71");
        var domain = NewDomain();
        var registration = await RegisterAsync(admin, provider, palangkaRaya.Id, domain);
        var providerId = registration.GetProperty("id").GetGuid();
        var budi = Account($"budi@{domain}", "Budi Santoso, S.T.");
        provider.AddAccount(budi);

        // The secret is write-only: stored protected, never returned.
        var read = await admin.GetStringAsync($"/api/identity/federation/{providerId}");
        Assert.DoesNotContain(ClientSecret, read, StringComparison.Ordinal);
        Assert.True(JsonDocument.Parse(read).RootElement.GetProperty("hasClientSecret").GetBoolean());
        await using (var scope = platform.Services.CreateAsyncScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<IdentityDb>().IdentityProviders.AsNoTracking().SingleAsync(p => p.Id == providerId);
            Assert.NotNull(stored.ProtectedClientSecret);
            Assert.DoesNotContain(ClientSecret, stored.ProtectedClientSecret, StringComparison.Ordinal);
        }

        // First sign-in: the email step offers the partner's provider; the round trip ends on a clear "waiting" page.
        using var browser = new BrowserSession(platform.BaseAddress);
        Assert.Contains("Masuk dengan SSO Pemkot Palangka Raya", await FederationFlow.EmailStepAsync(browser, budi.UserName), StringComparison.Ordinal);
        var first = await FederationFlow.SignInAsync(browser, providerId, budi.UserName, budi.UserName, budi.Password);
        await FederationFlow.AssertStatusAsync(first, HttpStatusCode.OK);
        Assert.Contains("menunggu persetujuan", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await (await browser.Http.GetAsync("/api/identity/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);

        // The secretariat finds the pending membership (in the registration's organisation, as partner contributor) and approves it.
        var memberships = await (await admin.GetAsync($"/api/identity/memberships?organisationId={palangkaRaya.Id}")).ReadAsync<List<JsonElement>>();
        var pending = Assert.Single(memberships, m => m.GetProperty("userName").GetString() == budi.UserName);
        Assert.Equal("pending", pending.GetProperty("status").GetString());
        Assert.Equal(PlatformRoles.PartnerContributor, pending.GetProperty("role").GetString());
        Assert.Equal("Budi Santoso, S.T.", pending.GetProperty("displayName").GetString());
        (await admin.PutAsJsonAsyncWeb($"/api/identity/memberships/{pending.GetProperty("id").GetGuid()}", new { status = "active" })).EnsureSuccessStatusCode();

        // Second sign-in: same (issuer, subject), same local user, now signed in.
        using var again = new BrowserSession(platform.BaseAddress);
        var second = await FederationFlow.SignInAsync(again, providerId, budi.UserName, budi.UserName, budi.Password, "/partners");
        await FederationFlow.AssertStatusAsync(second, HttpStatusCode.Found);
        Assert.Equal("/partners", second.Headers.Location!.OriginalString);
        var me = await (await again.Http.GetAsync("/api/identity/me")).ReadAsync<Caller>();
        Assert.Equal(pending.GetProperty("userId").GetGuid(), me.UserId);
        Assert.Equal(palangkaRaya.Id, me.OrganisationId);
        Assert.Equal(palangkaRaya.Name, me.OrganisationName);
        Assert.Equal(PlatformRoles.PartnerContributor, me.Role);
        Assert.Equal("Budi Santoso, S.T.", me.DisplayName);

        var audit = await (await admin.GetAsync($"/api/identity/audit?userId={me.UserId}")).ReadAsync<List<JsonElement>>();
        Assert.Contains(audit, a => a.GetProperty("kind").GetString() == "sign_in" && a.GetProperty("detail").GetString()!.Contains(provider.Issuer.ToString(), StringComparison.Ordinal));
        Assert.Contains(audit, a => a.GetProperty("kind").GetString() == "sign_in_failed" && a.GetProperty("detail").GetString()!.Contains("pending approval", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_user_whose_email_domain_the_registration_does_not_serve_is_refused_and_gets_no_membership()
    {
        await using var provider = await PartnerProvider.StartAsync();
        using var admin = await SecretariatAsync();
        var kalsel = await OrganisationAsync("pemda-63");
        var domain = NewDomain();
        var providerId = (await RegisterAsync(admin, provider, kalsel.Id, domain, requireApproval: false)).GetProperty("id").GetGuid();
        // The provider vouches for an address of a domain it was not registered for.
        var stranger = Account($"eve@{NewDomain()}", "Eve");
        provider.AddAccount(stranger);

        using var browser = new BrowserSession(platform.BaseAddress);
        var challenge = await FederationFlow.ChooseProviderAsync(browser, providerId, $"someone@{domain}");
        var answer = await FederationFlow.FollowToCallbackAsync(browser, challenge, stranger.UserName, stranger.Password);
        await FederationFlow.AssertStatusAsync(answer, HttpStatusCode.Forbidden);
        Assert.DoesNotContain(browser.Cookies.GetAllCookies(), c => c.Name == "kerjasama.auth");
        var memberships = await (await admin.GetAsync($"/api/identity/memberships?organisationId={kalsel.Id}")).ReadAsync<List<JsonElement>>();
        Assert.DoesNotContain(memberships, m => m.GetProperty("userName").GetString()!.Contains("eve@", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unregistered_domain_is_offered_no_provider_and_an_unknown_provider_cannot_be_chosen()
    {
        using var browser = new BrowserSession(platform.BaseAddress);
        var page = await FederationFlow.EmailStepAsync(browser, $"orang@{NewDomain()}");
        Assert.DoesNotContain("Masuk dengan", page, StringComparison.Ordinal);
        Assert.Contains("Tidak ada SSO organisasi", page, StringComparison.Ordinal);
        var response = await browser.Http.PostAsync($"/account/external/{Guid.NewGuid():N}", new FormUrlEncodedContent(
            [BrowserSession.AntiforgeryFieldOf(page), KeyValuePair.Create("ReturnUrl", "/")]));
        await FederationFlow.AssertStatusAsync(response, HttpStatusCode.NotFound);
        // A cross-site post (no antiforgery token) cannot start a federated sign-in for the victim's browser.
        var forged = await browser.Http.PostAsync($"/account/external/{Guid.NewGuid():N}", new FormUrlEncodedContent([KeyValuePair.Create("ReturnUrl", "/")]));
        await FederationFlow.AssertStatusAsync(forged, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_answer_from_an_unregistered_issuer_is_refused()
    {
        await using var registered = await PartnerProvider.StartAsync();
        await using var impostor = await PartnerProvider.StartAsync();
        using var admin = await SecretariatAsync();
        var domain = NewDomain();
        var providerId = (await RegisterAsync(admin, registered, (await OrganisationAsync("pemda-62.71")).Id, domain, requireApproval: false))
            .GetProperty("id").GetGuid();
        // The impostor knows the platform as a client too, and has a user of the registered domain.
        await impostor.AddClientAsync(ClientId, ClientSecret, new Uri(platform.BaseAddress, $"/account/external/callback/{providerId:N}"));
        var mallory = Account($"mallory@{domain}", "Mallory");
        impostor.AddAccount(mallory);

        // Mix-up: the authorization request meant for the registered provider is sent to the impostor instead.
        using var browser = new BrowserSession(platform.BaseAddress);
        var challenge = await FederationFlow.ChooseProviderAsync(browser, providerId, mallory.UserName);
        var meant = new Uri(challenge.RequestMessage!.RequestUri!, challenge.Headers.Location!);
        Assert.Equal(registered.Issuer.Authority, meant.Authority);
        var diverted = await browser.Http.GetAsync(new Uri(impostor.Issuer, meant.PathAndQuery));
        var answer = await FederationFlow.FollowToCallbackAsync(browser, diverted, mallory.UserName, mallory.Password);
        await FederationFlow.AssertStatusAsync(answer, HttpStatusCode.BadRequest);
        Assert.DoesNotContain(browser.Cookies.GetAllCookies(), c => c.Name == "kerjasama.auth");
        await (await browser.Http.GetAsync("/api/identity/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_auto_approved_registration_signs_in_at_once_and_its_removal_takes_effect_without_a_restart()
    {
        await using var provider = await PartnerProvider.StartAsync();
        using var admin = await SecretariatAsync();
        var domain = NewDomain();
        var providerId = (await RegisterAsync(admin, provider, (await OrganisationAsync("pemda-63")).Id, domain, requireApproval: false,
            displayName: "SSO Kalsel")).GetProperty("id").GetGuid();
        var siti = Account($"siti@{domain}", "Siti Aminah");
        provider.AddAccount(siti);

        using (var browser = new BrowserSession(platform.BaseAddress))
        {
            // The return URL survives the round trip only as a local path: no open redirect through the provider.
            var answer = await FederationFlow.SignInAsync(browser, providerId, siti.UserName, siti.UserName, siti.Password, "//evil.example/steal");
            await FederationFlow.AssertStatusAsync(answer, HttpStatusCode.Found);
            Assert.Equal("/", answer.Headers.Location!.OriginalString);
            Assert.Equal("Siti Aminah", (await (await browser.Http.GetAsync("/api/identity/me")).ReadAsync<Caller>()).DisplayName);
        }

        // An update shows at once (same host: no restart, no wait).
        var update = await admin.PutAsJsonAsyncWeb($"/api/identity/federation/{providerId}", new
        {
            organisationId = (await OrganisationAsync("pemda-63")).Id, displayName = "SSO Pemprov Kalsel", issuer = provider.Issuer.ToString(), clientId = ClientId,
            nameClaim = "nama_lengkap", emailClaim = "surel", domains = new[] { domain }, requireApproval = false,
        });
        await FederationFlow.AssertStatusAsync(update, HttpStatusCode.OK);
        using var late = new BrowserSession(platform.BaseAddress);
        Assert.Contains("Masuk dengan SSO Pemprov Kalsel", await FederationFlow.EmailStepAsync(late, siti.UserName), StringComparison.Ordinal);
        // A sign-in started before the removal ...
        var started = await FederationFlow.ChooseProviderAsync(late, providerId, siti.UserName);
        await FederationFlow.AssertStatusAsync(started, HttpStatusCode.Found);

        await FederationFlow.AssertStatusAsync(await admin.DeleteAsync($"/api/identity/federation/{providerId}"), HttpStatusCode.NoContent);

        // ... cannot finish, and the provider is neither offered nor can be chosen any more.
        var finished = await FederationFlow.FollowToCallbackAsync(late, started, siti.UserName, siti.Password);
        await FederationFlow.AssertStatusAsync(finished, HttpStatusCode.BadRequest);
        using var after = new BrowserSession(platform.BaseAddress);
        var page = await FederationFlow.EmailStepAsync(after, siti.UserName);
        Assert.DoesNotContain("Masuk dengan", page, StringComparison.Ordinal);
        var chosen = await after.Http.PostAsync($"/account/external/{providerId:N}", new FormUrlEncodedContent(
            [BrowserSession.AntiforgeryFieldOf(page), KeyValuePair.Create("ReturnUrl", "/")]));
        await FederationFlow.AssertStatusAsync(chosen, HttpStatusCode.NotFound);
        await (await admin.GetAsync($"/api/identity/federation/{providerId}")).AssertProblemAsync(HttpStatusCode.NotFound, "identity_provider_not_found");
    }

    [Fact]
    public async Task Invalid_registrations_are_refused_field_by_field_and_nothing_is_stored()
    {
        using var admin = await SecretariatAsync();
        var partner = (await OrganisationAsync("pemda-62.71")).Id;
        var agency = (await OrganisationAsync("62-dinkes")).Id;
        var taken = NewDomain();
        await using var provider = await PartnerProvider.StartAsync();
        await RegisterAsync(admin, provider, partner, taken);
        var before = (await (await admin.GetAsync("/api/identity/federation")).ReadAsync<List<JsonElement>>()).Count;

        object Request(string issuer, Guid organisationId, string[] domains, string clientId = ClientId) =>
            new { organisationId, displayName = "SSO", issuer, clientId, clientSecret = "s", domains };
        var cases = new (object Body, string Field)[]
        {
            (Request("http://sso.example.go.id/", partner, [NewDomain()]), "issuer"),
            (Request("ftp://127.0.0.1/", partner, [NewDomain()]), "issuer"),
            (Request("https://sso.example.go.id/?tenant=1", partner, [NewDomain()]), "issuer"),
            (Request("not a url", partner, [NewDomain()]), "issuer"),
            (Request("https://sso.example.go.id/", agency, [NewDomain()]), "organisationId"),
            (Request("https://sso.example.go.id/", Guid.NewGuid(), [NewDomain()]), "organisationId"),
            (Request("https://sso.example.go.id/", partner, ["not a domain"]), "domains"),
            (Request("https://sso.example.go.id/", partner, []), "domains"),
            (Request("https://sso.example.go.id/", partner, [taken]), "domains"),
            (Request(provider.Issuer.ToString(), partner, [NewDomain()]), "issuer"),
            (Request("https://sso.example.go.id/", partner, [NewDomain()], clientId: ""), "clientId"),
        };
        foreach (var (body, field) in cases)
            await (await admin.PostJsonAsync("/api/identity/federation", body)).AssertValidationProblemAsync(field);

        Assert.Equal(before, (await (await admin.GetAsync("/api/identity/federation")).ReadAsync<List<JsonElement>>()).Count);
        using var partnerUser = platform.ClientFor(await platform.SignInAsync(partner, "Kota Palangka Raya", PlatformRoles.PartnerContributor));
        await (await partnerUser.GetAsync("/api/identity/federation")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await partnerUser.PostJsonAsync("/api/identity/federation", Request("https://sso.example.go.id/", partner, [NewDomain()])))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
    }
}

[Collection(SharedHost.Sqlite)]
public sealed class FederationTests_on_Sqlite(SqlitePlatformFixture p) : FederationTests(p);

[Collection(SharedHost.PostgreSql)]
public sealed class FederationTests_on_PostgreSql(PostgreSqlPlatformFixture p) : FederationTests(p);
