using System.Collections.Concurrent;
using System.Text.Json;
using KerjaSama.Modularity.Security;
using KerjaSama.Planning.Contracts.Live;
using KerjaSama.TestKit;
using Microsoft.Playwright;
using Xunit;
using Xunit.Abstractions;
using F = KerjaSama.Planning.Contracts.Live.MatrixFieldNames;

namespace KerjaSama.Browser.Tests;

/// <summary>
/// The board at the size of a real meeting and under bad input: hundreds of rows (virtualised: most are not in the
/// DOM, so the board's model is read through its read-only hook <c>window.kerjaSamaBoard.snapshot()</c> and the DOM
/// is spot-checked), scripted participants over the .NET SignalR client, bursts, and rows removed under an editor.
/// </summary>
public abstract class BoardAtSizeTests(BrowserFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task With_300_rows_and_10_people_editing_every_remote_edit_arrives_and_both_boards_equal_the_stored_rows()
    {
        var s = await BoardScenario.StartAsync(fixture.Platform);
        var people = await ParticipantsAsync(s, 10);
        try
        {
            var rows = await SeedAsync(s, people, 300);
            await using var a = await BoardPage.OpenAsync(fixture.Browser, s, s.AgencyA);
            await using var b = await BoardPage.OpenAsync(fixture.Browser, s, s.AgencyB, language: "en");
            await Assertions.Expect(a.Page.Locator("tr.row").First).ToBeVisibleAsync();

            // Ten people edit their rows concurrently while both boards are open; a and b edit too.
            var acks = new ConcurrentBag<long>();
            await Task.WhenAll(people.Select(async (p, i) =>
            {
                var mine = rows.Where(r => r.Owner == i).Select(r => r.RowId).ToList();
                for (var round = 0; round < 8; round++)
                {
                    var rowId = mine[(round * 7 + i) % mine.Count];
                    var ack = await p.SubmitAsync(OpKinds.Update, rowId, new() { [F.Potential] = $"Diperbarui {i}-{round} #{rowId.ToString()[..6]}" });
                    Assert.Equal(AckOutcomes.Applied, ack.Outcome);
                    acks.Add(ack.Seq);
                    await Task.Delay(Random.Shared.Next(20, 120));
                }
            }));
            var own = await a.AddRowAsync("Baris papan A di tengah suntingan");
            await a.EditAsync(own, F.StartYear, "2027");
            await Assertions.Expect(a.Unsent).ToHaveAttributeAsync("data-count", "0");
            var last = Math.Max(acks.Max(), await SeqAsync(a));

            foreach (var board in new[] { a, b })
                await board.Page.WaitForFunctionAsync($"() => window.kerjaSamaBoard.snapshot().seq >= {last}", null, new() { Timeout = 30_000 });
            var stored = await s.StoredRowsAsync();
            Assert.Equal(301, stored.Count);
            foreach (var board in new[] { a, b })
                AssertSameRows(stored, await SnapshotAsync(board));

            // Spot checks of the DOM: a row near the top, and one far down reached through the search box.
            var first = Guid.Parse((await a.Page.Locator("tr.row").First.GetAttributeAsync("data-row-id"))!);
            await Assertions.Expect(a.Value(first, F.Potential)).ToHaveTextAsync(stored[first][F.Potential]);
            var far = rows[^3].RowId;
            var farText = stored[far][F.Potential];
            await b.Page.FillAsync("[data-testid=filter-text]", farText);
            await Assertions.Expect(b.Value(far, F.Potential)).ToHaveTextAsync(farText);
            output.WriteLine($"300 rows, 10 people: {acks.Count} remote edits, both boards at seq ≥ {last} and equal to the stored rows.");

            // On a 1366×768 laptop the grid, scrolled into the window, shows 20+ rows, one line each, across the width.
            await a.Page.SetViewportSizeAsync(1366, 768);
            await a.Page.EvaluateAsync("() => document.querySelector('.matrix-wrap').scrollIntoView()");
            await Assertions.Expect(a.Page.Locator("tr.row").First).ToBeVisibleAsync();
            var layout = await a.Page.EvaluateAsync<double[]>(
                "() => { const h = window.innerHeight; const rows = [...document.querySelectorAll('tr.row')].map(r => r.getBoundingClientRect());"
                + " const whole = rows.filter(r => r.top >= 0 && r.bottom <= h); const table = document.querySelector('table.matrix').getBoundingClientRect();"
                + " return [whole.length, Math.max(...rows.map(r => r.height)), table.width / window.innerWidth]; }");
            await a.Page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.PathOf("board-300-rows-1366x768.png") });
            output.WriteLine($"1366×768: {layout[0]} whole rows in the window, row height {layout[1]} px, grid {100 * layout[2]:0}% of the width.");
            Assert.True(layout[0] >= 20, $"{layout[0]} rows visible at 1366×768");
            Assert.True(layout[1] <= 30, $"rows are {layout[1]} px high (one line expected)");
            Assert.True(layout[2] >= 0.9, $"the grid uses {100 * layout[2]:0}% of the width");
        }
        finally
        {
            foreach (var p in people)
                await p.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_burst_of_a_thousand_remote_edits_in_a_second_does_not_freeze_the_board_and_it_converges()
    {
        var s = await BoardScenario.StartAsync(fixture.Platform);
        var people = await ParticipantsAsync(s, 10);
        try
        {
            var rows = await SeedAsync(s, people, 100);
            await using var a = await BoardPage.OpenAsync(fixture.Browser, s, s.AgencyA);
            await Assertions.Expect(a.Page.Locator("tr.row").First).ToBeVisibleAsync();

            // 10 × 100 submits pipelined (not awaited one by one): about a thousand applied ops within a second or so.
            var burst = people.Select((p, i) => Task.Run(async () =>
            {
                var mine = rows.Where(r => r.Owner == i).Select(r => r.RowId).ToList();
                var sends = Enumerable.Range(0, 100).Select(k =>
                    p.SubmitAsync(OpKinds.Update, mine[k % mine.Count], new() { [F.Potential] = $"Ledakan {i}-{k}" })).ToList();
                return await Task.WhenAll(sends);
            })).ToList();
            // The page answers while the burst arrives (its main thread is not stuck in one long render).
            var probes = new List<double>();
            while (!burst.All(t => t.IsCompleted))
            {
                var started = DateTime.UtcNow;
                await a.Page.EvaluateAsync("() => 1");
                probes.Add((DateTime.UtcNow - started).TotalMilliseconds);
                await Task.Delay(50);
            }

            var acks = (await Task.WhenAll(burst)).SelectMany(x => x).ToList();
            Assert.All(acks, ack => Assert.Equal(AckOutcomes.Applied, ack.Outcome));
            var last = acks.Max(x => x.Seq);
            await a.Page.WaitForFunctionAsync($"() => window.kerjaSamaBoard.snapshot().seq >= {last}", null, new() { Timeout = 30_000 });
            var stored = await s.StoredRowsAsync();
            AssertSameRows(stored, await SnapshotAsync(a));
            var first = Guid.Parse((await a.Page.Locator("tr.row").First.GetAttributeAsync("data-row-id"))!);
            await Assertions.Expect(a.Value(first, F.Potential)).ToHaveTextAsync(stored[first][F.Potential]);
            output.WriteLine($"Burst: {acks.Count} edits, page probes during the burst: max {(probes.Count == 0 ? 0 : probes.Max()):0} ms over {probes.Count} probes.");
        }
        finally
        {
            foreach (var p in people)
                await p.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_row_removed_by_someone_else_while_it_is_being_edited_is_reported_and_the_typed_text_kept()
    {
        var s = await BoardScenario.StartAsync(fixture.Platform);
        await using var a = await BoardPage.OpenAsync(fixture.Browser, s, s.AgencyA);
        var row = await a.AddRowAsync("Irigasi lintas kabupaten");
        await Assertions.Expect(a.Unsent).ToHaveAttributeAsync("data-count", "0");

        var cell = a.Cell(row, F.Potential);
        await cell.FocusAsync();
        await cell.PressAsync("Enter");
        var editor = cell.Locator("[data-testid=editor]");
        await Assertions.Expect(editor).ToBeFocusedAsync();
        const string typed = "Irigasi dan embung lintas kabupaten, teks yang belum disimpan";
        await editor.FillAsync(typed);

        await using var facilitator = new LiveSessionClient("fasilitator");
        await facilitator.AttachAsync(LiveSessionClient.HubConnectionFor(s.Platform.BaseAddress, s.FacilitatorToken, messagePack: true));
        await facilitator.JoinAsync(s.SessionId, 0);
        var removed = await facilitator.SubmitAsync(OpKinds.Remove, row);
        Assert.Equal(AckOutcomes.Applied, removed.Outcome);

        var notice = a.Page.Locator("[data-testid=removed-while-editing]");
        await Assertions.Expect(notice).ToBeVisibleAsync();
        await Assertions.Expect(notice).ToContainTextAsync("Fasilitator Rapat");
        await Assertions.Expect(notice.Locator("[data-testid=removed-text]")).ToHaveValueAsync(typed);
        await Assertions.Expect(a.Row(row)).ToHaveCountAsync(0);
        Assert.False((await s.StoredRowsAsync()).ContainsKey(row));
    }

    private sealed record SeededRow(Guid RowId, int Owner);

    private static async Task<List<LiveSessionClient>> ParticipantsAsync(BoardScenario s, int count)
    {
        var organisations = new[] { (s.AgencyA.OrganisationId, s.AgencyA.OrganisationName), (s.AgencyB.OrganisationId, s.AgencyB.OrganisationName) };
        var people = new List<LiveSessionClient>();
        for (var i = 0; i < count; i++)
        {
            var (id, name) = organisations[i % organisations.Length];
            var user = await s.Platform.SignInAsync(id, name, PlatformRoles.AgencyContributor, $"Peserta {i + 1:00}");
            var client = new LiveSessionClient($"peserta-{i}");
            // Half over MessagePack (as the board), half over JSON.
            await client.AttachAsync(s.Platform.HubFor(user, messagePack: i % 2 == 0));
            await client.JoinAsync(s.SessionId, 0);
            people.Add(client);
        }

        return people;
    }

    private static async Task<List<SeededRow>> SeedAsync(BoardScenario s, List<LiveSessionClient> people, int count)
    {
        var affairs = JsonDocument.Parse(await s.Platform.Client.GetStringAsync("/api/registry/affairs")).RootElement.EnumerateArray()
            .Where(a => a.GetProperty("cooperable").GetBoolean() && a.GetProperty("levels").EnumerateArray().Any(l => l.GetString() == "provinsi"))
            .Select(a => a.GetProperty("code").GetString()!).Take(12).ToArray();
        var rows = new List<SeededRow>();
        for (var i = 0; i < count; i++)
        {
            var owner = i % people.Count;
            var rowId = Guid.NewGuid();
            var ack = await people[owner].SubmitAsync(OpKinds.Add, rowId, new()
            {
                [F.AffairCode] = affairs[i % affairs.Length], [F.Potential] = $"Potensi kerja sama {i + 1} #{rowId.ToString()[..6]}",
                [F.CooperationType] = "KSDD-wajib", [F.StartYear] = 2026,
            });
            Assert.True(ack.Outcome == AckOutcomes.Applied, $"seeding row {i}: {ack.Outcome} {ack.Error?.Code} {ack.Error?.Message}");
            rows.Add(new SeededRow(rowId, owner));
        }

        return rows;
    }

    private static async Task<long> SeqAsync(BoardPage board) => await board.Page.EvaluateAsync<long>("() => window.kerjaSamaBoard.snapshot().seq");

    /// <summary>The board's rows (its model, not only what is drawn): row id → field → value as text (JSON for non-strings).</summary>
    private static async Task<Dictionary<Guid, Dictionary<string, string>>> SnapshotAsync(BoardPage board)
    {
        var json = await board.Page.EvaluateAsync<string>(
            "() => { const s = window.kerjaSamaBoard.snapshot(); const out = {}; for (const [id, r] of Object.entries(s.rows)) { const f = {}; "
            + "for (const [k, v] of Object.entries(r.fields)) f[k] = typeof v === 'string' ? v : JSON.stringify(v); out[id] = f; } return JSON.stringify(out); }");
        return JsonSerializer.Deserialize<Dictionary<Guid, Dictionary<string, string>>>(json)!;
    }

    private static void AssertSameRows(Dictionary<Guid, Dictionary<string, string>> stored, Dictionary<Guid, Dictionary<string, string>> board)
    {
        Assert.Equal(stored.Keys.Order(), board.Keys.Order());
        foreach (var (id, fields) in stored)
        {
            foreach (var (field, value) in fields)
            {
                var expected = value.StartsWith('[') || value.StartsWith('{') ? JsonSerializer.Serialize(JsonDocument.Parse(value).RootElement) : value;
                Assert.True(board[id].TryGetValue(field, out var actual) && actual == expected,
                    $"row {id} field {field}: stored {expected}, board {(board[id].TryGetValue(field, out var v) ? v : "(none)")}");
            }
        }
    }
}

[Collection(BrowserHost.SqliteBoard)]
public sealed class SqliteBoardAtSizeTests(SqliteBrowserFixture fixture, ITestOutputHelper output)
    : BoardAtSizeTests(fixture, output);
