using KerjaSama.Planning.Contracts.Live;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Data.Sqlite;

namespace KerjaSama.LoadGen;

/// <summary>
/// The raw SignalR baseline: the same hub contract with no Orleans, no database and no validation; Submit
/// answers at once and broadcasts to the session's group. What the platform is measured against.
/// </summary>
/// <remarks>
/// With <c>--floors</c> the benchmark also runs two steps between the raw hub and the platform, to show where the gap
/// comes from: <see cref="BaselineKind.Grain"/> asks an Orleans grain (one per session, in this process) for each
/// edit's sequence number, and <see cref="BaselineKind.GrainSqlite"/> has that grain commit the edit to SQLite (WAL,
/// synchronous=FULL, one transaction per edit, as the platform's store) before it answers. Neither validates,
/// groups commits or fans out through an observer: they are the least an Orleans-sequenced, durable hub has to pay.
/// </remarks>
internal static class BaselineServer
{
    public static async Task RunAsync(string url, BaselineKind kind = BaselineKind.Raw, int siloPort = 0, int gatewayPort = 0, string? dataDir = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls(url);
        builder.Services.AddSignalR().AddMessagePackProtocol();
        if (kind != BaselineKind.Raw)
        {
            builder.UseOrleans(silo => silo.UseLocalhostClustering(siloPort, gatewayPort));
            if (kind == BaselineKind.GrainSqlite)
                builder.Services.AddSingleton(_ => new FloorStore(Path.Combine(dataDir ?? Path.GetTempPath(), $"floor-{Guid.NewGuid():N}.db")));
        }

        var app = builder.Build();
        if (kind == BaselineKind.Raw)
            app.MapHub<RawHub>("/hubs/mapping");
        else
            app.MapHub<GrainHub>("/hubs/mapping");
        app.MapGet("/health", () => "ok");
        await app.RunAsync();
    }

    internal sealed class RawHub : Hub
    {
        private static long _seq;

        public async Task<JoinResult> Join(Guid sessionId, long sinceSeq)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, sessionId.ToString("N"));
            return new JoinResult { SessionId = sessionId, Seq = Interlocked.Read(ref _seq), State = SessionStates.Open };
        }

        public async Task<Ack> Submit(SubmitOp op)
        {
            var seq = Interlocked.Increment(ref _seq);
            await Clients.Group(op.SessionId.ToString("N")).SendAsync("Applied", Applied(op, seq));
            return new Ack { OpId = op.OpId, Seq = seq, Outcome = AckOutcomes.Applied };
        }
    }

    /// <summary>The raw hub with the sequence number (and, with SQLite, the commit) taken from the session's grain.</summary>
    internal sealed class GrainHub(IGrainFactory grains) : Hub
    {
        public async Task<JoinResult> Join(Guid sessionId, long sinceSeq)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, sessionId.ToString("N"));
            return new JoinResult { SessionId = sessionId, Seq = await grains.GetGrain<IFloorGrain>(sessionId).Seq(), State = SessionStates.Open };
        }

        public async Task<Ack> Submit(SubmitOp op)
        {
            var seq = await grains.GetGrain<IFloorGrain>(op.SessionId).Apply(new FloorOp(op.OpId, op.RowId, op.Kind ?? "", Notes(op)));
            await Clients.Group(op.SessionId.ToString("N")).SendAsync("Applied", Applied(op, seq));
            return new Ack { OpId = op.OpId, Seq = seq, Outcome = AckOutcomes.Applied };
        }

        private static string Notes(SubmitOp op) => op.Fields is { Count: > 0 } fields ? string.Join('|', fields.Values) : "";
    }

    private static AppliedOp Applied(SubmitOp op, long seq) => new()
    {
        SessionId = op.SessionId, Seq = seq, OpId = op.OpId, Kind = op.Kind, RowId = op.RowId, Fields = op.Fields, At = DateTimeOffset.UtcNow,
    };
}

internal enum BaselineKind
{
    Raw,
    Grain,
    GrainSqlite,
}

[GenerateSerializer, Immutable, Alias("KerjaSama.LoadGen.FloorOp")]
internal sealed record FloorOp([property: Id(0)] Guid OpId, [property: Id(1)] Guid RowId, [property: Id(2)] string Kind, [property: Id(3)] string Values);

[Alias("KerjaSama.LoadGen.IFloorGrain")]
internal interface IFloorGrain : IGrainWithGuidKey
{
    [Alias("Seq")]
    Task<long> Seq();

    [Alias("Apply")]
    Task<long> Apply(FloorOp op);
}

/// <summary>One session's sequencer; commits each edit first when the host has a <see cref="FloorStore"/>.</summary>
internal sealed class FloorGrain(IServiceProvider services) : Grain, IFloorGrain
{
    private readonly FloorStore? _store = services.GetService<FloorStore>();
    private long _seq;

    public Task<long> Seq() => Task.FromResult(_seq);

    public Task<long> Apply(FloorOp op)
    {
        var seq = _seq + 1;
        _store?.Commit(this.GetPrimaryKey(), seq, op);
        _seq = seq;
        return Task.FromResult(seq);
    }
}

/// <summary>One SQLite file in WAL mode with synchronous=FULL; one transaction (one fsync) per edit, one writer at a time.</summary>
internal sealed class FloorStore : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _insert;
    private readonly Lock _gate = new();

    public FloorStore(string file)
    {
        _connection = new SqliteConnection($"Data Source={file};Pooling=false");
        _connection.Open();
        using (var setup = _connection.CreateCommand())
        {
            setup.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; " +
                                "CREATE TABLE ops (session BLOB NOT NULL, seq INTEGER NOT NULL, op_id BLOB NOT NULL, row_id BLOB NOT NULL, kind TEXT NOT NULL, vals TEXT NOT NULL, PRIMARY KEY (session, seq));";
            setup.ExecuteNonQuery();
        }

        _insert = _connection.CreateCommand();
        _insert.CommandText = "INSERT INTO ops VALUES ($s, $q, $o, $r, $k, $v)";
        foreach (var name in new[] { "$s", "$q", "$o", "$r", "$k", "$v" })
            _insert.Parameters.Add(new SqliteParameter { ParameterName = name });
        _insert.Prepare();
    }

    public void Commit(Guid session, long seq, FloorOp op)
    {
        lock (_gate)
        {
            using var tx = _connection.BeginTransaction();
            _insert.Transaction = tx;
            _insert.Parameters[0].Value = session;
            _insert.Parameters[1].Value = seq;
            _insert.Parameters[2].Value = op.OpId;
            _insert.Parameters[3].Value = op.RowId;
            _insert.Parameters[4].Value = op.Kind;
            _insert.Parameters[5].Value = op.Values;
            _insert.ExecuteNonQuery();
            tx.Commit();
        }
    }

    public void Dispose()
    {
        _insert.Dispose();
        _connection.Dispose();
    }
}
