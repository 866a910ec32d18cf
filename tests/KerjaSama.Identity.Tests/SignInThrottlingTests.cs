using System.Net;
using System.Text.Json;
using KerjaSama.Identity.Persistence;
using KerjaSama.Modularity.Security;
using KerjaSama.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace KerjaSama.Identity.Tests;

/// <summary>
/// Wrong passwords throttle the address they come from for that account, not the account itself: an attacker who knows the
/// secretariat's user name cannot lock the secretariat out. Every failure is counted, also when many arrive at once.
/// </summary>
public abstract class SignInThrottlingTests(PlatformFixture platform)
{
    // The host trusts X-Forwarded-For from its loopback proxy; the sign-in form itself answers plain HTTP to loopback
    // addresses only, so the tests speak for addresses of 127.0.0.0/8.
    private BrowserSession From(string address)
    {
        var browser = new BrowserSession(platform.BaseAddress);
        browser.Http.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return browser;
    }

    private async Task<int> FailedSignInsAsync(Guid userId)
    {
        await using var scope = platform.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDb>();
        return await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.FailedSignIns).SingleAsync();
    }

    [Fact]
    public async Task Many_wrong_passwords_from_one_address_do_not_stop_the_real_user_signing_in_from_another()
    {
        var (userName, password, userId) = await platform.CreateUserAsync(TestOrganisations.Secretariat, TestOrganisations.SecretariatName,
            PlatformRoles.SecretariatAdmin);
        using var attacker = From("127.0.0.23");
        for (var i = 0; i < 12; i++)
            Assert.Equal(HttpStatusCode.BadRequest, (await attacker.PostLoginAsync(userName, $"Tebakan-{i}-kata-sandi", "/")).StatusCode);
        // That address is refused for that account now, even with the right password...
        var refused = await attacker.PostLoginAsync(userName, password, "/");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("dikunci", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(attacker.Cookies.GetAllCookies(), c => c.Name == "kerjasama.auth");

        // ...while the secretariat, at its own address, signs in.
        using var secretariat = From("127.0.0.5");
        var signedIn = await secretariat.PostLoginAsync(userName, password, "/");
        Assert.Equal(HttpStatusCode.Found, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await secretariat.Http.GetAsync("/api/identity/me")).StatusCode);
        Assert.Equal(0, await FailedSignInsAsync(userId));

        using var admin = platform.ClientFor(await platform.SignInAsync(TestOrganisations.Secretariat, TestOrganisations.SecretariatName,
            PlatformRoles.SecretariatAdmin));
        var audit = await (await admin.GetAsync($"/api/identity/audit?userId={userId}")).ReadAsync<List<JsonElement>>();
        Assert.Contains(audit, a => a.GetProperty("kind").GetString() == "locked_out" && a.GetProperty("ipAddress").GetString() == "127.0.0.23");
        Assert.Contains(audit, a => a.GetProperty("kind").GetString() == "sign_in" && a.GetProperty("ipAddress").GetString() == "127.0.0.5");
    }

    [Fact]
    public async Task Concurrent_wrong_passwords_are_all_counted()
    {
        var (userName, _, userId) = await platform.CreateUserAsync(TestOrganisations.Secretariat, TestOrganisations.SecretariatName,
            PlatformRoles.Observer);
        var browsers = Enumerable.Range(0, 20).Select(i => From($"127.0.1.{i + 1}")).ToList();
        try
        {
            var answers = await Task.WhenAll(browsers.Select((b, i) => b.PostLoginAsync(userName, $"Salah-{i}-serentak-sekali", "/")));
            Assert.All(answers, a => Assert.Equal(HttpStatusCode.BadRequest, a.StatusCode));
        }
        finally
        {
            browsers.ForEach(b => b.Dispose());
        }

        Assert.Equal(20, await FailedSignInsAsync(userId));
    }

    [Fact]
    public async Task Concurrent_wrong_passwords_from_one_address_are_counted_and_throttle_that_address()
    {
        var (userName, password, userId) = await platform.CreateUserAsync(TestOrganisations.Secretariat, TestOrganisations.SecretariatName,
            PlatformRoles.Observer);
        var browsers = Enumerable.Range(0, 20).Select(_ => From("127.0.0.99")).ToList();
        try
        {
            var answers = await Task.WhenAll(browsers.Select((b, i) => b.PostLoginAsync(userName, $"Salah-{i}-dari-satu-alamat", "/")));
            Assert.All(answers, a => Assert.Equal(HttpStatusCode.BadRequest, a.StatusCode));
        }
        finally
        {
            browsers.ForEach(b => b.Dispose());
        }

        Assert.Equal(20, await FailedSignInsAsync(userId));
        using (var same = From("127.0.0.99"))
            Assert.Equal(HttpStatusCode.BadRequest, (await same.PostLoginAsync(userName, password, "/")).StatusCode);
        using var other = From("127.0.0.100");
        Assert.Equal(HttpStatusCode.Found, (await other.PostLoginAsync(userName, password, "/")).StatusCode);
    }
}

// A host of its own: the proxy settings (forwarded headers), and it throttles addresses.
public sealed class SignInThrottlingTests_on_Sqlite(ProxiedSqlitePlatformFixture p) : SignInThrottlingTests(p), IClassFixture<ProxiedSqlitePlatformFixture>;

public sealed class SignInThrottlingTests_on_PostgreSql(ProxiedPostgreSqlPlatformFixture p) : SignInThrottlingTests(p), IClassFixture<ProxiedPostgreSqlPlatformFixture>;
