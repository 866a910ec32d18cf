using System.Net;
using System.Text.Json;
using KerjaSama.Modularity.Security;
using KerjaSama.TestKit;
using Xunit;
using KerjaSama.SharedKernel;

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
        await (await observer.GetAsync("/openapi/v1.json")).AssertProblemAsync(HttpStatusCode.Forbidden, ProblemCodes.Forbidden);
        Assert.Equal(HttpStatusCode.Forbidden, (await observer.GetAsync("/scalar/v1")).StatusCode);

        using var admin = platform.ClientFor(await platform.SignInAsync(TestOrganisations.Secretariat, TestOrganisations.SecretariatName,
            PlatformRoles.SecretariatAdmin));
        Assert.Contains("\"openapi\"", await admin.GetStringAsync("/openapi/v1.json"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/scalar/v1")).StatusCode);
    }

    [Fact]
    public async Task An_origin_listed_in_allowed_origins_may_open_the_hub_and_write_with_the_cookie()
    {
        var user = await platform.SignInAsync(TestOrganisations.Secretariat, TestOrganisations.SecretariatName, PlatformRoles.SecretariatAdmin);
        foreach (var (origin, expected) in new[] { (ProxiedPlatformFixture.AllowedOrigin, HttpStatusCode.OK), ("https://kerjasama.kalteng.example.evil.example", HttpStatusCode.Forbidden) })
        {
            var negotiate = new HttpRequestMessage(HttpMethod.Post, "/hubs/mapping/negotiate?negotiateVersion=1");
            negotiate.Headers.Authorization = new("Bearer", user.AccessToken);
            negotiate.Headers.Add("Origin", origin);
            Assert.Equal(expected, (await platform.Client.SendAsync(negotiate)).StatusCode);
        }

        var (userName, password, _) = await platform.CreateUserAsync(TestOrganisations.Secretariat, TestOrganisations.SecretariatName,
            PlatformRoles.SecretariatAdmin);
        using var browser = new BrowserSession(platform.BaseAddress);
        Assert.Equal(HttpStatusCode.Found, (await browser.PostLoginAsync(userName, password, "/")).StatusCode);
        using var api = platform.ClientFor(user);
        var token = Guid.NewGuid().ToString("N")[..10];
        var organisation = (await (await api.PostJsonAsync("/api/registry/organisations", new
        {
            code = $"origin-{token}", name = $"PT Uji Asal {token}", kind = "business", regionCode = "62", affairCodes = new[] { "3.26" },
        })).ReadAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var write = new HttpRequestMessage(HttpMethod.Post, $"/api/registry/organisations/{organisation}/deactivate");
        write.Headers.Add("Origin", ProxiedPlatformFixture.AllowedOrigin);
        write.Headers.Add("X-KerjaSama-Csrf", "1");
        Assert.Equal(HttpStatusCode.OK, (await browser.Http.SendAsync(write)).StatusCode);
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

// A host of its own: the proxy and production-like settings (forwarded headers, API reference for the secretariat only).
public sealed class HardeningTests_on_Sqlite(ProxiedSqlitePlatformFixture p) : HardeningTests(p), IClassFixture<ProxiedSqlitePlatformFixture>;

public sealed class HardeningTests_on_PostgreSql(ProxiedPostgreSqlPlatformFixture p) : HardeningTests(p), IClassFixture<ProxiedPostgreSqlPlatformFixture>;
