using Microsoft.Playwright;
using Xunit;
using Xunit.Abstractions;
using F = KerjaSama.Planning.Contracts.Live.MatrixFieldNames;

namespace KerjaSama.Browser.Tests;

/// <summary>The board's planning-code picker against the shipped nomenclature (Registry Seed/nomenclature.csv).</summary>
public abstract class CodePickerBoardTests(BrowserFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Typing_words_in_the_sub_kegiatan_cell_finds_the_real_code_and_a_click_saves_it()
    {
        var s = await BoardScenario.StartAsync(fixture.Platform);
        await using var a = await BoardPage.OpenAsync(fixture.Browser, s, s.AgencyA);
        var row = await a.AddRowAsync("Layanan ibu hamil di perbatasan");

        await a.ExpandAsync(row); // the planning codes are in the row's detail panel
        var cell = a.Cell(row, F.SubActivityCode);
        await cell.FocusAsync();
        await cell.PressAsync("Enter");
        var editor = cell.Locator("[data-testid=editor]");
        await Assertions.Expect(editor).ToBeFocusedAsync();
        await editor.PressSequentiallyAsync("krisis kesehatan");
        var option = a.Page.Locator("[data-testid=code-picker] [data-code='1.02.02.1.02.0001']");
        await Assertions.Expect(option).ToBeVisibleAsync(new() { Timeout = 5000 });
        await Assertions.Expect(option).ToContainTextAsync("Pengelolaan Pelayanan Kesehatan bagi Penduduk Terdampak Krisis Kesehatan");
        // Every listed code is a province sub kegiatan (the exercise is Kalimantan Tengah's) whose name has both words (in any order).
        var listed = await a.Page.Locator("[data-testid=code-picker] [data-testid=code-option]").AllInnerTextsAsync();
        Assert.NotEmpty(listed);
        Assert.All(listed, text =>
        {
            Assert.Matches(@"^\d\.\d{2}\.\d{2}\.1\.\d{2}\.\d{4} ", text);
            Assert.Contains("krisis", text, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("kesehatan", text, StringComparison.OrdinalIgnoreCase);
        });

        // The list touches the editor, under it or (with little room below) above it, whatever the detail panel
        // scrolled: it once stayed where the editor had been before the panel scrolled it into view.
        var picker = a.Page.Locator("[data-testid=code-picker]");
        var editorBox = (await editor.BoundingBoxAsync())!;
        var listBox = (await picker.BoundingBoxAsync())!;
        var viewport = a.Page.ViewportSize!;
        Assert.InRange(editorBox.Y, 0, viewport.Height - editorBox.Height);
        // Left-aligned with the editor unless that would run past the window's right edge (the detail panel is on the right).
        Assert.InRange(listBox.X, 0, editorBox.X + 2);
        Assert.InRange(listBox.X + listBox.Width, editorBox.X + 1, viewport.Width);
        if (await picker.GetAttributeAsync("data-side") == "above")
            Assert.InRange(editorBox.Y - (listBox.Y + listBox.Height), -2, 2);
        else
            Assert.InRange(listBox.Y - (editorBox.Y + editorBox.Height), -2, 2);
        Assert.InRange(listBox.Y, 0, viewport.Height - listBox.Height);

        var screenshot = Artifacts.PathOf("board-code-picker-krisis-kesehatan.png");
        await a.Page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot });
        output.WriteLine($"Screenshot of the code picker finding 1.02.02.1.02.0001: {screenshot}");

        await option.ClickAsync();
        await Assertions.Expect(cell.Locator("[data-testid=editor]")).ToHaveCountAsync(0);
        await Assertions.Expect(a.Page.Locator("[data-testid=code-picker]")).ToHaveCountAsync(0);
        await Assertions.Expect(a.Value(row, F.SubActivityCode)).ToContainTextAsync("1.02.02.1.02.0001");
        await Assertions.Expect(a.Unsent).ToHaveAttributeAsync("data-count", "0");
        Assert.Equal("1.02.02.1.02.0001", await s.StoredFieldAsync(row, F.SubActivityCode, "1.02.02.1.02.0001"));
    }

    [Fact]
    public async Task Typing_a_code_prefix_in_the_kegiatan_cell_lists_its_kegiatan_and_Enter_picks_the_first()
    {
        var s = await BoardScenario.StartAsync(fixture.Platform);
        await using var a = await BoardPage.OpenAsync(fixture.Browser, s, s.AgencyA);
        var row = await a.AddRowAsync("Rujukan kesehatan lintas kabupaten");

        await a.ExpandAsync(row);
        var cell = a.Cell(row, F.ActivityCode);
        await cell.FocusAsync();
        await cell.PressAsync("Enter");
        var editor = cell.Locator("[data-testid=editor]");
        await editor.PressSequentiallyAsync("1.02.02.1");
        var options = a.Page.Locator("[data-testid=code-picker] [data-testid=code-option]");
        await Assertions.Expect(options.First).ToHaveAttributeAsync("data-code", "1.02.02.1.01", new() { Timeout = 5000 });
        Assert.All(await options.EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.code)"),
            code => Assert.Matches(@"^1\.02\.02\.1\.\d{2}$", code));

        await editor.PressAsync("ArrowDown");
        await Assertions.Expect(options.Nth(1)).ToHaveAttributeAsync("aria-selected", "true");
        await editor.PressAsync("Enter");
        await Assertions.Expect(cell.Locator("[data-testid=editor]")).ToHaveCountAsync(0);
        await Assertions.Expect(a.Unsent).ToHaveAttributeAsync("data-count", "0");
        Assert.Equal("1.02.02.1.02", await s.StoredFieldAsync(row, F.ActivityCode, "1.02.02.1.02"));
    }
}

[Collection(BrowserHost.SqliteBoard)]
public sealed class SqliteCodePickerBoardTests(SqliteBrowserFixture fixture, ITestOutputHelper output)
    : CodePickerBoardTests(fixture, output);
