using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace KerjaSama.Modularity.Persistence;

/// <summary>The resolved provider and connection string, and how a module's DbContext is configured for it.</summary>
public sealed record DatabaseConnection(DatabaseProvider Provider, string ConnectionString)
{
    public static DatabaseConnection Resolve(DatabaseOptions options, string dataDirectory)
    {
        var provider = options.ParsedProvider;
        if (provider == DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            Directory.CreateDirectory(dataDirectory);
            var file = Path.Combine(dataDirectory, "kerjasama.db");
            return new(provider, new SqliteConnectionStringBuilder { DataSource = file, Pooling = true }.ToString());
        }

        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new PlatformStartupException(
                $"{DatabaseOptions.Section}:ConnectionString is required when {DatabaseOptions.Section}:Provider is {provider}.");
        }

        return new(provider, options.ConnectionString);
    }

    public void Configure(DbContextOptionsBuilder builder, string schema)
    {
        const string history = "__ef_migrations";
        switch (Provider)
        {
            case DatabaseProvider.Sqlite:
                builder.UseSqlite(ConnectionString, o => o.MigrationsHistoryTable($"{history}_{schema}"));
                break;
            case DatabaseProvider.PostgreSql:
                builder.UseNpgsql(ConnectionString, o => o.MigrationsHistoryTable(history, schema));
                break;
            case DatabaseProvider.SqlServer:
                builder.UseSqlServer(ConnectionString, o => o.MigrationsHistoryTable(history, schema));
                break;
            default:
                throw new InvalidOperationException($"Unknown provider {Provider}.");
        }
    }
}
