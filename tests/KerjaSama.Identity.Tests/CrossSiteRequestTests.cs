using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text.Json;
using KerjaSama.Modularity.Security;
using KerjaSama.TestKit;
using Xunit;

namespace KerjaSama.Identity.Tests;

/// <summary>
/// Requests a sibling site could forge with the browser's sign-in cookie (SameSite=Lax lets it through): refused with a
/// 403 problem <c>csrf_refused</c> and nothing stored; the platform's own pages (the proof header or a form's antiforgery
/// token, its own Origin) and bearer clients go through. Hubs refuse a foreign Origin.
/// </summary>
public abstract class CrossSiteRequestTests(PlatformFixture platform)
{
    private const string Evil = "https://evil.example";
    private const string Proof = "X-KerjaSama-Csrf";

    private string OwnOrigin => platform.BaseAddress.GetLeftPart(UriPartial.Authority);

    private async Task<(TestUser Admin, Guid OrganisationId)> NewOrganisationAsync()
    {
        var admin = await platform.SignInAsync(TestOrganisations.Secretariat, TestOrganisations.SecretariatName, PlatformRoles.SecretariatAdmin);
        using var api = platform.ClientFor(admin);
        var token = Guid.NewGuid().ToString("N")[..10];
        var created = await (await api.PostJsonAsync("/api/registry/organisations", new
        {
            code = $"csrf-{token}", name = $"PT Uji Lintas Situs {token}", kind = "business", regionCode = "62", affairCodes = new[] { "3.26" },
        })).ReadAsync<JsonElement>(HttpStatusCode.Created);
        return (admin, created.GetProperty("id").GetGuid());
    }

    private async Task<bool> IsActiveAsync(TestUser admin, Guid organisationId)
    {
        using var api = platform.ClientFor(admin);
        return (await (await api.GetAsync($"/api/registry/organisations/{organisationId}")).ReadAsync<JsonElement>()).GetProperty("active").GetBoolean();
    }

    private static HttpRequestMessage Deactivate(Guid organisationId, string? origin = null, string? fetchSite = null, bool proof = false,
        HttpContent? content = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/registry/organisations/{organisationId}/deactivate") { Content = content };
        if (origin is not null)
            request.Headers.Add("Origin", origin);
        if (fetchSite is not null)
            request.Headers.Add("Sec-Fetch-Site", fetchSite);
        if (proof)
            request.Headers.Add(Proof, "1");
        return request;
    }

    [Fact]
    public async Task A_forged_cross_site_post_with_the_sign_in_cookie_is_refused_and_changes_nothing()
    {
        var (admin, organisationId) = await NewOrganisationAsync();
        using var browser = await PageForms.SignedInAsync(platform, TestOrganisations.Secretariat, TestOrganisations.SecretariatName,
            PlatformRoles.SecretariatAdmin);
        var forgeries = new[]
        {
            Deactivate(organisationId),                                       // a plain form or fetch from the sibling site: no proof
            Deactivate(organisationId, origin: Evil),
            Deactivate(organisationId, origin: Evil, proof: true),            // the header alone is not enough from a foreign origin
            Deactivate(organisationId, origin: "null", proof: true),
            Deactivate(organisationId, fetchSite: "same-site", proof: true),  // a sibling under the same registrable domain
            Deactivate(organisationId, fetchSite: "cross-site"),
            Deactivate(organisationId, origin: Evil, content: new FormUrlEncodedContent([KeyValuePair.Create("x", "y")])),
        };
        foreach (var forged in forgeries)
            await (await browser.Http.SendAsync(forged)).AssertProblemAsync(HttpStatusCode.Forbidden, "csrf_refused");

        Assert.True(await IsActiveAsync(admin, organisationId));
    }

    [Fact]
    public async Task The_platforms_own_page_with_the_proof_header_changes_state_through_the_cookie()
    {
        var (admin, organisationId) = await NewOrganisationAsync();
        using var browser = await PageForms.SignedInAsync(platform, TestOrganisations.Secretariat, TestOrganisations.SecretariatName,
            PlatformRoles.SecretariatAdmin);

        var response = await browser.Http.SendAsync(Deactivate(organisationId, origin: OwnOrigin, fetchSite: "same-origin", proof: true));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(await IsActiveAsync(admin, organisationId));
    }

