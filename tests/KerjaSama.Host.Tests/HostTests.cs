using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using KerjaSama.Modularity.Security;
using KerjaSama.TestKit;
using Xunit;

namespace KerjaSama.Host.Tests;

public abstract class HostTests(PlatformFixture platform)
{
    private HttpClient Client => platform.Client;

    private async Task<HttpClient> FacilitatorAsync() => platform.ClientFor(
        await platform.SignInAsync(TestOrganisations.Secretariat, TestOrganisations.SecretariatName, PlatformRoles.Facilitator));

    [Fact]
    public async Task Ready_reports_the_database_and_the_silo_healthy()
    {
        var response = await Client.GetAsync("/health/ready");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("silo").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_lists_routes_of_all_four_modules()
    {
        var document = JsonDocument.Parse(await Client.GetStringAsync("/openapi/v1.json")).RootElement;
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        foreach (var module in new[] { "registry", "partners", "planning", "meetings" })
            Assert.Contains(paths, p => p.StartsWith($"/api/{module}/", StringComparison.Ordinal));
        var ui = await Client.GetAsync("/scalar/v1");
        Assert.Equal(HttpStatusCode.OK, ui.StatusCode);
    }

    [Fact]
    public async Task The_web_shell_is_served_in_Indonesian_and_switches_to_English()
    {
        var html = await Client.GetStringAsync("/");
        Assert.Contains("<html lang=\"id\"", html, StringComparison.Ordinal);
        Assert.Contains("Selamat datang di KerjaSama", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/meetings\"", html, StringComparison.Ordinal);

        var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");
        var english = await (await Client.SendAsync(request)).Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"en\"", english, StringComparison.Ordinal);
        Assert.Contains("Welcome to KerjaSama", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_language_switch_is_a_form_post_that_sets_a_cookie_and_only_redirects_locally()
    {
        using var browser = new BrowserSession(platform.BaseAddress);
        string? Cookie() => browser.Cookies.GetCookies(platform.BaseAddress)[".AspNetCore.Culture"]?.Value;
        var page = await browser.Http.GetStringAsync("/");
        Assert.Contains("<form class=\"lang\" method=\"post\" action=\"/culture\"", page, StringComparison.Ordinal);
        var token = KeyValuePair.Create("__RequestVerificationToken", FormPage.Token(page));
        Task<HttpResponseMessage> PostAsync(params (string Name, string Value)[] fields) =>
            browser.Http.PostAsync("/culture", new FormUrlEncodedContent(fields.ToDictionary(f => f.Name, f => f.Value)));

        // A link (GET) changes nothing.
        var link = await browser.Http.GetAsync("/culture?c=en&return=%2Fmeetings");
        Assert.Equal(HttpStatusCode.NotFound, link.StatusCode);
        Assert.Null(Cookie());

        // Without the token, with a foreign or absolute return address, or an unknown language: refused, no cookie, no redirect.
        var forged = await PostAsync(("c", "en"), ("return", "/meetings"));
        Assert.Equal("antiforgery_invalid", (await forged.AssertValidationProblemAsync("__RequestVerificationToken")).GetProperty("code").GetString());
        foreach (var foreign in new[] { "//evil.example", "https://evil.example/", "/\\evil.example" })
        {
            var offsite = await PostAsync((token.Key, token.Value), ("c", "en"), ("return", foreign));
            var problem = await offsite.AssertValidationProblemAsync("return");
            Assert.Equal("Alamat kembali harus berupa halaman di situs ini.", problem.GetProperty("errors").GetProperty("return")[0].GetString());
            Assert.Null(offsite.Headers.Location);
        }

        await (await PostAsync((token.Key, token.Value), ("c", "fr"), ("return", "/"))).AssertValidationProblemAsync("c");
        Assert.Null(Cookie());

        var response = await PostAsync((token.Key, token.Value), ("c", "en"), ("return", "/meetings"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/meetings", response.Headers.Location!.OriginalString);
        Assert.Equal("c=en|uic=en", Uri.UnescapeDataString(Cookie()!));
        Assert.Contains("Welcome to KerjaSama", await browser.Http.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_api_route_is_a_404_problem()
    {
        var response = await Client.GetAsync("/api/registry/no-such-thing");
        await response.AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task An_unknown_page_shows_the_not_found_page()
    {
        var response = await Client.GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Halaman tidak ditemukan", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem_and_stores_nothing()
    {
        using var api = await FacilitatorAsync();
        var before = await CountMeetingsAsync(api);
        var content = new StringContent("{\"title\": \"Rapat\", ", Encoding.UTF8, "application/json");
        var response = await api.PostAsync("/api/meetings", content);
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "bad_request");
        Assert.Contains("JSON", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await CountMeetingsAsync(api));
    }

    [Fact]
    public async Task An_oversized_body_is_a_413_problem_and_stores_nothing()
    {
        using var api = await FacilitatorAsync();
        var before = await CountMeetingsAsync(api);
        var huge = "{\"title\":\"" + new string('x', 2 * 1024 * 1024) + "\"}";
        // Expect: 100-continue lets the server refuse on the declared length before the body is sent: without it the
        // server may answer 413 and close while the client is still writing, and the client sees a broken pipe.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/meetings")
        {
            Content = new StringContent(huge, Encoding.UTF8, "application/json"),
        };
        request.Headers.ExpectContinue = true;
        var response = await api.SendAsync(request);
        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        Assert.Equal(before, await CountMeetingsAsync(api));
    }

    [Fact]
    public async Task A_failure_answers_with_a_trace_id_and_no_stack_trace()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/meetings")
        {
            Content = new StringContent("<xml/>", Encoding.UTF8, "application/xml"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var api = await FacilitatorAsync();
        var response = await api.SendAsync(request);
        Assert.False(response.IsSuccessStatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(problem.TryGetProperty("traceId", out _));
        Assert.True(problem.TryGetProperty("code", out _));
    }

    private static async Task<int> CountMeetingsAsync(HttpClient api)
    {
        var page = JsonDocument.Parse(await api.GetStringAsync("/api/meetings?pageSize=1")).RootElement;
        return page.GetProperty("total").GetInt32();
    }
}

public sealed class HostTests_on_Sqlite(SqlitePlatformFixture platform) : HostTests(platform), IClassFixture<SqlitePlatformFixture>;

public sealed class HostTests_on_PostgreSql(PostgreSqlPlatformFixture platform) : HostTests(platform), IClassFixture<PostgreSqlPlatformFixture>;
