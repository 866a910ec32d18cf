using System.Text.Json;
using KerjaSama.Modularity.Security;
using KerjaSama.Planning.Contracts.Live;
using KerjaSama.TestKit;
using Microsoft.Playwright;
using Xunit;
using Xunit.Abstractions;
using F = KerjaSama.Planning.Contracts.Live.MatrixFieldNames;

namespace KerjaSama.Browser.Tests;

/// <summary>Running the meeting on the board in Chromium: a priority vote, the agenda timer and following the facilitator.</summary>
public abstract class FacilitationBoardTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private static ILocator VoteRow(BoardPage page, Guid rowId) => page.Page.Locator($"[data-testid=vote-row][data-row-id='{rowId}']");

    /// <summary>Rows added through the hub by the facilitator (fast, and with the affairs the test needs).</summary>
    private static async Task<List<Guid>> SeedRowsAsync(BoardScenario s, params (string Affair, string Potential)[] rows)
    {
        await using var facilitator = new LiveSessionClient("fasilitator");
        await facilitator.AttachAsync(LiveSessionClient.HubConnectionFor(s.Platform.BaseAddress, s.FacilitatorToken, messagePack: true));
        await facilitator.JoinAsync(s.SessionId, 0);
        var ids = new List<Guid>();
        foreach (var (affair, potential) in rows)
        {
            var id = Guid.NewGuid();
            var ack = await facilitator.SubmitAsync(OpKinds.Add, id, new() { [F.AffairCode] = affair, [F.Potential] = potential });
            Assert.True(ack.Outcome == AckOutcomes.Applied, ack.Error?.Code);
            ids.Add(id);
        }

        return ids;
    }

    private static async Task<JsonElement> ShownViewAsync(BoardPage page) =>
        await page.Page.EvaluateAsync<JsonElement>("() => window.kerjaSamaBoard.shownView()");

    /// <summary>Waits until the follower's first row in the viewport is the facilitator's, and returns it.</summary>
    private static async Task<Guid> SameFirstRowAsync(BoardPage facilitator, BoardPage follower)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var top = (await ShownViewAsync(facilitator)).GetProperty("topRowId").GetString();
            var followed = (await ShownViewAsync(follower)).GetProperty("topRowId").GetString();
            if (top is not null && top == followed)
                return Guid.Parse(top);
            Assert.True(DateTime.UtcNow < deadline, $"the follower's first row {followed} is not the facilitator's {top}");
            await Task.Delay(50);
        }
    }

    private static async Task VoteAsync(BoardPage page, Guid rowId, int times)
    {
        var mine = VoteRow(page, rowId).Locator("[data-testid=vote-mine]");
        var before = int.Parse((await mine.GetAttributeAsync("data-votes"))!, System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 1; i <= times; i++)
        {
            await VoteRow(page, rowId).Locator("[data-testid=vote-add]").ClickAsync();
            await Assertions.Expect(mine).ToHaveAttributeAsync("data-votes", (before + i).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public async Task Three_organisations_vote_on_their_boards_and_see_the_tally_only_when_the_facilitator_reveals_it()
    {
        var s = await BoardScenario.StartAsync(fixture.Platform);
        var rows = await SeedRowsAsync(s, ("1.02", "Rujukan pasien lintas batas"), ("1.02", "Ambulans air Sungai Kahayan"), ("1.02", "Telemedisin puskesmas perbatasan"));
        var third = await s.Platform.CreateUserAsync(s.Observer.OrganisationId, s.Observer.OrganisationName, PlatformRoles.AgencyContributor, "Citra Dinas");
        var agencyC = new BoardUser(third.UserName, third.Password, third.UserId, s.Observer.OrganisationId, s.Observer.OrganisationName, "Citra Dinas");
        await using var facilitator = await BoardPage.OpenAsync(fixture.Browser, s, s.Facilitator);
        await using var a = await BoardPage.OpenAsync(fixture.Browser, s, s.AgencyA);
        await using var b = await BoardPage.OpenAsync(fixture.Browser, s, s.AgencyB);
        await using var c = await BoardPage.OpenAsync(fixture.Browser, s, agencyC);

        // The facilitator filters on the affair and starts the round on the rows shown.
        await facilitator.Page.SelectOptionAsync("[data-testid=filter-affair]", "1.02");
        await facilitator.Page.FillAsync("[data-testid=vote-label]", "Prioritas Kesehatan");
        await facilitator.Page.ClickAsync("[data-testid=vote-start]");
        foreach (var page in new[] { a, b, c })
        {
            await Assertions.Expect(page.Page.Locator("[data-testid=vote-panel]")).ToHaveAttributeAsync("data-state", VoteStates.Open);
            await Assertions.Expect(page.Page.Locator("[data-testid=vote-row]")).ToHaveCountAsync(3);
            await Assertions.Expect(page.Page.Locator("[data-testid=votes-left]")).ToHaveTextAsync("3");
        }

        await VoteAsync(a, rows[0], 2);
        await VoteAsync(a, rows[1], 1);
        await VoteAsync(b, rows[1], 2);
        await VoteAsync(c, rows[2], 1);
        await VoteAsync(c, rows[1], 1);
        await Assertions.Expect(a.Page.Locator("[data-testid=votes-left]")).ToHaveTextAsync("0");
        await Assertions.Expect(a.Page.Locator("[data-testid=vote-add]").First).ToBeDisabledAsync();

        // Before the reveal: no tally anywhere, each organisation sees its own votes, the facilitator the participation.
        await Assertions.Expect(facilitator.Page.Locator("[data-testid=vote-participation]")).ToHaveAttributeAsync("data-voted", "3");
        foreach (var page in new[] { facilitator, a, b, c })
            await Assertions.Expect(page.Page.Locator("[data-testid=vote-tally]")).ToHaveCountAsync(0);
        await Assertions.Expect(VoteRow(b, rows[0]).Locator("[data-testid=vote-mine]")).ToHaveAttributeAsync("data-votes", "0");
        await Assertions.Expect(VoteRow(b, rows[1]).Locator("[data-testid=vote-mine]")).ToHaveAttributeAsync("data-votes", "2");

        await facilitator.Page.ClickAsync("[data-testid=vote-reveal]");
        foreach (var page in new[] { facilitator, a, b, c })
        {
            await Assertions.Expect(page.Page.Locator("[data-testid=vote-panel]")).ToHaveAttributeAsync("data-revealed", "true");
            var tally = page.Page.Locator("[data-testid=vote-row]");
            // Most votes first: rows[1] 4 votes, rows[0] 2, rows[2] 1.
            await Assertions.Expect(tally.Nth(0)).ToHaveAttributeAsync("data-row-id", rows[1].ToString());
            await Assertions.Expect(tally.Nth(0).Locator("[data-testid=vote-tally]")).ToHaveAttributeAsync("data-votes", "4");
            await Assertions.Expect(tally.Nth(1).Locator("[data-testid=vote-tally]")).ToHaveAttributeAsync("data-votes", "2");
            await Assertions.Expect(tally.Nth(2).Locator("[data-testid=vote-tally]")).ToHaveAttributeAsync("data-votes", "1");
        }

        var screenshot = Artifacts.PathOf("board-vote-revealed.png");
        await facilitator.Page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        output.WriteLine($"Screenshot of the revealed tally: {screenshot}");

        await facilitator.Page.ClickAsync("[data-testid=vote-close]");
        await Assertions.Expect(c.Page.Locator("[data-testid=vote-panel]")).ToHaveAttributeAsync("data-state", VoteStates.Closed);
        await Assertions.Expect(c.Page.Locator("[data-testid=vote-add]")).ToHaveCountAsync(0);

        // The result is a ranking input of the consolidation page.
        await facilitator.Page.GotoAsync($"/planning/exercises/{s.ExerciseId}?sort=votes");
        await Assertions.Expect(facilitator.Page.Locator("[data-testid=votes]").First).ToHaveTextAsync("4");
    }

    [Fact]
    public async Task A_follower_board_moves_with_the_facilitator_stops_following_and_is_brought_back_and_sees_the_timer()
    {
        var s = await BoardScenario.StartAsync(fixture.Platform);
        var seeded = Enumerable.Range(0, 100).Select(i => (i < 80 ? "1.02" : "1.03", $"Peluang kerja sama nomor {i:D2}")).ToArray();
        var rows = await SeedRowsAsync(s, seeded);
        await using var facilitator = await BoardPage.OpenAsync(fixture.Browser, s, s.Facilitator);
        await using var a = await BoardPage.OpenAsync(fixture.Browser, s, s.AgencyA);
        var follow = a.Page.Locator("[data-testid=follow]");
        await Assertions.Expect(follow).ToHaveAttributeAsync("data-following", "false");
        await a.Page.ClickAsync("[data-testid=follow-toggle]");
        await Assertions.Expect(follow).ToHaveAttributeAsync("data-following", "true");

        // The facilitator filters on an affair and scrolls down: the follower shows the same.
        await facilitator.Page.SelectOptionAsync("[data-testid=filter-affair]", "1.02");
        await Assertions.Expect(a.Page.Locator("[data-testid=filter-affair]")).ToHaveValueAsync("1.02");
        await facilitator.Page.EvaluateAsync($"() => window.kerjaSamaBoard.reveal('{rows[60]}')");
        var top = await SameFirstRowAsync(facilitator, a);
        Assert.NotEqual(rows[0], top);
        Assert.Contains(top, rows[..80]);
        await Assertions.Expect(a.Row(top)).ToBeVisibleAsync();

        // Stop following: the facilitator's next view no longer moves this board.
        await a.Page.ClickAsync("[data-testid=follow-toggle]");
        await Assertions.Expect(follow).ToHaveAttributeAsync("data-following", "false");
        await facilitator.Page.SelectOptionAsync("[data-testid=filter-affair]", "1.03");
        await a.Page.WaitForFunctionAsync("() => window.kerjaSamaBoard.facilitation().view?.AffairCode === '1.03'");
        await Assertions.Expect(a.Page.Locator("[data-testid=filter-affair]")).ToHaveValueAsync("1.02");

        // Bring everyone here: the board follows again and shows the facilitator's affair.
        await facilitator.Page.ClickAsync("[data-testid=bring-everyone]");
        await Assertions.Expect(follow).ToHaveAttributeAsync("data-following", "true");
        await Assertions.Expect(a.Page.Locator("[data-testid=filter-affair]")).ToHaveValueAsync("1.03");
        Assert.Contains(await SameFirstRowAsync(facilitator, a), rows[80..]);
        await Assertions.Expect(a.Row(rows[0])).ToHaveCountAsync(0);

        // The agenda timer: set on the facilitator's board, counting down on every board, still there after a reload.
        await facilitator.Page.FillAsync("[data-testid=timer-label-input]", "Urusan Pekerjaan Umum");
        await facilitator.Page.FillAsync("[data-testid=timer-minutes]", "5");
        await facilitator.Page.ClickAsync("[data-testid=timer-start]");
        await Assertions.Expect(a.Page.Locator("[data-testid=timer-label]")).ToHaveTextAsync("Urusan Pekerjaan Umum");
        await Assertions.Expect(a.Page.Locator("[data-testid=timer-focus]")).ToContainTextAsync("1.03");
        await Assertions.Expect(a.Page.Locator("[data-testid=timer-remaining]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[45]:[0-5][0-9]$"));
        await a.ReopenAsync();
        await Assertions.Expect(a.Page.Locator("[data-testid=timer-label]")).ToHaveTextAsync("Urusan Pekerjaan Umum");
        var remaining = await a.Page.Locator("[data-testid=timer-remaining]").GetAttributeAsync("data-remaining-ms");
        Assert.InRange(double.Parse(remaining!, System.Globalization.CultureInfo.InvariantCulture), 200_000, 300_000);
        await facilitator.Page.ClickAsync("[data-testid=timer-pause]");
        await Assertions.Expect(a.Page.Locator("[data-testid=timer]")).ToHaveAttributeAsync("data-running", "false");
    }
}

[Collection(BrowserHost.SqliteBoard)]
public sealed class SqliteFacilitationBoardTests(SqliteBrowserFixture fixture, ITestOutputHelper output)
    : FacilitationBoardTests(fixture, output);
