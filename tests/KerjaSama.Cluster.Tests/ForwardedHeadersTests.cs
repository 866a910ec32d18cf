using System.Text.Json;
using KerjaSama.TestKit;
using Xunit;

namespace KerjaSama.Cluster.Tests;

/// <summary>A host behind a load balancer with <c>KerjaSama:ForwardedHeaders:Enabled</c>: it takes scheme and host from the proxy.</summary>
public sealed class ForwardedHeadersFixture : PlatformFixture
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());

    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["KerjaSama:ForwardedHeaders:Enabled"] = "true";
        settings["KerjaSama:ForwardedHeaders:KnownNetworks:0"] = "10.0.0.0/8";
    }
}

public sealed class ForwardedHeadersTests(ForwardedHeadersFixture platform) : IClassFixture<ForwardedHeadersFixture>
{
    private async Task<string> IssuerAsync(params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/.well-known/openid-configuration");
        foreach (var (name, value) in headers)
            request.Headers.TryAddWithoutValidation(name, value);
        using var response = await platform.Client.SendAsync(request);
        return (await response.ReadAsync<JsonElement>()).GetProperty("issuer").GetString()!;
    }

    [Fact]
    public async Task The_public_scheme_and_host_come_from_the_load_balancers_forwarded_headers()
    {
        var issuer = await IssuerAsync(("X-Forwarded-Proto", "https"), ("X-Forwarded-Host", "kerjasama.kalteng.go.id"), ("X-Forwarded-For", "203.0.113.7"));
        Assert.Equal("https://kerjasama.kalteng.go.id/", issuer);
    }

    [Fact]
    public async Task Without_forwarded_headers_the_host_answers_with_its_own_address()
    {
        var issuer = await IssuerAsync();
        Assert.Equal(platform.BaseAddress.ToString(), issuer);
    }
}
