using KerjaSama.Modularity.Csv;
using KerjaSama.TestKit;

namespace KerjaSama.Registry.Tests;

// Issue 16, finding 6: Registry exports neutralise cells a spreadsheet would run as formulas, and import back unchanged.
public abstract partial class ImportTests
{
    [Fact]
    public async Task Exports_prefix_formula_cells_with_an_apostrophe_and_the_export_imports_back_with_the_original_text()
    {
        var t = Unique.Token();
        var csv = $"{OrganisationHeader}\r\nt-{t}-f,\"=HYPERLINK(\"\"http://evil.example\"\",\"\"{t}\"\")\",@SUM(1),business,62,\r\n";
        await (await PostCsvAsync("/api/registry/organisations/import", csv)).ReadAsync<ImportSummaryRow>();

        var export = await _client.GetStringAsync("/api/registry/organisations/export");
        var line = export.Split('\n').Single(l => l.StartsWith($"t-{t}-f,", StringComparison.Ordinal));
        Assert.StartsWith($"t-{t}-f,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"{t}\"\")\",'@SUM(1),business,62,", line, StringComparison.Ordinal);
        var again = await (await PostCsvAsync("/api/registry/organisations/import", export.Split('\n')[0] + "\n" + line + "\n")).ReadAsync<ImportSummaryRow>();
        Assert.Equal(0, again.Created);
        var stored = await (await _client.GetAsync($"/api/registry/organisations?q={Uri.EscapeDataString($"t-{t}-f")}")).ReadAsync<PageOf<OrganisationRow>>();
        var organisation = Assert.Single(stored.Items);
        Assert.Equal($"=HYPERLINK(\"http://evil.example\",\"{t}\")", organisation.Name);
        Assert.Equal("@SUM(1)", organisation.ShortName);

        var n = Random.Shared.Next(10, 99);
        var nomenclature = $"code,level,name,output,indicator,unit\n2.13.{n},program,PROGRAM UJI {n},,,\n2.13.{n}.1.01,kegiatan,Kegiatan,,,\n"
            + $"2.13.{n}.1.01.0001,sub_kegiatan,Sub,+Keluaran,-Indikator,=Unit\n";
        await (await PostCsvAsync("/api/registry/nomenclature/import", nomenclature)).ReadAsync<ImportSummaryRow>();
        var items = await _client.GetStringAsync($"/api/registry/nomenclature/export?prefix=2.13.{n}");
        Assert.Contains($"2.13.{n}.1.01.0001,sub_kegiatan,Sub,'+Keluaran,'-Indikator,'=Unit", items, StringComparison.Ordinal);
        Assert.Contains(CsvFile.Read(items), r => r.Fields[0] == $"2.13.{n}.1.01.0001" && r.Fields[5] == "=Unit");
    }
}
