using System.Net;
using System.Text.Json;
using KerjaSama.Planning.Contracts;
using KerjaSama.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace KerjaSama.Planning.Tests;

public abstract class ExerciseApiTests(PlatformFixture platform) : SecretariatClientTests(platform)
{
    [Fact]
    public async Task A_province_starts_an_RPJMD_mapping_exercise_that_other_modules_can_find()
    {
        var title = "Pemetaan Potensi Kerja Sama Daerah " + Guid.NewGuid();
        var created = await (await Client.PostJsonAsync("/api/planning/exercises",
            new { regionCode = "62", title, periodKind = "rpjmd", startYear = 2025 })).ReadAsync<JsonElement>(HttpStatusCode.Created);
        Assert.Equal(2029, created.GetProperty("endYear").GetInt32());
        Assert.Equal("RPJMD", created.GetProperty("periodKind").GetString());

        var directory = Platform.Services.GetRequiredService<IMappingExerciseDirectory>();
        var found = await directory.FindAsync(created.GetProperty("id").GetGuid(), CancellationToken.None);
        Assert.NotNull(found);
        Assert.Equal(title, found.Title);

        var list = await (await Client.GetAsync($"/api/planning/exercises?region=62&q={Uri.EscapeDataString(title)}")).ReadAsync<JsonElement>();
        Assert.Contains(list.GetProperty("items").EnumerateArray(), e => e.GetProperty("title").GetString() == title);
    }

    [Fact]
    public async Task An_exercise_for_an_unknown_region_or_a_wrong_period_is_rejected_and_not_stored()
    {
        var title = "Tidak sah " + Guid.NewGuid();
        var response = await Client.PostJsonAsync("/api/planning/exercises",
            new { regionCode = "99.99", title, periodKind = "rkpd", startYear = 2025, endYear = 2027 });
        await response.AssertValidationProblemAsync("RegionCode", "EndYear");
        var list = await (await Client.GetAsync($"/api/planning/exercises?q={Uri.EscapeDataString(title)}")).ReadAsync<JsonElement>();
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), e => e.GetProperty("title").GetString() == title);
    }

    [Fact]
    public async Task An_unknown_exercise_is_a_404_problem()
    {
        var response = await Client.GetAsync($"/api/planning/exercises/{Guid.NewGuid()}");
        await response.AssertProblemAsync(HttpStatusCode.NotFound, "exercise_not_found");
    }
}

[Collection(SharedHost.Sqlite)]
public sealed class ExerciseApiTests_on_Sqlite(SqlitePlatformFixture p) : ExerciseApiTests(p);

[Collection(SharedHost.PostgreSql)]
public sealed class ExerciseApiTests_on_PostgreSql(PostgreSqlPlatformFixture p) : ExerciseApiTests(p);
