using System.Net;
using KerjaSama.TestKit;
using Xunit;
using KerjaSama.SharedKernel;

namespace KerjaSama.Identity.Tests;

public sealed class RateLimitedPlatformFixture : PlatformFixture
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());

    protected override void Configure(Dictionary<string, string?> settings) => settings["KerjaSama:Identity:SignInRequestsPerMinute"] = "3";
}

// A host of its own: its low limits would refuse the requests of other classes.
public sealed class RateLimitTests(RateLimitedPlatformFixture platform) : IClassFixture<RateLimitedPlatformFixture>
{
    [Fact]
    public async Task Token_requests_beyond_the_limit_get_a_429_problem()
    {
        using var browser = new BrowserSession(platform.BaseAddress);
        var form = new Dictionary<string, string?>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = BrowserSession.MachineClient, ["client_secret"] = "wrong", ["scope"] = "api",
        };
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await browser.TokenAsync(form)).StatusCode);
        var limited = await browser.TokenAsync(form);
        await limited.AssertProblemAsync(HttpStatusCode.TooManyRequests, ProblemCodes.RateLimited);
        Assert.True(limited.Headers.Contains("Retry-After"));
    }
}
