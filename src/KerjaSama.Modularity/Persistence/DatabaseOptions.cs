namespace KerjaSama.Modularity.Persistence;

/// <summary>Settings under <c>KerjaSama:Database</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "KerjaSama:Database";

    /// <summary><c>Sqlite</c> (default), <c>PostgreSql</c> or <c>SqlServer</c>, as text so a typo gets a clear message.</summary>
    public string Provider { get; set; } = nameof(DatabaseProvider.Sqlite);

    /// <summary>
    /// The connection string. Optional for SQLite (defaults to <c>kerjasama.db</c> in the data directory);
    /// required for the server databases.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>Apply pending migrations when the host starts. Defaults to true for SQLite only.</summary>
    public bool? MigrateOnStartup { get; set; }

    public DatabaseProvider ParsedProvider =>
        Enum.TryParse<DatabaseProvider>(Provider, ignoreCase: true, out var parsed)
            ? parsed
            : throw new PlatformStartupException(
                $"{Section}:Provider '{Provider}' is not supported: use Sqlite, PostgreSql or SqlServer.");

    public bool ShouldMigrateOnStartup => MigrateOnStartup ?? ParsedProvider == DatabaseProvider.Sqlite;
}
