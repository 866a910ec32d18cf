using KerjaSama.Identity.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KerjaSama.Identity.Federation;

/// <summary>
/// Another host may have changed the registrations: every few seconds the catalog compares its fingerprint with the
/// database and reloads when they differ. (The host that made the change reloads at once.)
/// </summary>
internal sealed partial class FederationRefresh(FederationCatalog catalog, IDbContextFactory<IdentityDb> factory, IOptions<IdentitySettings> settings,
    TimeProvider clock, ILogger<FederationRefresh> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, settings.Value.FederationRefreshSeconds)), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var db = await factory.CreateDbContextAsync(stoppingToken);
                if (await FederationCatalog.ReadFingerprintAsync(db, stoppingToken) != catalog.Fingerprint)
                    await catalog.ReloadAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRefreshFailed(e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reloading the partner identity providers failed; the previous list stays in use")]
    private partial void LogRefreshFailed(Exception exception);
}
