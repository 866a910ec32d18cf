using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KerjaSama.Modularity.Security;
using KerjaSama.Planning.Contracts.Live;
using KerjaSama.TestKit;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit;
using F = KerjaSama.Planning.Contracts.Live.MatrixFieldNames;

namespace KerjaSama.Partners.Tests;

/// <summary>
/// Arranges what the Partners tests need: the secretariat signed in, partner governments of the Registry, and rows of
/// the mapping register written through a real live session (so that the Planning read contract reads real rows).
/// </summary>
internal sealed class PartnersScenario : IAsyncDisposable
{
    private HubConnection? _hub;
    private Guid _sessionId;

    /// <summary>The exercise whose matrix <see cref="RowAsync"/> adds to (empty before the first row).</summary>
    public Guid ExerciseId { get; private set; }
    private long _seq;

    private PartnersScenario(PlatformFixture platform, TestUser secretariat, HttpClient client)
    {
        Platform = platform;
        SecretariatUser = secretariat;
        Secretariat = client;
    }

    public PlatformFixture Platform { get; }

    public TestUser SecretariatUser { get; }

    public HttpClient Secretariat { get; }

    public (Guid Id, string Name) Kalteng { get; private set; }

    public (Guid Id, string Name) Kalsel { get; private set; }

    public (Guid Id, string Name) Kalbar { get; private set; }

    public (Guid Id, string Name) Kaltim { get; private set; }

    public (Guid Id, string Name) Agency { get; private set; }

    public static async Task<PartnersScenario> StartAsync(PlatformFixture platform)
    {
        var user = await platform.SignInAsync(TestOrganisations.Secretariat, TestOrganisations.SecretariatName, PlatformRoles.SecretariatAdmin);
        var s = new PartnersScenario(platform, user, platform.ClientFor(user));
        s.Kalteng = (await s.OrganisationsAsync("kind=government&region=62")).Single();
        s.Kalsel = (await s.OrganisationsAsync("kind=government&region=63")).Single();
        s.Kalbar = (await s.OrganisationsAsync("kind=government&region=61")).Single();
        s.Kaltim = (await s.OrganisationsAsync("kind=government&region=64")).Single();
        s.Agency = (await s.OrganisationsAsync("kind=agency&region=62"))[0];
        return s;
    }

    public async Task<(Guid Id, string Name)[]> OrganisationsAsync(string query)
    {
        var page = await (await Secretariat.GetAsync($"/api/registry/organisations?{query}&pageSize=50")).ReadAsync<JsonElement>();
        return [.. page.GetProperty("items").EnumerateArray().Select(o => (o.GetProperty("id").GetGuid(), o.GetProperty("name").GetString()!))];
    }

    public async Task<HttpClient> UserAsync((Guid Id, string Name) organisation, string role) =>
        Platform.ClientFor(await Platform.SignInAsync(organisation.Id, organisation.Name, role));

    /// <summary>Adds a row to the register through a live session, with the status a facilitator gives it.</summary>
    public async Task<Guid> RowAsync(string status = "terintegrasi_rpjmd_rkpd", string obj = "Rujukan pasien lintas batas")
    {
        if (_hub is null)
            await OpenSessionAsync();
        var rowId = Guid.NewGuid();
        var ack = await _hub!.InvokeAsync<Ack>("Submit", new SubmitOp
        {
            SessionId = _sessionId, OpId = Guid.NewGuid(), Kind = OpKinds.Add, RowId = rowId, BaseSeq = _seq,
            Fields = new()
            {
                [F.AffairCode] = "1.02", [F.CooperationObject] = obj, [F.CooperationType] = "KSDD-wajib", [F.PartnerRegionCodes] = new[] { "63" },
                [F.StartYear] = 2026, [F.DurationYears] = 3, [F.ResponsibleAgencyId] = Agency.Id.ToString(),
            },
        });
        Assert.True(ack.Outcome == AckOutcomes.Applied, $"{ack.Outcome}: {ack.Error?.Code} {ack.Error?.Message}");
        _seq = ack.Seq;
        await MoveAlongAsync(rowId, status);
        return rowId;
    }

