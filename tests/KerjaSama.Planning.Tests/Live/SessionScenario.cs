using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KerjaSama.Modularity.Security;
using KerjaSama.TestKit;

namespace KerjaSama.Planning.Tests.Live;

/// <summary>
/// Arranges a live session of its own: a mapping exercise of Kalimantan Tengah (62) inviting two of its agencies and
/// the government of Kalimantan Selatan (63), opened by a facilitator.
/// </summary>
internal sealed class SessionScenario
{
    public required PlatformFixture Platform { get; init; }

    public required Guid ExerciseId { get; init; }

    public required Guid SessionId { get; init; }

    public required TestUser Facilitator { get; init; }

    public required TestUser AgencyA { get; init; }

    public required TestUser AgencyB { get; init; }

    public required TestUser Partner { get; init; }

    public required (Guid Id, string Name) OtherAgency { get; init; }

    public static Task<(Guid Id, string Name)[]> OrganisationsAsync(PlatformFixture platform, string query) => platform.OrganisationsAsync(query);

    public static async Task<SessionScenario> StartAsync(PlatformFixture platform)
    {
        var agencies = await OrganisationsAsync(platform, "kind=agency&region=62");
        var kalsel = (await OrganisationsAsync(platform, "kind=government&region=63")).Single();
        var secretariat = await platform.SignInAsync(agencies[0].Id, agencies[0].Name, PlatformRoles.SecretariatAdmin, "Sekretariat");
        using var admin = platform.ClientFor(secretariat);
        var exercise = await admin.PostAsJsonAsync("/api/planning/exercises", new
        {
            regionCode = "62", title = "Pemetaan " + Guid.NewGuid().ToString("N")[..8], periodKind = "RPJMD", startYear = 2025,
            invitedOrganisationIds = new[] { agencies[1].Id, agencies[2].Id, kalsel.Id },
        }, HttpAssertions.Json);
        var exerciseId = (await exercise.ReadAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetGuid();

        var facilitator = await platform.SignInAsync(agencies[0].Id, agencies[0].Name, PlatformRoles.Facilitator, "Fasilitator");
        using var facilitatorClient = platform.ClientFor(facilitator);
        var session = await (await facilitatorClient.PostAsync($"/api/planning/exercises/{exerciseId}/sessions", null))
            .ReadAsync<JsonElement>(HttpStatusCode.Created);
        return new SessionScenario
        {
            Platform = platform,
            ExerciseId = exerciseId,
            SessionId = session.GetProperty("sessionId").GetGuid(),
            Facilitator = facilitator,
            AgencyA = await platform.SignInAsync(agencies[1].Id, agencies[1].Name, PlatformRoles.AgencyContributor, "Staf A"),
            AgencyB = await platform.SignInAsync(agencies[2].Id, agencies[2].Name, PlatformRoles.AgencyContributor, "Staf B"),
            Partner = await platform.SignInAsync(kalsel.Id, kalsel.Name, PlatformRoles.PartnerContributor, "Mitra Kalsel"),
            OtherAgency = agencies[3],
        };
    }

    public async Task<LiveClient> JoinAsync(TestUser user, bool messagePack = false)
    {
        var client = await LiveClient.ConnectAsync(Platform, user, messagePack);
        await client.JoinAsync(SessionId);
        return client;
    }

    /// <summary>The rows as stored, read through REST, as protocol-neutral text.</summary>
    public async Task<Dictionary<Guid, Dictionary<string, string>>> StoredRowsAsync()
    {
        using var client = Platform.ClientFor(Facilitator);
        var rows = await (await client.GetAsync($"/api/planning/exercises/{ExerciseId}/rows")).ReadAsync<JsonElement>();
        return rows.EnumerateArray().ToDictionary(r => r.GetProperty("rowId").GetGuid(),
            r => r.GetProperty("fields").EnumerateObject().ToDictionary(f => f.Name, f => LiveClient.Text(f.Value)));
    }

    public async Task<long> StoredOpCountAsync()
    {
        using var client = Platform.ClientFor(Facilitator);
        var page = await (await client.GetAsync($"/api/planning/exercises/{ExerciseId}/ops?pageSize=1")).ReadAsync<JsonElement>();
        return page.GetProperty("total").GetInt64();
    }

    public async Task<HttpResponseMessage> PostAsync(TestUser user, string path)
    {
        using var client = Platform.ClientFor(user);
        return await client.PostAsync(path, null);
    }
}
