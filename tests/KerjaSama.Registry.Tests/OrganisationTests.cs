using System.Net;
using System.Net.Http.Json;
using KerjaSama.Registry.Contracts;
using KerjaSama.TestKit;
using Microsoft.Extensions.DependencyInjection;
using KerjaSama.Modularity.Security;

namespace KerjaSama.Registry.Tests;

public abstract class OrganisationTests(PlatformFixture platform) : IAsyncLifetime
{
    // Writes need the secretariat; every test signs its own user in through the real code flow.
    private HttpClient _client = null!;

    public async Task InitializeAsync() => _client = platform.ClientFor(
        await platform.SignInAsync(TestOrganisations.Secretariat, TestOrganisations.SecretariatName, PlatformRoles.SecretariatAdmin));

    public Task DisposeAsync()
    {
        _client.Dispose();
        return Task.CompletedTask;
    }

    private static object NewBody(string token, string? name = null, string kind = "business", string? region = "62",
        string[]? affairs = null) =>
        new { code = $"t-{token}", name = name ?? $"PT Uji {token}", shortName = "Uji", kind, regionCode = region, affairCodes = affairs ?? ["3.26"] };

    private async Task<OrganisationRow> CreateAsync(object body) =>
        await (await _client.PostJsonAsync("/api/registry/organisations", body)).ReadAsync<OrganisationRow>(HttpStatusCode.Created);

    private async Task<OrganisationRow> GetAsync(Guid id) =>
        await (await _client.GetAsync($"/api/registry/organisations/{id}")).ReadAsync<OrganisationRow>();

    [Fact]
    public async Task A_created_organisation_can_be_read_back_through_the_api_and_the_directory()
    {
        var token = Unique.Token();

        var created = await CreateAsync(NewBody(token, affairs: ["3.26", "2.11"]));

        var read = await GetAsync(created.Id);
        Assert.Equal($"t-{token}", read.Code);
        Assert.Equal(["2.11", "3.26"], read.AffairCodes);
        Assert.True(read.Active);
        Assert.Equal(1, read.Version);
        var info = await platform.Services.GetRequiredService<IOrganisationDirectory>().FindAsync(created.Id, CancellationToken.None);
        Assert.Equal($"PT Uji {token}", info?.Name);
        var found = await (await _client.GetAsync($"/api/registry/organisations?q={Uri.EscapeDataString($"pt  UJI-{token}")}"))
            .ReadAsync<PageOf<OrganisationRow>>();
        Assert.Equal(created.Id, Assert.Single(found.Items).Id);
    }

    [Fact]
    public async Task An_update_with_the_current_version_applies_and_a_stale_version_is_a_409_conflict()
    {
        var token = Unique.Token();
        var created = await CreateAsync(NewBody(token));
        var update = new { code = $"t-{token}", name = $"PT Uji Baru {token}", kind = "business", regionCode = "62", affairCodes = new[] { "3.26" }, version = created.Version };

        var updated = await (await _client.PutAsJsonAsync($"/api/registry/organisations/{created.Id}", update)).ReadAsync<OrganisationRow>();
        var stale = await _client.PutAsJsonAsync($"/api/registry/organisations/{created.Id}", update with { });

        Assert.Equal(created.Version + 1, updated.Version);
        await stale.AssertProblemAsync(HttpStatusCode.Conflict, "version_conflict");
        var read = await GetAsync(created.Id);
        Assert.Equal($"PT Uji Baru {token}", read.Name);
        Assert.Equal(updated.Version, read.Version);
    }

    [Fact]
    public async Task Deactivating_keeps_the_organisation_but_marks_it_inactive()
    {
        var created = await CreateAsync(NewBody(Unique.Token()));

        var deactivated = await (await _client.PostAsync($"/api/registry/organisations/{created.Id}/deactivate", null)).ReadAsync<OrganisationRow>();

        Assert.False(deactivated.Active);
        Assert.False((await GetAsync(created.Id)).Active);
        var inactive = await (await _client.GetAsync($"/api/registry/organisations?active=false&q={created.Code}")).ReadAsync<PageOf<OrganisationRow>>();
        Assert.Contains(inactive.Items, o => o.Id == created.Id);
        await (await _client.PostAsync($"/api/registry/organisations/{Guid.NewGuid()}/deactivate", null))
            .AssertProblemAsync(HttpStatusCode.NotFound, "organisation_not_found");
    }

    [Fact]
    public async Task Unknown_region_unknown_affair_and_bad_kind_are_refused_naming_each_field_and_nothing_is_stored()
    {
        var token = Unique.Token();

        var response = await _client.PostJsonAsync("/api/registry/organisations",
            NewBody(token, kind: "alien", region: "99.99", affairs: ["9.99"]));

        await response.AssertValidationProblemAsync("RegionCode", "AffairCodes", "Kind");
        var stored = await (await _client.GetAsync($"/api/registry/organisations?q=t-{token}")).ReadAsync<PageOf<OrganisationRow>>();
        Assert.Equal(0, stored.Total);
    }

    [Fact]
    public async Task A_duplicate_code_or_a_name_that_collides_after_normalisation_is_refused_and_the_stored_one_is_unchanged()
    {
        var token = Unique.Token();
        var first = await CreateAsync(NewBody(token, name: $"Universitas Uji {token}", kind: "university"));

        var sameCode = await _client.PostJsonAsync("/api/registry/organisations", NewBody(token, name: $"Lain {token}"));
        var sameName = await _client.PostJsonAsync("/api/registry/organisations",
            NewBody(Unique.Token(), name: $"  UNIVERSITAS-uji {token.ToUpperInvariant()}.", kind: "university"));
        var update = await _client.PutAsJsonAsync($"/api/registry/organisations/{first.Id}",
            new { code = "pemda-62", name = first.Name, kind = "university", version = first.Version });

        await sameCode.AssertValidationProblemAsync("Code");
        await sameName.AssertValidationProblemAsync("Name");
        await update.AssertValidationProblemAsync("Code");
        Assert.Equivalent(first, await GetAsync(first.Id), strict: true);
    }

    [Fact]
    public async Task An_update_without_a_version_is_refused_naming_the_field()
    {
        var created = await CreateAsync(NewBody(Unique.Token()));

        var response = await _client.PutAsJsonAsync($"/api/registry/organisations/{created.Id}",
            new { code = created.Code, name = "Tanpa versi " + Unique.Token(), kind = "business" });

        await response.AssertValidationProblemAsync("Version");
        Assert.Equal(created.Name, (await GetAsync(created.Id)).Name);
    }
}

[Collection(SharedHost.Sqlite)]
public sealed class OrganisationTests_on_Sqlite(SqlitePlatformFixture platform) : OrganisationTests(platform);

[Collection(SharedHost.PostgreSql)]
public sealed class OrganisationTests_on_PostgreSql(PostgreSqlPlatformFixture platform)
    : OrganisationTests(platform);
