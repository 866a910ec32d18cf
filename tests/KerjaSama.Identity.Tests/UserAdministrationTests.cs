using System.Net;
using System.Text.Json;
using KerjaSama.Identity.Users;
using KerjaSama.Modularity.Security;
using KerjaSama.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using KerjaSama.SharedKernel;

namespace KerjaSama.Identity.Tests;

/// <summary>The secretariat's user pages and API: approve, suspend, change roles, invite; each change audited with who and where.</summary>
public abstract class UserAdministrationTests(PlatformFixture platform)
{
    private static readonly Guid Organisation = TestOrganisations.Secretariat;

    private async Task<(Guid UserId, Guid MembershipId, string UserName)> PendingUserAsync()
    {
        await using var scope = platform.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
        var userName = $"calon.{Guid.NewGuid():N}@tests.kerjasama";
        var (user, _) = await accounts.CreateAsync(userName, "Calon Pengguna", "Kahayan-Sungai-2025", null, CancellationToken.None);
        var membership = await accounts.AddMembershipAsync(user!.Id, Organisation, TestOrganisations.SecretariatName, PlatformRoles.AgencyContributor,
            MembershipStatus.Pending, CancellationToken.None);
        return (user.Id, membership.Id, userName);
    }

    private async Task<List<JsonElement>> AuditAsync(HttpClient admin, Guid userId) =>
        await (await admin.GetAsync($"/api/identity/audit?userId={userId}")).ReadAsync<List<JsonElement>>();

    private async Task<JsonElement> MembershipAsync(HttpClient admin, Guid membershipId) =>
        (await (await admin.GetAsync($"/api/identity/memberships?organisationId={Organisation}")).ReadAsync<List<JsonElement>>())
        .Single(m => m.GetProperty("id").GetGuid() == membershipId);

