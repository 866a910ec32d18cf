using System.Text;
using System.Text.Json;
using KerjaSama.Modularity.Security;
using KerjaSama.TestKit;
using Xunit;
using F = KerjaSama.Planning.Contracts.Live.MatrixFieldNames;

namespace KerjaSama.Planning.Tests.Consolidation;

// Issue 16, finding 6: a CSV cell a spreadsheet would run as a formula starts with an apostrophe; real numbers stay numbers.
public abstract partial class ExportImportTests
{
    [Fact]
    public async Task Csv_exports_neutralise_cells_a_spreadsheet_would_run_as_formulas_and_the_export_imports_back_unchanged()
    {
        var s = await MatrixScenario.StartAsync(platform);
        var setda = (await MatrixScenario.OrganisationsAsync(platform, "kind=agency&region=62")).First(a => a.Code == "62-setda-pemotda");
        var author = await platform.SignInAsync(setda.Id, setda.Name, PlatformRoles.SecretariatAdmin, "=cmd|' /C calc'!A0");
        var fields = Planned("=HYPERLINK(\"http://evil.example\",\"klik\")", "1.02", "1.02.02", 100_000_000, 0);
        fields[F.Notes] = "@SUM(1+1)";
        fields[F.Benefit] = "-2+3";
        fields[F.CooperationObject] = "+62 811";
        fields[F.DurationLegalBasis] = "\tTAB";
        var rowId = await s.AddRowAsync(fields);
        await (await s.PostAsync($"rows/{rowId}/edit", new { fields = new Dictionary<string, object> { [F.DprdReason] = "\rCR" } }, author))
            .ReadAsync<JsonElement>();

        var rpjmd = Encoding.UTF8.GetString(await s.Admin.GetByteArrayAsync($"{s.Base}/exports/rpjmd.csv")).TrimStart('\uFEFF');
        var lines = CsvLines(rpjmd);
        var row = lines[0].Zip(lines[1]).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
        Assert.Equal("'=HYPERLINK(\"http://evil.example\",\"klik\")", row["potential"]);
        Assert.Equal("'@SUM(1+1)", row["notes"]);
        Assert.Equal("'-2+3", row["benefit"]);
        Assert.Equal("'+62 811", row["object"]);
        Assert.Equal("'\tTAB", row["duration_legal_basis"]);
        Assert.Equal("'\rCR", row["dprd_reason"]);
        // Numbers are numbers: the year, the budget and the total stay as they are.
        Assert.Equal("2026", row["start_year"]);
        Assert.Equal("100000000", row["budget_2026"]);
        Assert.Equal("100000000", row["total_budget"]);
        var rkpd = CsvLines(Encoding.UTF8.GetString(await s.Admin.GetByteArrayAsync($"{s.Base}/exports/rkpd.csv?year=2026")).TrimStart('\uFEFF'));
        Assert.Contains("'=HYPERLINK(\"http://evil.example\",\"klik\")", rkpd[1]);

        var audit = CsvLines(await s.Admin.GetStringAsync($"{s.Base}/ops/export"));
        var authorColumn = audit[0].IndexOf("author");
        Assert.Contains(audit.Skip(1), line => line[authorColumn] == "'=cmd|' /C calc'!A0");
        Assert.DoesNotContain(audit.Skip(1), line => line.Any(cell => cell.Length > 0 && "=+-@\t\r".Contains(cell[0], StringComparison.Ordinal)
            && !long.TryParse(cell, System.Globalization.CultureInfo.InvariantCulture, out _)));

        // The apostrophe is the export's, not the data's: the file imports back with the original text.
        var target = await MatrixScenario.StartAsync(platform);
        var imported = await (await target.ImportCsvAsync(rpjmd)).ReadAsync<JsonElement>();
        var back = await target.RowAsync(imported.GetProperty("rowIds")[0].GetGuid());
        Assert.Equal("=HYPERLINK(\"http://evil.example\",\"klik\")", back[F.Potential].GetString());
        Assert.Equal("-2+3", back[F.Benefit].GetString());
    }

    /// <summary>RFC 4180 records (quoted fields may hold commas, quotes and line breaks).</summary>
    internal static List<List<string>> CsvLines(string text)
    {
        var lines = new List<List<string>>();
        var line = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                    (field, i) = (field.Append('"'), i + 1);
                else if (c == '"')
                    quoted = false;
                else
                    field.Append(c);
            }
            else if (c == '"' && field.Length == 0)
                quoted = true;
            else if (c == ',')
                (line, field) = (Add(line, field), new StringBuilder());
            else if (c == '\n')
            {
                lines.Add(Add(line, field));
                (line, field) = ([], new StringBuilder());
            }
            else if (c != '\r')
                field.Append(c);
        }

        if (field.Length > 0 || line.Count > 0)
            lines.Add(Add(line, field));
        return lines;

        static List<string> Add(List<string> line, StringBuilder field)
        {
            line.Add(field.ToString());
            return line;
        }
    }
}
