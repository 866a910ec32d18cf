using System.Net;
using System.Net.Http.Headers;
using System.Text;
using KerjaSama.Planning.Contracts.Live;
using KerjaSama.TestKit;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit;
using Xunit.Abstractions;

namespace KerjaSama.Security.Tests;

/// <summary>
/// Every route and hub method the running host exposes, against anonymous callers, every role and members of
/// organisations that the arranged resources do not belong to (<see cref="AccessMatrix"/>). Denied writes must
/// leave every table of the database as it was.
/// </summary>
public abstract class AccessMatrixTests(PlatformFixture platform, ITestOutputHelper output)
{
    [Fact]
    public void Every_route_and_hub_method_of_the_host_has_a_row_in_the_matrix()
    {
        var exposed = HostSurface.Routes(platform.Services).Concat(HostSurface.HubMethods(platform.Services)).ToHashSet();
        var rows = AccessMatrix.Rows();
        var missing = exposed.Where(s => !rows.ContainsKey(s)).Select(s => $"{s} {HostSurface.Describe(platform.Services, s)}").ToList();
        var stale = rows.Keys.Where(s => !exposed.Contains(s)).Select(s => s.ToString()).ToList();
        Assert.True(missing.Count == 0 && stale.Count == 0,
            $"Routes without a row (decide who may pass):\n{string.Join('\n', missing)}\nRows for routes the host no longer has:\n{string.Join('\n', stale)}");
        output.WriteLine($"{rows.Count} surfaces × {Enum.GetValues<Principal>().Length} principals");
    }

