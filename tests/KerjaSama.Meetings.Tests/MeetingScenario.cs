using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KerjaSama.Modularity.Security;
using KerjaSama.TestKit;

namespace KerjaSama.Meetings.Tests;

/// <summary>
/// Arranges users of its own: a secretariat facilitator, members of two invited agencies of Kalimantan Tengah and of
/// the partner government of Kalimantan Selatan, and a member of an agency that is not invited.
/// </summary>
internal sealed class MeetingScenario
{
    public required PlatformFixture Platform { get; init; }

    public required TestUser Secretariat { get; init; }

    public required (Guid Id, string Name) AgencyA { get; init; }

    public required (Guid Id, string Name) AgencyB { get; init; }

    public required (Guid Id, string Name) Partner { get; init; }

    public required (Guid Id, string Name) Uninvited { get; init; }

    public static async Task<(Guid Id, string Name)[]> OrganisationsAsync(PlatformFixture platform, string query)
    {
        var page = JsonDocument.Parse(await platform.Client.GetStringAsync($"/api/registry/organisations?{query}&pageSize=50")).RootElement;
        return [.. page.GetProperty("items").EnumerateArray().Select(o => (o.GetProperty("id").GetGuid(), o.GetProperty("name").GetString()!))];
    }

    public static async Task<MeetingScenario> StartAsync(PlatformFixture platform)
    {
        var agencies = await OrganisationsAsync(platform, "kind=agency&region=62");
        var kalsel = (await OrganisationsAsync(platform, "kind=government&region=63")).Single();
        return new MeetingScenario
        {
            Platform = platform,
            Secretariat = await platform.SignInAsync(agencies[0].Id, agencies[0].Name, PlatformRoles.SecretariatAdmin, "Sekretariat " + Short()),
            AgencyA = agencies[1], AgencyB = agencies[2], Partner = kalsel, Uninvited = agencies[3],
        };
    }

    public Task<TestUser> MemberOfAsync((Guid Id, string Name) organisation, string name, string role = PlatformRoles.AgencyContributor) =>
        Platform.SignInAsync(organisation.Id, organisation.Name, role, name + " " + Short());

    public HttpClient Admin() => Platform.ClientFor(Secretariat);

    public static string Short() => Guid.NewGuid().ToString("N")[..6];

    public static Dictionary<string, object?> Meeting(string title, params Guid[] invited) => new()
    {
        ["title"] = title,
        ["startsAt"] = "2030-03-10T09:00:00+08:00",
        ["endsAt"] = "2030-03-10T11:30:00+08:00",
        ["timeZone"] = "WITA",
        ["place"] = "Aula Bappeda, Banjarmasin",
        ["onlineLink"] = "https://meet.example.go.id/pemetaan",
        ["agenda"] = new[] { "Pembukaan", "Pemetaan potensi kerja sama per urusan", "Penutup" },
        ["invitedOrganisationIds"] = invited,
    };

    public async Task<JsonElement> CreateMeetingAsync(Dictionary<string, object?> body)
    {
        using var admin = Admin();
        return await (await admin.PostJsonAsync("/api/meetings", body)).ReadAsync<JsonElement>(HttpStatusCode.Created);
    }

    public async Task<Guid> CreateExerciseAsync()
    {
        using var admin = Admin();
        var exercise = await admin.PostAsJsonAsync("/api/planning/exercises", new
        {
            regionCode = "62", title = "Pemetaan " + Short(), periodKind = "RPJMD", startYear = 2025,
        }, HttpAssertions.Json);
        return (await exercise.ReadAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }

    public async Task<int> MeetingCountAsync()
    {
        using var admin = Admin();
        return (await (await admin.GetAsync("/api/meetings?pageSize=1")).ReadAsync<JsonElement>()).GetProperty("total").GetInt32();
    }
}
