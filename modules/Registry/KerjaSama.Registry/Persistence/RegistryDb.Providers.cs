using KerjaSama.Modularity.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KerjaSama.Registry.Persistence;

// One context type per provider so each provider's migrations live in this assembly (docs/adr/0003).
internal sealed class SqliteRegistryDb(DbContextOptions<SqliteRegistryDb> options) : RegistryDb(options);

internal sealed class PostgreSqlRegistryDb(DbContextOptions<PostgreSqlRegistryDb> options) : RegistryDb(options);

internal sealed class SqlServerRegistryDb(DbContextOptions<SqlServerRegistryDb> options) : RegistryDb(options);

internal sealed class SqliteRegistryDbFactory() : DesignTimeFactory<SqliteRegistryDb>(DatabaseProvider.Sqlite, RegistryDb.SchemaName);

internal sealed class PostgreSqlRegistryDbFactory() : DesignTimeFactory<PostgreSqlRegistryDb>(DatabaseProvider.PostgreSql, RegistryDb.SchemaName);

internal sealed class SqlServerRegistryDbFactory() : DesignTimeFactory<SqlServerRegistryDb>(DatabaseProvider.SqlServer, RegistryDb.SchemaName);
