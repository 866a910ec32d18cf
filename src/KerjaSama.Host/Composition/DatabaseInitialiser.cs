using System.Data.Common;
using KerjaSama.Modularity;
using KerjaSama.Modularity.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace KerjaSama.Host.Composition;

/// <summary>Migrates (or checks) every module's schema, then lets each module seed its data.</summary>
internal sealed partial class DatabaseInitialiser(
    IServiceProvider services, IEnumerable<IModuleDatabase> databases, ModuleList modules, IOptions<DatabaseOptions> options,
    ILogger<DatabaseInitialiser> logger)
{
    public async Task InitialiseAsync(bool migrate, CancellationToken ct)
    {
        var connection = Connection();
        try
        {
            if (connection.Provider == DatabaseProvider.Sqlite)
                await UseWriteAheadLogAsync(connection.ConnectionString, ct);

            foreach (var database in databases)
            {
                if (migrate)
                {
                    await database.MigrateAsync(ct);
                    continue;
                }

                var pending = await database.GetPendingMigrationsAsync(ct);
                if (pending.Count > 0)
                {
                    throw new PlatformStartupException(
                        $"{DatabaseOptions.Section}: schema '{database.Schema}' has {pending.Count} pending migration(s); " +
                        "run 'dotnet KerjaSama.Host.dll migrate' (or set KerjaSama:Database:MigrateOnStartup=true).");
                }
            }
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or ArgumentException or TimeoutException)
        {
            throw new PlatformStartupException(
                $"{DatabaseOptions.Section}:ConnectionString: cannot use the {connection.Provider} database: {ex.GetBaseException().Message}", ex);
        }

        foreach (var module in modules.Modules)
            await module.InitialiseAsync(services, ct);
        LogReady(connection.Provider, migrate);
    }

    private DatabaseConnection Connection()
    {
        _ = options.Value; // triggers validation with a message naming the setting
        return services.GetRequiredService<DatabaseConnection>();
    }

    private static async Task UseWriteAheadLogAsync(string connectionString, CancellationToken ct)
    {
        // WAL lets readers work while the sequencer commits; it is a property of the file, set once.
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        await command.ExecuteNonQueryAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database ready on {Provider} (migrated at start-up: {Migrated})")]
    private partial void LogReady(DatabaseProvider provider, bool migrated);
}