    [Fact]
    public async Task Every_route_answers_every_principal_as_the_matrix_says_and_denied_writes_change_nothing()
    {
        var world = await MatrixWorld.ArrangeAsync(platform);
        var rows = AccessMatrix.Rows().Where(r => r.Key.Method != "HUB").ToList();
        var failures = new List<string>();
        var clients = Enum.GetValues<Principal>().ToDictionary(p => p, p => Client(world, p));
        try
        {
            // Denied calls first, with the database's fingerprint around them; then the authorised ones.
            var before = await DatabaseFingerprint.TakeAsync(platform);
            var calls = 0;
            foreach (var (surface, rule) in rows)
            {
                if (rule == AccessMatrix.Protocol)
                    continue;
                foreach (var principal in Enum.GetValues<Principal>().Where(p => !AccessMatrix.Rules[rule].Contains(p)))
                {
                    var (status, location) = await SendAsync(clients[principal], surface, world);
                    calls++;
                    // A page's form post is refused for its missing antiforgery token (400) before the page's own
                    // organisation check runs; that check is the page's GET, and the fingerprint shows nothing changed.
                    var formRefused = status == HttpStatusCode.BadRequest && principal != Principal.Anonymous && IsPageForm(surface);
                    if (!IsDenied(principal, status, location) && !formRefused)
                        failures.Add($"{surface} as {principal}: expected denied, got {(int)status} {location}");
                }
            }

            var changed = DatabaseFingerprint.Changed(before, await DatabaseFingerprint.TakeAsync(platform));
            if (changed.Count > 0)
                failures.Add($"Denied calls changed stored state in: {string.Join(", ", changed)}");

            foreach (var (surface, rule) in rows)
            {
                var passing = rule == AccessMatrix.Protocol ? Enum.GetValues<Principal>() : AccessMatrix.Rules[rule];
                foreach (var principal in passing)
                {
                    var (status, location) = await SendAsync(clients[principal], surface, world);
                    calls++;
                    // A 404 passes only where the route names data nobody has (random ids); arranged data must be found.
                    var refused = rule != AccessMatrix.Protocol && (IsRefused(principal, status, location)
                        || (status == HttpStatusCode.NotFound && world.Fill(surface.Route).Arranged && surface.Method == "GET"));
                    if ((int)status >= 500 || refused)
                        failures.Add($"{surface} as {principal}: expected to pass, got {(int)status} {location}");
                }
            }

            output.WriteLine($"{rows.Count} routes, {calls} calls, {failures.Count} failures");
        }
        finally
        {
            foreach (var client in clients.Values)
                client.Dispose();
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task Every_hub_method_answers_every_principal_as_the_matrix_says()
    {
        var world = await MatrixWorld.ArrangeAsync(platform);
        var failures = new List<string>();
        var before = await DatabaseFingerprint.TakeAsync(platform);
        foreach (var principal in Enum.GetValues<Principal>())
        {
            var mapping = await ConnectAsync(world, principal, "/hubs/mapping");
            var invited = AccessMatrix.Rules["invited"].Contains(principal);
            var contributes = principal is Principal.SecretariatAdmin or Principal.Facilitator or Principal.Agency;
            if (mapping is null)
            {
                if (principal != Principal.Anonymous)
                    failures.Add($"/hubs/mapping as {principal}: could not connect");
            }
            else
            {
                await using var _ = mapping;
                if (principal == Principal.Anonymous)
                    failures.Add("/hubs/mapping as Anonymous: connected");
                var joined = await TryAsync(() => mapping.InvokeAsync<JoinResult>("Join", world.Live.SessionId, 0L));
                if (joined != invited)
                    failures.Add($"/hubs/mapping#Join as {principal}: expected {(invited ? "joined" : "refused")}");
                if (!await TryAsync(() => mapping.InvokeAsync("Focus", world.Live.SessionId, (Guid?)world.RowId, "notes")))
                    failures.Add($"/hubs/mapping#Focus as {principal}: failed");
                // Only the secretariat and the row's own agency edit it; the rest is refused with a code.
                var ack = await mapping.InvokeAsync<Ack>("Submit", new SubmitOp
                {
                    SessionId = world.Live.SessionId, OpId = Guid.NewGuid(), Kind = OpKinds.Update, RowId = world.RowId,
                    Fields = new() { [MatrixFieldNames.Notes] = $"catatan {principal}" }, BaseSeq = 0,
                });
                if ((ack.Outcome == AckOutcomes.Applied) != contributes || (!contributes && ack.Error?.Code is null))
                    failures.Add($"/hubs/mapping#Submit as {principal}: got {ack.Outcome} {ack.Error?.Code}");
                if (!await TryAsync(() => mapping.InvokeAsync("Leave", world.Live.SessionId)))
                    failures.Add($"/hubs/mapping#Leave as {principal}: failed");
            }

            var monitor = await ConnectAsync(world, principal, "/hubs/monitor");
            if ((monitor is not null) != (principal == Principal.SecretariatAdmin))
                failures.Add($"/hubs/monitor as {principal}: {(monitor is null ? "refused" : "connected")}");
            if (monitor is not null)
            {
                await using var _ = monitor;
                if (!await TryAsync(() => monitor.InvokeAsync<object>("WatchSession", world.Live.SessionId))
                    || !await TryAsync(() => monitor.InvokeAsync<object>("WatchAll")) || !await TryAsync(() => monitor.InvokeAsync("Unwatch")))
                {
                    failures.Add($"/hubs/monitor as {principal}: a method failed");
                }
            }
        }

        // What the refused submits would have written: the row's notes carry only what passed.
        var notes = (await world.Live.StoredOpsAsync()).Where(o => o.RowId == world.RowId).Select(o => o.Author).ToList();
        var expected = new[] { world.Users[Principal.SecretariatAdmin], world.Users[Principal.Facilitator], world.Users[Principal.Agency] };
        Assert.Equal(1 + expected.Length, notes.Count);
        Assert.All(notes, author => Assert.Contains(expected.Select(u => u.Caller.UserId).Append(world.Live.AgencyA.Caller.UserId), id => id == author));
        Assert.NotEqual(before, await DatabaseFingerprint.TakeAsync(platform));
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    private static async Task<bool> TryAsync(Func<Task> call)
    {
        try
        {
            await call();
            return true;
        }
        catch (Microsoft.AspNetCore.SignalR.HubException)
        {
            return false;
        }
    }

    private async Task<HubConnection?> ConnectAsync(MatrixWorld world, Principal principal, string path)
    {
        var builder = new HubConnectionBuilder().WithUrl(new Uri(platform.BaseAddress, path), o =>
        {
            if (world.Users.TryGetValue(principal, out var user))
                o.AccessTokenProvider = () => Task.FromResult<string?>(user.AccessToken);
        });
        var connection = builder.Build();
        try
        {
            await connection.StartAsync();
            // A connection the host aborts at once (e.g. its principal no longer holds) is as good as refused.
            await Task.Delay(100);
            if (connection.State == HubConnectionState.Connected)
                return connection;
        }
        catch (HttpRequestException)
        {
        }

        await connection.DisposeAsync();
        return null;
    }

    private HttpClient Client(MatrixWorld world, Principal principal)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false })
        {
            BaseAddress = platform.BaseAddress, Timeout = TimeSpan.FromSeconds(30),
        };
        if (world.Users.TryGetValue(principal, out var user))
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", user.AccessToken);
        return client;
    }

