using System.Net.Http.Headers;
using KerjaSama.Identity.Users;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace KerjaSama.TestKit;

public abstract partial class PlatformFixture
{
    /// <summary>
    /// Creates a user with an active membership of the organisation in that role, signs it in through the real
    /// authorization-code + PKCE flow over HTTP (authorize, sign-in form, code, token) and returns its access token.
    /// </summary>
    public async Task<TestUser> SignInAsync(Guid organisationId, string organisationName, string role, string? displayName = null)
    {
        var (userName, password, user) = await CreateUserAsync(organisationId, organisationName, role, displayName);
        using var browser = new BrowserSession(BaseAddress);
        var tokens = await browser.SignInAsync(userName, password);
        var caller = new Modularity.Security.Caller(user, displayName ?? userName, organisationId, organisationName, role);
        return new TestUser(caller, tokens.GetProperty("access_token").GetString()!);
    }

    /// <summary>Creates a local user with an active membership; returns its user name, password and id.</summary>
    public async Task<(string UserName, string Password, Guid UserId)> CreateUserAsync(Guid organisationId, string organisationName, string role,
        string? displayName = null, string? password = null)
    {
        var userName = $"{role}.{Guid.NewGuid():N}@tests.kerjasama".ToLowerInvariant();
        password ??= "Uji-" + Guid.NewGuid().ToString("N")[..16];
        await using var scope = Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
        var (user, errors) = await accounts.CreateAsync(userName, displayName ?? userName, password, null, CancellationToken.None);
        Assert.True(user is not null, string.Join(" ", errors));
        await accounts.AddMembershipAsync(user!.Id, organisationId, organisationName, role, MembershipStatus.Active, CancellationToken.None);
        return (userName, password, user.Id);
    }

    /// <summary>Organisations of the Registry matching the query (e.g. <c>kind=agency&amp;region=62</c>), read as the public would.</summary>
    public async Task<(Guid Id, string Name)[]> OrganisationsAsync(string query)
    {
        var page = System.Text.Json.JsonDocument.Parse(await Client.GetStringAsync($"/api/registry/organisations?{query}&pageSize=50")).RootElement;
        return [.. page.GetProperty("items").EnumerateArray().Select(o => (o.GetProperty("id").GetGuid(), o.GetProperty("name").GetString()!))];
    }

    /// <summary>An HttpClient to the host that sends the user's bearer token (redirects followed unless told not to).</summary>
    public HttpClient ClientFor(TestUser user, bool followRedirects = true)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = followRedirects }) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", user.AccessToken);
        return client;
    }

    /// <summary>A (not yet started) connection to a hub of the host as that user, over JSON or MessagePack.</summary>
    public HubConnection HubFor(TestUser user, string path = "/hubs/mapping", bool messagePack = false)
    {
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(BaseAddress, path), o => o.AccessTokenProvider = () => Task.FromResult<string?>(user.AccessToken));
        if (messagePack)
            builder.AddMessagePackProtocol();
        return builder.Build();
    }
}
