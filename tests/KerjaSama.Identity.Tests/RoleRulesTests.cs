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
