using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using KerjaSama.TestKit;
using Microsoft.Playwright;
using Xunit;
using F = KerjaSama.Planning.Contracts.Live.MatrixFieldNames;

namespace KerjaSama.Browser.Tests;

/// <summary>The row discussion and the duplicate pairs on the live board (issue 19), in Chromium against the real host.</summary>
public abstract class TalkBoardTests(BrowserFixture fixture)
{
    private static readonly LocatorAssertionsToBeVisibleOptions WithinTwoSeconds = new() { Timeout = 2000 };

    [Fact]
    public async Task A_comment_arrives_live_on_a_second_board_as_text_never_as_html()
    {
        var s = await BoardScenario.StartAsync(fixture.Platform);
        await using var a = await BoardPage.OpenAsync(fixture.Browser, s, s.AgencyA);
        await using var b = await BoardPage.OpenAsync(fixture.Browser, s, s.AgencyB);
        var row = await a.AddRowAsync("Rujukan pasien lintas batas");
        await Assertions.Expect(b.Row(row)).ToBeVisibleAsync();
        await b.Cell(row, F.Potential).FocusAsync();
        await a.Cell(row, F.Potential).FocusAsync();

        const string payload = "<img src=x onerror=\"window.__talkXss=1\"><b>tebal</b> Apakah RSUD Katingan ikut?";
        await a.Page.Locator("[data-testid=comment-input]").FillAsync(payload);
        await a.Page.Locator("[data-testid=comment-kind]").SelectOptionAsync("question");
        await a.Page.Locator("[data-testid=mention-picker]").SelectOptionAsync(s.AgencyB.OrganisationId.ToString());
        await Assertions.Expect(a.Page.Locator("[data-testid=mention-chip]")).ToHaveCountAsync(1);
        await a.Page.ClickAsync("[data-testid=comment-send]");

        // B has the row in focus: the question appears there, as the literal text, with no element made of it.
        var onB = b.Page.Locator("[data-testid=talk-panel] [data-testid=comment-text]");
        await Assertions.Expect(onB).ToHaveTextAsync(payload, new() { Timeout = 2000 });
        await Assertions.Expect(b.Page.Locator("[data-testid=talk-panel] img")).ToHaveCountAsync(0);
        await Assertions.Expect(b.Page.Locator("[data-testid=talk-panel] [data-testid=comment] b")).ToHaveCountAsync(0);
        await Assertions.Expect(a.Page.Locator("[data-testid=talk-panel] [data-testid=comment-text]")).ToHaveTextAsync(payload);
        Assert.True(await b.Page.EvaluateAsync<bool>("() => window.__talkXss === undefined"));
        Assert.True(await a.Page.EvaluateAsync<bool>("() => window.__talkXss === undefined"));
        // The row carries the open item, and B's organisation, mentioned, sees the mention marker; A does not.
        await Assertions.Expect(b.Row(row).Locator("[data-testid=talk-count]")).ToHaveTextAsync("💬1");
        await Assertions.Expect(b.Row(row).Locator("[data-testid=mention-marker]")).ToBeVisibleAsync(WithinTwoSeconds);
        await Assertions.Expect(a.Row(row).Locator("[data-testid=mention-marker]")).ToHaveCountAsync(0);

        // An observer reads the discussion but cannot post.
        await using var observer = await BoardPage.OpenAsync(fixture.Browser, s, s.Observer);
        await observer.Cell(row, F.Potential).FocusAsync();
        await Assertions.Expect(observer.Page.Locator("[data-testid=talk-panel] [data-testid=comment-text]")).ToHaveTextAsync(payload);
        await Assertions.Expect(observer.Page.Locator("[data-testid=comment-input]")).ToBeDisabledAsync();

        // Only the author's organisation (or a facilitator) resolves; B sees it resolved live.
        await Assertions.Expect(b.Page.Locator("[data-testid=comment-resolve]")).ToHaveCountAsync(0);
        await a.Page.ClickAsync("[data-testid=comment-resolve]");
        await Assertions.Expect(b.Page.Locator("[data-testid=comment]")).ToHaveAttributeAsync("data-resolved", "true", new() { Timeout = 2000 });
        await Assertions.Expect(b.Row(row).Locator("[data-testid=talk-count]")).ToHaveCountAsync(0);

        var stored = await GetAsync(s, $"/api/planning/exercises/{s.ExerciseId}/comments");
        var comment = Assert.Single(stored.EnumerateArray());
        Assert.Equal(payload, comment.GetProperty("text").GetString());
        Assert.True(comment.GetProperty("resolved").GetBoolean());
    }

