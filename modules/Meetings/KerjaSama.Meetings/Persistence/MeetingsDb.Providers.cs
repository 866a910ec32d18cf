using KerjaSama.Modularity.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KerjaSama.Meetings.Persistence;

// One context type per provider so each provider's migrations live in this assembly (docs/adr/0003).
internal sealed class SqliteMeetingsDb(DbContextOptions<SqliteMeetingsDb> options) : MeetingsDb(options);

internal sealed class PostgreSqlMeetingsDb(DbContextOptions<PostgreSqlMeetingsDb> options) : MeetingsDb(options);

internal sealed class SqlServerMeetingsDb(DbContextOptions<SqlServerMeetingsDb> options) : MeetingsDb(options);

internal sealed class SqliteMeetingsDbFactory() : DesignTimeFactory<SqliteMeetingsDb>(DatabaseProvider.Sqlite, MeetingsDb.SchemaName);

internal sealed class PostgreSqlMeetingsDbFactory() : DesignTimeFactory<PostgreSqlMeetingsDb>(DatabaseProvider.PostgreSql, MeetingsDb.SchemaName);

internal sealed class SqlServerMeetingsDbFactory() : DesignTimeFactory<SqlServerMeetingsDb>(DatabaseProvider.SqlServer, MeetingsDb.SchemaName);