    [Fact]
    public async Task A_server_rendered_form_posting_to_the_api_passes_with_its_antiforgery_token()
    {
        var (admin, organisationId) = await NewOrganisationAsync();
        using var browser = await PageForms.SignedInAsync(platform, TestOrganisations.Secretariat, TestOrganisations.SecretariatName,
            PlatformRoles.SecretariatAdmin);
        var page = await browser.Http.GetStringAsync("/registry/organisations/new");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"");
        Assert.True(token.Success, "No antiforgery token on the page.");
        var field = KeyValuePair.Create("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value));

        var response = await browser.Http.SendAsync(Deactivate(organisationId, origin: OwnOrigin, content: new FormUrlEncodedContent([field])));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(await IsActiveAsync(admin, organisationId));
    }

    [Fact]
    public async Task A_bearer_token_needs_no_same_origin_proof()
    {
        var (admin, organisationId) = await NewOrganisationAsync();
        using var api = platform.ClientFor(admin);

        Assert.Equal(HttpStatusCode.OK, (await api.SendAsync(Deactivate(organisationId))).StatusCode);
        Assert.False(await IsActiveAsync(admin, organisationId));
    }

    private HttpRequestMessage Negotiate(string path, string token, string? origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(platform.BaseAddress, path + "/negotiate?negotiateVersion=1"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (origin is not null)
            request.Headers.Add("Origin", origin);
        return request;
    }

    [Theory]
    [InlineData("/hubs/mapping")]
    [InlineData("/hubs/monitor")]
    public async Task A_hub_refuses_a_foreign_origin_and_accepts_its_own_and_none(string hub)
    {
        var user = await platform.SignInAsync(TestOrganisations.Secretariat, TestOrganisations.SecretariatName, PlatformRoles.SecretariatAdmin);

        await (await platform.Client.SendAsync(Negotiate(hub, user.AccessToken, Evil))).AssertProblemAsync(HttpStatusCode.Forbidden, "csrf_refused");
        Assert.Equal(HttpStatusCode.OK, (await platform.Client.SendAsync(Negotiate(hub, user.AccessToken, OwnOrigin))).StatusCode);
        var negotiated = await platform.Client.SendAsync(Negotiate(hub, user.AccessToken, null));
        Assert.Equal(HttpStatusCode.OK, negotiated.StatusCode);

        // The WebSocket upgrade itself: a page of another site cannot open it either.
        var connection = JsonDocument.Parse(await negotiated.Content.ReadAsStringAsync()).RootElement.GetProperty("connectionToken").GetString()!;
        var socketUri = new UriBuilder(new Uri(platform.BaseAddress, hub)) { Scheme = "ws", Query = $"id={Uri.EscapeDataString(connection)}" }.Uri;
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.SetRequestHeader("Origin", Evil);
        socket.Options.SetRequestHeader("Authorization", "Bearer " + user.AccessToken);
        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(socketUri, CancellationToken.None));
        Assert.Equal(HttpStatusCode.Forbidden, socket.HttpStatusCode);
    }

    [Fact]
    public async Task The_dotnet_hub_client_with_a_bearer_token_and_no_origin_still_connects()
    {
        var user = await platform.SignInAsync(TestOrganisations.Secretariat, TestOrganisations.SecretariatName, PlatformRoles.SecretariatAdmin);
        await using var hub = platform.HubFor(user);
        await hub.StartAsync();
        Assert.Equal(Microsoft.AspNetCore.SignalR.Client.HubConnectionState.Connected, hub.State);
    }

    [Fact]
    public async Task The_blazor_circuit_refuses_a_foreign_origin()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(platform.BaseAddress, "/_blazor/negotiate?negotiateVersion=1"));
        request.Headers.Add("Origin", Evil);
        await (await platform.Client.SendAsync(request)).AssertProblemAsync(HttpStatusCode.Forbidden, "csrf_refused");
    }
}

[Collection(SharedHost.Sqlite)]
public sealed class CrossSiteRequestTests_on_Sqlite(SqlitePlatformFixture p) : CrossSiteRequestTests(p);

[Collection(SharedHost.PostgreSql)]
public sealed class CrossSiteRequestTests_on_PostgreSql(PostgreSqlPlatformFixture p) : CrossSiteRequestTests(p);