    [Fact]
    public async Task The_secretariat_approves_changes_the_role_and_suspends_on_the_users_page_and_each_change_is_audited()
    {
        var (userId, membershipId, userName) = await PendingUserAsync();
        using var browser = await PageForms.SignedInAsync(platform, Organisation, TestOrganisations.SecretariatName, PlatformRoles.SecretariatAdmin, "Admin Halaman");
        var adminUser = await platform.SignInAsync(Organisation, TestOrganisations.SecretariatName, PlatformRoles.SecretariatAdmin);
        using var api = platform.ClientFor(adminUser);
        Assert.Contains(userName, await browser.Http.GetStringAsync("/identity/users?status=pending"), StringComparison.Ordinal);

        (await PageForms.PostAsync(browser, "/identity/users?status=pending", $"approve-{membershipId:N}")).EnsureSuccessStatusCode();
        Assert.Equal("active", (await MembershipAsync(api, membershipId)).GetProperty("status").GetString());
        (await PageForms.PostAsync(browser, "/identity/users", $"role-{membershipId:N}", new() { ["role"] = PlatformRoles.Observer })).EnsureSuccessStatusCode();
        Assert.Equal(PlatformRoles.Observer, (await MembershipAsync(api, membershipId)).GetProperty("role").GetString());
        (await PageForms.PostAsync(browser, "/identity/users", $"suspend-{membershipId:N}")).EnsureSuccessStatusCode();
        Assert.Equal("suspended", (await MembershipAsync(api, membershipId)).GetProperty("status").GetString());

        var me = await (await browser.Http.GetAsync("/api/identity/me")).ReadAsync<Caller>();
        var audit = await AuditAsync(api, userId);
        Assert.Equal(2, audit.Count(a => a.GetProperty("kind").GetString() == "membership_status_changed"));
        var role = Assert.Single(audit, a => a.GetProperty("kind").GetString() == "role_changed");
        Assert.Equal(me.UserId, role.GetProperty("actorId").GetGuid());
        Assert.Equal("127.0.0.1", role.GetProperty("ipAddress").GetString());
        Assert.Contains("agency_contributor -> observer", role.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.All(audit.Where(a => a.GetProperty("kind").GetString() == "membership_status_changed"),
            a => Assert.Equal(me.UserId, a.GetProperty("actorId").GetGuid()));
    }

    [Fact]
    public async Task The_secretariat_approves_and_suspends_through_the_API_and_a_suspended_user_cannot_sign_in()
    {
        var (userId, membershipId, userName) = await PendingUserAsync();
        using var api = platform.ClientFor(await platform.SignInAsync(Organisation, TestOrganisations.SecretariatName, PlatformRoles.SecretariatAdmin));
        var pending = await (await api.GetAsync($"/api/identity/memberships?organisationId={Organisation}&status=pending")).ReadAsync<List<JsonElement>>();
        Assert.Contains(pending, m => m.GetProperty("id").GetGuid() == membershipId);
        Assert.All(pending, m => Assert.Equal("pending", m.GetProperty("status").GetString()));

        using var browser = new BrowserSession(platform.BaseAddress);
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.PostLoginAsync(userName, "Kahayan-Sungai-2025", "/")).StatusCode);
        (await api.PutAsJsonAsyncWeb($"/api/identity/memberships/{membershipId}", new { status = "active" })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Found, (await browser.PostLoginAsync(userName, "Kahayan-Sungai-2025", "/")).StatusCode);
        (await api.PutAsJsonAsyncWeb($"/api/identity/memberships/{membershipId}", new { status = "suspended" })).EnsureSuccessStatusCode();
        using var later = new BrowserSession(platform.BaseAddress);
        Assert.Equal(HttpStatusCode.BadRequest, (await later.PostLoginAsync(userName, "Kahayan-Sungai-2025", "/")).StatusCode);
        Assert.Equal(2, (await AuditAsync(api, userId)).Count(a => a.GetProperty("kind").GetString() == "membership_status_changed"));
    }

    [Fact]
    public async Task Someone_outside_the_secretariat_gets_403_and_changes_nothing()
    {
        var (_, membershipId, _) = await PendingUserAsync();
        using var contributor = platform.ClientFor(await platform.SignInAsync(Organisation, TestOrganisations.SecretariatName, PlatformRoles.Facilitator));
        await (await contributor.PutAsJsonAsyncWeb($"/api/identity/memberships/{membershipId}", new { status = "active", role = PlatformRoles.SecretariatAdmin }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, ProblemCodes.Forbidden);
        await (await contributor.PostJsonAsync("/api/identity/invitations", new
        {
            userName = $"x{Guid.NewGuid():N}@tests.kerjasama", displayName = "X", organisationId = Organisation, role = PlatformRoles.SecretariatAdmin,
        })).AssertProblemAsync(HttpStatusCode.Forbidden, ProblemCodes.Forbidden);
        using var browser = await PageForms.SignedInAsync(platform, Organisation, TestOrganisations.SecretariatName, PlatformRoles.AgencyContributor);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.Http.GetAsync("/identity/users")).StatusCode);

        using var admin = platform.ClientFor(await platform.SignInAsync(Organisation, TestOrganisations.SecretariatName, PlatformRoles.SecretariatAdmin));
        var membership = await MembershipAsync(admin, membershipId);
        Assert.Equal("pending", membership.GetProperty("status").GetString());
        Assert.Equal(PlatformRoles.AgencyContributor, membership.GetProperty("role").GetString());
    }

    [Fact]
    public async Task Suspending_a_user_ends_the_open_browser_session_on_its_next_request_and_revokes_its_tokens()
    {
        var (userName, password, userId) = await platform.CreateUserAsync(Organisation, TestOrganisations.SecretariatName, PlatformRoles.AgencyContributor);
        using var browser = new BrowserSession(platform.BaseAddress);
        Assert.Equal(HttpStatusCode.Found, (await browser.PostLoginAsync(userName, password, "/")).StatusCode);
        var (verifier, challenge) = BrowserSession.NewPkce();
        var tokens = await (await browser.RedeemAsync(await browser.AuthorizeAsync(userName, password, challenge), verifier)).ReadAsync<JsonElement>();
        using var bearer = platform.ClientFor(new TestUser(null!, tokens.GetProperty("access_token").GetString()!));
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/api/identity/me")).StatusCode);
        using var api = platform.ClientFor(await platform.SignInAsync(Organisation, TestOrganisations.SecretariatName, PlatformRoles.SecretariatAdmin));
        var membershipId = (await MembershipsOfAsync(api, userId)).Single().GetProperty("id").GetGuid();

        // A role change reaches the open browser session on its very next request (not after the periodic re-read).
        (await api.PutAsJsonAsyncWeb($"/api/identity/memberships/{membershipId}", new { role = PlatformRoles.Observer })).EnsureSuccessStatusCode();
        Assert.Equal(PlatformRoles.Observer, (await (await browser.Http.GetAsync("/api/identity/me")).ReadAsync<Caller>()).Role);

        (await api.PutAsJsonAsyncWeb($"/api/identity/memberships/{membershipId}", new { status = "suspended" })).EnsureSuccessStatusCode();

        await (await browser.Http.GetAsync("/api/identity/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await bearer.GetAsync("/api/identity/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        var refresh = await browser.TokenAsync(new()
        {
            ["grant_type"] = "refresh_token", ["refresh_token"] = tokens.GetProperty("refresh_token").GetString(), ["client_id"] = BrowserSession.TestClient,
        });
        Assert.Equal(HttpStatusCode.BadRequest, refresh.StatusCode);
        Assert.Equal("invalid_grant", (await refresh.ReadAsync<JsonElement>(HttpStatusCode.BadRequest)).GetProperty("error").GetString());

        var audit = await AuditAsync(api, userId);
        var role = Assert.Single(audit, a => a.GetProperty("kind").GetString() == "role_changed");
        Assert.Equal("127.0.0.1", role.GetProperty("ipAddress").GetString());
        Assert.True(DateTimeOffset.UtcNow - role.GetProperty("at").GetDateTimeOffset() < TimeSpan.FromMinutes(1));
        Assert.Contains("active -> Suspended", Assert.Single(audit, a => a.GetProperty("kind").GetString() == "membership_status_changed")
            .GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    private async Task<List<JsonElement>> MembershipsOfAsync(HttpClient admin, Guid userId) =>
        [.. (await (await admin.GetAsync($"/api/identity/memberships?organisationId={Organisation}")).ReadAsync<List<JsonElement>>())
            .Where(m => m.GetProperty("userId").GetGuid() == userId)];

    [Fact]
    public async Task The_top_bar_offers_a_visitor_the_sign_in_and_a_signed_in_user_the_sign_out()
    {
        var anonymous = await platform.Client.GetStringAsync("/");
        Assert.Contains("href=\"/account/login?ReturnUrl=%2F\"", anonymous, StringComparison.Ordinal);
        Assert.Contains(">Masuk</a>", anonymous, StringComparison.Ordinal);

        using var browser = await PageForms.SignedInAsync(platform, Organisation, TestOrganisations.SecretariatName, PlatformRoles.Observer, "Bu Pengamat");
        var home = await browser.Http.GetStringAsync("/");
        Assert.Contains("Bu Pengamat", home, StringComparison.Ordinal);
        Assert.Contains("action=\"/account/logout\"", home, StringComparison.Ordinal);
        Assert.DoesNotContain(">Masuk</a>", home, StringComparison.Ordinal);
        var token = BrowserSession.AntiforgeryFieldOf(home.Replace("\" />", "\">", StringComparison.Ordinal));
        var signOut = await browser.Http.PostAsync("/account/logout", new FormUrlEncodedContent([token, KeyValuePair.Create("ReturnUrl", "/")]));
        Assert.Equal(HttpStatusCode.Found, signOut.StatusCode);
        await (await browser.Http.GetAsync("/api/identity/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }
}

[Collection(SharedHost.Sqlite)]
public sealed class UserAdministrationTests_on_Sqlite(SqlitePlatformFixture p) : UserAdministrationTests(p);

[Collection(SharedHost.PostgreSql)]
public sealed class UserAdministrationTests_on_PostgreSql(PostgreSqlPlatformFixture p) : UserAdministrationTests(p);
