using System.Net;
using System.Text.Json;
using KerjaSama.Planning.Contracts.Live;
using KerjaSama.Planning.Tests.Live;
using KerjaSama.TestKit;
using Xunit;
using F = KerjaSama.Planning.Contracts.Live.MatrixFieldNames;

namespace KerjaSama.Planning.Tests.Consolidation;

/// <summary>
/// Issue 20: kegiatan of the series 3–8 (docs/adr/0025). Their codes name different kegiatan at the two levels, so a
/// row's code is resolved with its exercise's level. Kalimantan Tengah is a province: of the shipped codes,
/// <c>1.02.03.3.03</c> is a provincial kegiatan (<i>Penyelenggaraan Jaminan Kesehatan Papua …</i>) and a different
/// kabupaten/kota one (<i>Pengembangan Mutu …</i>); its sub kegiatan <c>.0001</c> is provincial, <c>.0002</c>
/// kabupaten/kota only; <c>1.02.07.3.02</c> exists for kabupaten/kota only.
/// </summary>
public abstract class SeriesCodeTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_provincial_series_3_code_is_taken_and_a_kabupaten_only_one_is_refused_on_the_hub_and_on_REST_with_nothing_stored()
    {
        var live = await SessionScenario.StartAsync(platform);
        await using var agency = await live.JoinAsync(live.AgencyA);
        var rowId = Guid.NewGuid();
        Assert.Equal(AckOutcomes.Applied, (await agency.SubmitAsync(OpKinds.Add, rowId, MatrixScenario.Opportunity("Jaminan kesehatan lintas daerah"))).Outcome);

        var taken = await agency.SubmitAsync(OpKinds.Update, rowId,
            new() { [F.ProgramCode] = "1.02.03", [F.ActivityCode] = "1.02.03.3.03", [F.SubActivityCode] = "1.02.03.3.03.0001" });
        Assert.Equal(AckOutcomes.Applied, taken.Outcome);
        var before = await live.StoredRowsAsync();
        var ops = await live.StoredOpCountAsync();

        var activity = await agency.SubmitAsync(OpKinds.Update, rowId, new() { [F.ActivityCode] = "1.02.07.3.02" });
        Assert.Equal(AckOutcomes.Rejected, activity.Outcome);
        Assert.Equal((RejectionCodes.CodeNotOfLevel, F.ActivityCode), (activity.Error!.Code, activity.Error.Field));
        var sub = await agency.SubmitAsync(OpKinds.Update, rowId, new() { [F.SubActivityCode] = "1.02.03.3.03.0002" });
        Assert.Equal((RejectionCodes.CodeNotOfLevel, F.SubActivityCode), (sub.Error!.Code, sub.Error.Field));
        var unknown = await agency.SubmitAsync(OpKinds.Update, rowId, new() { [F.ActivityCode] = "1.02.03.3.99" });
        Assert.Equal(("unknown_code", F.ActivityCode), (unknown.Error!.Code, unknown.Error.Field));

        using var secretariat = platform.ClientFor(live.Facilitator);
        var problem = await (await secretariat.PostJsonAsync($"/api/planning/exercises/{live.ExerciseId}/ops", new
        {
            sessionId = Guid.Empty, opId = Guid.NewGuid(), kind = OpKinds.Update, rowId, baseSeq = 0,
            fields = new Dictionary<string, object> { [F.SubActivityCode] = "1.02.07.3.02.0001" },
        })).AssertProblemAsync(HttpStatusCode.BadRequest, RejectionCodes.CodeNotOfLevel);
        Assert.Equal(F.SubActivityCode, problem.GetProperty("field").GetString());

        Assert.Equal(ops, await live.StoredOpCountAsync());
        Assert.Equal(JsonSerializer.Serialize(before), JsonSerializer.Serialize(await live.StoredRowsAsync()));
        Assert.Equal(("1.02.03.3.03", "1.02.03.3.03.0001"), (before[rowId][F.ActivityCode], before[rowId][F.SubActivityCode]));

        // The consolidation search reads the code's name at the exercise's level: the provincial one, not the other.
        async Task<int> Found(string q) => (await (await secretariat.GetAsync(
            $"/api/planning/exercises/{live.ExerciseId}/consolidation?q={Uri.EscapeDataString(q)}")).ReadAsync<JsonElement>()).GetProperty("total").GetInt32();
        Assert.Equal(1, await Found("jaminan kesehatan papua terintegrasi"));
        Assert.Equal(0, await Found("pengembangan mutu"));
    }
}

public sealed class SeriesCodeTests_on_Sqlite(SqlitePlatformFixture p) : SeriesCodeTests(p), IClassFixture<SqlitePlatformFixture>;

public sealed class SeriesCodeTests_on_PostgreSql(PostgreSqlPlatformFixture p) : SeriesCodeTests(p), IClassFixture<PostgreSqlPlatformFixture>;
