using KerjaSama.Modularity.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KerjaSama.Identity.Persistence;

// One context type per provider so each provider's migrations live in this assembly (docs/adr/0003).
internal sealed class SqliteIdentityDb(DbContextOptions<SqliteIdentityDb> options) : IdentityDb(options);

internal sealed class PostgreSqlIdentityDb(DbContextOptions<PostgreSqlIdentityDb> options) : IdentityDb(options);

internal sealed class SqlServerIdentityDb(DbContextOptions<SqlServerIdentityDb> options) : IdentityDb(options);

internal sealed class SqliteIdentityDbFactory() : DesignTimeFactory<SqliteIdentityDb>(DatabaseProvider.Sqlite, IdentityDb.SchemaName);

internal sealed class PostgreSqlIdentityDbFactory() : DesignTimeFactory<PostgreSqlIdentityDb>(DatabaseProvider.PostgreSql, IdentityDb.SchemaName);

internal sealed class SqlServerIdentityDbFactory() : DesignTimeFactory<SqlServerIdentityDb>(DatabaseProvider.SqlServer, IdentityDb.SchemaName);
