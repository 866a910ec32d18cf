using System.Net;
using System.Net.Sockets;
using KerjaSama.Modularity;

namespace KerjaSama.Host.Composition;

/// <summary>Where the co-hosted silo is in its start-up; read by the readiness check.</summary>
internal sealed class SiloStartupState
{
    private volatile string _description = "The silo has not started yet.";
    private volatile bool _started;

    public bool IsStarted => _started;

    public string Description => _description;

    public void Waiting(string description) => _description = description;

    public void Started()
    {
        _description = "Started.";
        _started = true;
    }
}

/// <summary>
/// Wraps Orleans' own silo service (same place in the start-up order). Before the silo starts it checks that the
/// silo and gateway ports are free (a clear error instead of a socket stack trace) and, with Redis membership, that
/// the store answers. An unreachable store does not stop the host: it logs the reason, retries with backoff in the
/// background and keeps <c>/health/ready</c> unhealthy, while Kestrel and <c>/health/live</c> come up.
/// </summary>
internal sealed partial class SiloStartup(
    IHostedService silo,
    ClusterSettings settings,
    SiloStartupState state,
    IHostApplicationLifetime lifetime,
    ILogger<SiloStartup> logger) : IHostedService, IDisposable
{
    private const string OrleansSiloService = "Orleans.Hosting.SiloHostedService";
    private readonly CancellationTokenSource _stopping = new();
    private Task? _deferred;
    private bool _siloStarting;

    /// <summary>Replaces Orleans' silo service registration with this wrapper, keeping its position.</summary>
    public static void Wrap(IServiceCollection services)
    {
        var index = -1;
        for (var i = 0; i < services.Count; i++)
        {
            if (services[i].ServiceType == typeof(IHostedService) && !services[i].IsKeyedService
                && services[i].ImplementationType?.FullName == OrleansSiloService)
            {
                index = i;
                break;
            }
        }

        if (index < 0)
            throw new InvalidOperationException($"Orleans' {OrleansSiloService} registration was not found; check SiloStartup after an Orleans upgrade.");
        var inner = services[index].ImplementationType!;
        services[index] = ServiceDescriptor.Singleton<IHostedService>(sp => ActivatorUtilities.CreateInstance<SiloStartup>(sp,
            (IHostedService)ActivatorUtilities.CreateInstance(sp, inner)));
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        EnsurePortsFree();
        if (settings.Membership == ClusterMembership.Redis && await ProbeStoreAsync(attempt: 1, TimeSpan.FromSeconds(1), cancellationToken) is { } reason)
        {
            state.Waiting($"Waiting for the membership store ({settings.RedisEndpoints}): {reason}");
            _deferred = Task.Run(() => StartWhenStoreAnswersAsync(_stopping.Token), CancellationToken.None);
            return;
        }

        await StartSiloAsync(cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        if (_deferred is not null)
            await _deferred.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (_siloStarting)
            await silo.StopAsync(cancellationToken);
    }

    public void Dispose() => _stopping.Dispose();

    private async Task StartWhenStoreAnswersAsync(CancellationToken ct)
    {
        var delay = TimeSpan.FromSeconds(1);
        try
        {
            for (var attempt = 2; ; attempt++)
            {
                await Task.Delay(delay, ct);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, settings.MembershipRetryMax.Ticks));
                var reason = await ProbeStoreAsync(attempt, delay, ct);
                if (reason is null)
                    break;
                state.Waiting($"Waiting for the membership store ({settings.RedisEndpoints}): {reason}");
            }

            LogStoreAnswers(logger, settings.RedisEndpoints);
            EnsurePortsFree();
            await StartSiloAsync(ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (PlatformStartupException ex)
        {
            LogStartupFailed(logger, ex.Message);
            Environment.ExitCode = 1;
            lifetime.StopApplication();
        }
        catch (Exception ex)
        {
            var reason = $"{PlatformClusterOptions.Section}: the silo did not start: {ex.GetBaseException().Message}";
            LogStartupFailed(logger, reason);
            Environment.ExitCode = 1;
            lifetime.StopApplication();
        }
    }

    /// <summary>Null when the store answers a PING, otherwise the reason (logged as an error with the next retry).</summary>
    private async Task<string?> ProbeStoreAsync(int attempt, TimeSpan retryIn, CancellationToken ct)
    {
        var options = settings.Redis!.Clone();
        options.AbortOnConnectFail = true;
        options.ConnectRetry = 1;
        options.ConnectTimeout = 3000;
        try
        {
            await using var connection = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(options).WaitAsync(TimeSpan.FromSeconds(10), ct);
            await connection.GetDatabase().PingAsync();
            return null;
        }
        catch (Exception ex) when (ex is StackExchange.Redis.RedisException or TimeoutException or SocketException)
        {
            // The client's own message advises abortConnect=false, which is not the operator's fix: name the failure instead.
            var reason = ex is StackExchange.Redis.RedisConnectionException connection
                ? $"{connection.FailureType}{(connection.InnerException is { } inner ? ": " + inner.Message : "")}"
                : ex.Message.Split('\n')[0];
            LogStoreUnreachable(logger, PlatformClusterOptions.Section, settings.RedisEndpoints, attempt, reason, (int)retryIn.TotalSeconds);
            return reason;
        }
    }

    private async Task StartSiloAsync(CancellationToken ct)
    {
        _siloStarting = true;
        try
        {
            await silo.StartAsync(ct);
        }
        catch (Exception ex) when (InUse(ex))
        {
            throw PortInUse();
        }

        state.Started();
    }

    private void EnsurePortsFree()
    {
        foreach (var (name, port) in new[] { ("SiloPort", settings.SiloPort), ("GatewayPort", settings.GatewayPort) })
        {
            try
            {
                using var probe = new Socket(settings.ListenAddress.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                probe.Bind(new IPEndPoint(settings.ListenAddress, port));
                probe.Listen();
            }
            catch (SocketException ex) when (ex.SocketErrorCode is SocketError.AddressAlreadyInUse or SocketError.AccessDenied)
            {
                throw PortInUse(name, port);
            }
            catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressNotAvailable)
            {
                throw new PlatformStartupException(
                    $"{PlatformClusterOptions.Section}:AdvertisedIPAddress {settings.ListenAddress} is not an address of this machine.");
            }
        }
    }

    private PlatformStartupException PortInUse(string name = "SiloPort", int? port = null) => new(
        $"{PlatformClusterOptions.Section}:{name} {port ?? settings.SiloPort} is already in use on {settings.ListenAddress} " +
        "(another host or program listens there); give every host on one machine its own SiloPort and GatewayPort.");

    private static bool InUse(Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            if (e is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse })
                return true;
            if (e is AggregateException aggregate && aggregate.InnerExceptions.Any(InUse))
                return true;
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Error,
        Message = "The membership store {Section}:RedisConnectionString ({Endpoints}) is unreachable (attempt {Attempt}): {Reason}. " +
                  "Retrying in {RetrySeconds} s; /health/ready stays unhealthy until the silo has joined the cluster.")]
    private static partial void LogStoreUnreachable(ILogger logger, string section, string endpoints, int attempt, string reason, int retrySeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "The membership store ({Endpoints}) answers; starting the silo.")]
    private static partial void LogStoreAnswers(ILogger logger, string endpoints);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Start-up failed: {Reason}")]
    private static partial void LogStartupFailed(ILogger logger, string reason);
}
