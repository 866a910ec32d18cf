using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using KerjaSama.Modularity.Security;
using KerjaSama.TestKit;

namespace KerjaSama.Browser.Tests;

/// <summary>Someone who signs in through the browser's sign-in form.</summary>
public sealed record BoardUser(string UserName, string Password, Guid UserId, Guid OrganisationId, string OrganisationName, string DisplayName);

/// <summary>
/// A live session of its own: an exercise of Kalimantan Tengah (62) inviting two agencies (and the government of
/// Kalimantan Selatan, who does not take part), opened by a facilitator, with browser users for each role.
/// </summary>
public sealed class BoardScenario
{
    public required PlatformFixture Platform { get; init; }

    public required Guid ExerciseId { get; init; }

    public required Guid SessionId { get; init; }

    public required BoardUser Facilitator { get; init; }

    public required BoardUser AgencyA { get; init; }

    public required BoardUser AgencyB { get; init; }

    public required BoardUser Observer { get; init; }

    public required string FacilitatorToken { get; init; }

    public string BoardPath => $"/planning/sessions/{SessionId}/board";

    public static async Task<BoardScenario> StartAsync(PlatformFixture platform)
    {
        var agencies = await OrganisationsAsync(platform, "kind=agency&region=62");
        var kalsel = (await OrganisationsAsync(platform, "kind=government&region=63")).Single();
        var secretariat = await platform.SignInAsync(agencies[0].Id, agencies[0].Name, PlatformRoles.SecretariatAdmin, "Sekretariat");
        using var admin = platform.ClientFor(secretariat);
        var exercise = await admin.PostAsJsonAsync("/api/planning/exercises", new
        {
            regionCode = "62", title = "Pemetaan " + Guid.NewGuid().ToString("N")[..8], periodKind = "RPJMD", startYear = 2025,
            invitedOrganisationIds = new[] { agencies[1].Id, agencies[2].Id, agencies[3].Id, kalsel.Id },
        }, HttpAssertions.Json);
        var exerciseId = (await exercise.ReadAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetGuid();

        var facilitator = await UserAsync(platform, agencies[0], PlatformRoles.Facilitator, "Fasilitator Rapat");
        using var session = new BrowserSession(platform.BaseAddress);
        var token = (await session.SignInAsync(facilitator.UserName, facilitator.Password)).GetProperty("access_token").GetString()!;
        using var facilitatorClient = new HttpClient { BaseAddress = platform.BaseAddress };
        facilitatorClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var opened = await (await facilitatorClient.PostAsync($"/api/planning/exercises/{exerciseId}/sessions", null))
            .ReadAsync<JsonElement>(HttpStatusCode.Created);
        return new BoardScenario
        {
            Platform = platform,
            ExerciseId = exerciseId,
            SessionId = opened.GetProperty("sessionId").GetGuid(),
            Facilitator = facilitator,
            FacilitatorToken = token,
            AgencyA = await UserAsync(platform, agencies[1], PlatformRoles.AgencyContributor, "Ani Dinas"),
            AgencyB = await UserAsync(platform, agencies[2], PlatformRoles.AgencyContributor, "Budi Badan"),
            Observer = await UserAsync(platform, agencies[3], PlatformRoles.Observer, "Oki Pengamat"),
        };
    }

    /// <summary>
    /// A field of a row as stored, once it has the expected value: the board's "unsent 0" means sent, and the commit
    /// (the ack) may still be on its way, so the store is polled until it agrees or the deadline passes.
    /// </summary>
    public async Task<string?> StoredFieldAsync(Guid rowId, string field, string expected)
    {
        var rows = await KerjaSama.TestKit.Eventually.ValueAsync(StoredRowsAsync,
            r => r.TryGetValue(rowId, out var row) && row.TryGetValue(field, out var value) && value == expected, $"{field} of {rowId} stored as '{expected}'");
        return rows[rowId].GetValueOrDefault(field);
    }

    /// <summary>The rows as stored, read through REST: row id → field → value as JSON text.</summary>
    public async Task<Dictionary<Guid, Dictionary<string, string>>> StoredRowsAsync()
    {
        using var client = new HttpClient { BaseAddress = Platform.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", FacilitatorToken);
        var rows = await (await client.GetAsync($"/api/planning/exercises/{ExerciseId}/rows")).ReadAsync<JsonElement>();
        return rows.EnumerateArray().ToDictionary(r => r.GetProperty("rowId").GetGuid(),
            r => r.GetProperty("fields").EnumerateObject().ToDictionary(f => f.Name, f => f.Value.ValueKind == JsonValueKind.String
                ? f.Value.GetString()! : f.Value.GetRawText()));
    }

    private static async Task<BoardUser> UserAsync(PlatformFixture platform, (Guid Id, string Name) organisation, string role, string displayName)
    {
        var (userName, password, userId) = await platform.CreateUserAsync(organisation.Id, organisation.Name, role, displayName);
        return new BoardUser(userName, password, userId, organisation.Id, organisation.Name, displayName);
    }

    private static async Task<(Guid Id, string Name)[]> OrganisationsAsync(PlatformFixture platform, string query)
    {
        var page = JsonDocument.Parse(await platform.Client.GetStringAsync($"/api/registry/organisations?{query}&pageSize=50")).RootElement;
        return [.. page.GetProperty("items").EnumerateArray().Select(o => (o.GetProperty("id").GetGuid(), o.GetProperty("name").GetString()!))];
    }
}
