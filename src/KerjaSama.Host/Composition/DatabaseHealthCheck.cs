using KerjaSama.Modularity.Persistence;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KerjaSama.Host.Composition;

internal sealed class DatabaseHealthCheck(IEnumerable<IModuleDatabase> databases) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        foreach (var database in databases)
        {
            try
            {
                if (!await database.CanConnectAsync(cancellationToken))
                    return HealthCheckResult.Unhealthy($"Cannot connect to the database of '{database.Schema}'.");
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return HealthCheckResult.Unhealthy($"Database of '{database.Schema}' failed: {ex.GetBaseException().Message}");
            }
        }

        return HealthCheckResult.Healthy();
    }
}
