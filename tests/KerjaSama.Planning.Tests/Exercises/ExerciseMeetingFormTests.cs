using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KerjaSama.Planning.Tests.Consolidation;
using KerjaSama.TestKit;
using Xunit;
using KV = System.Collections.Generic.KeyValuePair<string, string>;

namespace KerjaSama.Planning.Tests.Exercises;

/// <summary>The meeting an exercise belongs to, chosen on the exercise form (meetings come from the Meetings module's contracts).</summary>
public abstract class ExerciseMeetingFormTests(PlatformFixture platform)
{
    private static async Task<Guid> MeetingAsync(HttpClient api, string title, Guid? exerciseId = null)
    {
        var response = await api.PostAsJsonAsync("/api/meetings", new
        {
            title, startsAt = "2026-12-10T09:00:00+07:00", durationMinutes = 120, timeZone = "WIB", place = "Palangka Raya", exerciseId,
        }, HttpAssertions.Json);
        return (await response.ReadAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }

    private static async Task<Guid?> ExerciseOfMeetingAsync(HttpClient api, Guid meetingId)
    {
        var meeting = await (await api.GetAsync($"/api/meetings/{meetingId}")).ReadAsync<JsonElement>();
        return meeting.GetProperty("exerciseId").ValueKind == JsonValueKind.Null ? null : meeting.GetProperty("exerciseId").GetGuid();
    }

    private static KV[] Fields(string title, long version, string meeting) =>
    [
        new("Form.Title", title), new("Form.RegionCode", "62"), new("Form.PeriodKind", "rpjmd"), new("Form.StartYear", "2025"),
        new("Form.Version", version.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("Form.MeetingId", meeting),
    ];

    [Fact]
    public async Task The_secretariat_chooses_the_meeting_of_a_new_exercise_then_moves_it_to_another_and_the_meetings_follow()
    {
        var s = await MatrixScenario.StartAsync(platform);
        var first = await MeetingAsync(s.Admin, "Rapat pemetaan pertama " + Guid.NewGuid().ToString("N")[..6]);
        var second = await MeetingAsync(s.Admin, "Rapat pemetaan kedua " + Guid.NewGuid().ToString("N")[..6]);
        using var page = PageForms.Client(platform, s.Secretariat);
        var form = await page.GetStringAsync("/planning/exercises/new");
        Assert.Contains($"<option value=\"{first}\"", form, StringComparison.Ordinal);
        var title = "Pemetaan dengan rapat " + Guid.NewGuid().ToString("N")[..6];

        var (created, html) = await PageForms.PostAsync(page, "/planning/exercises/new", "exercise", Fields(title, 0, first.ToString()));
        Assert.True((int)created.StatusCode is >= 300 and < 400, $"{(int)created.StatusCode} {html}");
        var exercise = (await (await s.Admin.GetAsync($"/api/planning/exercises?q={Uri.EscapeDataString(title)}")).ReadAsync<JsonElement>())
            .GetProperty("items")[0];
        var exerciseId = exercise.GetProperty("id").GetGuid();
        Assert.Equal(exerciseId, await ExerciseOfMeetingAsync(s.Admin, first));

        // The edit form shows the meeting chosen; choosing the other moves the link, choosing none removes it.
        var edit = $"/planning/exercises/{exerciseId}/edit";
        Assert.Contains($"<option value=\"{first}\" selected", await page.GetStringAsync(edit), StringComparison.Ordinal);
        var (moved, movedHtml) = await PageForms.PostAsync(page, edit, "exercise", Fields(title, exercise.GetProperty("version").GetInt64(), second.ToString()));
        Assert.True((int)moved.StatusCode is >= 300 and < 400, $"{(int)moved.StatusCode} {movedHtml}");
        Assert.Null(await ExerciseOfMeetingAsync(s.Admin, first));
        Assert.Equal(exerciseId, await ExerciseOfMeetingAsync(s.Admin, second));
        var version = (await (await s.Admin.GetAsync($"/api/planning/exercises/{exerciseId}")).ReadAsync<JsonElement>()).GetProperty("version").GetInt64();
        var (none, noneHtml) = await PageForms.PostAsync(page, edit, "exercise", Fields(title, version, ""));
        Assert.True((int)none.StatusCode is >= 300 and < 400, $"{(int)none.StatusCode} {noneHtml}");
        Assert.Null(await ExerciseOfMeetingAsync(s.Admin, second));
    }

    [Fact]
    public async Task A_meeting_of_another_exercise_or_an_unknown_meeting_is_refused_under_the_field_and_nothing_changes()
    {
        var s = await MatrixScenario.StartAsync(platform);
        var taken = await MeetingAsync(s.Admin, "Rapat pemetaan lain " + Guid.NewGuid().ToString("N")[..6], s.ExerciseId);
        using var page = PageForms.Client(platform, s.Secretariat);
        var title = "Pemetaan tanpa rapat " + Guid.NewGuid().ToString("N")[..6];
        var before = (await (await s.Admin.GetAsync("/api/planning/exercises?pageSize=1")).ReadAsync<JsonElement>()).GetProperty("total").GetInt32();

        var (response, html) = await PageForms.PostAsync(page, "/planning/exercises/new", "exercise", Fields(title, 0, taken.ToString()));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Rapat ini sudah menjadi rapat pemetaan lain; pilih rapat lain atau lepaskan dulu dari pemetaan itu."],
            FormPage.FieldErrors(html, "MeetingId"));
        var (unknown, unknownHtml) = await PageForms.PostAsync(page, "/planning/exercises/new", "exercise", Fields(title, 0, Guid.NewGuid().ToString()));
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Equal(["Tidak ada rapat dengan id ini."], FormPage.FieldErrors(unknownHtml, "MeetingId"));
        var (garbled, garbledHtml) = await PageForms.PostAsync(page, "/planning/exercises/new", "exercise", Fields(title, 0, "bukan-id"));
        Assert.Equal(HttpStatusCode.OK, garbled.StatusCode);
        Assert.Equal(["Tidak ada rapat dengan id ini."], FormPage.FieldErrors(garbledHtml, "MeetingId"));

        var after = (await (await s.Admin.GetAsync("/api/planning/exercises?pageSize=1")).ReadAsync<JsonElement>()).GetProperty("total").GetInt32();
        Assert.Equal(before, after);
        Assert.Equal(s.ExerciseId, await ExerciseOfMeetingAsync(s.Admin, taken));

        // The API names the field and keeps its code.
        var api = await s.Admin.PostAsJsonAsync("/api/planning/exercises", new
        {
            regionCode = "62", title, periodKind = "RPJMD", startYear = 2025, meetingId = taken,
        }, HttpAssertions.Json);
        await api.AssertValidationProblemAsync("MeetingId");
        Assert.Equal(before, (await (await s.Admin.GetAsync("/api/planning/exercises?pageSize=1")).ReadAsync<JsonElement>()).GetProperty("total").GetInt32());
    }
}

[Collection(SharedHost.Sqlite)]
public sealed class ExerciseMeetingFormTests_on_Sqlite(SqlitePlatformFixture p) : ExerciseMeetingFormTests(p);

[Collection(SharedHost.PostgreSql)]
public sealed class ExerciseMeetingFormTests_on_PostgreSql(PostgreSqlPlatformFixture p)
    : ExerciseMeetingFormTests(p);
