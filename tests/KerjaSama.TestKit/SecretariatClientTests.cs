using KerjaSama.Modularity.Security;
using Xunit;

namespace KerjaSama.TestKit;

/// <summary>
/// A test class whose tests call the API as the secretariat: before each test a secretariat admin signs in through the
/// real authorization-code flow, and <see cref="Client"/> carries that user's token (writes need the secretariat).
/// </summary>
public abstract class SecretariatClientTests(PlatformFixture platform) : IAsyncLifetime
{
    protected PlatformFixture Platform { get; } = platform;

    protected HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync() => Client = Platform.ClientFor(
        await Platform.SignInAsync(TestOrganisations.Secretariat, TestOrganisations.SecretariatName, PlatformRoles.SecretariatAdmin));

    public Task DisposeAsync()
    {
        Client.Dispose();
        return Task.CompletedTask;
    }
}
