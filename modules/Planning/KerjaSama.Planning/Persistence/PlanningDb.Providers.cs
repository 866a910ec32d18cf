using KerjaSama.Modularity.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KerjaSama.Planning.Persistence;

// One context type per provider so each provider's migrations live in this assembly (docs/adr/0003).
internal sealed class SqlitePlanningDb(DbContextOptions<SqlitePlanningDb> options) : PlanningDb(options);

internal sealed class PostgreSqlPlanningDb(DbContextOptions<PostgreSqlPlanningDb> options) : PlanningDb(options);

internal sealed class SqlServerPlanningDb(DbContextOptions<SqlServerPlanningDb> options) : PlanningDb(options);

internal sealed class SqlitePlanningDbFactory() : DesignTimeFactory<SqlitePlanningDb>(DatabaseProvider.Sqlite, PlanningDb.SchemaName);

internal sealed class PostgreSqlPlanningDbFactory() : DesignTimeFactory<PostgreSqlPlanningDb>(DatabaseProvider.PostgreSql, PlanningDb.SchemaName);

internal sealed class SqlServerPlanningDbFactory() : DesignTimeFactory<SqlServerPlanningDb>(DatabaseProvider.SqlServer, PlanningDb.SchemaName);
