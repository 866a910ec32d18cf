using System.Net;
using System.Text.Json;
using KerjaSama.Modularity.Security;
using KerjaSama.Registry.Contracts;
using KerjaSama.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace KerjaSama.Identity.Tests;

/// <summary>
/// Roles follow the organisation's kind: the secretariat, facilitator and agency roles belong to the province's own agencies,
/// partner_contributor to partner governments and third parties, observer to any. Refused with a validation problem on
/// <c>role</c> (code <c>role_not_allowed</c>) through the API and the users page, and nothing is stored.
/// </summary>
public abstract class RoleRulesTests(PlatformFixture platform)
{
    private async Task<OrganisationInfo> OrganisationAsync(string code) =>
        (await platform.Services.GetRequiredService<IOrganisationDirectory>().FindByCodeAsync(code, CancellationToken.None))!;

    private async Task<HttpClient> AdminAsync() =>
        platform.ClientFor(await platform.SignInAsync(TestOrganisations.Secretariat, TestOrganisations.SecretariatName, PlatformRoles.SecretariatAdmin));

    private static async Task<List<JsonElement>> MembershipsAsync(HttpClient admin, Guid organisationId) =>
        await (await admin.GetAsync($"/api/identity/memberships?organisationId={organisationId}")).ReadAsync<List<JsonElement>>();

    [Theory]
    [InlineData("pemda-63", PlatformRoles.SecretariatAdmin)]
    [InlineData("pemda-63", PlatformRoles.Facilitator)]
    [InlineData("pemda-63", PlatformRoles.AgencyContributor)]
    [InlineData("62-dinkes", PlatformRoles.PartnerContributor)]
    public async Task A_user_cannot_be_created_or_invited_with_a_role_its_organisation_kind_may_not_hold(string organisationCode, string role)
    {
        using var admin = await AdminAsync();
        var organisation = await OrganisationAsync(organisationCode);
        var created = $"u{Guid.NewGuid():N}@tests.kerjasama";
        var invited = $"i{Guid.NewGuid():N}@tests.kerjasama";

        var problem = await (await admin.PostJsonAsync("/api/identity/users", new
        {
            userName = created, displayName = "Calon", password = "Sungai-Barito-2025-x", organisationId = organisation.Id, role,
        })).AssertValidationProblemAsync("role");
        Assert.Equal("role_not_allowed", problem.GetProperty("code").GetString());
        problem = await (await admin.PostJsonAsync("/api/identity/invitations", new
        {
            userName = invited, displayName = "Undangan", organisationId = organisation.Id, role,
        })).AssertValidationProblemAsync("role");
        Assert.Equal("role_not_allowed", problem.GetProperty("code").GetString());

        var memberships = await MembershipsAsync(admin, organisation.Id);
        Assert.DoesNotContain(memberships, m => m.GetProperty("userName").GetString() is var n && (n == created || n == invited));
    }

    [Fact]
    public async Task An_admin_cannot_suspend_or_demote_their_own_membership_and_it_stays_as_it_was()
    {
        var me = await platform.SignInAsync(TestOrganisations.Secretariat, TestOrganisations.SecretariatName, PlatformRoles.SecretariatAdmin);
        using var admin = platform.ClientFor(me);
        var mine = (await MembershipsAsync(admin, TestOrganisations.Secretariat)).Single(m => m.GetProperty("userId").GetGuid() == me.Caller.UserId);
        var membershipId = mine.GetProperty("id").GetGuid();

        var suspend = await (await admin.PutAsJsonAsyncWeb($"/api/identity/memberships/{membershipId}", new { status = "suspended" }))
            .AssertValidationProblemAsync("status");
        Assert.Equal("own_membership", suspend.GetProperty("code").GetString());
        Assert.Contains("admin sekretariat lain", suspend.GetProperty("errors").GetProperty("status")[0].GetString(), StringComparison.Ordinal);
        var demote = await (await admin.PutAsJsonAsyncWeb($"/api/identity/memberships/{membershipId}", new { role = PlatformRoles.Observer }))
            .AssertValidationProblemAsync("role");
        Assert.Equal("own_membership", demote.GetProperty("code").GetString());

        var stored = (await MembershipsAsync(admin, TestOrganisations.Secretariat)).Single(m => m.GetProperty("id").GetGuid() == membershipId);
        Assert.Equal(PlatformRoles.SecretariatAdmin, stored.GetProperty("role").GetString());
        Assert.Equal("active", stored.GetProperty("status").GetString());
        // Still an admin: the API still answers.
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/identity/memberships?organisationId={TestOrganisations.Secretariat}")).StatusCode);
    }

