using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace KerjaSama.TestKit;

/// <summary>
/// One running host with a fresh database, shared by the tests of one class. Tests arrange their own data.
/// </summary>
public abstract partial class PlatformFixture : IAsyncLifetime
{
    private TestDatabase? _database;
    private PlatformFactory? _factory;

    public HttpClient Client { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public IServiceProvider Services => _factory!.Services;

    public string Provider => _database!.Provider;

    /// <summary>The host's clock: real time plus an offset a test can move forward instead of sleeping.</summary>
    public ShiftedClock HostClock { get; } = new();

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    /// <summary>The host's environment: Testing (test clients seeded) unless a fixture needs Development (demo data).</summary>
    protected virtual string EnvironmentName => "Testing";

    /// <summary>Extra settings for this fixture's host.</summary>
    protected virtual void Configure(Dictionary<string, string?> settings)
    {
    }

    /// <summary>False for hosts that share a database another fixture drops (several hosts, restarts).</summary>
    protected virtual bool OwnsDatabase => true;

    /// <summary>Service replacements for this fixture's host, applied after the host's own registrations.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public async Task InitializeAsync()
    {
        _database = await CreateDatabaseAsync();
        var settings = _database.Settings();
        Configure(settings);
        // A port handed out by FreePort can be taken before the silo binds it; such a start is tried again with new ports.
        for (var attempt = 1; ; attempt++)
        {
            var log = new StartupLog();
            _factory = new PlatformFactory(settings, EnvironmentName, services =>
            {
                services.AddSingleton<TimeProvider>(HostClock);
                services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(log);
                ConfigureServices(services);
            });
            try
            {
                _factory.StartServer();
                break;
            }
            catch (ObjectDisposedException ex)
            {
                // The program logged why it stopped during start-up and returned; the factory only sees disposed services.
                await DisposeFailedAsync(_factory);
                _factory = null;
                if (attempt < 3 && log.Mentions("already in use"))
                    continue;
                throw new InvalidOperationException($"The test host stopped while starting (attempt {attempt}): {log}", ex);
            }
        }

        var address = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        Client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    private static async Task DisposeFailedAsync(PlatformFactory factory)
    {
        try
        {
            await factory.DisposeAsync();
        }
        catch (Exception ex) when (ex is ObjectDisposedException ||
                                   ex is AggregateException a && a.InnerExceptions.All(e => e is ObjectDisposedException))
        {
            // The program already disposed its host when it returned; stopping its services again finds them disposed.
        }
    }

    public virtual async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_factory is not null)
            await _factory.DisposeAsync();
        if (_database is not null && OwnsDatabase)
            await _database.DisposeAsync();
    }
}

public sealed class SqlitePlatformFixture : PlatformFixture
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}

public sealed class PostgreSqlPlatformFixture : PlatformFixture
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgreSqlAsync();
}
