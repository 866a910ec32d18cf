using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KerjaSama.Modularity.Security;
using KerjaSama.Planning.Contracts.Live;
using KerjaSama.TestKit;
using KerjaSama.TestKit.Browser;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;
using Xunit;
using F = KerjaSama.Planning.Contracts.Live.MatrixFieldNames;

namespace KerjaSama.Browser.Tests.Monitor;

/// <summary>
/// The secretariat opens the live monitor page in a real (headless) browser, signed in through the sign-in form,
/// while two agencies edit over the mapping hub: the counters on the page move without a reload.
/// </summary>
public abstract class MonitorPageTests(BrowserFixture fixture)
{
    private readonly PlatformFixture platform = fixture.Platform;

    private static readonly LocatorAssertionsToHaveTextOptions Soon = new() { Timeout = 10_000 };

    [Fact]
    public async Task The_monitor_page_shows_the_counters_move_while_two_agencies_edit()
    {
        var agencies = await OrganisationsAsync("kind=agency&region=62");
        var kalsel = (await OrganisationsAsync("kind=government&region=63")).Single();
        var admin = await platform.SignInAsync(agencies[0].Id, agencies[0].Name, PlatformRoles.SecretariatAdmin, "Sekretariat");
        using var api = platform.ClientFor(admin);
        var exercise = await (await api.PostAsJsonAsync("/api/planning/exercises", new
        {
            regionCode = "62", title = "Pemetaan monitor " + Guid.NewGuid().ToString("N")[..6], periodKind = "RPJMD", startYear = 2025,
            invitedOrganisationIds = new[] { agencies[1].Id, agencies[2].Id, kalsel.Id },
        }, HttpAssertions.Json)).ReadAsync<JsonElement>(HttpStatusCode.Created);
        var exerciseId = exercise.GetProperty("id").GetGuid();
        var session = await (await api.PostAsync($"/api/planning/exercises/{exerciseId}/sessions", null)).ReadAsync<JsonElement>(HttpStatusCode.Created);
        var sessionId = session.GetProperty("sessionId").GetGuid();

        var (userName, password, _) = await platform.CreateUserAsync(agencies[0].Id, agencies[0].Name, PlatformRoles.SecretariatAdmin, "Sekretariat Pemantau");
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = platform.BaseAddress.ToString() });
        var page = await context.NewPageAsync();
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        page.Console += (_, m) => log.Enqueue($"console {m.Type}: {m.Text}");
        page.PageError += (_, e) => log.Enqueue($"page error: {e}");
        page.RequestFailed += (_, r) => log.Enqueue($"failed: {r.Method} {r.Url} {r.Failure}");
        page.Response += (_, r) => { if (r.Status >= 400) log.Enqueue($"{r.Status} {r.Url}"); };

        // Not signed in: the page sends the browser to the sign-in form, which brings it back to the monitor.
        var monitorPath = $"/planning/sessions/{sessionId}/monitor";
        await page.GotoAsync(monitorPath);
        Assert.Contains("/account/login", page.Url, StringComparison.OrdinalIgnoreCase);
        await SignInForm.SubmitAsync(page, userName, password);
        await page.WaitForURLAsync(url => url.Contains(monitorPath, StringComparison.Ordinal));
        try
        {
            await Assertions.Expect(page.Locator("[data-testid=live-status]")).ToHaveAttributeAsync("data-live", "true", new() { Timeout = 30_000 });
        }
        catch (PlaywrightException ex)
        {
            throw new InvalidOperationException("The page did not become interactive:\n" + string.Join("\n", log), ex);
        }

        await Assertions.Expect(page.Locator("[data-testid=ops]")).ToHaveTextAsync("0");

        await using var a = await JoinAsync(agencies[1], PlatformRoles.AgencyContributor, "Staf Dinas A", sessionId);
        await using var b = await JoinAsync(agencies[2], PlatformRoles.AgencyContributor, "Staf Dinas B", sessionId);
        await Assertions.Expect(page.Locator("[data-testid=online]")).ToHaveTextAsync("2", Soon);
        var notJoined = page.Locator("[data-testid=not-joined]");
        await Assertions.Expect(notJoined).ToHaveTextAsync(kalsel.Name, Soon);

        var rowA = Guid.NewGuid();
        await SubmitAsync(a, sessionId, OpKinds.Add, rowA, Opportunity("1.02", "Rujukan pasien"));
        await Assertions.Expect(page.Locator("[data-testid=ops]")).ToHaveTextAsync("1", Soon);
        await Assertions.Expect(Cell(page, agencies[1].Id, "rowsAdded")).ToHaveTextAsync("1", Soon);

        await SubmitAsync(b, sessionId, OpKinds.Add, Guid.NewGuid(), Opportunity("1.01", "Sekolah perbatasan"));
        await SubmitAsync(b, sessionId, OpKinds.Add, Guid.NewGuid(), Opportunity("1.01", "Guru bantu"));
        await SubmitAsync(a, sessionId, OpKinds.Update, rowA, new() { [F.Notes] = "prioritas", [F.Priority] = 1 });
        await Assertions.Expect(page.Locator("[data-testid=ops]")).ToHaveTextAsync("4", Soon);
        await Assertions.Expect(page.Locator("[data-testid=rows]")).ToHaveTextAsync("3", Soon);
        await Assertions.Expect(Cell(page, agencies[2].Id, "rowsAdded")).ToHaveTextAsync("2", Soon);
        await Assertions.Expect(Cell(page, agencies[1].Id, "fieldsEdited")).ToHaveTextAsync("2", Soon);
        await Assertions.Expect(page.Locator("tr[data-affair='1.01'] td[data-field=rows]")).ToHaveTextAsync("2", Soon);
        await Assertions.Expect(page.Locator("[data-testid=feed] tbody tr").First).ToHaveAttributeAsync("data-seq", "4", new() { Timeout = 10_000 });
        Assert.Equal(1, await page.Locator("tr[data-affair='1.03'].empty").CountAsync());

        // The page across sessions lists this one with the same counters.
        await page.GotoAsync("/planning/monitor");
        await Assertions.Expect(page.Locator("[data-testid=live-status]")).ToHaveAttributeAsync("data-live", "true", new() { Timeout = 30_000 });
        var row = page.Locator($"[data-testid=sessions] tr[data-session='{sessionId}']");
        await Assertions.Expect(row.Locator("td[data-field=ops]")).ToHaveTextAsync("4", Soon);
        await SubmitAsync(b, sessionId, OpKinds.Add, Guid.NewGuid(), Opportunity("1.02", "Puskesmas keliling"));
        await Assertions.Expect(row.Locator("td[data-field=ops]")).ToHaveTextAsync("5", Soon);
    }

    private static ILocator Cell(IPage page, Guid organisationId, string field) =>
        page.Locator($"[data-testid=contributions] tr[data-org='{organisationId}'] td[data-field={field}]");

    private static Dictionary<string, object?> Opportunity(string affair, string potential) => new()
    {
        [F.AffairCode] = affair, [F.Potential] = potential, [F.CooperationType] = "KSDD-wajib", [F.PartnerRegionCodes] = new[] { "63" },
        [F.StartYear] = 2026, [F.DurationYears] = 3,
    };

    private async Task<HubConnection> JoinAsync((Guid Id, string Name) organisation, string role, string name, Guid sessionId)
    {
        var user = await platform.SignInAsync(organisation.Id, organisation.Name, role, name);
        var connection = platform.HubFor(user);
        await connection.StartAsync();
        await connection.InvokeAsync<JoinResult>("Join", sessionId, 0L);
        return connection;
    }

    private static async Task SubmitAsync(HubConnection connection, Guid sessionId, string kind, Guid rowId, Dictionary<string, object?> fields)
    {
        var ack = await connection.InvokeAsync<Ack>("Submit", new SubmitOp { SessionId = sessionId, OpId = Guid.NewGuid(), Kind = kind, RowId = rowId, Fields = fields });
        Assert.True(ack.Outcome == AckOutcomes.Applied, $"{ack.Outcome}: {ack.Error?.Code}");
    }

    private async Task<(Guid Id, string Name)[]> OrganisationsAsync(string query)
    {
        var page = JsonDocument.Parse(await platform.Client.GetStringAsync($"/api/registry/organisations?{query}&pageSize=50")).RootElement;
        return [.. page.GetProperty("items").EnumerateArray().Select(o => (o.GetProperty("id").GetGuid(), o.GetProperty("name").GetString()!))];
    }
}

[Collection(SharedHost.Sqlite)]
public sealed class MonitorPageTests_on_Sqlite(SqliteBrowserFixture fixture) : MonitorPageTests(fixture);

[Collection(SharedHost.PostgreSql)]
public sealed class MonitorPageTests_on_PostgreSql(PostgreSqlBrowserFixture fixture) : MonitorPageTests(fixture);
