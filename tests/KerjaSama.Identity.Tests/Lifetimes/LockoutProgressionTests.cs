using System.Net;
using KerjaSama.Modularity.Security;
using KerjaSama.TestKit;
using Xunit;

namespace KerjaSama.Identity.Tests.Lifetimes;

/// <summary>Each new run of wrong passwords from one address refuses that address for that account twice as long as the last.</summary>
public abstract class LockoutProgressionTests(ClockedPlatformFixture platform)
{
    [Fact]
    public async Task A_second_run_of_wrong_passwords_refuses_the_address_twice_as_long()
    {
        var (userName, password, _) = await platform.CreateUserAsync(TestOrganisations.Secretariat, TestOrganisations.SecretariatName, PlatformRoles.Observer);
        using var browser = new BrowserSession(platform.BaseAddress);
        async Task WrongTimesAsync(int count)
        {
            for (var i = 0; i < count; i++)
                Assert.Equal(HttpStatusCode.BadRequest, (await browser.PostLoginAsync(userName, $"Salah-{i}-kata-sandi-x", "/")).StatusCode);
        }

        async Task<HttpStatusCode> RightAsync() => (await browser.PostLoginAsync(userName, password, "/")).StatusCode;

        await WrongTimesAsync(5);
        Assert.Equal(HttpStatusCode.BadRequest, await RightAsync());          // refused for 15 minutes
        platform.Clock.Advance(TimeSpan.FromMinutes(16));
        await WrongTimesAsync(5);                                              // the first wrong run after a refusal ...
        platform.Clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(HttpStatusCode.BadRequest, await RightAsync());          // ... refuses for 30 minutes
        platform.Clock.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(HttpStatusCode.Found, await RightAsync());
    }
}

[Collection(ClockedSqliteCollection.Name)]
public sealed class LockoutProgressionTests_on_Sqlite(ClockedSqlitePlatformFixture p) : LockoutProgressionTests(p);

[Collection(ClockedPostgreSqlCollection.Name)]
public sealed class LockoutProgressionTests_on_PostgreSql(ClockedPostgreSqlPlatformFixture p) : LockoutProgressionTests(p);
