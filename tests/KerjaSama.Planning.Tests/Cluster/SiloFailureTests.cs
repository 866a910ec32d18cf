using System.Collections.Concurrent;
using KerjaSama.Modularity.Persistence;
using KerjaSama.Modularity.Security;
using KerjaSama.Planning.Contracts.Live;
using KerjaSama.Planning.Exercises;
using KerjaSama.Planning.Live;
using KerjaSama.Planning.Persistence;
using KerjaSama.TestKit;
using Microsoft.EntityFrameworkCore;
using Orleans.TestingHost;
using Xunit;

namespace KerjaSama.Planning.Tests.Cluster;

/// <summary>
/// A silo is killed in the middle of a session, in a three-silo Orleans test cluster on the real database: every
/// acknowledged op is still there, in a gap-free sequence, and every client converges to the stored rows.
/// </summary>
public abstract class SiloFailureTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private TestCluster _cluster = null!;
    private DatabaseConnection _connection = null!;

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    public async Task InitializeAsync()
    {
        _database = await CreateDatabaseAsync();
        var provider = Enum.Parse<DatabaseProvider>(_database.Provider);
        _connection = new DatabaseConnection(provider, _database.ConnectionString
            ?? $"Data Source={Path.Combine(_database.DataDirectory, "planning.db")};Pooling=true");
        await using (var db = CreateDb())
            await db.Database.MigrateAsync();

        var builder = new TestClusterBuilder(3);
        builder.Properties["Provider"] = provider.ToString();
        builder.Properties["ConnectionString"] = _connection.ConnectionString;
        builder.AddSiloBuilderConfigurator<MatrixSiloConfigurator>();
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    private PlanningDb CreateDb()
    {
        if (_connection.Provider == DatabaseProvider.Sqlite)
        {
            var o = new DbContextOptionsBuilder<SqlitePlanningDb>();
            _connection.Configure(o, PlanningDb.SchemaName);
            return new SqlitePlanningDb(o.Options);
        }

        var p = new DbContextOptionsBuilder<PostgreSqlPlanningDb>();
        _connection.Configure(p, PlanningDb.SchemaName);
        return new PostgreSqlPlanningDb(p.Options);
    }

    public async Task DisposeAsync()
    {
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task<(Guid ExerciseId, Guid SessionId)[]> SeedExercisesAsync(int count)
    {
        await using var db = CreateDb();
        var seeded = new List<(Guid, Guid)>();
        for (var i = 0; i < count; i++)
        {
            var exercise = new MappingExercise
            {
                Id = Guid.NewGuid(), RegionCode = "62", Title = $"Uji kegagalan {i}", PeriodKind = PlanningPeriodKind.Rpjmd, StartYear = 2025,
                EndYear = 2029, CreatedAt = DateTimeOffset.UtcNow,
            };
            var session = new MappingSession
            {
                Id = Guid.NewGuid(), ExerciseId = exercise.Id, State = SessionStates.Open, OpenedAt = DateTimeOffset.UtcNow,
            };
            db.Exercises.Add(exercise);
            db.Sessions.Add(session);
            seeded.Add((exercise.Id, session.Id));
        }

        await db.SaveChangesAsync();
        return [.. seeded];
    }

    [Fact]
    public async Task Killing_the_silo_that_hosts_a_matrix_loses_no_acknowledged_op_and_every_client_converges()
    {
        // Find a matrix whose activation is not on the primary silo (which holds the test cluster's membership).
        var candidates = await SeedExercisesAsync(8);
        var management = _cluster.Client.GetGrain<IManagementGrain>(0);
        (Guid ExerciseId, Guid SessionId, SiloHandle Silo)? target = null;
        foreach (var (exerciseId, sessionId) in candidates)
        {
            var grain = _cluster.Client.GetGrain<IMatrixGrain>(exerciseId);
            await grain.GetSession();
            var address = await management.GetActivationAddress(grain);
            var silo = _cluster.Silos.FirstOrDefault(s => s.SiloAddress.Equals(address));
            if (silo is not null && silo != _cluster.Primary)
            {
                target = (exerciseId, sessionId, silo);
                break;
            }
        }

        Assert.NotNull(target);
        var (matrixId, session, doomed) = target.Value;
        var matrix = _cluster.Client.GetGrain<IMatrixGrain>(matrixId);
        var acked = new ConcurrentDictionary<Guid, long>();
        var failures = 0;
        var writers = Enumerable.Range(0, 3).Select(w => Task.Run(async () =>
        {
            var caller = new Caller(Guid.NewGuid(), $"Penulis {w}", Guid.NewGuid(), $"Dinas {w}", PlatformRoles.Facilitator);
            var rowId = Guid.NewGuid();
            for (var i = 0; i < 150; i++)
            {
                var fields = i == 0
                    ? new Dictionary<string, string?> { [MatrixFieldNames.AffairCode] = "\"1.02\"" }
                    : new Dictionary<string, string?> { [MatrixFieldNames.Notes] = $"\"{w}-{i}\"" };
                var op = new OpRequest(session, Guid.NewGuid(), i == 0 ? OpKinds.Add : OpKinds.Update, rowId, fields, 0);
                for (var attempt = 0; ; attempt++)
                {
                    try
                    {
                        var result = await matrix.Submit(caller, op);
                        if (result.Outcome is AckOutcomes.Applied or AckOutcomes.Duplicate)
                        {
                            acked[op.OpId] = result.Seq;
                            break;
                        }

                        Assert.Equal(RejectionCodes.NotCommitted, result.Error?.Code);
                    }
                    catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
                    {
                        Interlocked.Increment(ref failures);
                    }

                    Assert.True(attempt < 200, "An op was never acknowledged after the failover.");
                    await Task.Delay(50);
                }
            }
        })).ToList();

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (acked.Count < 100 && !writers.All(w => w.IsCompleted) && DateTime.UtcNow < deadline)
            await Task.Delay(5);
        Assert.True(acked.Count >= 100, $"Only {acked.Count} ops were acknowledged before the kill.");
        await _cluster.KillSiloAsync(doomed);
        await Task.WhenAll(writers);

        await using var db = CreateDb();
        var log = await db.Ops.AsNoTracking().Where(o => o.ExerciseId == matrixId).OrderBy(o => o.Seq)
            .Select(o => new { o.Seq, o.OpId }).ToListAsync();
        Assert.Equal(Enumerable.Range(1, log.Count).Select(i => (long)i), log.Select(o => o.Seq));
        Assert.Equal(450, acked.Count);
        Assert.Equal(450, log.Count);
        var stored = log.ToDictionary(o => o.OpId, o => o.Seq);
        Assert.All(acked, a => Assert.Equal(a.Value, stored[a.Key]));

        var rows = await db.Rows.AsNoTracking().Where(r => r.ExerciseId == matrixId).ToDictionaryAsync(r => r.Id, r => r.ValuesJson);
        foreach (var viewer in Enumerable.Range(0, 3))
        {
            var caller = new Caller(Guid.NewGuid(), $"Pembaca {viewer}", Guid.NewGuid(), "Setda", PlatformRoles.Facilitator);
            var join = await matrix.Join(caller, $"viewer-{viewer}", session, 0);
            Assert.Null(join.Error);
            Assert.Equal(log.Count, join.Seq);
            Assert.Equal(rows, join.Rows!.ToDictionary(r => r.RowId, r => MatrixStore.ValuesJson(r.Fields)));
        }

        var now = await management.GetActivationAddress(matrix);
        Assert.NotNull(now);
        Assert.NotEqual(doomed.SiloAddress, now);
    }

    [Fact]
    public async Task An_old_op_sent_again_after_the_matrix_moved_is_a_duplicate_although_the_new_activation_did_not_load_its_id()
    {
        // 20,100 ops of an earlier session and outside sessions, so that the oldest lie beyond the 20,000 ops an
        // activation keeps (its op-id index covers those and the current session's ops; older ids are looked up).
        var (matrixId, oldSession) = (await SeedExercisesAsync(1))[0];
        var current = Guid.NewGuid();
        var ops = new List<MatrixOpRecord>();
        await using (var db = CreateDb())
        {
            var closed = await db.Sessions.SingleAsync(x => x.Id == oldSession);
            closed.State = SessionStates.Closed;
            db.Sessions.Add(new MappingSession
            {
                Id = current, ExerciseId = matrixId, State = SessionStates.Open, OpenedAt = DateTimeOffset.UtcNow.AddSeconds(1),
            });
            for (var seq = 1; seq <= 20_100; seq++)
            {
                ops.Add(new MatrixOpRecord
                {
                    ExerciseId = matrixId, Seq = seq, OpId = Guid.NewGuid(), SessionId = seq % 2 == 0 ? oldSession : Guid.Empty,
                    Kind = OpKinds.Update, RowId = Guid.NewGuid(), FieldsJson = "{}", AuthorName = "Arsip", AuthorOrganisationName = "Setda",
                    At = DateTimeOffset.UtcNow,
                });
            }

            db.Ops.AddRange(ops);
            await db.SaveChangesAsync();
        }

        var matrix = _cluster.Client.GetGrain<IMatrixGrain>(matrixId);
        var caller = new Caller(Guid.NewGuid(), "Fasilitator", Guid.NewGuid(), "Setda", PlatformRoles.Facilitator);
        Assert.Equal(current, (await matrix.GetSession())!.SessionId);
        var management = _cluster.Client.GetGrain<IManagementGrain>(0);
        var address = await management.GetActivationAddress(matrix);
        var host = _cluster.Silos.First(x => x.SiloAddress.Equals(address));
        if (host != _cluster.Primary)
            await _cluster.KillSiloAsync(host);

        var fromOldSession = ops[1];
        var outsideSessions = ops[2];
        var again = await matrix.Submit(caller, new OpRequest(oldSession, fromOldSession.OpId, OpKinds.Update, fromOldSession.RowId,
            new Dictionary<string, string?> { [MatrixFieldNames.Notes] = "\"lagi\"" }, 0));
        Assert.Equal((AckOutcomes.Duplicate, 2L), (again.Outcome, again.Seq));
        var rest = await matrix.Submit(caller, new OpRequest(Guid.Empty, outsideSessions.OpId, OpKinds.Update, outsideSessions.RowId,
            new Dictionary<string, string?> { [MatrixFieldNames.Notes] = "\"lagi\"" }, 0));
        Assert.Equal((AckOutcomes.Duplicate, 3L), (rest.Outcome, rest.Seq));
        var register = await matrix.ApplyRegister(caller, new RegisterBatch(RegisterAuthorities.Consolidation,
            [new RegisterOp(outsideSessions.OpId, OpKinds.Update, outsideSessions.RowId, new Dictionary<string, string?> { [MatrixFieldNames.Notes] = "\"lagi\"" })]));
        Assert.True(register.Duplicate);
        var unknown = await matrix.Submit(caller, new OpRequest(oldSession, Guid.NewGuid(), OpKinds.Update, fromOldSession.RowId,
            new Dictionary<string, string?> { [MatrixFieldNames.Notes] = "\"baru\"" }, 0));
        Assert.Equal(RejectionCodes.UnknownSession, unknown.Error?.Code);

        await using var after = CreateDb();
        Assert.Equal(20_100, await after.Ops.CountAsync(o => o.ExerciseId == matrixId));
    }
}

public sealed class SiloFailureTests_on_Sqlite : SiloFailureTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}

public sealed class SiloFailureTests_on_PostgreSql : SiloFailureTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgreSqlAsync();
}
