using System.Net;
using System.Text.Json;
using KerjaSama.Modularity.Security;
using KerjaSama.Registry.Contracts;
using KerjaSama.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using KerjaSama.SharedKernel;

namespace KerjaSama.Identity.Tests;

/// <summary>Attacks on the sign-in and the API: each gets the standard answer and leaves a trace in the audit log.</summary>
public abstract class AccountSecurityTests(PlatformFixture platform)
{
    private static readonly Guid Organisation = TestOrganisations.Secretariat;

    private Task<TestUser> SecretariatAsync() =>
        platform.SignInAsync(Organisation, TestOrganisations.SecretariatName, PlatformRoles.SecretariatAdmin);

    private async Task<List<JsonElement>> AuditAsync(Guid userId)
    {
        using var admin = platform.ClientFor(await SecretariatAsync());
        return await (await admin.GetAsync($"/api/identity/audit?userId={userId}")).ReadAsync<List<JsonElement>>();
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_password()
    {
        var (userName, password, userId) = await platform.CreateUserAsync(Organisation, TestOrganisations.SecretariatName, PlatformRoles.AgencyContributor);
        using var browser = new BrowserSession(platform.BaseAddress);
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.BadRequest, (await browser.PostLoginAsync(userName, "Salah-" + i + "-kata-sandi", "/")).StatusCode);

        var right = await browser.PostLoginAsync(userName, password, "/");
        Assert.Equal(HttpStatusCode.BadRequest, right.StatusCode);
        Assert.Contains("dikunci", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var audit = await AuditAsync(userId);
        Assert.Contains(audit, a => a.GetProperty("kind").GetString() == "locked_out" && a.GetProperty("ipAddress").GetString() == "127.0.0.1");
        Assert.True(audit.Count(a => a.GetProperty("kind").GetString() == "sign_in_failed") >= 4);
    }

    [Fact]
    public async Task A_good_sign_in_is_audited_with_who_when_and_where()
    {
        var (userName, password, userId) = await platform.CreateUserAsync(Organisation, TestOrganisations.SecretariatName, PlatformRoles.Observer);
        using var browser = new BrowserSession(platform.BaseAddress);
        Assert.Equal(HttpStatusCode.Found, (await browser.PostLoginAsync(userName, password, "/")).StatusCode);
        var entry = Assert.Single(await AuditAsync(userId), a => a.GetProperty("kind").GetString() == "sign_in");
        Assert.Equal("127.0.0.1", entry.GetProperty("ipAddress").GetString());
        Assert.Equal(userName, entry.GetProperty("subject").GetString());
        Assert.True(DateTimeOffset.UtcNow - entry.GetProperty("at").GetDateTimeOffset() < TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task Failed_sign_ins_are_audited_with_the_typed_name_the_time_and_the_address_also_for_unknown_names()
    {
        var (userName, _, userId) = await platform.CreateUserAsync(Organisation, TestOrganisations.SecretariatName, PlatformRoles.Observer);
        var unknown = $"tidak.ada.{Guid.NewGuid():N}@tests.kerjasama";
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);
        using var browser = new BrowserSession(platform.BaseAddress);
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.PostLoginAsync(userName, "Salah-kata-sandi-satu", "/")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.PostLoginAsync(unknown, "Salah-kata-sandi-dua", "/")).StatusCode);

        var mine = Assert.Single(await AuditAsync(userId), a => a.GetProperty("kind").GetString() == "sign_in_failed");
        Assert.Equal(userName, mine.GetProperty("subject").GetString());
        Assert.Equal("127.0.0.1", mine.GetProperty("ipAddress").GetString());
        Assert.Contains("wrong password", mine.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.InRange(mine.GetProperty("at").GetDateTimeOffset(), before, DateTimeOffset.UtcNow.AddSeconds(5));

        using var admin = platform.ClientFor(await SecretariatAsync());
        var all = await (await admin.GetAsync("/api/identity/audit")).ReadAsync<List<JsonElement>>();
        var stranger = Assert.Single(all, a => a.GetProperty("subject").GetString() == unknown);
        Assert.Equal("sign_in_failed", stranger.GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, stranger.GetProperty("userId").ValueKind);
        Assert.Equal("127.0.0.1", stranger.GetProperty("ipAddress").GetString());
        Assert.InRange(stranger.GetProperty("at").GetDateTimeOffset(), before, DateTimeOffset.UtcNow.AddSeconds(5));
    }

    [Fact]
    public async Task The_password_policy_refuses_short_and_common_passwords()
    {
        using var admin = platform.ClientFor(await SecretariatAsync());
        var organisations = platform.Services.GetRequiredService<IOrganisationDirectory>();
        var agency = (await organisations.FindByCodeAsync("62-dinkes", CancellationToken.None))!;
        foreach (var weak in new[] { "Pendek-123", "password1234", "indonesia2025", "aaaaaaaaaaaaaaaa" })
        {
            var response = await admin.PostJsonAsync("/api/identity/users", new
            {
                userName = $"u{Guid.NewGuid():N}@tests.kerjasama", displayName = "Calon", password = weak, organisationId = agency.Id,
                role = PlatformRoles.Observer,
            });
            await response.AssertProblemAsync(HttpStatusCode.BadRequest, "password_rejected");
        }
    }

    [Fact]
    public async Task A_role_change_by_the_secretariat_is_audited_and_applies_at_the_next_refresh()
    {
        var organisations = platform.Services.GetRequiredService<IOrganisationDirectory>();
        var agency = (await organisations.FindByCodeAsync("62-dinkes", CancellationToken.None))!;
        var admin = await SecretariatAsync();
        using var adminClient = platform.ClientFor(admin);
        var created = await (await adminClient.PostJsonAsync("/api/identity/users", new
        {
            userName = $"u{Guid.NewGuid():N}@tests.kerjasama", displayName = "Staf Dinkes", password = "Sungai-Kahayan-2025", organisationId = agency.Id,
            role = PlatformRoles.AgencyContributor,
        })).ReadAsync<JsonElement>(HttpStatusCode.Created);
        Assert.Equal(agency.Name, created.GetProperty("organisationName").GetString());

        var changed = await adminClient.PutAsJsonAsyncWeb($"/api/identity/memberships/{created.GetProperty("id").GetGuid()}", new { role = PlatformRoles.Observer });
        Assert.Equal(PlatformRoles.Observer, (await changed.ReadAsync<JsonElement>()).GetProperty("role").GetString());
        var entry = Assert.Single(await AuditAsync(created.GetProperty("userId").GetGuid()), a => a.GetProperty("kind").GetString() == "role_changed");
        Assert.Equal(admin.Caller.UserId, entry.GetProperty("actorId").GetGuid());
        Assert.Equal("127.0.0.1", entry.GetProperty("ipAddress").GetString());
    }

    [Fact]
    public async Task A_suspended_membership_can_no_longer_refresh()
    {
        var (userName, password, userId) = await platform.CreateUserAsync(Organisation, TestOrganisations.SecretariatName, PlatformRoles.AgencyContributor);
        using var browser = new BrowserSession(platform.BaseAddress);
        var tokens = await browser.SignInAsync(userName, password);
        using var admin = platform.ClientFor(await SecretariatAsync());
        var memberships = await (await admin.GetAsync($"/api/identity/memberships?organisationId={Organisation}")).ReadAsync<List<JsonElement>>();
        var membership = memberships.Single(m => m.GetProperty("userId").GetGuid() == userId).GetProperty("id").GetGuid();
        (await admin.PutAsJsonAsyncWeb($"/api/identity/memberships/{membership}", new { status = "suspended" })).EnsureSuccessStatusCode();

        var refresh = await browser.TokenAsync(new()
        {
            ["grant_type"] = "refresh_token", ["refresh_token"] = tokens.GetProperty("refresh_token").GetString(), ["client_id"] = BrowserSession.TestClient,
        });
        Assert.Equal(HttpStatusCode.BadRequest, refresh.StatusCode);
    }

    [Fact]
    public async Task The_sign_in_form_never_redirects_to_another_site()
    {
        var (userName, password, _) = await platform.CreateUserAsync(Organisation, TestOrganisations.SecretariatName, PlatformRoles.Observer);
        foreach (var target in new[] { "https://evil.example/steal", "//evil.example/steal", "/\\evil.example/steal" })
        {
            using var browser = new BrowserSession(platform.BaseAddress);
            var response = await browser.PostLoginAsync(userName, password, target);
            Assert.Equal(HttpStatusCode.Found, response.StatusCode);
            Assert.Equal("/", response.Headers.Location!.OriginalString);
        }
    }

    [Fact]
    public async Task A_cross_site_form_post_without_the_antiforgery_token_is_refused()
    {
        var (userName, password, _) = await platform.CreateUserAsync(Organisation, TestOrganisations.SecretariatName, PlatformRoles.Observer);
        using var browser = new BrowserSession(platform.BaseAddress);
        var response = await browser.Http.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName, ["Password"] = password, ["ReturnUrl"] = "/",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(browser.Cookies.GetAllCookies(), c => c.Name == "kerjasama.auth");
    }

    [Fact]
    public async Task A_tampered_sign_in_cookie_is_worth_nothing()
    {
        var (userName, password, _) = await platform.CreateUserAsync(Organisation, TestOrganisations.SecretariatName, PlatformRoles.Observer);
        using var browser = new BrowserSession(platform.BaseAddress);
        await browser.PostLoginAsync(userName, password, "/");
        Assert.Equal(HttpStatusCode.OK, (await browser.Http.GetAsync("/api/identity/me")).StatusCode);
        var cookie = browser.Cookies.GetAllCookies().Single(c => c.Name == "kerjasama.auth");
        cookie.Value = cookie.Value[..^6] + (cookie.Value.EndsWith("AAAAAA", StringComparison.Ordinal) ? "BBBBBB" : "AAAAAA");
        await (await browser.Http.GetAsync("/api/identity/me")).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Fact]
    public async Task Without_a_token_the_API_answers_a_401_problem_not_a_redirect()
    {
        await (await platform.Client.GetAsync("/api/meetings")).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
        using var forged = new HttpClient { BaseAddress = platform.BaseAddress };
        forged.DefaultRequestHeaders.Authorization = new("Bearer", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.");
        await (await forged.GetAsync("/api/meetings")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_registry_write_pages_send_an_anonymous_browser_to_the_sign_in_form()
    {
        using var browser = new BrowserSession(platform.BaseAddress);
        foreach (var page in new[] { "/registry/organisations/new", "/registry/import" })
        {
            var response = await browser.Http.GetAsync(page);
            Assert.Equal(HttpStatusCode.Found, response.StatusCode);
            Assert.Contains("/account/login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        var (userName, password, _) = await platform.CreateUserAsync(Organisation, TestOrganisations.SecretariatName, PlatformRoles.SecretariatAdmin);
        await browser.PostLoginAsync(userName, password, "/");
        Assert.Equal(HttpStatusCode.OK, (await browser.Http.GetAsync("/registry/organisations/new")).StatusCode);
    }

    [Fact]
    public async Task An_access_token_in_the_query_string_is_ignored_outside_the_hubs()
    {
        var user = await platform.SignInAsync(Organisation, TestOrganisations.SecretariatName, PlatformRoles.Observer);
        var response = await platform.Client.GetAsync("/api/identity/me?access_token=" + Uri.EscapeDataString(user.AccessToken));
        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_contributor_cannot_do_what_only_the_secretariat_or_a_facilitator_may()
    {
        using var contributor = platform.ClientFor(await platform.SignInAsync(Organisation, TestOrganisations.SecretariatName, PlatformRoles.AgencyContributor));
        var meeting = await contributor.PostJsonAsync("/api/meetings", new { title = "Rapat", startsAt = "2025-02-25T09:00:00+07:00", timeZone = "WIB" });
        await meeting.AssertProblemAsync(HttpStatusCode.Forbidden, ProblemCodes.Forbidden);
        var organisation = await contributor.PostJsonAsync("/api/registry/organisations", new { code = "62-x", name = "X", kind = "agency" });
        await organisation.AssertProblemAsync(HttpStatusCode.Forbidden, ProblemCodes.Forbidden);
        await (await contributor.GetAsync("/api/identity/audit")).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_partner_reads_its_own_profile_but_not_another_partners()
    {
        var organisations = platform.Services.GetRequiredService<IOrganisationDirectory>();
        var palangkaRaya = (await organisations.FindByCodeAsync("pemda-62.71", CancellationToken.None))!;
        var kalsel = (await organisations.FindByCodeAsync("pemda-63", CancellationToken.None))!;
        using var partner = platform.ClientFor(await platform.SignInAsync(palangkaRaya.Id, palangkaRaya.Name, PlatformRoles.PartnerContributor));
        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync($"/api/partners/{palangkaRaya.Id}")).StatusCode);
        await (await partner.GetAsync($"/api/partners/{kalsel.Id}")).AssertProblemAsync(HttpStatusCode.Forbidden, "partner_not_shared");
    }
}

[Collection(SharedHost.Sqlite)]
public sealed class AccountSecurityTests_on_Sqlite(SqlitePlatformFixture p) : AccountSecurityTests(p);

[Collection(SharedHost.PostgreSql)]
public sealed class AccountSecurityTests_on_PostgreSql(PostgreSqlPlatformFixture p) : AccountSecurityTests(p);

internal static class JsonPut
{
    public static Task<HttpResponseMessage> PutAsJsonAsyncWeb<T>(this HttpClient client, string url, T body) =>
        System.Net.Http.Json.HttpClientJsonExtensions.PutAsJsonAsync(client, url, body, HttpAssertions.Json);
}
