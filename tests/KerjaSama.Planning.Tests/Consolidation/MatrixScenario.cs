using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using KerjaSama.Modularity.Security;
using KerjaSama.Planning.Contracts.Live;
using KerjaSama.TestKit;
using Xunit;
using F = KerjaSama.Planning.Contracts.Live.MatrixFieldNames;

namespace KerjaSama.Planning.Tests.Consolidation;

internal sealed record Org(Guid Id, string Code, string Name);

/// <summary>
/// An exercise of its own (Kalimantan Tengah, RPJMD 2025–2029) with the secretariat, an agency, the planning agency
/// (Bapperida) and an observer signed in through the real code flow.
/// </summary>
internal sealed class MatrixScenario
{
    public required PlatformFixture Platform { get; init; }

    public required Guid ExerciseId { get; init; }

    public required TestUser Secretariat { get; init; }

    public required TestUser Agency { get; init; }

    public required Org AgencyOrg { get; init; }

    public required Org OtherAgencyOrg { get; init; }

    public required TestUser Planner { get; init; }

    public required HttpClient Admin { get; init; }

    public string Base => $"/api/planning/exercises/{ExerciseId}";

    public static async Task<Org[]> OrganisationsAsync(PlatformFixture platform, string query)
    {
        var page = JsonDocument.Parse(await platform.Client.GetStringAsync($"/api/registry/organisations?{query}&pageSize=100")).RootElement;
        return [.. page.GetProperty("items").EnumerateArray()
            .Select(o => new Org(o.GetProperty("id").GetGuid(), o.GetProperty("code").GetString()!, o.GetProperty("name").GetString()!))];
    }

    public static async Task<MatrixScenario> StartAsync(PlatformFixture platform, string periodKind = "RPJMD", int startYear = 2025)
    {
        var agencies = await OrganisationsAsync(platform, "kind=agency&region=62");
        var setda = agencies.First(a => a.Code == "62-setda-pemotda");
        var dinkes = agencies.First(a => a.Code == "62-dinkes");
        var pupr = agencies.First(a => a.Code == "62-pupr");
        var bapperida = agencies.First(a => a.Code == "62-bapperida");
        var secretariat = await platform.SignInAsync(setda.Id, setda.Name, PlatformRoles.SecretariatAdmin, "Sekretariat");
        var admin = platform.ClientFor(secretariat);
        var exercise = await admin.PostAsJsonAsync("/api/planning/exercises", new
        {
            regionCode = "62", title = "Pemetaan " + Guid.NewGuid().ToString("N")[..8], periodKind, startYear,
            invitedOrganisationIds = new[] { dinkes.Id, pupr.Id },
        }, HttpAssertions.Json);
        return new MatrixScenario
        {
            Platform = platform,
            ExerciseId = (await exercise.ReadAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetGuid(),
            Secretariat = secretariat,
            Admin = admin,
            Agency = await platform.SignInAsync(dinkes.Id, dinkes.Name, PlatformRoles.AgencyContributor, "Staf Dinkes"),
            AgencyOrg = dinkes,
            OtherAgencyOrg = pupr,
            Planner = await platform.SignInAsync(bapperida.Id, bapperida.Name, PlatformRoles.AgencyContributor, "Perencana Bapperida"),
        };
    }

    public static Dictionary<string, object?> Opportunity(string potential, string affair = "1.02") => new()
    {
        [F.AffairCode] = affair, [F.Potential] = potential, [F.CooperationType] = "KSDD-sukarela", [F.PartnerRegionCodes] = new[] { "63" },
        [F.StartYear] = 2026, [F.DurationYears] = 3,
    };

    /// <summary>Adds a row outside a session through the REST op endpoint (secretariat).</summary>
    public async Task<Guid> AddRowAsync(Dictionary<string, object?> fields)
    {
        var rowId = Guid.NewGuid();
        var ack = await (await Admin.PostJsonAsync($"{Base}/ops",
            new { sessionId = Guid.Empty, opId = Guid.NewGuid(), kind = OpKinds.Add, rowId, fields, baseSeq = 0 })).ReadAsync<JsonElement>();
        Assert.Equal("applied", ack.GetProperty("outcome").GetString());
        return rowId;
    }

    public async Task<HttpResponseMessage> PostAsync(string path, object body, TestUser? user = null)
    {
        using var client = user is null ? null : Platform.ClientFor(user);
        return await (client ?? Admin).PostJsonAsync(path.StartsWith('/') ? path : $"{Base}/{path}", body);
    }

    public async Task<Dictionary<string, JsonElement>> RowAsync(Guid rowId)
    {
        var rows = await (await Admin.GetAsync($"{Base}/rows")).ReadAsync<JsonElement>();
        var row = rows.EnumerateArray().Single(r => r.GetProperty("rowId").GetGuid() == rowId);
        return row.GetProperty("fields").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
    }

    public async Task<string> StatusAsync(Guid rowId) => (await RowAsync(rowId))[F.Status].GetString()!;

    public async Task<long> OpCountAsync()
    {
        var page = await (await Admin.GetAsync($"{Base}/ops?pageSize=1")).ReadAsync<JsonElement>();
        return page.GetProperty("total").GetInt64();
    }

    public async Task MoveAsync(Guid rowId, params string[] statuses)
    {
        foreach (var status in statuses)
            await (await PostAsync($"rows/{rowId}/status", new { status, reason = "Langkah " + status })).ReadAsync<JsonElement>();
    }

    public async Task<HttpResponseMessage> ImportAsync(byte[] content, string fileName, string contentType)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        form.Add(file, "file", fileName);
        return await Admin.PostAsync($"{Base}/import", form);
    }

    public Task<HttpResponseMessage> ImportCsvAsync(string csv) =>
        ImportAsync(Encoding.UTF8.GetBytes(csv), "matriks.csv", "text/csv");
}
