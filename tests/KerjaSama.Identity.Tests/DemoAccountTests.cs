using System.Net;
using System.Text.Json;
using KerjaSama.Modularity.Security;
using KerjaSama.TestKit;
using Xunit;

namespace KerjaSama.Identity.Tests;

public sealed class DevelopmentPlatformFixture : PlatformFixture
{
    protected override string EnvironmentName => "Development";

    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());

    protected override void Configure(Dictionary<string, string?> settings) => settings["KerjaSama:Identity:SeedDemoData"] = "true";
}

/// <summary>The demo accounts and clients of README.md sign in on a fresh Development run.</summary>
// A host of its own: the Development environment with its demo data.
public sealed class DemoAccountTests(DevelopmentPlatformFixture platform) : IClassFixture<DevelopmentPlatformFixture>
{
    public const string DemoPassword = "Kerjasama-Demo-2025!";

    [Theory]
    [InlineData("admin@kerjasama.test", PlatformRoles.SecretariatAdmin, "Biro Pemerintahan dan Otonomi Daerah Sekretariat Daerah")]
    [InlineData("fasilitator@kerjasama.test", PlatformRoles.Facilitator, "Biro Pemerintahan dan Otonomi Daerah Sekretariat Daerah")]
    [InlineData("dinkes@kerjasama.test", PlatformRoles.AgencyContributor, null)]
    [InlineData("pupr@kerjasama.test", PlatformRoles.AgencyContributor, null)]
    [InlineData("bapperida@kerjasama.test", PlatformRoles.AgencyContributor, null)]
    [InlineData("palangkaraya@kerjasama.test", PlatformRoles.PartnerContributor, "Pemerintah Kota Palangka Raya")]
    [InlineData("kalsel@kerjasama.test", PlatformRoles.PartnerContributor, "Pemerintah Provinsi Kalimantan Selatan")]
    [InlineData("pengamat@kerjasama.test", PlatformRoles.Observer, null)]
    public async Task A_demo_account_signs_in_with_the_demo_cli_client(string userName, string role, string? organisationName)
    {
        using var browser = new BrowserSession(platform.BaseAddress);
        var tokens = await browser.SignInAsync(userName, DemoPassword, "kerjasama-cli");
        using var api = new HttpClient { BaseAddress = platform.BaseAddress };
        api.DefaultRequestHeaders.Authorization = new("Bearer", tokens.GetProperty("access_token").GetString());
        var me = await (await api.GetAsync("/api/identity/me")).ReadAsync<Caller>();
        Assert.Equal(role, me.Role);
        if (organisationName is not null)
            Assert.Equal(organisationName, me.OrganisationName);
    }

    [Fact]
    public async Task The_demo_machine_client_gets_a_token()
    {
        using var browser = new BrowserSession(platform.BaseAddress);
        var response = await browser.TokenAsync(new()
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "kerjasama-integration", ["client_secret"] = "demo-integration-secret-2025", ["scope"] = "api",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.TryGetProperty("access_token", out _));
    }
}
