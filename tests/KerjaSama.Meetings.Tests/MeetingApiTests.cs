using System.Net;
using System.Text.Json;
using KerjaSama.TestKit;
using Xunit;
using KerjaSama.Modularity.Security;

namespace KerjaSama.Meetings.Tests;

public abstract class MeetingApiTests(PlatformFixture platform) : SecretariatClientTests(platform)
{
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
        var created = await (await Client.PostJsonAsync("/api/meetings", NewMeeting("Rapat pemetaan " + Guid.NewGuid())))
            .ReadAsync<JsonElement>(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        var read = await (await Client.GetAsync($"/api/meetings/{id}")).ReadAsync<JsonElement>();
        Assert.Equal("2025-02-25 09:00 WIB", read.GetProperty("localStart").GetString());
        Assert.Equal(1, read.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task A_meeting_without_title_time_zone_or_place_is_rejected_naming_each_field_and_nothing_is_stored()
    {
        var before = await TotalAsync();
        var response = await Client.PostJsonAsync("/api/meetings", new { title = " ", startsAt = "2025-02-25T09:00:00+07:00", timeZone = "CET" });
        await response.AssertValidationProblemAsync("Title", "TimeZone", "Place");
        Assert.Equal(before, await TotalAsync());
    }

    [Fact]
    public async Task An_update_from_a_stale_version_is_a_conflict_and_keeps_the_newer_change()
    {
        var title = "Rapat TKKSD " + Guid.NewGuid();
        var created = await (await Client.PostJsonAsync("/api/meetings", NewMeeting(title))).ReadAsync<JsonElement>(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();

        var first = await Client.PutAsJsonAsync(id, NewMeetingWith(title + " (revisi A)", version: 1));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var second = await Client.PutAsJsonAsync(id, NewMeetingWith(title + " (revisi B)", version: 1));
        await second.AssertProblemAsync(HttpStatusCode.Conflict, "version_conflict");

        var read = await (await Client.GetAsync($"/api/meetings/{id}")).ReadAsync<JsonElement>();
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
        var response = await Client.PostJsonAsync("/api/meetings", body);
        await response.AssertValidationProblemAsync("ExerciseId");
    }

    [Fact]
    public async Task The_old_stuttering_paths_answer_308_to_the_new_ones_and_the_redirect_itself_stores_nothing()
    {
        var user = await Platform.SignInAsync(TestOrganisations.Secretariat, TestOrganisations.SecretariatName, PlatformRoles.SecretariatAdmin);
        using var raw = Platform.ClientFor(user, followRedirects: false);
        var before = await TotalAsync();
        var post = await raw.PostJsonAsync("/api/meetings/meetings", NewMeeting("Rapat lewat jalur lama"));
        post.AssertMovedTo("/api/meetings");
        Assert.Equal(before, await TotalAsync());

        // 308 keeps the method and the body: the client sends the same POST to the new path.
        var created = await (await raw.PostJsonAsync(post.Headers.Location!.OriginalString, NewMeeting("Rapat lewat jalur lama")))
            .ReadAsync<JsonElement>(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        (await raw.GetAsync($"/api/meetings/meetings/{id}/minutes?format=plain")).AssertMovedTo($"/api/meetings/{id}/minutes?format=plain");
        (await System.Net.Http.Json.HttpClientJsonExtensions.PutAsJsonAsync(raw, $"/api/meetings/meetings/{id}", new { title = "x" }))
            .AssertMovedTo($"/api/meetings/{id}");
        (await raw.GetAsync("/api/meetings/meetings/")).AssertMovedTo("/api/meetings/");
        Assert.Equal(before + 1, await TotalAsync());
    }

    private static object NewMeetingWith(string title, long version) => new
    {
        title, startsAt = "2025-02-25T09:00:00+07:00", timeZone = "WIB", place = "Palangka Raya", version,
    };

    private async Task<int> TotalAsync() =>
        (await (await Client.GetAsync("/api/meetings?pageSize=1")).ReadAsync<JsonElement>()).GetProperty("total").GetInt32();
}

internal static class MeetingClient
{
    public static Task<HttpResponseMessage> PutAsJsonAsync(this HttpClient client, Guid id, object body) =>
        System.Net.Http.Json.HttpClientJsonExtensions.PutAsJsonAsync(client, $"/api/meetings/{id}", body, HttpAssertions.Json);
}

[Collection(SharedHost.Sqlite)]
public sealed class MeetingApiTests_on_Sqlite(SqlitePlatformFixture p) : MeetingApiTests(p);

[Collection(SharedHost.PostgreSql)]
public sealed class MeetingApiTests_on_PostgreSql(PostgreSqlPlatformFixture p) : MeetingApiTests(p);
