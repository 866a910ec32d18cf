using KerjaSama.Modularity;

namespace KerjaSama.Host.Composition;

/// <summary>
/// A wrong setting found while the host is composed: registered as the first hosted service, it fails start-up with
/// the one "Start-up failed" line of <see cref="PlatformRunner"/> before the database or the silo start.
/// </summary>
internal sealed class StartupRefusal(string reason) : IHostedService
{
    public static void Register(IServiceCollection services, string reason) =>
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService>(new StartupRefusal(reason)));

    public Task StartAsync(CancellationToken cancellationToken) => throw new PlatformStartupException(reason);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
