using KerjaSama.Modularity.Persistence;
using Microsoft.Extensions.Options;

namespace KerjaSama.Host.Composition;

/// <summary>Runs before the silo and Kestrel start: the host serves nothing on a schema it does not match.</summary>
internal sealed class DatabaseStartup(DatabaseInitialiser initialiser, IOptions<DatabaseOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        initialiser.InitialiseAsync(options.Value.ShouldMigrateOnStartup, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
