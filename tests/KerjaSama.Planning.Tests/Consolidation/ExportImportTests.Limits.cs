using System.Net;
using System.Text;
using System.Text.Json;
using KerjaSama.TestKit;
using Xunit;

namespace KerjaSama.Planning.Tests.Consolidation;

// Issue 16, finding 5: an imported workbook is bounded before it is believed (cell references, rows, unzipped size, entries).
public abstract partial class ExportImportTests
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [Fact]
    public async Task A_cell_reference_past_the_last_column_of_a_sheet_is_refused_and_nothing_is_stored()
    {
        var s = await MatrixScenario.StartAsync(platform);
        // XFD is the last column Excel has; ZZZZZZ would make a reader that trusts it allocate hundreds of millions of cells.
        foreach (var reference in new[] { "XFE2", "ZZZZZZ2", "AAAAAAAAAAAAAAAAAAAAAAAA2", "2A", "A0", "A1048577" })
        {
            var problem = await (await s.ImportAsync(HandMadeXlsx.OneLine(reference), "matriks.xlsx", XlsxType))
                .AssertProblemAsync(HttpStatusCode.BadRequest, "invalid_cell_reference");
            Assert.Contains(reference, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        // Within Excel's grid, but wider than any matrix (the limit is KerjaSama:Limits:Spreadsheet:MaxColumns).
        var wide = await (await s.ImportAsync(HandMadeXlsx.OneLine("XFD2"), "matriks.xlsx", XlsxType))
            .AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "spreadsheet_too_large");
        Assert.Equal("columns", wide.GetProperty("limit").GetString());
        await AssertNothingStoredAsync(s);

        var fine = await (await s.ImportAsync(HandMadeXlsx.OneLine(), "matriks.xlsx", XlsxType)).ReadAsync<JsonElement>();
        Assert.Equal(1, fine.GetProperty("imported").GetInt32());
    }

    [Fact]
    public async Task A_workbook_that_inflates_past_the_limit_or_has_too_many_entries_or_lines_is_refused_with_413()
    {
        var s = await MatrixScenario.StartAsync(platform);
        // About 70 KB on the wire, 65 MiB unzipped.
        var bomb = HandMadeXlsx.OneLine(padding: 65 * 1024 * 1024);
        Assert.True(bomb.Length < 1024 * 1024, $"{bomb.Length} bytes");
        var inflated = await (await s.ImportAsync(bomb, "matriks.xlsx", XlsxType)).AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "spreadsheet_too_large");
        Assert.Equal("uncompressedBytes", inflated.GetProperty("limit").GetString());

        var entries = await (await s.ImportAsync(HandMadeXlsx.OneLine(extraEntries: 1100), "matriks.xlsx", XlsxType))
            .AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "spreadsheet_too_large");
        Assert.Equal("entries", entries.GetProperty("limit").GetString());

        var csv = new StringBuilder("affair_code,potential\n");
        for (var i = 0; i <= 10_000; i++)
            csv.Append("1.02,\n");
        var lines = await (await s.ImportCsvAsync(csv.ToString())).AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "spreadsheet_too_large");
        Assert.Equal("rows", lines.GetProperty("limit").GetString());
        await AssertNothingStoredAsync(s);
    }

    private static async Task AssertNothingStoredAsync(MatrixScenario s)
    {
        Assert.Equal(0, await s.OpCountAsync());
        Assert.Empty((await (await s.Admin.GetAsync($"{s.Base}/rows")).ReadAsync<JsonElement>()).EnumerateArray());
    }
}
