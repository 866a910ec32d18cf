using System.Net.Http.Headers;
using System.Text.Json;
using KerjaSama.Planning.Contracts.Live;
using KerjaSama.TestKit;
using KerjaSama.TestKit.Browser;
using Microsoft.Playwright;
using Xunit;
using F = KerjaSama.Planning.Contracts.Live.MatrixFieldNames;

namespace KerjaSama.Browser.Tests;

/// <summary>
/// The history and replay page in chromium: a session edited by two agencies and the facilitator through the hub, then
/// the page scrubbed to points in time; what it shows is compared with the op log replayed by the test itself.
/// </summary>
public abstract class ReplayPageTests(BrowserFixture fixture)
{
    // The columns the page shows as the values are (no Registry label in between).
    private static readonly string[] PlainFields = [F.Potential, F.CooperationType, F.StartYear, F.DurationYears, F.Status];

    [Fact]
    public async Task Scrubbing_the_replay_shows_the_matrix_as_the_op_log_replayed_to_that_point_with_who_changed_what()
    {
        var s = await BoardScenario.StartAsync(fixture.Platform);
        var platform = fixture.Platform;
        await using var a = await ConnectAsync(s, s.AgencyA);
        await using var b = await ConnectAsync(s, s.AgencyB);
        await using var facilitator = new LiveSessionClient("facilitator");
        await facilitator.AttachAsync(LiveSessionClient.HubConnectionFor(platform.BaseAddress, s.FacilitatorToken));
        await facilitator.JoinAsync(s.SessionId);
        var (row1, row2, row3) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await Applied(a, OpKinds.Add, row1, Opportunity("Rujukan pasien"));
        await Applied(b, OpKinds.Add, row2, Opportunity("Jalan poros antarprovinsi"));
        await Applied(a, OpKinds.Update, row1, new() { [F.Potential] = "Rujukan pasien lintas batas" });
        var first = await Applied(b, OpKinds.Add, row3, Opportunity("Pasar perbatasan"));
        var overwrite = await Applied(facilitator, OpKinds.Update, row2, new() { [F.CooperationType] = "KSDD-sukarela" });
        var second = await Applied(b, OpKinds.Remove, row3);
        var last = await Applied(a, OpKinds.Update, row1, new() { [F.StartYear] = 2027 });

        using var api = new HttpClient { BaseAddress = platform.BaseAddress };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", s.FacilitatorToken);
        var ops = await OpLogReplay.OpsAsync(api, s.ExerciseId);

        // Agency A, an invited organisation, reaches the replay from the consolidation page.
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = platform.BaseAddress.ToString(), ViewportSize = new ViewportSize { Width = 1366, Height = 900 }, Locale = "id",
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login?ReturnUrl=" + Uri.EscapeDataString($"/planning/exercises/{s.ExerciseId}"));
        await SignInForm.SubmitAsync(page, s.AgencyA.UserName, s.AgencyA.Password);
        await page.ClickAsync("[data-testid=replay-link]");
        var replay = page.Locator("[data-testid=replay]");
        await Assertions.Expect(replay).ToHaveAttributeAsync("data-shown-seq", last.ToString(Inv));
        await AssertShowsAsync(page, OpLogReplay.Replay(ops, last), $"the last seq {last}");
        await Assertions.Expect(page.Locator("[data-testid=scrubber]")).ToHaveValueAsync(last.ToString(Inv));

        // Scrub with the slider to the first point, then type the second.
        await page.Locator("[data-testid=scrubber]").FillAsync(first.ToString(Inv));
        await Assertions.Expect(replay).ToHaveAttributeAsync("data-shown-seq", first.ToString(Inv));
        await AssertShowsAsync(page, OpLogReplay.Replay(ops, first), $"seq {first}");
        await Assertions.Expect(page.Locator("[data-testid=step-author]")).ToContainTextAsync(s.AgencyB.DisplayName);

        await page.Locator("[data-testid=seq-input]").FillAsync(second.ToString(Inv));
        await page.Locator("[data-testid=seq-input]").PressAsync("Tab");
        await Assertions.Expect(replay).ToHaveAttributeAsync("data-shown-seq", second.ToString(Inv));
        await AssertShowsAsync(page, OpLogReplay.Replay(ops, second), $"seq {second}");
        await Assertions.Expect(page.Locator("[data-testid=step]")).ToContainTextAsync("menghapus baris");

        // One step back is the facilitator's overwrite: the changed cell is marked, the step names who and the old value.
        await page.ClickAsync("[data-testid=previous]");
        await Assertions.Expect(replay).ToHaveAttributeAsync("data-shown-seq", overwrite.ToString(Inv));
        await Assertions.Expect(page.Locator($"tr[data-row-id='{row2}'] td.cell-changed[data-field={F.CooperationType}]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=step-author]")).ToContainTextAsync(s.Facilitator.DisplayName);
        await Assertions.Expect(page.Locator("[data-testid=step] del")).ToHaveTextAsync("Kerja sama daerah dengan daerah (wajib)");
        await Assertions.Expect(page.Locator("[data-testid=step] ins")).ToHaveTextAsync("Kerja sama daerah dengan daerah (sukarela)");

        // The row's history: every value and author.
        await page.Locator($"tr[data-row-id='{row1}'] [data-testid=history]").ClickAsync();
        var history = page.Locator("[data-testid=row-history]");
        await Assertions.Expect(history.Locator("ol > li")).ToHaveCountAsync(3);
        await Assertions.Expect(history.Locator("ol > li").Nth(1)).ToContainTextAsync(s.AgencyA.DisplayName);
        await Assertions.Expect(history.Locator("ol > li").Nth(1)).ToContainTextAsync("Rujukan pasien lintas batas");
        await Assertions.Expect(history.Locator("ol > li.future")).ToHaveCountAsync(1);

        // Play steps forward on its own until the end; pause stops it.
        await page.ClickAsync("[data-testid=play]");
        await Assertions.Expect(replay).ToHaveAttributeAsync("data-shown-seq", last.ToString(Inv));
        await Assertions.Expect(page.Locator("[data-testid=play]")).ToHaveAttributeAsync("aria-pressed", "false");
        await AssertShowsAsync(page, OpLogReplay.Replay(ops, last), "after playing to the end");

        // The board links to the session's replay.
        await page.GotoAsync(s.BoardPath);
        await page.ClickAsync("[data-testid=replay-link]");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/planning/exercises/{s.ExerciseId}/replay\\?session={s.SessionId}"));
        await Assertions.Expect(replay).ToHaveAttributeAsync("data-shown-seq", last.ToString(Inv));
        await Assertions.Expect(page.Locator("[data-testid=moments] li")).ToHaveCountAsync(1);
        // Once the Registry is loaded, rows name their owners as the board does (short names), also other organisations'
        // rows: until then they show the first characters of an id, which the screenshot below once caught.
        var owner = page.Locator($"tr[data-row-id='{row2}'] td.owner");
        await Assertions.Expect(owner).Not.ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[0-9a-f]{8}$"));
        await Assertions.Expect(owner).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("[A-Za-z]{3,}"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.PathOf("replay-page.png"), FullPage = true });
    }

    private static readonly IFormatProvider Inv = System.Globalization.CultureInfo.InvariantCulture;

    private static Dictionary<string, object?> Opportunity(string potential) => new()
    {
        [F.AffairCode] = "1.02", [F.Potential] = potential, [F.CooperationType] = "KSDD-wajib", [F.PartnerRegionCodes] = new[] { "63" },
        [F.StartYear] = 2026, [F.DurationYears] = 3,
    };

    private static async Task<LiveSessionClient> ConnectAsync(BoardScenario s, BoardUser user)
    {
        using var session = new BrowserSession(s.Platform.BaseAddress);
        var token = (await session.SignInAsync(user.UserName, user.Password)).GetProperty("access_token").GetString()!;
        var client = new LiveSessionClient(user.DisplayName);
        await client.AttachAsync(LiveSessionClient.HubConnectionFor(s.Platform.BaseAddress, token));
        await client.JoinAsync(s.SessionId);
        return client;
    }

    private static async Task<long> Applied(LiveSessionClient client, string kind, Guid row, Dictionary<string, object?>? fields = null)
    {
        var ack = await client.SubmitAsync(kind, row, fields);
        Assert.True(ack.Outcome == AckOutcomes.Applied, $"{kind} on {row}: {ack.Outcome} {ack.Error?.Code}");
        return ack.Seq;
    }

    /// <summary>The rows the page shows, in order, with the plain columns' text, equal those of the independent replay.</summary>
    private static async Task AssertShowsAsync(IPage page, List<OpLogReplay.Row> expected, string because)
    {
        var rows = page.Locator("[data-testid=replay-matrix] tbody tr[data-row-id]");
        await Assertions.Expect(rows).ToHaveCountAsync(expected.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var row = rows.Nth(i);
            Assert.True(expected[i].RowId == Guid.Parse((await row.GetAttributeAsync("data-row-id"))!), $"{because}: row {i}");
            foreach (var field in PlainFields)
            {
                var json = expected[i].Fields.GetValueOrDefault(field);
                var text = json is null ? "" : JsonDocument.Parse(json).RootElement is { ValueKind: JsonValueKind.String } e ? e.GetString()! : json;
                // Choice fields show their label (MatrixVocabulary), in Indonesian on this page, never the code.
                text = field switch
                {
                    F.CooperationType => KerjaSama.SharedKernel.CodeLabels.Indonesian(MatrixVocabulary.CooperationTypes, text),
                    F.Status => KerjaSama.SharedKernel.CodeLabels.Indonesian(MatrixVocabulary.Statuses, text),
                    _ => text,
                };
                await Assertions.Expect(row.Locator($"td[data-field={field}] [data-testid=value]")).ToHaveTextAsync(text);
            }
        }
    }
}

[Collection(SharedHost.Sqlite)]
public sealed class SqliteReplayPageTests(SqliteBrowserFixture fixture) : ReplayPageTests(fixture);
