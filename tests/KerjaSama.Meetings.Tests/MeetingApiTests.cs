using System.Net;
using System.Text.Json;
using KerjaSama.TestKit;
using Xunit;
using KerjaSama.Modularity.Security;

namespace KerjaSama.Meetings.Tests;

public abstract class MeetingApiTests(PlatformFixture platform) : IAsyncLifetime
{
    // Writes need the secretariat; every test signs its own user in through the real code flow.
    private HttpClient Client = null!;

    public async Task InitializeAsync() => Client = platform.ClientFor(
        await platform.SignInAsync(TestOrganisations.Secretariat, TestOrganisations.SecretariatName, PlatformRoles.SecretariatAdmin));

    public Task DisposeAsync()
    {
        Client.Dispose();
        return Task.CompletedTask;
    }

    private static object NewMeeting(string title) => new
    {
        title,
        startsAt = "2025-02-25T09:00:00+07:00",
        durationMinutes = 150,
        timeZone = "WIB",
        place = "Aula Biro Pemerintahan, Palangka Raya",
        onlineLink = "https://meet.example.go.id/pemetaan",
    };

    [Fact]
    public async Task A_scheduled_meeting_is_shown_in_its_own_time_zone()
    {
        var created = await (await Client.PostJsonAsync("/api/meetings/meetings", NewMeeting("Rapat pemetaan " + Guid.NewGuid())))
            .ReadAsync<JsonElement>(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        var read = await (await Client.GetAsync($"/api/meetings/meetings/{id}")).ReadAsync<JsonElement>();
        Assert.Equal("2025-02-25 09:00 WIB", read.GetProperty("localStart").GetString());
        Assert.Equal(1, read.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task A_meeting_without_title_time_zone_or_place_is_rejected_naming_each_field_and_nothing_is_stored()
    {
        var before = await TotalAsync();
        var response = await Client.PostJsonAsync("/api/meetings/meetings", new { title = " ", startsAt = "2025-02-25T09:00:00+07:00", timeZone = "CET" });
        await response.AssertValidationProblemAsync("Title", "TimeZone", "Place");
        Assert.Equal(before, await TotalAsync());
    }

    [Fact]
    public async Task An_update_from_a_stale_version_is_a_conflict_and_keeps_the_newer_change()
    {
        var title = "Rapat TKKSD " + Guid.NewGuid();
        var created = await (await Client.PostJsonAsync("/api/meetings/meetings", NewMeeting(title))).ReadAsync<JsonElement>(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();

        var first = await Client.PutAsJsonAsync(id, NewMeetingWith(title + " (revisi A)", version: 1));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var second = await Client.PutAsJsonAsync(id, NewMeetingWith(title + " (revisi B)", version: 1));
        await second.AssertProblemAsync(HttpStatusCode.Conflict, "version_conflict");

        var read = await (await Client.GetAsync($"/api/meetings/meetings/{id}")).ReadAsync<JsonElement>();
        Assert.Equal(title + " (revisi A)", read.GetProperty("title").GetString());
        Assert.Equal(2, read.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task A_meeting_on_an_unknown_exercise_is_rejected()
    {
        var body = new Dictionary<string, object?>
        {
            ["title"] = "Rapat", ["startsAt"] = "2025-02-25T09:00:00+08:00", ["timeZone"] = "WITA", ["place"] = "Banjarmasin",
            ["exerciseId"] = Guid.NewGuid(),
        };
        var response = await Client.PostJsonAsync("/api/meetings/meetings", body);
        await response.AssertValidationProblemAsync("ExerciseId");
    }

    private static object NewMeetingWith(string title, long version) => new
    {
        title, startsAt = "2025-02-25T09:00:00+07:00", timeZone = "WIB", place = "Palangka Raya", version,
    };

    private async Task<int> TotalAsync() =>
        (await (await Client.GetAsync("/api/meetings/meetings?pageSize=1")).ReadAsync<JsonElement>()).GetProperty("total").GetInt32();
}

internal static class MeetingClient
{
    public static Task<HttpResponseMessage> PutAsJsonAsync(this HttpClient client, Guid id, object body) =>
        System.Net.Http.Json.HttpClientJsonExtensions.PutAsJsonAsync(client, $"/api/meetings/meetings/{id}", body, HttpAssertions.Json);
}

public sealed class MeetingApiTests_on_Sqlite(SqlitePlatformFixture p) : MeetingApiTests(p), IClassFixture<SqlitePlatformFixture>;

public sealed class MeetingApiTests_on_PostgreSql(PostgreSqlPlatformFixture p) : MeetingApiTests(p), IClassFixture<PostgreSqlPlatformFixture>;
