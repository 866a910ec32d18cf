using System.Net;
using System.Text.Json;
using KerjaSama.Planning.Contracts.Live;
using KerjaSama.Planning.Tests.Consolidation;
using KerjaSama.TestKit;
using Xunit;
using F = KerjaSama.Planning.Contracts.Live.MatrixFieldNames;

namespace KerjaSama.Planning.Tests.Live;

/// <summary>A host with small limits: eight Planning writes per user per hour (no test waits for a window), two remembered rejections.</summary>
public abstract class LimitedPlatformFixture : PlatformFixture
{
    public const int Permits = 8;

    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["KerjaSama:Limits:RestOps:PermitLimit"] = Permits.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["KerjaSama:Limits:RestOps:WindowSeconds"] = "3600";
        settings["KerjaSama:Limits:RejectedOps:Capacity"] = "2";
    }
}

public sealed class LimitedSqlitePlatformFixture : LimitedPlatformFixture
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}

public sealed class LimitedPostgreSqlPlatformFixture : LimitedPlatformFixture
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgreSqlAsync();
}

// Issue 16, finding 9: ops over REST are limited per user; the grain remembers a bounded number of rejected ops.
public abstract class RestLimitTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_user_over_the_rest_op_limit_gets_429_with_Retry_After_nothing_is_stored_and_other_users_go_on()
    {
        var s = await MatrixScenario.StartAsync(platform);
        // Creating the exercise and adding the row are two of the eight.
        var rowId = await s.AddRowAsync(MatrixScenario.Opportunity("Batas permintaan"));
        for (var i = 1; i <= LimitedPlatformFixture.Permits - 2; i++)
            await (await s.PostAsync($"rows/{rowId}/edit", new { fields = new Dictionary<string, object> { [F.Notes] = $"catatan {i}" } })).ReadAsync<JsonElement>();
        var before = await s.RowAsync(rowId);
        var ops = await s.OpCountAsync();

        var refused = await s.PostAsync($"rows/{rowId}/edit", new { fields = new Dictionary<string, object> { [F.Notes] = "terlalu banyak" } });
        var problem = await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests, RejectionCodes.RateLimited);
        Assert.True(refused.Headers.RetryAfter?.Delta is { } wait && wait > TimeSpan.Zero, $"Retry-After: {refused.Headers.RetryAfter}");
        Assert.Contains("batas", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        await (await s.PostAsync($"rows/{rowId}/status", new { status = "diverifikasi", reason = "x" })).AssertProblemAsync(HttpStatusCode.TooManyRequests, RejectionCodes.RateLimited);
        await (await s.PostAsync("ops", new { sessionId = Guid.Empty, opId = Guid.NewGuid(), kind = OpKinds.Add, rowId = Guid.NewGuid(),
            fields = MatrixScenario.Opportunity("x"), baseSeq = 0 })).AssertProblemAsync(HttpStatusCode.TooManyRequests, RejectionCodes.RateLimited);
        Assert.Equal("catatan 6", (await s.RowAsync(rowId))[F.Notes].GetString());
        Assert.Equal(before.Keys.Order(), (await s.RowAsync(rowId)).Keys.Order());
        Assert.Equal(ops, await s.OpCountAsync());

        // The limit is per user: the planning agency's own edits still go through, and reads are not limited.
        await (await s.PostAsync($"rows/{rowId}/edit", new { fields = new Dictionary<string, object> { [F.ProgramCode] = "1.02.02" } }, s.Planner))
            .ReadAsync<JsonElement>();
        Assert.Equal(ops + 1, await s.OpCountAsync());
    }

    [Fact]
    public async Task A_repeated_rejected_op_gets_its_original_answer_while_remembered_and_the_oldest_is_forgotten_first()
    {
        // Seven ops after creating the exercise: within this user's eight.
        var s = await MatrixScenario.StartAsync(platform);
        var later = Guid.NewGuid();
        async Task<HttpResponseMessage> Submit(Guid opId, string kind, Guid rowId, Dictionary<string, object?> fields) =>
            await s.PostAsync("ops", new { sessionId = Guid.Empty, opId, kind, rowId, fields, baseSeq = 0 });
        var (first, second, third) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await (await Submit(first, OpKinds.Update, later, new() { [F.Notes] = "pertama" })).AssertProblemAsync(HttpStatusCode.NotFound, RejectionCodes.UnknownRow);
        await (await Submit(second, OpKinds.Update, Guid.NewGuid(), new() { [F.Notes] = "kedua" })).AssertProblemAsync(HttpStatusCode.NotFound, RejectionCodes.UnknownRow);
        await (await Submit(third, OpKinds.Update, later, new() { [F.Notes] = "ketiga" })).AssertProblemAsync(HttpStatusCode.NotFound, RejectionCodes.UnknownRow);
        var added = await (await Submit(Guid.NewGuid(), OpKinds.Add, later, MatrixScenario.Opportunity("Baru ada"))).ReadAsync<JsonElement>();
        Assert.Equal("applied", added.GetProperty("outcome").GetString());

        // Remembered (one of the two newest): the original answer, although the row exists now.
        await (await Submit(third, OpKinds.Update, later, new() { [F.Notes] = "ketiga" })).AssertProblemAsync(HttpStatusCode.NotFound, RejectionCodes.UnknownRow);
        // Forgotten (the oldest of three): decided again. It never changed anything, so it is still applied at most once.
        var again = await (await Submit(first, OpKinds.Update, later, new() { [F.Notes] = "pertama" })).ReadAsync<JsonElement>();
        Assert.Equal("applied", again.GetProperty("outcome").GetString());
        var duplicate = await (await Submit(first, OpKinds.Update, later, new() { [F.Notes] = "pertama" })).ReadAsync<JsonElement>();
        Assert.Equal("duplicate", duplicate.GetProperty("outcome").GetString());
        Assert.Equal(again.GetProperty("seq").GetInt64(), duplicate.GetProperty("seq").GetInt64());
        Assert.Equal("pertama", (await s.RowAsync(later))[F.Notes].GetString());
        Assert.Equal(2, await s.OpCountAsync());
    }
}

public sealed class RestLimitTests_on_Sqlite(LimitedSqlitePlatformFixture p) : RestLimitTests(p), IClassFixture<LimitedSqlitePlatformFixture>;

public sealed class RestLimitTests_on_PostgreSql(LimitedPostgreSqlPlatformFixture p) : RestLimitTests(p), IClassFixture<LimitedPostgreSqlPlatformFixture>;
