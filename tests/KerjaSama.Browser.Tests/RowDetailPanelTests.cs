using Microsoft.Playwright;
using Xunit;
using Xunit.Abstractions;

namespace KerjaSama.Browser.Tests;

/// <summary>A row's detail panel, where the fields that do not fit the grid (planning codes, plans, budgets) are edited.</summary>
public abstract class RowDetailPanelTests(BrowserFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Every_field_of_the_detail_panel_can_be_seen_and_is_the_topmost_element_where_it_is_drawn()
    {
        var s = await BoardScenario.StartAsync(fixture.Platform);
        await using var a = await BoardPage.OpenAsync(fixture.Browser, s, s.AgencyA);
        var row = await a.AddRowAsync("Pelatihan tenaga kesehatan perbatasan");
        await a.ExpandAsync(row);
        var panel = a.Page.Locator("[data-testid=detail]");
        await Assertions.Expect(panel).ToBeVisibleAsync();

        // Each field in turn: scrolled into view, its label and its cell must be what the reader sees at their centre.
        // (Every field's wrapper once carried the panel's own class and was drawn as a fixed panel over the others, so
        // only the last field, "Rencana tahunan", could be seen.)
        var fields = panel.Locator("[data-testid=detail-field]");
        var count = await fields.CountAsync();
        Assert.True(count >= 10, $"The panel lists {count} fields.");
        var covered = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var field = fields.Nth(i);
            await field.ScrollIntoViewIfNeededAsync();
            var label = await field.Locator(".detail-label").InnerTextAsync();
            var topmost = await field.EvaluateAsync<bool>(@"f => [f.querySelector('.detail-label'), f.querySelector('.cell')].every(e => {
                const r = e.getBoundingClientRect();
                const at = document.elementFromPoint(r.left + Math.min(8, r.width / 2), r.top + r.height / 2);
                return at !== null && (at === e || e.contains(at));
            })");
            if (!topmost)
                covered.Add(label);
        }

        Assert.True(covered.Count == 0, $"Covered or out of sight: {string.Join(", ", covered)}");
        var screenshot = Artifacts.PathOf("board-row-detail-panel.png");
        await fields.First.ScrollIntoViewIfNeededAsync();
        await a.Page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot });
        output.WriteLine($"Screenshot of a row's detail panel: {screenshot}");
    }
}

[Collection(BrowserHost.SqliteBoard)]
public sealed class SqliteRowDetailPanelTests(SqliteBrowserFixture fixture, ITestOutputHelper output)
    : RowDetailPanelTests(fixture, output);
