using KerjaSama.TestKit;

namespace KerjaSama.Planning.Tests.Live;

/// <summary>A participant of a live session over the real hub of the test host, as one signed-in test user.</summary>
internal sealed class LiveClient(TestUser user) : LiveSessionClient(user.Caller.DisplayName, user.Caller.UserId, user.Caller.OrganisationId)
{
    public TestUser User { get; } = user;

    public static async Task<LiveClient> ConnectAsync(PlatformFixture platform, TestUser user, bool messagePack = false)
    {
        var client = new LiveClient(user);
        await client.AttachAsync(platform.HubFor(user, messagePack: messagePack), platform.BaseAddress);
        return client;
    }
}
