namespace KerjaSama.Modularity.Persistence;

/// <summary>The relational databases the platform runs on.</summary>
public enum DatabaseProvider
{
    /// <summary>Embedded file database; the default for a single machine.</summary>
    Sqlite,

    /// <summary>PostgreSQL 15 or later.</summary>
    PostgreSql,

    /// <summary>Microsoft SQL Server 2019 or later; the production target.</summary>
    SqlServer,
}
