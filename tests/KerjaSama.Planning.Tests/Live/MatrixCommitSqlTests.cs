using KerjaSama.Modularity.Persistence;
using KerjaSama.Planning.Live;
using KerjaSama.Planning.Persistence;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace KerjaSama.Planning.Tests.Live;

/// <summary>
/// The sequencer's commit statements for the three providers. SQLite and PostgreSQL run them in every live-session
/// test; SQL Server cannot run here, so its text is checked: its table and column names, and no command above its
/// 2,100-parameter limit for the largest batch the grain commits.
/// </summary>
public sealed class MatrixCommitSqlTests
{
    private static PlanningDb Context(DatabaseProvider provider)
    {
        var connection = provider switch
        {
            DatabaseProvider.Sqlite => new DatabaseConnection(provider, "Data Source=:memory:"),
            DatabaseProvider.PostgreSql => new DatabaseConnection(provider, "Host=127.0.0.1;Database=unused"),
            _ => new DatabaseConnection(provider, "Server=127.0.0.1;Database=unused;TrustServerCertificate=true"),
        };
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                var s = new DbContextOptionsBuilder<SqlitePlanningDb>();
                connection.Configure(s, PlanningDb.SchemaName);
                return new SqlitePlanningDb(s.Options);
            case DatabaseProvider.PostgreSql:
                var p = new DbContextOptionsBuilder<PostgreSqlPlanningDb>();
                connection.Configure(p, PlanningDb.SchemaName);
                return new PostgreSqlPlanningDb(p.Options);
            default:
                var q = new DbContextOptionsBuilder<SqlServerPlanningDb>();
                connection.Configure(q, PlanningDb.SchemaName);
                return new SqlServerPlanningDb(q.Options);
        }
    }

    private static (List<MatrixOpRecord> Ops, List<MatrixRow> New, List<MatrixRow> Changed) Batch(int ops, int rows)
    {
        var exerciseId = Guid.NewGuid();
        var records = Enumerable.Range(1, ops).Select(i => new MatrixOpRecord
        {
            ExerciseId = exerciseId, Seq = i, OpId = Guid.NewGuid(), SessionId = Guid.NewGuid(), Kind = "row.update", RowId = Guid.NewGuid(),
            FieldsJson = "{\"notes\":\"\\\"x\\\"\"}", AuthorName = "Penulis", AuthorOrganisationName = "Dinas", At = DateTimeOffset.UtcNow,
        }).ToList();
        MatrixRow Row(int i) => new()
        {
            Id = Guid.NewGuid(), ExerciseId = exerciseId, OwnerOrganisationId = Guid.NewGuid(), ValuesJson = "{}", StampsJson = "{}", CreatedSeq = i, UpdatedSeq = i,
        };
        return (records, [.. Enumerable.Range(0, rows).Select(Row)], [.. Enumerable.Range(0, rows).Select(Row)]);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "\"planning_matrix_ops\"", "\"planning_matrix_rows\"")]
    [InlineData(DatabaseProvider.PostgreSql, "planning.matrix_ops", "planning.matrix_rows")]
    [InlineData(DatabaseProvider.SqlServer, "[planning].[matrix_ops]", "[planning].[matrix_rows]")]
    public void The_largest_batch_is_cut_below_the_parameter_limit_and_names_the_providers_tables(DatabaseProvider provider, string ops, string rows)
    {
        using var db = Context(provider);
        var sql = MatrixCommitSql.For(db);
        var connection = db.Database.GetDbConnection();
        var (records, inserted, updated) = Batch(512, 512);

        var commands = sql.Commands(connection, records, inserted, updated);

        Assert.All(commands, c => Assert.InRange(c.Parameters.Count, 1, 2_100));
        var opInserts = commands.Where(c => c.CommandText.StartsWith($"INSERT INTO {ops} ", StringComparison.Ordinal)).ToList();
        var rowInserts = commands.Where(c => c.CommandText.StartsWith($"INSERT INTO {rows} ", StringComparison.Ordinal)).ToList();
        var rowUpdates = commands.Where(c => c.CommandText.StartsWith($"UPDATE {rows} SET ", StringComparison.Ordinal)).ToList();
        Assert.Equal(commands.Count, opInserts.Count + rowInserts.Count + rowUpdates.Count);
        var opColumns = db.Model.FindEntityType(typeof(MatrixOpRecord))!.GetProperties().Count();
        var rowColumns = db.Model.FindEntityType(typeof(MatrixRow))!.GetProperties().Count();
        Assert.Equal(512 * opColumns, opInserts.Sum(c => c.Parameters.Count));
        Assert.Equal(512 * rowColumns, rowInserts.Sum(c => c.Parameters.Count));
        Assert.Equal(512 * rowColumns, rowUpdates.Sum(c => c.Parameters.Count));
        Assert.Equal(512, rowUpdates.Sum(c => c.CommandText.Split("UPDATE ").Length - 1));
        Assert.True(opInserts.Count > 1, "512 ops must not fit in one command under the limit.");
    }
}
