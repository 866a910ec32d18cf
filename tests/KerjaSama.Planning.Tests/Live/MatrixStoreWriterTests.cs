using KerjaSama.Modularity.Persistence;
using KerjaSama.Planning.Live;
using KerjaSama.Planning.Persistence;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace KerjaSama.Planning.Tests.Live;

/// <summary>
/// The SQLite writer loop (ADR 0020, fourth cut) on a real database file: commits of several matrices queued together
/// share one transaction, and a batch that cannot be written fails alone, its neighbours still committed.
/// </summary>
public sealed class MatrixStoreWriterTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("kerjasama-writer-").FullName;
    private readonly Factory _factory;

    public MatrixStoreWriterTests()
    {
        _factory = new Factory(new DatabaseConnection(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(_directory, "planning.db")};Pooling=false"));
        using var db = _factory.CreateDbContext();
        db.Database.EnsureCreated();
    }

    [Fact]
    public void The_writer_connection_flushes_every_commit_and_leaves_checkpoints_to_the_background()
    {
        using var writer = MatrixStore.OpenWriter($"Data Source={Path.Combine(_directory, "planning.db")};Pooling=false");
        using var query = writer.CreateCommand();
        query.CommandText = "PRAGMA synchronous;";
        Assert.Equal(2L, query.ExecuteScalar()); // 2 = FULL
        query.CommandText = "PRAGMA wal_autocheckpoint;";
        Assert.Equal(0L, query.ExecuteScalar());
    }

    [Fact]
    public async Task A_bad_batch_queued_with_others_fails_alone_and_the_others_are_stored()
    {
        using var store = new MatrixStore(_factory);
        var taken = Guid.NewGuid();
        await store.CommitAsync(taken, [Op(1)], [], CancellationToken.None);

        // Queued together for the writer loop: seq 1 of `taken` again (the key exists), and a first op for ten others.
        var others = Enumerable.Range(0, 10).Select(_ => Guid.NewGuid()).ToList();
        var clash = store.CommitAsync(taken, [Op(1)], [], CancellationToken.None, busy: true);
        var fine = others.Select(id => store.CommitAsync(id, [Op(1), Op(2)], [], CancellationToken.None, busy: true)).ToList();

        // A deadline, not a timing assertion: a commit whose completion is lost fails here instead of hanging the run.
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => clash.WaitAsync(Deadline));
        await Task.WhenAll(fine).WaitAsync(Deadline);
        await using var db = _factory.CreateDbContext();
        Assert.Equal(1, await db.Ops.CountAsync(o => o.ExerciseId == taken));
        foreach (var id in others)
            Assert.Equal([1L, 2L], await db.Ops.Where(o => o.ExerciseId == id).OrderBy(o => o.Seq).Select(o => o.Seq).ToListAsync());
    }

    [Fact]
    public async Task Commits_from_many_callers_at_once_all_land_in_order_per_matrix()
    {
        using var store = new MatrixStore(_factory);
        var matrices = Enumerable.Range(0, 8).Select(_ => Guid.NewGuid()).ToList();

        await Task.WhenAll(matrices.Select(async id =>
        {
            for (var seq = 1; seq <= 25; seq++)
                await store.CommitAsync(id, [Op(seq)], [], CancellationToken.None, busy: seq % 2 == 0);
        })).WaitAsync(Deadline);

        await using var db = _factory.CreateDbContext();
        foreach (var id in matrices)
            Assert.Equal(Enumerable.Range(1, 25).Select(i => (long)i), await db.Ops.Where(o => o.ExerciseId == id).OrderBy(o => o.Seq).Select(o => o.Seq).ToListAsync());
    }

    [Fact]
    public async Task Dispose_completes_the_commits_still_queued_and_refuses_new_ones()
    {
        var store = new MatrixStore(_factory);
        var matrices = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToList();
        var queued = matrices.Select(id => store.CommitAsync(id, [Op(1)], [], CancellationToken.None, busy: true)).ToList();

        store.Dispose();

        await Task.WhenAll(queued).WaitAsync(Deadline);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.CommitAsync(Guid.NewGuid(), [Op(1)], [], CancellationToken.None));
        await using var db = _factory.CreateDbContext();
        foreach (var id in matrices)
            Assert.Equal(1, await db.Ops.CountAsync(o => o.ExerciseId == id));
    }

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private static OpMessage Op(long seq) => new(Guid.NewGuid(), seq, Guid.NewGuid(), "row.update", Guid.NewGuid(),
        new Dictionary<string, string?> { ["notes"] = "\"catatan\"" }, new AuthorMessage(Guid.NewGuid(), "Penulis", Guid.NewGuid(), "Dinas"),
        DateTimeOffset.UtcNow, []);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private sealed class Factory(DatabaseConnection connection) : IDbContextFactory<PlanningDb>
    {
        public PlanningDb CreateDbContext()
        {
            var options = new DbContextOptionsBuilder<SqlitePlanningDb>();
            connection.Configure(options, PlanningDb.SchemaName);
            return new SqlitePlanningDb(options.Options);
        }
    }
}
