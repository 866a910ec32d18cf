using System.Net.Http.Headers;
using KerjaSama.Host.Composition;
using KerjaSama.Modularity.Security;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace KerjaSama.TestKit;

public abstract partial class PlatformFixture
{
    /// <summary>
    /// Signs a new user in as a member of the organisation with that role and returns its access token.
    /// </summary>
    // REVIEW: development tokens until the OpenIddict server lands (issue 4); then this runs the real code flow.
    public Task<TestUser> SignInAsync(Guid organisationId, string organisationName, string role, string? displayName = null)
    {
        var caller = new Caller(Guid.NewGuid(), displayName ?? $"{role} {Guid.NewGuid().ToString("N")[..6]}", organisationId, organisationName, role);
        return Task.FromResult(new TestUser(caller, DevelopmentTokenHandler.Issue(caller)));
    }

    /// <summary>An HttpClient to the host that sends the user's bearer token.</summary>
    public HttpClient ClientFor(TestUser user)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
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