    private static async Task<(HttpStatusCode Status, string? Location)> SendAsync(HttpClient client, Surface surface, MatrixWorld world)
    {
        var method = surface.Method == "ANY" ? HttpMethod.Get : new HttpMethod(surface.Method);
        using var request = new HttpRequestMessage(method, world.Fill(surface.Route).Path);
        // Imports take files (routing refuses other content types with 415 before anyone is authorised); the rest JSON.
        if (method != HttpMethod.Get && method != HttpMethod.Delete)
        {
            // Pages and the sign-in forms take form posts (without an antiforgery token: an authorised caller gets 400).
            request.Content = surface.Route.EndsWith("/import", StringComparison.Ordinal)
                ? new StringContent("kode,nama\n", Encoding.UTF8, "text/csv")
                : surface.Route.StartsWith("/api/", StringComparison.Ordinal)
                    ? new StringContent("{}", Encoding.UTF8, "application/json")
                    : new FormUrlEncodedContent([KeyValuePair.Create("x", "y")]);
        }
        try
        {
            using var response = await client.SendAsync(request);
            return (response.StatusCode, response.Headers.Location?.OriginalString);
        }
        catch (TaskCanceledException ex)
        {
            throw new TimeoutException($"{surface} ({request.RequestUri}) did not answer in time.", ex);
        }
    }

    private static bool IsPageForm(Surface surface) =>
        surface.Method == "POST" && !surface.Route.StartsWith("/api/", StringComparison.Ordinal) && !surface.Route.StartsWith("/account/", StringComparison.Ordinal)
        && !surface.Route.StartsWith("/connect/", StringComparison.Ordinal);

    /// <summary>Anonymous: 401 or the sign-in redirect. Members: 401 or 403 (an authorised caller's answer is anything else).</summary>
    private static bool IsRefused(Principal principal, HttpStatusCode status, string? location) =>
        status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
        || (status == HttpStatusCode.Redirect && location?.Contains("/account/login", StringComparison.Ordinal) == true);

    /// <summary>Anonymous: 401 or the sign-in redirect. Members: 403, or 404 where existence itself is not shared.</summary>
    private static bool IsDenied(Principal principal, HttpStatusCode status, string? location) =>
        principal == Principal.Anonymous
            ? status == HttpStatusCode.Unauthorized || (status == HttpStatusCode.Redirect && location?.Contains("/account/login", StringComparison.Ordinal) == true)
            : status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound;
}

[Collection(SqliteSecurityCollection.Name)]
public sealed class AccessMatrixTests_on_Sqlite(SqliteSecurityFixture p, ITestOutputHelper o) : AccessMatrixTests(p, o);

[Collection(PostgreSqlSecurityCollection.Name)]
public sealed class AccessMatrixTests_on_PostgreSql(PostgreSqlSecurityFixture p, ITestOutputHelper o) : AccessMatrixTests(p, o);
