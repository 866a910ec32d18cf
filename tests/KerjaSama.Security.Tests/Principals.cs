using KerjaSama.Modularity.Security;
using KerjaSama.TestKit;

namespace KerjaSama.Security.Tests;

/// <summary>Who knocks: nobody, each role, and members of organisations the arranged resources do not belong to.</summary>
internal enum Principal
{
    Anonymous,
    SecretariatAdmin,
    Facilitator,
    /// <summary>An agency contributor of an organisation the exercise and meeting invite.</summary>
    Agency,
    /// <summary>A partner contributor of Kalimantan Selatan: invited, and the owner of the partner profile.</summary>
    Partner,
    /// <summary>An observer of an invited agency.</summary>
    Observer,
    /// <summary>An agency contributor of an agency that nothing arranged here invites.</summary>
    ForeignAgency,
    /// <summary>A partner contributor of Kalimantan Barat: invited to nothing here, owns nothing here.</summary>
    ForeignPartner,
}

/// <summary>The signed-in users of the matrix, one per principal, and the resources their requests name.</summary>
internal sealed class MatrixWorld
{
    public required LiveScenario Live { get; init; }

    public required Dictionary<Principal, TestUser> Users { get; init; }

    public required Guid RowId { get; init; }

    public required Guid MeetingId { get; init; }

    public required Guid PartnerId { get; init; }

    public required Guid ForeignAgencyId { get; init; }

    public static async Task<MatrixWorld> ArrangeAsync(PlatformFixture platform)
    {
        var live = await LiveScenario.StartAsync(platform);
        var kalsel = (await LiveScenario.OrganisationsAsync(platform, "kind=government&region=63")).Single();
        var kalbar = (await LiveScenario.OrganisationsAsync(platform, "kind=government&region=61")).Single();
        var agencies = await LiveScenario.OrganisationsAsync(platform, "kind=agency&region=62");
        await using var author = await live.JoinAsync(live.AgencyA);
        var rowId = Guid.NewGuid();
        await live.AddRowAsync(author, "Baris matriks", rowId);
        var meeting = await MeetingAsync(platform, live);
        return new MatrixWorld
        {
            Live = live, RowId = rowId, MeetingId = meeting, PartnerId = kalsel.Id, ForeignAgencyId = agencies[3].Id,
            Users = new()
            {
                [Principal.SecretariatAdmin] = live.Secretariat,
                [Principal.Facilitator] = live.Facilitator,
                [Principal.Agency] = live.AgencyA,
                [Principal.Partner] = await platform.SignInAsync(kalsel.Id, kalsel.Name, PlatformRoles.PartnerContributor, "Mitra Kalsel"),
                [Principal.Observer] = await platform.SignInAsync(agencies[2].Id, agencies[2].Name, PlatformRoles.Observer, "Pengamat"),
                [Principal.ForeignAgency] = live.Outsider,
                [Principal.ForeignPartner] = await platform.SignInAsync(kalbar.Id, kalbar.Name, PlatformRoles.PartnerContributor, "Mitra Kalbar"),
            },
        };
    }

    private static async Task<Guid> MeetingAsync(PlatformFixture platform, LiveScenario live)
    {
        using var client = platform.ClientFor(live.Facilitator);
        var response = await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(client, "/api/meetings", new
        {
            title = "Rapat pemetaan", startsAt = "2026-12-10T09:00:00+07:00", durationMinutes = 120, timeZone = "WIB", place = "Palangka Raya",
            exerciseId = live.ExerciseId, invitedOrganisationIds = live.Invited,
        }, HttpAssertions.Json);
        var id = (await response.ReadAsync<System.Text.Json.JsonElement>(System.Net.HttpStatusCode.Created)).GetProperty("id").GetGuid();
        // Invited organisations see a meeting once its invitations are sent.
        (await client.PostAsync($"/api/meetings/{id}/invitations", null)).EnsureSuccessStatusCode();
        return id;
    }

    /// <summary>
    /// The route with its parameters filled with the arranged resources, random ids where none is arranged; Arranged is
    /// false when a random id was used (a 404 is then the right answer for everyone).
    /// </summary>
    public (string Path, bool Arranged) Fill(string route)
    {
        var arranged = true;
        var exercise = route.StartsWith("/api/planning/exercises", StringComparison.Ordinal) || route.StartsWith("/planning/exercises", StringComparison.Ordinal);
        var session = route.StartsWith("/api/planning/sessions", StringComparison.Ordinal) || route.StartsWith("/planning/sessions", StringComparison.Ordinal);
        var meeting = route.Contains("/meetings", StringComparison.Ordinal);
        var organisation = route.StartsWith("/api/registry/organisations", StringComparison.Ordinal) || route.StartsWith("/registry/organisations", StringComparison.Ordinal);
        var partner = route.StartsWith("/api/partners/{organisationId", StringComparison.Ordinal) || route.StartsWith("/partners/{OrganisationId", StringComparison.Ordinal);
        var id = exercise ? Live.ExerciseId : session ? Live.SessionId : meeting ? MeetingId : organisation ? ForeignAgencyId : Guid.Empty;
        string Random()
        {
            arranged = false;
            return Guid.NewGuid().ToString();
        }

        var path = System.Text.RegularExpressions.Regex.Replace(route, @"\{\*?\*?([A-Za-z]+)(:[a-z]+)?\??\}", m => m.Groups[1].Value switch
        {
            "id" or "Id" => id == Guid.Empty ? Random() : id.ToString(),
            "sessionId" or "SessionId" => Live.SessionId.ToString(),
            "rowId" or "RowId" => RowId.ToString(),
            "organisationId" or "OrganisationId" => partner ? PartnerId.ToString() : Random(),
            "code" => route.Contains("/affairs", StringComparison.Ordinal) ? "1.02" : "62",
            "Code" => "62",
            "format" => "csv",
            "year" => "2026",
            "documentName" => "v1",
            "path" => Random(),
            _ => Random(),
        });
        return (path, arranged);
    }
}
