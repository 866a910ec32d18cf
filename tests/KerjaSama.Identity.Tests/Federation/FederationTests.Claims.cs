using System.Net;
using System.Text.Json;
using KerjaSama.Modularity.Security;
using KerjaSama.TestKit;
using Xunit;

namespace KerjaSama.Identity.Tests.Federation;

/// <summary>What the platform takes from a partner's identity token: a verified email only, and the name only once.</summary>
public abstract partial class FederationTests
{
    [Theory]
    [InlineData("false")]
    [InlineData(null)]
    public async Task An_unverified_email_is_not_trusted_the_sign_in_is_refused_and_no_user_is_created(string? verified)
    {
        await using var provider = await PartnerProvider.StartAsync();
        using var admin = await SecretariatAsync();
        var palangkaRaya = await OrganisationAsync("pemda-62.71");
        var domain = NewDomain();
        var providerId = (await RegisterAsync(admin, provider, palangkaRaya.Id, domain, requireApproval: false)).GetProperty("id").GetGuid();
        var claims = new Dictionary<string, string> { ["nama_lengkap"] = "Eko Belum Terverifikasi", ["surel"] = $"eko@{domain}" };
        if (verified is not null)
            claims["email_verified"] = verified;
        var eko = new PartnerAccount(Guid.NewGuid().ToString("N"), $"eko@{domain}", "Sandi-Mitra-" + Guid.NewGuid().ToString("N")[..8], claims);
        provider.AddAccount(eko);

        using var browser = new BrowserSession(platform.BaseAddress);
        var answer = await FederationFlow.SignInAsync(browser, providerId, eko.UserName, eko.UserName, eko.Password);

        await FederationFlow.AssertStatusAsync(answer, HttpStatusCode.Forbidden);
        Assert.DoesNotContain(browser.Cookies.GetAllCookies(), c => c.Name == "kerjasama.auth");
        var memberships = await (await admin.GetAsync($"/api/identity/memberships?organisationId={palangkaRaya.Id}")).ReadAsync<List<JsonElement>>();
        Assert.DoesNotContain(memberships, m => m.GetProperty("userName").GetString()!.EndsWith("@" + domain, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_later_sign_in_does_not_overwrite_the_display_name_kept_by_the_platform()
    {
        await using var provider = await PartnerProvider.StartAsync();
        using var admin = await SecretariatAsync();
        var domain = NewDomain();
        var providerId = (await RegisterAsync(admin, provider, (await OrganisationAsync("pemda-63")).Id, domain, requireApproval: false))
            .GetProperty("id").GetGuid();
        var dewi = Account($"dewi@{domain}", "Dewi Lestari");
        provider.AddAccount(dewi);
        using (var first = new BrowserSession(platform.BaseAddress))
            await FederationFlow.AssertStatusAsync(await FederationFlow.SignInAsync(first, providerId, dewi.UserName, dewi.UserName, dewi.Password), HttpStatusCode.Found);

        // The partner's provider now says something else about her name.
        provider.AddAccount(dewi with { Claims = new Dictionary<string, string>(dewi.Claims) { ["nama_lengkap"] = "Admin Sekretariat (palsu)" } });
        using var second = new BrowserSession(platform.BaseAddress);
        await FederationFlow.AssertStatusAsync(await FederationFlow.SignInAsync(second, providerId, dewi.UserName, dewi.UserName, dewi.Password), HttpStatusCode.Found);

        Assert.Equal("Dewi Lestari", (await (await second.Http.GetAsync("/api/identity/me")).ReadAsync<Caller>()).DisplayName);
    }
}