    [Fact]
    public async Task A_duplicate_pair_is_flagged_to_both_authors_and_typing_shows_a_hint()
    {
        var s = await BoardScenario.StartAsync(fixture.Platform);
        await using var a = await BoardPage.OpenAsync(fixture.Browser, s, s.AgencyA);
        await using var b = await BoardPage.OpenAsync(fixture.Browser, s, s.AgencyB);
        var rowA = await a.AddRowAsync("Peningkatan pelayanan rujukan pasien lintas batas Kab. Katingan");
        await a.EditAsync(rowA, F.AffairCode, "1.02");
        var rowB = await b.AddRowAsync("peningkatan  pelayanan RUJUKAN pasien lintas-batas kabupaten Katingan");
        await b.EditAsync(rowB, F.AffairCode, "1.02");

        // Both authors see the pair on both rows, each marker naming the other row and its organisation.
        foreach (var board in new[] { a, b })
        {
            var onA = board.Row(rowA).Locator($"[data-testid=duplicate-marker][data-other-row='{rowB}']");
            var onB = board.Row(rowB).Locator($"[data-testid=duplicate-marker][data-other-row='{rowA}']");
            await Assertions.Expect(onA).ToBeVisibleAsync(new() { Timeout = 5000 });
            await Assertions.Expect(onB).ToBeVisibleAsync(new() { Timeout = 5000 });
            await Assertions.Expect(onA).ToHaveAttributeAsync("data-other-organisation", s.AgencyB.OrganisationId.ToString());
            await Assertions.Expect(onA).ToHaveAttributeAsync("title", new Regex(Regex.Escape(s.AgencyB.OrganisationName)));
            await Assertions.Expect(onB).ToHaveAttributeAsync("title", new Regex(Regex.Escape(s.AgencyA.OrganisationName)));
        }

        // While B types a potential like A's, the board hints at A's row before anything is sent.
        var third = await b.AddRowAsync("Ambulans air");
        await b.EditAsync(third, F.AffairCode, "1.02");
        var cell = b.Cell(third, F.Potential);
        await cell.FocusAsync();
        await cell.PressAsync("Enter");
        await cell.Locator("[data-testid=editor]").FillAsync("rujukan pasien lintas batas kab katingan");
        await Assertions.Expect(b.Page.Locator($"[data-testid=similar-hint][data-row-id='{rowA}']")).ToBeVisibleAsync(new() { Timeout = 5000 });
        await cell.Locator("[data-testid=editor]").PressAsync("Escape");

        // B says "bukan duplikat" for its own row: the markers go on A's board too.
        await b.Cell(rowB, F.Potential).FocusAsync();
        await b.Page.Locator($"[data-testid=pair] [data-testid=pair-dismiss]").First.ClickAsync();
        await Assertions.Expect(a.Row(rowA).Locator($"[data-testid=duplicate-marker][data-other-row='{rowB}']")).ToHaveCountAsync(0, new() { Timeout = 5000 });
        var pairs = await GetAsync(s, $"/api/planning/exercises/{s.ExerciseId}/duplicates");
        var dismissed = Assert.Single(pairs.EnumerateArray(), p => p.GetProperty("status").GetString() == "dismissed");

        // The secretariat sees the pairs, with what was decided, on the consolidation page.
        await using var facilitator = await BoardPage.OpenAsync(fixture.Browser, s, s.Facilitator);
        await facilitator.Page.GotoAsync($"/planning/exercises/{s.ExerciseId}");
        var pairRow = facilitator.Page.Locator($"[data-testid=duplicate-pairs] tr[data-pair-id='{dismissed.GetProperty("pairId").GetGuid()}']");
        await Assertions.Expect(pairRow).ToContainTextAsync("bukan duplikat");
        await Assertions.Expect(pairRow).ToContainTextAsync(s.AgencyB.DisplayName);
    }

    private static async Task<JsonElement> GetAsync(BoardScenario s, string path)
    {
        using var client = new HttpClient { BaseAddress = s.Platform.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", s.FacilitatorToken);
        return await (await client.GetAsync(path)).ReadAsync<JsonElement>();
    }
}

[Collection(SharedHost.Sqlite)]
public sealed class SqliteTalkBoardTests(SqliteBrowserFixture fixture) : TalkBoardTests(fixture);