    [Fact]
    public async Task The_users_page_offers_no_role_or_suspend_form_for_the_admins_own_account_and_a_forged_post_changes_nothing()
    {
        var (userName, password, userId) = await platform.CreateUserAsync(TestOrganisations.Secretariat, TestOrganisations.SecretariatName,
            PlatformRoles.SecretariatAdmin, "Admin Sendiri");
        using var browser = new BrowserSession(platform.BaseAddress);
        Assert.Equal(HttpStatusCode.Found, (await browser.PostLoginAsync(userName, password, "/")).StatusCode);
        using var api = platform.ClientFor(await platform.SignInAsync(TestOrganisations.Secretariat, TestOrganisations.SecretariatName, PlatformRoles.SecretariatAdmin));
        var membershipId = (await MembershipsAsync(api, TestOrganisations.Secretariat)).Single(m => m.GetProperty("userId").GetGuid() == userId)
            .GetProperty("id").GetGuid();

        var html = await browser.Http.GetStringAsync("/identity/users");
        Assert.DoesNotContain($"value=\"suspend-{membershipId:N}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"value=\"role-{membershipId:N}\"", html, StringComparison.Ordinal);
        Assert.Contains("(akun Anda)", html, StringComparison.Ordinal);

        // A post made by hand with the handler name finds no such form on the page (Blazor answers 400), and nothing changes.
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var forged = await browser.Http.PostAsync("/identity/users", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = $"suspend-{membershipId:N}", ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
        }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        var stored = (await MembershipsAsync(api, TestOrganisations.Secretariat)).Single(m => m.GetProperty("id").GetGuid() == membershipId);
        Assert.Equal("active", stored.GetProperty("status").GetString());
        Assert.Equal(PlatformRoles.SecretariatAdmin, stored.GetProperty("role").GetString());
    }

    [Fact]
    public async Task A_partner_users_role_cannot_be_changed_to_secretariat_admin_through_the_api_or_the_page()
    {
        using var admin = await AdminAsync();
        var kalsel = await OrganisationAsync("pemda-63");
        var membership = await (await admin.PostJsonAsync("/api/identity/users", new
        {
            userName = $"mitra.{Guid.NewGuid():N}@tests.kerjasama", displayName = "Staf Kalsel", password = "Sungai-Martapura-2025",
            organisationId = kalsel.Id, role = PlatformRoles.PartnerContributor,
        })).ReadAsync<JsonElement>(HttpStatusCode.Created);
        var membershipId = membership.GetProperty("id").GetGuid();

        var problem = await (await admin.PutAsJsonAsyncWeb($"/api/identity/memberships/{membershipId}", new { role = PlatformRoles.SecretariatAdmin }))
            .AssertValidationProblemAsync("role");
        Assert.Equal("role_not_allowed", problem.GetProperty("code").GetString());

        using var browser = await PageForms.SignedInAsync(platform, TestOrganisations.Secretariat, TestOrganisations.SecretariatName,
            PlatformRoles.SecretariatAdmin);
        var page = await PageForms.PostAsync(browser, "/identity/users", $"role-{membershipId:N}", new() { ["role"] = PlatformRoles.SecretariatAdmin });
        Assert.Contains("tidak boleh", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var stored = (await MembershipsAsync(admin, kalsel.Id)).Single(m => m.GetProperty("id").GetGuid() == membershipId);
        Assert.Equal(PlatformRoles.PartnerContributor, stored.GetProperty("role").GetString());

        // Observer is allowed anywhere.
        var observer = await admin.PutAsJsonAsyncWeb($"/api/identity/memberships/{membershipId}", new { role = PlatformRoles.Observer });
        Assert.Equal(PlatformRoles.Observer, (await observer.ReadAsync<JsonElement>()).GetProperty("role").GetString());
    }
}

[Collection(SharedHost.Sqlite)]
public sealed class RoleRulesTests_on_Sqlite(SqlitePlatformFixture p) : RoleRulesTests(p);

[Collection(SharedHost.PostgreSql)]
public sealed class RoleRulesTests_on_PostgreSql(PostgreSqlPlatformFixture p) : RoleRulesTests(p);