    /// <summary>A new row starts as diusulkan; the secretariat moves it along the lifecycle to the wanted status.</summary>
    private async Task MoveAlongAsync(Guid rowId, string status)
    {
        string[] path = ["diusulkan", "diverifikasi", "dibahas_tkksd", "ditetapkan", "terintegrasi_rpjmd_rkpd"];
        var steps = Array.IndexOf(path, status);
        Assert.True(steps >= 0, $"The scenario cannot bring a row to {status}.");
        foreach (var next in path[1..(steps + 1)])
        {
            var moved = await Secretariat.PostAsJsonAsync($"/api/planning/exercises/{ExerciseId}/rows/{rowId}/status",
                new { status = next, reason = "Skenario uji" }, HttpAssertions.Json);
            Assert.True(moved.IsSuccessStatusCode, $"{next}: {(int)moved.StatusCode} {await moved.Content.ReadAsStringAsync()}");
        }

        _seq = Math.Max(_seq, (await (await Secretariat.GetAsync($"/api/planning/exercises/{ExerciseId}/rows")).ReadAsync<JsonElement>())
            .EnumerateArray().Max(r => r.GetProperty("seq").GetInt64()));
    }

    private async Task OpenSessionAsync()
    {
        var exercise = await Secretariat.PostAsJsonAsync("/api/planning/exercises", new
        {
            regionCode = "62", title = "Pemetaan " + Guid.NewGuid().ToString("N")[..8], periodKind = "RPJMD", startYear = 2025,
            invitedOrganisationIds = new[] { Agency.Id, Kalsel.Id },
        }, HttpAssertions.Json);
        var exerciseId = (await exercise.ReadAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        ExerciseId = exerciseId;
        var facilitator = await Platform.SignInAsync(TestOrganisations.Secretariat, TestOrganisations.SecretariatName, PlatformRoles.Facilitator, "Fasilitator");
        using var client = Platform.ClientFor(facilitator);
        var session = await (await client.PostAsync($"/api/planning/exercises/{exerciseId}/sessions", null)).ReadAsync<JsonElement>(HttpStatusCode.Created);
        _sessionId = session.GetProperty("sessionId").GetGuid();
        _hub = Platform.HubFor(facilitator);
        await _hub.StartAsync();
        var joined = await _hub.InvokeAsync<JoinResult>("Join", _sessionId, 0L);
        _seq = joined.Seq;
    }

    /// <summary>The row's status as the Planning module's REST rows endpoint reports it.</summary>
    public async Task<string?> RowStatusAsync(Guid rowId)
    {
        var rows = await (await Secretariat.GetAsync($"/api/planning/exercises/{ExerciseId}/rows")).ReadAsync<JsonElement>();
        var row = rows.EnumerateArray().Single(r => r.GetProperty("rowId").GetGuid() == rowId);
        return row.GetProperty("fields").TryGetProperty(F.Status, out var status) ? status.GetString() : null;
    }

    public object Party((Guid Id, string Name) organisation, string signatory = "Penandatangan", string? delegation = null) =>
        new { organisationId = organisation.Id, signatoryName = signatory, signatoryPosition = "Gubernur", delegation };

    /// <summary>A signed KB between Kalteng and Kalsel (or the given partner), from 2026-01-01 for three years.</summary>
    public async Task<JsonElement> SignedKbAsync((Guid Id, string Name)? partner = null, Guid? rowId = null)
    {
        var response = await Secretariat.PostAsJsonAsync("/api/partners/agreements", new
        {
            kind = "KB", number = "KB-" + Guid.NewGuid().ToString("N")[..6], @object = "Pelayanan kesehatan lintas batas", affairCode = "1.02",
            responsibleAgencyId = Agency.Id, rowId, signedOn = "2026-01-01", startsOn = "2026-01-01", endsOn = "2029-01-01",
            parties = new[] { Party(Kalteng), Party(partner ?? Kalsel) },
        }, HttpAssertions.Json);
        return await response.ReadAsync<JsonElement>(HttpStatusCode.Created);
    }

    public Task<HttpResponseMessage> PostAgreementAsync(object body) => Secretariat.PostAsJsonAsync("/api/partners/agreements", body, HttpAssertions.Json);

    public async Task<int> AgreementCountAsync()
    {
        var list = await (await Secretariat.GetAsync("/api/partners/agreements")).ReadAsync<JsonElement>();
        return list.GetArrayLength();
    }

    public async ValueTask DisposeAsync()
    {
        if (_hub is not null)
            await _hub.DisposeAsync();
        Secretariat.Dispose();
    }
}

/// <summary>A test class whose tests each start their own <see cref="PartnersScenario"/> on the host and end it after.</summary>
public abstract class PartnersScenarioTests(PlatformFixture platform) : IAsyncLifetime
{
    protected PlatformFixture Platform { get; } = platform;

    private protected PartnersScenario S { get; private set; } = null!;

    public async Task InitializeAsync() => S = await PartnersScenario.StartAsync(Platform);

    public async Task DisposeAsync() => await S.DisposeAsync();
}
