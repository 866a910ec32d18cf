using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KerjaSama.Modularity.Security;
using KerjaSama.Planning.Contracts.Live;
using KerjaSama.TestKit;
using F = KerjaSama.Planning.Contracts.Live.MatrixFieldNames;

namespace KerjaSama.Security.Tests;

/// <summary>
/// A live session of its own: a Kalimantan Tengah exercise inviting two agencies (A, B) and Kalimantan Selatan, opened
/// by a facilitator; <see cref="Outsider"/> is an agency that is not invited.
/// </summary>
internal sealed class LiveScenario
{
    public required PlatformFixture Platform { get; init; }

    public required Guid ExerciseId { get; init; }

    public required Guid SessionId { get; init; }

    public required TestUser Secretariat { get; init; }

    public required TestUser Facilitator { get; init; }

    public required TestUser AgencyA { get; init; }

    public required TestUser AgencyB { get; init; }

    public required TestUser Outsider { get; init; }

    public required Guid[] Invited { get; init; }

    public static Task<(Guid Id, string Name)[]> OrganisationsAsync(PlatformFixture platform, string query) => platform.OrganisationsAsync(query);

    public static async Task<LiveScenario> StartAsync(PlatformFixture platform)
    {
        var agencies = await OrganisationsAsync(platform, "kind=agency&region=62");
        var kalsel = (await OrganisationsAsync(platform, "kind=government&region=63")).Single();
        var secretariat = await platform.SignInAsync(agencies[0].Id, agencies[0].Name, PlatformRoles.SecretariatAdmin, "Sekretariat");
        using var admin = platform.ClientFor(secretariat);
        Guid[] invited = [agencies[1].Id, agencies[2].Id, kalsel.Id];
        var exercise = await admin.PostAsJsonAsync("/api/planning/exercises", new
        {
            regionCode = "62", title = "Pemetaan " + Guid.NewGuid().ToString("N")[..8], periodKind = "RPJMD", startYear = 2025,
            invitedOrganisationIds = invited,
        }, HttpAssertions.Json);
        var exerciseId = (await exercise.ReadAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var facilitator = await platform.SignInAsync(agencies[0].Id, agencies[0].Name, PlatformRoles.Facilitator, "Fasilitator");
        using var facilitatorClient = platform.ClientFor(facilitator);
        var session = await (await facilitatorClient.PostAsync($"/api/planning/exercises/{exerciseId}/sessions", null))
            .ReadAsync<JsonElement>(HttpStatusCode.Created);
        return new LiveScenario
        {
            Platform = platform, ExerciseId = exerciseId, SessionId = session.GetProperty("sessionId").GetGuid(),
            Secretariat = secretariat, Facilitator = facilitator, Invited = invited,
            AgencyA = await platform.SignInAsync(agencies[1].Id, agencies[1].Name, PlatformRoles.AgencyContributor, "Staf A"),
            AgencyB = await platform.SignInAsync(agencies[2].Id, agencies[2].Name, PlatformRoles.AgencyContributor, "Staf B"),
            Outsider = await platform.SignInAsync(agencies[3].Id, agencies[3].Name, PlatformRoles.AgencyContributor, "Staf luar"),
        };
    }

    public static Dictionary<string, object?> Opportunity(string potential) => new()
    {
        [F.AffairCode] = "1.02", [F.Potential] = potential, [F.CooperationType] = "KSDD-wajib", [F.PartnerRegionCodes] = new[] { "63" },
        [F.StartYear] = 2026, [F.DurationYears] = 3,
    };

    public async Task<LiveSessionClient> ConnectAsync(TestUser user)
    {
        var client = new LiveSessionClient(user.Caller.DisplayName);
        await client.AttachAsync(Platform.HubFor(user), Platform.BaseAddress);
        return client;
    }

    public async Task<LiveSessionClient> JoinAsync(TestUser user)
    {
        var client = await ConnectAsync(user);
        await client.JoinAsync(SessionId);
        return client;
    }

    public async Task<Ack> AddRowAsync(LiveSessionClient client, string potential, Guid? rowId = null) =>
        await client.SubmitAsync(OpKinds.Add, rowId ?? Guid.NewGuid(), Opportunity(potential));

    /// <summary>The op log as stored: every op's seq, author and row, read through REST by the secretariat.</summary>
    public async Task<List<(long Seq, Guid Author, Guid RowId)>> StoredOpsAsync()
    {
        using var client = Platform.ClientFor(Secretariat);
        var page = await (await client.GetAsync($"/api/planning/exercises/{ExerciseId}/ops?pageSize=200")).ReadAsync<JsonElement>();
        return [.. page.GetProperty("items").EnumerateArray()
            .Select(o => (o.GetProperty("seq").GetInt64(), o.GetProperty("author").GetProperty("userId").GetGuid(), o.GetProperty("rowId").GetGuid()))];
    }

    /// <summary>Changes the membership of the user in its organisation through the administration API.</summary>
    public async Task ChangeMembershipAsync(TestUser user, string? role = null, string? status = null)
    {
        using var client = Platform.ClientFor(Secretariat);
        var memberships = await (await client.GetAsync($"/api/identity/memberships?organisationId={user.Caller.OrganisationId}"))
            .ReadAsync<JsonElement>();
        var id = memberships.EnumerateArray().Single(m => m.GetProperty("userId").GetGuid() == user.Caller.UserId).GetProperty("id").GetGuid();
        var changed = await client.PutAsJsonAsync($"/api/identity/memberships/{id}", new { role, status }, HttpAssertions.Json);
        await changed.ReadAsync<JsonElement>();
    }

    /// <summary>Replaces the exercise's invited organisations through the API.</summary>
    public async Task InviteAsync(params Guid[] organisations)
    {
        using var client = Platform.ClientFor(Secretariat);
        var exercise = await (await client.GetAsync($"/api/planning/exercises/{ExerciseId}")).ReadAsync<JsonElement>();
        var put = await client.PutAsJsonAsync($"/api/planning/exercises/{ExerciseId}/invitations",
            new { organisationIds = organisations, version = exercise.GetProperty("version").GetInt64() }, HttpAssertions.Json);
        await put.ReadAsync<JsonElement>();
    }
}
