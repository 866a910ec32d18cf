using System.Net;
using System.Text.Json;
using KerjaSama.Modularity.Security;
using KerjaSama.TestKit;
using Xunit;

namespace KerjaSama.Identity.Tests;

/// <summary>
/// A production-like host behind a TLS proxy: HSTS on HTTPS answers, the API reference only for the secretariat
/// (<c>KerjaSama:Security:OpenApi=Secretariat</c>, what <c>Auto</c> means outside Development and Testing), and a readiness
/// answer that names statuses only.
/// </summary>
public abstract class HardeningTests(PlatformFixture platform)
{
    [Fact]
    public async Task Https_answers_carry_strict_transport_security()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "kerjasama.kalteng.example");

        var response = await platform.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.TryGetValues("Strict-Transport-Security", out var values), "No Strict-Transport-Security header.");
        Assert.Contains("max-age=31536000", Assert.Single(values), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_reference_is_for_the_secretariat_only()
    {
        await (await platform.Client.GetAsync("/openapi/v1.json")).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
        using var anonymous = new BrowserSession(platform.BaseAddress);
        var page = await anonymous.Http.GetAsync("/scalar/v1");
        Assert.Equal(HttpStatusCode.Found, page.StatusCode);
        Assert.Contains("/account/login", page.Headers.Location!.OriginalString, StringComparison.Ordinal);

        using var observer = platform.ClientFor(await platform.SignInAsync(TestOrganisations.Secretariat, TestOrganisations.SecretariatName,
            PlatformRoles.Observer));
        await (await observer.GetAsync("/openapi/v1.json")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(HttpStatusCode.Forbidden, (await observer.GetAsync("/scalar/v1")).StatusCode);

        using var admin = platform.ClientFor(await platform.SignInAsync(TestOrganisations.Secretariat, TestOrganisations.SecretariatName,
            PlatformRoles.SecretariatAdmin));
        Assert.Contains("\"openapi\"", await admin.GetStringAsync("/openapi/v1.json"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/scalar/v1")).StatusCode);
    }

    [Fact]
    public async Task Readiness_names_statuses_only_never_descriptions()
    {
        var response = await platform.Client.GetAsync("/health/ready");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        foreach (var check in body.GetProperty("checks").EnumerateObject())
            Assert.Equal(["status"], check.Value.EnumerateObject().Select(p => p.Name));
        Assert.DoesNotContain("description", body.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }
}

public sealed class HardeningTests_on_Sqlite(ProxiedSqlitePlatformFixture p) : HardeningTests(p), IClassFixture<ProxiedSqlitePlatformFixture>;

public sealed class HardeningTests_on_PostgreSql(ProxiedPostgreSqlPlatformFixture p) : HardeningTests(p), IClassFixture<ProxiedPostgreSqlPlatformFixture>;
