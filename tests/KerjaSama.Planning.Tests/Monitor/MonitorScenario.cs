using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KerjaSama.Modularity.Security;
using KerjaSama.Planning.Contracts.Monitor;
using KerjaSama.Planning.Tests.Live;
using KerjaSama.TestKit;
using Microsoft.AspNetCore.SignalR.Client;
using F = KerjaSama.Planning.Contracts.Live.MatrixFieldNames;

namespace KerjaSama.Planning.Tests.Monitor;

/// <summary>A live session (see <see cref="SessionScenario"/>) that also invites a fourth agency, watched by a secretariat user.</summary>
internal sealed class MonitorScenario
{
    public required SessionScenario Session { get; init; }

    public required TestUser Secretariat { get; init; }

    public PlatformFixture Platform => Session.Platform;

    public static Dictionary<string, object?> Opportunity(string affair, string potential) => new()
    {
        [F.AffairCode] = affair, [F.Potential] = potential, [F.CooperationType] = "KSDD-wajib", [F.PartnerRegionCodes] = new[] { "63" },
        [F.StartYear] = 2026, [F.DurationYears] = 3,
    };

    public static async Task<MonitorScenario> StartAsync(PlatformFixture platform)
    {
        var session = await SessionScenario.StartAsync(platform);
        var agencies = await SessionScenario.OrganisationsAsync(platform, "kind=agency&region=62");
        var secretariat = await platform.SignInAsync(agencies[0].Id, agencies[0].Name, PlatformRoles.SecretariatAdmin, "Sekretariat Monitor");
        using var admin = platform.ClientFor(secretariat);
        var exercise = await (await admin.GetAsync($"/api/planning/exercises/{session.ExerciseId}")).ReadAsync<JsonElement>();
        var invited = exercise.GetProperty("invitedOrganisationIds").EnumerateArray().Select(e => e.GetGuid()).Append(session.OtherAgency.Id).ToList();
        (await admin.PutAsJsonAsync($"/api/planning/exercises/{session.ExerciseId}/invitations",
            new { organisationIds = invited, version = exercise.GetProperty("version").GetInt64() }, HttpAssertions.Json)).EnsureSuccessStatusCode();
        return new MonitorScenario { Session = session, Secretariat = secretariat };
    }

    public async Task<SessionMonitor> SnapshotAsync(TestUser? user = null)
    {
        using var client = Platform.ClientFor(user ?? Secretariat);
        return await (await client.GetAsync($"/api/planning/sessions/{Session.SessionId}/monitor")).ReadAsync<SessionMonitor>();
    }
}

/// <summary>A monitor client over the real <c>/hubs/monitor</c>: keeps the latest snapshot per session, by revision.</summary>
internal sealed class MonitorClient : IAsyncDisposable
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, SessionMonitor> _latest = [];

    private MonitorClient(HubConnection connection)
    {
        Connection = connection;
        connection.On<SessionMonitor>(MonitorHubNames.Monitor, Take);
    }

    public HubConnection Connection { get; }

    public int Pushes { get; private set; }

    public static async Task<MonitorClient> ConnectAsync(PlatformFixture platform, TestUser user)
    {
        var client = new MonitorClient(platform.HubFor(user, "/hubs/monitor"));
        await client.Connection.StartAsync();
        return client;
    }

    public async Task<SessionMonitor> WatchSessionAsync(Guid sessionId)
    {
        var snapshot = await Connection.InvokeAsync<SessionMonitor>(MonitorHubNames.WatchSession, sessionId);
        lock (_lock)
            _latest[sessionId] = snapshot;
        return snapshot;
    }

    public void Take(SessionMonitor monitor)
    {
        lock (_lock)
        {
            Pushes++;
            if (!_latest.TryGetValue(monitor.SessionId, out var known) || monitor.Revision > known.Revision)
                _latest[monitor.SessionId] = monitor;
        }
    }

    public SessionMonitor? Latest(Guid sessionId)
    {
        lock (_lock)
            return _latest.GetValueOrDefault(sessionId);
    }

    /// <summary>Waits until the latest snapshot of the session satisfies the condition; returns it.</summary>
    public async Task<SessionMonitor> WaitForAsync(Guid sessionId, Func<SessionMonitor, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (Latest(sessionId) is { } m && condition(m))
                return m;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"The monitor did not see the expected figures within {timeout.TotalMilliseconds} ms (latest seq {Latest(sessionId)?.Seq}).");
            await Task.Delay(5);
        }
    }

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();

    public static HttpStatusCode? StatusOf(Exception ex) => (ex as HttpRequestException)?.StatusCode;
}
