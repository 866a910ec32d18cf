using KerjaSama.Modularity.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KerjaSama.Partners.Persistence;

// One context type per provider so each provider's migrations live in this assembly (docs/adr/0003).
internal sealed class SqlitePartnersDb(DbContextOptions<SqlitePartnersDb> options) : PartnersDb(options);

internal sealed class PostgreSqlPartnersDb(DbContextOptions<PostgreSqlPartnersDb> options) : PartnersDb(options);

internal sealed class SqlServerPartnersDb(DbContextOptions<SqlServerPartnersDb> options) : PartnersDb(options);

internal sealed class SqlitePartnersDbFactory() : DesignTimeFactory<SqlitePartnersDb>(DatabaseProvider.Sqlite, PartnersDb.SchemaName);

internal sealed class PostgreSqlPartnersDbFactory() : DesignTimeFactory<PostgreSqlPartnersDb>(DatabaseProvider.PostgreSql, PartnersDb.SchemaName);

internal sealed class SqlServerPartnersDbFactory() : DesignTimeFactory<SqlServerPartnersDb>(DatabaseProvider.SqlServer, PartnersDb.SchemaName);
