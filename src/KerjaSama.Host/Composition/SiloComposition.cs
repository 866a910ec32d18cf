using KerjaSama.Modularity.Localization;
using System.Net;
using KerjaSama.Modularity;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Configuration;

namespace KerjaSama.Host.Composition;

internal static class SiloComposition
{
    /// <summary>
    /// Co-hosts an Orleans silo: the live mapping sessions' grains run in this process. Membership is
    /// <c>Localhost</c> (one machine) or <c>Redis</c> (a cluster of hosts); see <see cref="PlatformClusterOptions"/>.
    /// </summary>
    public static WebApplicationBuilder AddPlatformSilo(this WebApplicationBuilder builder, IReadOnlyList<IModule> modules)
    {
        var (settings, error) = ReadSettings(builder.Configuration);
        if (settings is null)
        {
            // Reported by the runner as one "Start-up failed" line before anything else starts; the silo gets defaults meanwhile.
            StartupRefusal.Register(builder.Services, error!);
            settings = new PlatformClusterOptions().Validate().Settings!;
        }

        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton<SiloStartupState>();
        builder.UseOrleans(silo =>
        {
            ConfigureMembership(silo, settings);
            if (TelemetryComposition.TracesEnabled(builder.Configuration))
                silo.AddActivityPropagation();
            foreach (var module in modules)
                module.ConfigureSilo(silo);
        });
        SiloStartup.Wrap(builder.Services);
        builder.Services.AddSignalR(o =>
        {
            o.MaximumReceiveMessageSize = 64 * 1024;
            Microsoft.AspNetCore.SignalR.HubOptionsExtensions.AddFilter(o, new HubCultureFilter());
        }).AddMessagePackProtocol();
        builder.Services.AddHealthChecks().AddCheck<SiloHealthCheck>("silo", tags: ["ready"]);
        return builder;
    }

    private static (ClusterSettings? Settings, string? Error) ReadSettings(ConfigurationManager configuration)
    {
        try
        {
            return (configuration.GetSection(PlatformClusterOptions.Section).Get<PlatformClusterOptions>() ?? new()).Validate();
        }
        catch (InvalidOperationException ex)
        {
            return (null, $"{PlatformClusterOptions.Section}: {ex.GetBaseException().Message}");
        }
    }

    private static void ConfigureMembership(ISiloBuilder silo, ClusterSettings settings)
    {
        if (settings.Membership == ClusterMembership.Localhost)
        {
            var primary = settings.PrimarySiloPort is { } port ? new IPEndPoint(IPAddress.Loopback, port) : null;
            silo.UseLocalhostClustering(settings.SiloPort, settings.GatewayPort, primary, settings.ServiceId, settings.ClusterId);
            silo.UseInMemoryReminderService();
            return;
        }

        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = settings.ClusterId;
            o.ServiceId = settings.ServiceId;
        });
        silo.Configure<EndpointOptions>(o =>
        {
            o.SiloPort = settings.SiloPort;
            o.GatewayPort = settings.GatewayPort;
            if (settings.AdvertisedAddress is not null)
                o.AdvertisedIPAddress = settings.AdvertisedAddress;
            if (settings.ListenOnAnyHostAddress)
            {
                o.SiloListeningEndpoint = new IPEndPoint(IPAddress.Any, settings.SiloPort);
                o.GatewayListeningEndpoint = new IPEndPoint(IPAddress.Any, settings.GatewayPort);
            }
        });
        // One store for membership and reminders: a reminder lives in the store, so it fires once across the cluster.
        silo.UseRedisClustering(o => o.ConfigurationOptions = settings.Redis!.Clone());
        silo.UseRedisReminderService(o => o.ConfigurationOptions = settings.Redis!.Clone());
    }
}

internal sealed class SiloHealthCheck(IGrainFactory grains, SiloStartupState state) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!state.IsStarted)
            return HealthCheckResult.Unhealthy(state.Description);
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
