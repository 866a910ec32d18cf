using KerjaSama.Modularity;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KerjaSama.Host.Composition;

internal static class SiloComposition
{
    /// <summary>Co-hosts an Orleans silo: the live mapping sessions' grains run in this process.</summary>
    public static WebApplicationBuilder AddPlatformSilo(this WebApplicationBuilder builder, IReadOnlyList<IModule> modules)
    {
        var cluster = builder.Configuration.GetSection(PlatformClusterOptions.Section).Get<PlatformClusterOptions>() ?? new();
        if (cluster.SiloPort is < 1 or > 65535 || cluster.GatewayPort is < 1 or > 65535 || cluster.SiloPort == cluster.GatewayPort)
        {
            throw new PlatformStartupException(
                $"{PlatformClusterOptions.Section}:SiloPort and :GatewayPort must be two different ports between 1 and 65535.");
        }

        builder.UseOrleans(silo =>
        {
            var primary = cluster.PrimarySiloPort is { } port ? new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, port) : null;
            silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, primary, cluster.ServiceId, cluster.ClusterId);
            foreach (var module in modules)
                module.ConfigureSilo(silo);
        });
        builder.Services.AddSignalR(o => o.MaximumReceiveMessageSize = 64 * 1024).AddMessagePackProtocol();
        builder.Services.AddHealthChecks().AddCheck<SiloHealthCheck>("silo", tags: ["ready"]);
        return builder;
    }
}

internal sealed class SiloHealthCheck(IGrainFactory grains) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true, cancellationToken).WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            return hosts.Count > 0
                ? HealthCheckResult.Healthy($"{hosts.Count} active silo(s).")
                : HealthCheckResult.Unhealthy("No active silo.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"Silo not reachable: {ex.GetBaseException().Message}");
        }
    }
}
